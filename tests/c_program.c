/* A C99 program against libiro.so: dates, a calendar from the GOV.UK file given as argv[1], errors. */
#include <stdio.h>
#include <string.h>

#include "iro.h"

static int failures = 0;

#define CHECK(cond)                                                                                    \
  do {                                                                                                 \
    if (!(cond)) {                                                                                     \
      fprintf(stderr, "%s:%d: %s failed (%s)\n", __FILE__, __LINE__, #cond, iro_last_error_message()); \
      ++failures;                                                                                      \
    }                                                                                                  \
  } while (0)

static int32_t day(const char* text) {
  int32_t d = 0;
  CHECK(iro_date_parse(text, &d) == IRO_OK);
  return d;
}

int main(int argc, char** argv) {
  iro_calendar* builtin = NULL;
  iro_calendar* govuk = NULL;
  int32_t out = 0, i = 0;
  int32_t days[3];
  char text[IRO_DATE_ISO_SIZE];
  if (argc != 2) {
    fprintf(stderr, "usage: %s bank-holidays.json\n", argv[0]);
    return 2;
  }
  CHECK(iro_abi_version() == IRO_ABI_VERSION);
  CHECK(strcmp(iro_version_string(), IRO_VERSION_STRING) == 0);

  CHECK(iro_date_add_months(day("2024-08-31"), 6, &out) == IRO_OK && out == day("2025-02-28"));
  CHECK(iro_date_format(out, text, sizeof text, NULL) == IRO_OK && strcmp(text, "2025-02-28") == 0);
  CHECK(iro_date_parse("2024-1-1", &out) == IRO_E_PARSE);
  CHECK(strstr(iro_last_error_message(), "\"2024-1-1\"") != NULL);

  CHECK(iro_calendar_new_builtin("england-and-wales", &builtin) == IRO_OK);
  CHECK(iro_calendar_new_from_govuk_file(argv[1], "england-and-wales", &govuk) == IRO_OK);
  /* The two calendars agree on every day the file covers. */
  for (i = day("2012-01-01"); i <= day("2027-12-31"); ++i) {
    int32_t a = -1, b = -2;
    CHECK(iro_calendar_is_working_day(builtin, i, &a) == IRO_OK);
    CHECK(iro_calendar_is_working_day(govuk, i, &b) == IRO_OK);
    if (a != b) {
      fprintf(stderr, "day %d: built-in %d, GOV.UK %d\n", (int)i, (int)a, (int)b);
      ++failures;
      break;
    }
  }
  days[0] = day("2022-09-05");
  days[1] = day("2023-04-08");
  days[2] = day("2023-12-18");
  CHECK(iro_calendar_add_working_days_batch(govuk, days, 3, 20, days) == IRO_OK);
  CHECK(days[0] == day("2022-10-04") && days[1] == day("2023-05-10") && days[2] == day("2024-01-18"));
  CHECK(iro_calendar_add_working_days(govuk, day("2027-12-30"), 5, &out) == IRO_E_OUT_OF_RANGE);
  iro_calendar_free(govuk);
  iro_calendar_free(builtin);
  printf("%s\n", failures == 0 ? "C program: all checks passed" : "C program: FAILED");
  return failures == 0 ? 0 : 1;
}
