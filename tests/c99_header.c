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

static int32_t use_schedules(const iro_schedules* schedules) {
  iro_child_schedule child;
  iro_review_result review[1];
  iro_missed_review missed[1];
  size_t count = 0;
  if (iro_schedules_child(schedules, 0, &child) != IRO_OK) return IRO_E_INTERNAL;
  if (iro_schedules_reviews(schedules, 0, review, 1, &count) != IRO_OK) return IRO_E_INTERNAL;
  if (iro_schedules_missed(schedules, 0, missed, 1, &count) != IRO_OK) return IRO_E_INTERNAL;
  return child.next_due == IRO_NO_DATE ? IRO_REGIME_ADOPTION_AUTHORISED + IRO_RULE_ADOPTION_AUTHORISED + IRO_PN_NONE
                                       : review[0].rule + missed[0].regime + IRO_REVIEW_CANCELLED;
}

int32_t (*const iro_c99_header_probe)(const iro_calendar*) = use_header;
int32_t (*const iro_c99_schedule_probe)(const iro_schedules*) = use_schedules;
