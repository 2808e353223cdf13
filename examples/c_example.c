/* A C program that uses libiro through iro.h: when is a review due 6 months after one held on
 * 31 August 2024? Build: cc c_example.c $(pkg-config --cflags --libs iro) */
#include <stdio.h>

#include "iro.h"

int main(void) {
  int32_t held = 0, due = 0;
  char text[IRO_DATE_ISO_SIZE];
  if (iro_abi_version() != IRO_ABI_VERSION) {
    fprintf(stderr, "libiro ABI %d, header ABI %d\n", (int)iro_abi_version(), IRO_ABI_VERSION);
    return 1;
  }
  if (iro_date_parse("2024-08-31", &held) != IRO_OK || iro_date_add_months(held, 6, &due) != IRO_OK ||
      iro_date_format(due, text, sizeof text, NULL) != IRO_OK) {
    fprintf(stderr, "iro: %s\n", iro_last_error_message());
    return 1;
  }
  printf("iro %s: a review held on 2024-08-31 is next due by %s\n", iro_version_string(), text);
  /* Bad input is an error with a message, never a silently adjusted date. */
  if (iro_date_parse("2023-02-29", &held) != IRO_E_INVALID_DATE) return 1;
  printf("refused: %s\n", iro_last_error_message());
  return 0;
}
