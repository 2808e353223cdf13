/* Links the installed libiro.so through find_package(iro) and iro::iro. */
#include <stdio.h>

#include "iro.h"

int main(void) {
  iro_calendar* cal = NULL;
  int32_t from = 0, due = 0;
  char text[IRO_DATE_ISO_SIZE];
  if (iro_abi_version() != IRO_ABI_VERSION || iro_date_parse("2024-03-25", &from) != IRO_OK ||
      iro_calendar_new_builtin("england-and-wales", &cal) != IRO_OK ||
      iro_calendar_add_working_days(cal, from, 20, &due) != IRO_OK ||
      iro_date_format(due, text, sizeof text, NULL) != IRO_OK) {
    fprintf(stderr, "consumer_c: %s\n", iro_last_error_message());
    iro_calendar_free(cal);
    return 1;
  }
  iro_calendar_free(cal);
  printf("consumer_c: first review due %s\n", text);
  return 0;
}
