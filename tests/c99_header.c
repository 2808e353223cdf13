/* iro.h must be valid C99 on its own: every declaration, macro and struct, with -pedantic. */
#include "iro.h"

/* Use the types and macros so that a mistake in them is a compile error, not an unused name. */
static int32_t use_header(const iro_calendar* cal) {
  iro_holiday h;
  int32_t out = 0;
  h.day = IRO_DATE_MIN;
  h.kind = IRO_HOLIDAY_BANK;
  h.substitute = 0;
  h.projected = 0;
  h.name = "x";
  if (iro_calendar_add_working_days(cal, h.day, 1, &out) != IRO_OK) return IRO_E_INTERNAL;
  return out + IRO_DATE_MAX + IRO_DATE_ISO_SIZE + IRO_VERSION_NUMBER + IRO_ABI_VERSION + IRO_HOLIDAY_CLOSURE;
}

int32_t (*const iro_c99_header_probe)(const iro_calendar*) = use_header;
