/**
 * @file iro.h
 * @brief The C API of iro: the statutory rules of an English Independent Reviewing Officer service.
 *
 * This header is the specification. Everything a caller may rely on is written here; what is not
 * written here may change (see docs/abi.md).
 *
 * @section conventions Conventions
 *
 *  1. **Names.** Every function starts with `iro_`, every macro and constant with `IRO_`. Only those
 *     symbols are exported from libiro.so.
 *  2. **Status.** Every function that can fail returns an `int32_t` status: `IRO_OK` (0) or one of the
 *     `IRO_E_*` codes below. The numbers are pinned: a code is never renumbered, and a retired code is
 *     never reused. Treat any unknown non-zero value as a failure.
 *  3. **Messages.** After a failure, iro_last_error_message() returns a sentence that names the function,
 *     the offending value and why it was refused. The message is per thread; after a successful call it
 *     is the empty string. The pointer stays valid until the next iro call on the same thread.
 *  4. **Arguments.** Inputs come first and out-parameters last. Every pointer argument is checked: NULL
 *     where a pointer is required gives `IRO_E_INVALID_ARGUMENT`. On failure no out-parameter is written,
 *     except where a function says otherwise (the size needed for a buffer, the index reached in a batch).
 *  5. **Dates** are `int32_t` counts of days since 1970-01-01 (numpy `datetime64[D]`, C++20 `sys_days`),
 *     proleptic Gregorian, in the supported range `IRO_DATE_MIN` (1900-01-01) to `IRO_DATE_MAX`
 *     (2199-12-31). A date outside it, or text or fields that name no date, is an error: nothing is ever
 *     silently normalised (2023-02-29 is refused, not read as 1 March).
 *  6. **Text** is UTF-8 and NUL-terminated. Text the library returns as `const char*` is owned by the
 *     library and is static unless the function says otherwise. Text written into a caller's buffer
 *     reports the size needed (including the terminating NUL) so the caller can retry with a larger one.
 *  7. **Handles** are opaque (`typedef struct iro_x iro_x;`), made by `iro_x_new*` and released by
 *     `iro_x_free`, which accepts NULL. Each handle type says whether it may be shared across threads.
 *     A handle made from another (a calendar with closures, a policy diff, schedules) holds its own
 *     copy of what it needs: the one it was made from may be freed first.
 *  8. **Batch calls** take caller-allocated arrays and a count; they allocate nothing per item. Plain
 *     functions without handles are safe to call from any number of threads at once.
 *  9. **No surprises.** No C++ exception crosses this boundary; the library reads no clock, holds no
 *     global mutable state other than the per-thread message, and does no I/O except in functions whose
 *     name says they load or save a file.
 */
#ifndef IRO_H
#define IRO_H

#include <stddef.h>
#include <stdint.h>

#include "iro_version.h"

#if defined(IRO_BUILDING_LIBRARY) && defined(__GNUC__)
#define IRO_API __attribute__((visibility("default")))
#else
/** Marks a function exported from libiro.so. */
#define IRO_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @name Status codes
 * Pinned values: never renumbered, never reused.
 * @{
 */
#define IRO_OK 0                 /**< Success. */
#define IRO_E_INVALID_ARGUMENT 1 /**< A NULL pointer, a count or value outside its domain, an unknown enum value. */
#define IRO_E_OUT_OF_RANGE 2     /**< A date or result outside the supported range; the message gives the range. */
#define IRO_E_INVALID_DATE 3     /**< Fields or text that are well formed but name no date (2023-02-29, month 13). */
#define IRO_E_PARSE 4            /**< Text or a file that does not follow its syntax; the message gives the place. */
#define IRO_E_BUFFER_TOO_SMALL 5 /**< A caller's buffer is too small; the size needed was reported. */
#define IRO_E_NOT_FOUND 6        /**< A named thing does not exist (a division, an id); the message lists choices. */
#define IRO_E_IO 7               /**< A file could not be opened, read or written. */
#define IRO_E_NO_MEMORY 8        /**< Memory could not be allocated. */
#define IRO_E_RULE_VIOLATION 9   /**< The request breaks a rule of the policy in force. */
#define IRO_E_INTERNAL 10        /**< A bug in iro; please report it with the message. */
/** @} */

/**
 * @name Dates: the supported range
 * @{
 */
#define IRO_DATE_MIN (-25567) /**< 1900-01-01 as days since 1970-01-01: the first supported date. */
#define IRO_DATE_MAX 84005    /**< 2199-12-31 as days since 1970-01-01: the last supported date. */
#define IRO_DATE_ISO_SIZE 11  /**< Bytes needed for an ISO date "YYYY-MM-DD" with its terminating NUL. */
/** @} */

/* ------------------------------------------------------------------------------------------------ */
/** @name Versions and errors
 * @{ */

/**
 * The version of the loaded library, "MAJOR.MINOR.PATCH".
 * Compare with IRO_VERSION_STRING to detect a header/library mismatch.
 * @return a static string; never NULL. Thread-safe.
 */
IRO_API const char* iro_version_string(void);

/**
 * The version of the loaded library as one number, major * 10000 + minor * 100 + patch.
 * @return for example 100 for 0.1.0. Thread-safe.
 */
IRO_API int32_t iro_version_number(void);

/**
 * The ABI version of the loaded library (the SOVERSION of libiro.so).
 * A binding built against IRO_ABI_VERSION should refuse to run when this differs.
 * @return the ABI version. Thread-safe.
 */
IRO_API int32_t iro_abi_version(void);

/**
 * The message of the last failed iro call on this thread, or "" when the last call succeeded.
 * @return a NUL-terminated UTF-8 string owned by the library, valid until the next iro call on this
 *         thread; never NULL. Each thread has its own.
 */
IRO_API const char* iro_last_error_message(void);

/**
 * The pinned name of a status code: "IRO_OK", "IRO_E_PARSE", ...
 * @param status any value.
 * @return a static string; "IRO_E_UNKNOWN" for a value that is not a status code. Never NULL.
 *         Thread-safe. Does not change the last error message.
 */
IRO_API const char* iro_status_name(int32_t status);

/** @} */
/* ------------------------------------------------------------------------------------------------ */
/** @name Dates
 * Plain functions over day counts; all are thread-safe.
 * @{ */

/**
 * Checks that a day count is a supported date.
 * @param day days since 1970-01-01.
 * @return IRO_OK when IRO_DATE_MIN <= day <= IRO_DATE_MAX; IRO_E_OUT_OF_RANGE otherwise.
 */
IRO_API int32_t iro_date_check(int32_t day);

/**
 * The day count of a calendar date.
 * @param year 1900-2199.
 * @param month 1-12.
 * @param day 1 to the length of the month.
 * @param[out] out_day receives days since 1970-01-01.
 * @return IRO_OK; IRO_E_INVALID_DATE when the fields name no date (month 13, 29 February 2023);
 *         IRO_E_OUT_OF_RANGE for a real date outside 1900-2199; IRO_E_INVALID_ARGUMENT when out_day is NULL.
 */
IRO_API int32_t iro_date_from_ymd(int32_t year, int32_t month, int32_t day, int32_t* out_day);

/**
 * The calendar fields of a day count.
 * @param day days since 1970-01-01.
 * @param[out] out_year receives the year.
 * @param[out] out_month receives the month, 1-12.
 * @param[out] out_day_of_month receives the day of the month, 1-31.
 * @return IRO_OK; IRO_E_OUT_OF_RANGE; IRO_E_INVALID_ARGUMENT when any out-parameter is NULL.
 */
IRO_API int32_t iro_date_to_ymd(int32_t day, int32_t* out_year, int32_t* out_month, int32_t* out_day_of_month);

/**
 * The ISO day of the week.
 * @param day days since 1970-01-01.
 * @param[out] out_weekday receives 1 (Monday) to 7 (Sunday).
 * @return IRO_OK; IRO_E_OUT_OF_RANGE; IRO_E_INVALID_ARGUMENT when out_weekday is NULL.
 */
IRO_API int32_t iro_date_weekday(int32_t day, int32_t* out_weekday);

/**
 * Parses strict ISO-8601 calendar-date text: exactly "YYYY-MM-DD", nothing before or after.
 * " 2024-01-01", "2024-1-1" and "20240101" are refused.
 * @param text NUL-terminated text.
 * @param[out] out_day receives days since 1970-01-01.
 * @return IRO_OK; IRO_E_PARSE for other syntax; IRO_E_INVALID_DATE for "2023-02-29" or "2024-13-01";
 *         IRO_E_OUT_OF_RANGE for a real date outside 1900-2199; IRO_E_INVALID_ARGUMENT for a NULL
 *         pointer. The message quotes the text.
 */
IRO_API int32_t iro_date_parse(const char* text, int32_t* out_day);

/**
 * Formats a day count as ISO-8601 "YYYY-MM-DD" with a terminating NUL.
 * @param day days since 1970-01-01.
 * @param buffer where the text goes; may be NULL when buffer_size is 0 (to ask for the size).
 * @param buffer_size bytes available at buffer.
 * @param[out] out_needed when not NULL, receives the bytes needed including the NUL
 *             (IRO_DATE_ISO_SIZE), on success and on IRO_E_BUFFER_TOO_SMALL.
 * @return IRO_OK; IRO_E_BUFFER_TOO_SMALL when buffer_size < IRO_DATE_ISO_SIZE (nothing is written to
 *         buffer); IRO_E_OUT_OF_RANGE; IRO_E_INVALID_ARGUMENT when buffer is NULL and buffer_size > 0.
 */
IRO_API int32_t iro_date_format(int32_t day, char* buffer, size_t buffer_size, size_t* out_needed);

/**
 * Adds calendar days.
 * @param day days since 1970-01-01.
 * @param n days to add; negative goes back.
 * @param[out] out_day receives the result.
 * @return IRO_OK; IRO_E_OUT_OF_RANGE when day or the result is outside the supported range;
 *         IRO_E_INVALID_ARGUMENT when out_day is NULL.
 */
IRO_API int32_t iro_date_add_days(int32_t day, int32_t n, int32_t* out_day);

/**
 * Adds weeks: "4 weeks after D" is D + 28 days.
 * @param day days since 1970-01-01.
 * @param n weeks to add; negative goes back.
 * @param[out] out_day receives the result.
 * @return IRO_OK; IRO_E_OUT_OF_RANGE; IRO_E_INVALID_ARGUMENT when out_day is NULL.
 */
IRO_API int32_t iro_date_add_weeks(int32_t day, int32_t n, int32_t* out_day);

/**
 * "N months after": the same day number n calendar months later, or the last day of that month when it
 * is shorter (Dodds v Walker): 2024-08-31 + 6 = 2025-02-28; 2024-02-29 + 6 = 2024-08-29.
 * @param day days since 1970-01-01.
 * @param n months to add; negative goes back by the same rule.
 * @param[out] out_day receives the result.
 * @return IRO_OK; IRO_E_OUT_OF_RANGE; IRO_E_INVALID_ARGUMENT when out_day is NULL.
 */
IRO_API int32_t iro_date_add_months(int32_t day, int32_t n, int32_t* out_day);

/**
 * iro_date_add_months() over an array, with no allocation.
 * @param days count day counts.
 * @param count number of items; 0 is allowed (nothing happens).
 * @param n months to add to each.
 * @param[out] out_days room for count results; may be the same array as days.
 * @return IRO_OK; IRO_E_OUT_OF_RANGE at the first item that fails: the message names its index, items
 *         before it are written and the rest are untouched; IRO_E_INVALID_ARGUMENT when days or out_days
 *         is NULL with count > 0.
 */
IRO_API int32_t iro_date_add_months_batch(const int32_t* days, size_t count, int32_t n, int32_t* out_days);

/** @} */

/* ------------------------------------------------------------------------------------------------ */
/** @name Working-day calendars
 * A working day is not a Saturday, a Sunday, Christmas Day, Good Friday, a bank holiday, or a closure
 * day a council added. "Within N working days of D" counts D as day 0 even when D is not a working day.
 *
 * An iro_calendar is immutable once made: one handle may be shared by any number of threads. Every
 * operation is O(1) through precomputed tables; the batch calls allocate nothing.
 * @{ */

/** An immutable working-day calendar; thread-safe to share. Release with iro_calendar_free(). */
typedef struct iro_calendar iro_calendar;

#define IRO_HOLIDAY_BANK 1    /**< iro_holiday.kind: a bank holiday, Christmas Day or Good Friday. */
#define IRO_HOLIDAY_CLOSURE 2 /**< iro_holiday.kind: a closure day added by the council. */

/** One non-working weekday, as listed by iro_calendar_holidays(). */
typedef struct iro_holiday {
  int32_t day;        /**< Days since 1970-01-01. */
  int32_t kind;       /**< IRO_HOLIDAY_BANK or IRO_HOLIDAY_CLOSURE. */
  int32_t substitute; /**< 1 for a substitute day (the holiday itself fell at a weekend), else 0. */
  int32_t projected;  /**< 1 when the year is later than any published list confirmed, else 0. */
  const char* name;   /**< UTF-8 name, owned by the calendar: valid until iro_calendar_free(). */
} iro_holiday;

/**
 * Makes a built-in calendar from the statutory rules (Banking and Financial Dealings Act 1971 and the
 * proclamations that moved or added days). It covers 1970-01-01 to 2199-12-31; years after the last
 * published GOV.UK list it was checked against are projected (see iro_calendar_info()).
 * @param division "england-and-wales" (the only built-in division).
 * @param[out] out receives a new handle; free it with iro_calendar_free().
 * @return IRO_OK; IRO_E_NOT_FOUND for another division (the message lists the built-in ones);
 *         IRO_E_INVALID_ARGUMENT for a NULL pointer.
 */
IRO_API int32_t iro_calendar_new_builtin(const char* division, iro_calendar** out);

/**
 * Makes a calendar from a GOV.UK bank-holidays.json file alone: weekends plus the division's events,
 * covering 1 January of the file's first year to 31 December of its last, all confirmed.
 * @param path the file.
 * @param division "england-and-wales", "scotland", "northern-ireland" or any division in the file.
 * @param[out] out receives a new handle.
 * @return IRO_OK; IRO_E_IO when the file cannot be read; IRO_E_PARSE for malformed JSON (the message
 *         gives the file, line and column) or a document not in the GOV.UK shape; IRO_E_NOT_FOUND for a
 *         division not in the file (the message lists those present); IRO_E_INVALID_DATE for an event date
 *         that is no date; IRO_E_INVALID_ARGUMENT for a duplicated date, an empty list or a NULL pointer.
 */
IRO_API int32_t iro_calendar_new_from_govuk_file(const char* path, const char* division, iro_calendar** out);

/**
 * As iro_calendar_new_from_govuk_file(), from a document in memory.
 * @param text the JSON text (UTF-8, need not be NUL-terminated).
 * @param length bytes of text.
 * @param division the division to take.
 * @param[out] out receives a new handle.
 * @return as iro_calendar_new_from_govuk_file(), without IRO_E_IO.
 */
IRO_API int32_t iro_calendar_new_from_govuk_text(const char* text, size_t length, const char* division,
                                                 iro_calendar** out);

/**
 * Makes a new calendar: @p base updated with a newer GOV.UK list, so that a newly proclaimed holiday
 * need not wait for a release of iro. For every year the file covers, its events replace the base's bank
 * holidays of that year; the confirmed year becomes the later of the two. @p base is unchanged, and on
 * failure nothing is made: a calendar in use is never half-updated.
 * @param base the calendar to update.
 * @param path the GOV.UK file.
 * @param division the division to take; it must be the base's division.
 * @param[out] out receives a new handle.
 * @return as iro_calendar_new_from_govuk_file(); IRO_E_INVALID_ARGUMENT when the division differs from
 *         the base's or the file's years lie outside the base's range.
 */
IRO_API int32_t iro_calendar_new_updated(const iro_calendar* base, const char* path, const char* division,
                                         iro_calendar** out);

/**
 * Makes a new calendar: @p base with a council's closure days added (a Christmas shutdown). A closure day
 * on a weekend or a bank holiday changes nothing.
 * @param base the calendar.
 * @param days count closure days.
 * @param count the number of days; 0 gives a copy of base.
 * @param name the name they are listed under, for example "Council closure".
 * @param[out] out receives a new handle.
 * @return IRO_OK; IRO_E_OUT_OF_RANGE for a day outside the base's range (the message names its index);
 *         IRO_E_INVALID_ARGUMENT for a NULL pointer.
 */
IRO_API int32_t iro_calendar_new_with_closures(const iro_calendar* base, const int32_t* days, size_t count,
                                               const char* name, iro_calendar** out);

/**
 * Releases a calendar. Accepts NULL. Holiday names it returned become invalid.
 * @param calendar the handle, or NULL.
 */
IRO_API void iro_calendar_free(iro_calendar* calendar);

/**
 * What a calendar covers.
 * @param calendar the handle.
 * @param[out] out_first receives its first day.
 * @param[out] out_last receives its last day.
 * @param[out] out_confirmed_through receives the last year a published list confirmed; later years are
 *             projected from the rules.
 * @return IRO_OK; IRO_E_INVALID_ARGUMENT for a NULL pointer.
 */
IRO_API int32_t iro_calendar_info(const iro_calendar* calendar, int32_t* out_first, int32_t* out_last,
                                  int32_t* out_confirmed_through);

/**
 * The division and source of a calendar.
 * @param calendar the handle.
 * @param[out] out_division receives its division, owned by the calendar.
 * @param[out] out_source receives where it came from ("built-in rules", a file and its updates), owned by
 *             the calendar.
 * @return IRO_OK; IRO_E_INVALID_ARGUMENT for a NULL pointer.
 */
IRO_API int32_t iro_calendar_describe(const iro_calendar* calendar, const char** out_division, const char** out_source);

/**
 * Whether a day is a working day.
 * @param calendar the handle.
 * @param day days since 1970-01-01.
 * @param[out] out_is_working receives 1 or 0.
 * @return IRO_OK; IRO_E_OUT_OF_RANGE outside the calendar's range; IRO_E_INVALID_ARGUMENT.
 */
IRO_API int32_t iro_calendar_is_working_day(const iro_calendar* calendar, int32_t day, int32_t* out_is_working);

/**
 * The n-th working day after a day (before it when n is negative); n = 0 gives the day itself. The day is
 * day 0 even when it is not a working day.
 * @param calendar the handle.
 * @param day the anchor.
 * @param n working days to count.
 * @param[out] out receives the date.
 * @return IRO_OK; IRO_E_OUT_OF_RANGE when the anchor or the result is outside the calendar's range;
 *         IRO_E_INVALID_ARGUMENT.
 */
IRO_API int32_t iro_calendar_add_working_days(const iro_calendar* calendar, int32_t day, int32_t n, int32_t* out);

/**
 * iro_calendar_add_working_days() over an array: out[i] = the n-th working day after days[i].
 * @param calendar the handle.
 * @param days count anchors.
 * @param count the number of items; 0 is allowed.
 * @param n working days to add to each.
 * @param[out] out room for count results; may be the same array as days.
 * @return IRO_OK; IRO_E_OUT_OF_RANGE at the first item that fails (the message names its index and day;
 *         items before it are written, the rest are not); IRO_E_INVALID_ARGUMENT for NULL arrays with
 *         count > 0.
 */
IRO_API int32_t iro_calendar_add_working_days_batch(const iro_calendar* calendar, const int32_t* days, size_t count,
                                                    int32_t n, int32_t* out);

/**
 * The number of working days in (from, to]: 0 when equal, negative when to is before from.
 * @param calendar the handle.
 * @param from the start, excluded.
 * @param to the end, included.
 * @param[out] out receives the count.
 * @return IRO_OK; IRO_E_OUT_OF_RANGE; IRO_E_INVALID_ARGUMENT.
 */
IRO_API int32_t iro_calendar_working_days_between(const iro_calendar* calendar, int32_t from, int32_t to, int32_t* out);

/**
 * iro_calendar_working_days_between() over arrays: out[i] = working days in (from[i], to[i]].
 * @param calendar the handle.
 * @param from count start days.
 * @param to count end days.
 * @param count the number of items; 0 is allowed.
 * @param[out] out room for count results; may be the same array as from or to (each item is read
 *            before its result is written).
 * @return IRO_OK; IRO_E_OUT_OF_RANGE at the first item that fails (named in the message; items before it
 *         are written); IRO_E_INVALID_ARGUMENT.
 */
IRO_API int32_t iro_calendar_working_days_between_batch(const iro_calendar* calendar, const int32_t* from,
                                                        const int32_t* to, size_t count, int32_t* out);

/**
 * The first working day on or after a day.
 * @param calendar the handle.
 * @param day the day.
 * @param[out] out receives the date.
 * @return IRO_OK; IRO_E_OUT_OF_RANGE; IRO_E_INVALID_ARGUMENT.
 */
IRO_API int32_t iro_calendar_next_working_day(const iro_calendar* calendar, int32_t day, int32_t* out);

/**
 * The last working day on or before a day.
 * @param calendar the handle.
 * @param day the day.
 * @param[out] out receives the date.
 * @return IRO_OK; IRO_E_OUT_OF_RANGE; IRO_E_INVALID_ARGUMENT.
 */
IRO_API int32_t iro_calendar_previous_working_day(const iro_calendar* calendar, int32_t day, int32_t* out);

/**
 * The non-working weekdays (bank holidays and closures) from one day to another, inclusive, in date order.
 * Call with capacity 0 to learn the count.
 * @param calendar the handle.
 * @param from first day.
 * @param to last day (before from gives none).
 * @param out room for capacity holidays; may be NULL when capacity is 0.
 * @param capacity the room at out.
 * @param[out] out_count receives the number of holidays in the range (also on IRO_E_BUFFER_TOO_SMALL).
 * @return IRO_OK; IRO_E_BUFFER_TOO_SMALL when capacity is less than the count (out is not written);
 *         IRO_E_OUT_OF_RANGE; IRO_E_INVALID_ARGUMENT.
 */
IRO_API int32_t iro_calendar_holidays(const iro_calendar* calendar, int32_t from, int32_t to, iro_holiday* out,
                                      size_t capacity, size_t* out_count);

/**
 * Explains a working-day sum in one sentence: the result and each non-working day it stepped over, with
 * its name ("2023-04-28 + 20 working days = 2023-05-31 (Wednesday); the anchor 2023-04-28 is day 0;
 * stepped over 10 weekend days and 3 holidays: 2023-05-01 Early May bank holiday, ...").
 * @param calendar the handle.
 * @param day the anchor.
 * @param n working days.
 * @param buffer where the NUL-terminated text goes; may be NULL when buffer_size is 0.
 * @param buffer_size bytes at buffer.
 * @param[out] out_needed when not NULL, receives the bytes needed including the NUL.
 * @return IRO_OK; IRO_E_BUFFER_TOO_SMALL (nothing written to buffer); IRO_E_OUT_OF_RANGE;
 *         IRO_E_INVALID_ARGUMENT.
 */
IRO_API int32_t iro_calendar_explain_add(const iro_calendar* calendar, int32_t day, int32_t n, char* buffer,
                                         size_t buffer_size, size_t* out_needed);

/** @} */

/* ------------------------------------------------------------------------------------------------ */
/** @name Policies
 * The settings the rules read. An iro_policy is immutable once made: share it across threads.
 * @{ */

/** An immutable policy; thread-safe to share. Release with iro_policy_free(). */
typedef struct iro_policy iro_policy;

/**
 * Makes a built-in policy.
 * @param name "england": CPPCR 2010 and the IRO Handbook 2010 (anchor is day 0, calendar months, records
 *        within 20 working days, reports 3 working days before, caseload band 50-70).
 * @param[out] out receives a new handle; free it with iro_policy_free().
 * @return IRO_OK; IRO_E_NOT_FOUND for another name; IRO_E_INVALID_ARGUMENT for a NULL pointer.
 */
IRO_API int32_t iro_policy_new_builtin(const char* name, iro_policy** out);

/**
 * Makes a new policy: @p base with overrides given as a JSON object, the `policy` object of the
 * conformance case format: `anchor_day_counts` (true/false), `interval_unit` ("months"/"days"),
 * `closure_days` (["YYYY-MM-DD", ...]), `caseload_band` ([low, high]), `ladder` (an object).
 * @param base the policy to start from.
 * @param json NUL-terminated JSON text.
 * @param[out] out receives a new handle.
 * @return IRO_OK; IRO_E_PARSE for malformed JSON (line and column), an unknown key or a bad value (the
 *         message names the key and value); IRO_E_INVALID_ARGUMENT for a NULL pointer.
 */
IRO_API int32_t iro_policy_new_with_overrides(const iro_policy* base, const char* json, iro_policy** out);

/**
 * Loads a policy file (format "iro-policy/1", docs/policy.md). `extends` may name "england" or another
 * file, relative to this one; an overlay overrides only what it states.
 * @param path the file.
 * @param[out] out receives a new handle.
 * @return IRO_OK; IRO_E_IO when a file cannot be read; IRO_E_PARSE for malformed JSON, an unknown key or a
 *         wrong type; IRO_E_INVALID_ARGUMENT for a bad value (a negative duration, an empty ladder, a band
 *         with low above high, a cycle of extends); IRO_E_NOT_FOUND for a missing base. Every message names
 *         the file and the JSON path ("hounslow.json: $.targets.record_working_days: -5 is below 0"). On
 *         failure nothing is made: a policy is never partly applied.
 */
IRO_API int32_t iro_policy_new_from_file(const char* path, iro_policy** out);

/**
 * A policy's id and where it was loaded from.
 * @param policy the handle.
 * @param[out] out_id receives its id ("england", "hounslow"), owned by the handle.
 * @param[out] out_source receives its sources, base first ("built-in policy \"england\" + hounslow.json"),
 *             owned by the handle.
 * @return IRO_OK; IRO_E_INVALID_ARGUMENT for a NULL pointer.
 */
IRO_API int32_t iro_policy_describe(const iro_policy* policy, const char** out_id, const char** out_source);

/**
 * Releases a policy. Accepts NULL.
 * @param policy the handle, or NULL.
 */
IRO_API void iro_policy_free(iro_policy* policy);

/** @} */
/* ------------------------------------------------------------------------------------------------ */
/** @name Children and their review schedules
 * Build the children to evaluate in an iro_children handle (mutable: one thread at a time), then
 * evaluate them all in one call into an iro_schedules handle (immutable: share it across threads).
 * Evaluation allocates nothing per review: results are kept in flat arrays inside the handle.
 * @{ */

/** "No date": an open period end, an unknown date of birth, no next review. */
#define IRO_NO_DATE INT32_MIN

#define IRO_REGIME_STANDARD 0        /**< CPPCR 2010 reg 33. */
#define IRO_REGIME_SHORT_BREAKS 1    /**< CPPCR 2010 reg 48. */
#define IRO_REGIME_ADOPTION_PLACED 2 /**< AAR 2005 reg 36(3). */
/** AAR 2005 reg 36(1); only as a switch from standard, or from adoption_placed (a return to the agency). */
#define IRO_REGIME_ADOPTION_AUTHORISED 3

#define IRO_PN_NONE (-1) /**< No participation code recorded; PN0..PN7 are 0..7. */

#define IRO_REVIEW_CANCELLED 1 /**< Review flag: the review was cancelled (it is not a review). */

/* The step of a chain that set a due date (IRO_RULE_*). The citation, interval and wording of each are the
 * policy's (iro_policy_rule()); the provisions below are those of the built-in England policy. */
#define IRO_RULE_STANDARD_FIRST 0             /**< CPPCR 2010 reg 33(1): 20 working days. */
#define IRO_RULE_STANDARD_SECOND 1            /**< CPPCR 2010 reg 33(2): 3 months after the first. */
#define IRO_RULE_STANDARD_SUBSEQUENT 2        /**< CPPCR 2010 reg 33(2): 6 months after the previous. */
#define IRO_RULE_SHORT_BREAKS_FIRST 3         /**< CPPCR 2010 reg 48(3): 3 months from the first short break. */
#define IRO_RULE_SHORT_BREAKS_SUBSEQUENT 4    /**< CPPCR 2010 reg 48(3): 6 months (third and later reviews). */
#define IRO_RULE_ADOPTION_PLACED_FIRST 5      /**< AAR 2005 reg 36(3)(a): 4 weeks. */
#define IRO_RULE_ADOPTION_PLACED_SECOND 6     /**< AAR 2005 reg 36(3)(b): 3 months. */
#define IRO_RULE_ADOPTION_PLACED_SUBSEQUENT 7 /**< AAR 2005 reg 36(3)(c): 6 months. */
#define IRO_RULE_ADOPTION_AUTHORISED 8        /**< AAR 2005 reg 36(1)(a): 3 months from authority to place. */
#define IRO_RULE_RETURNED \
  9 /**< After a return to the agency: 6 months after the previous review (CPPCR 2010 reg 33(2)). */
#define IRO_RULE_SHORT_BREAKS_SECOND 10 /**< CPPCR 2010 reg 48(3): the second short-break review, 6 months. */
#define IRO_RULE_RETURNED_LOCAL 11      /**< A council's own review after a return to the agency (policy only). */

/**
 * The citation and wording of a rule step under a policy: the one table every explanation and export reads.
 * @param policy the handle.
 * @param rule an IRO_RULE_* value.
 * @param anchor the date the rule counts from (days since 1970-01-01; it picks the rule version in force).
 * @param[out] out_cite receives the provision ("CPPCR 2010 reg 33(2)"), owned by the policy.
 * @param[out] out_text receives the rule in words with its interval, owned by the policy.
 * @return IRO_OK; IRO_E_INVALID_ARGUMENT for a NULL pointer or a rule that is no IRO_RULE_* value, or
 *         IRO_RULE_RETURNED_LOCAL under a policy that sets no such review; IRO_E_OUT_OF_RANGE for an anchor
 *         outside the date range.
 */
IRO_API int32_t iro_policy_rule(const iro_policy* policy, int32_t rule, int32_t anchor, const char** out_cite,
                                const char** out_text);

#define IRO_UNIT_WORKING_DAYS 0 /**< Working days of the calendar under the policy. */
#define IRO_UNIT_DAYS 1         /**< Calendar days. */
#define IRO_UNIT_WEEKS 2        /**< Weeks of 7 days. */
#define IRO_UNIT_MONTHS 3       /**< Calendar months (or days, under a policy that reads months as days). */

/**
 * Adds an interval to a date the way the policy counts: its anchor convention (`anchor_day_counts`), its
 * reading of months (`interval_unit`) and its council closure days on top of the base calendar. "20 working
 * days after 2024-03-25 under our policy" is one call. Each call makes the policy's calendar afresh: for
 * many dates, evaluate schedules instead.
 * @param policy the handle.
 * @param base the working-day calendar (its division must be the policy's).
 * @param from the anchor (days since 1970-01-01).
 * @param value how many units; negative counts back (working days: by the same convention).
 * @param unit an IRO_UNIT_* value.
 * @param[out] out_day receives the date.
 * @return IRO_OK; IRO_E_INVALID_ARGUMENT for a NULL pointer, an unknown unit or a calendar of another
 *         division; IRO_E_OUT_OF_RANGE when a date leaves the calendar or the date range.
 */
IRO_API int32_t iro_policy_add(const iro_policy* policy, const iro_calendar* base, int32_t from, int32_t value,
                               int32_t unit, int32_t* out_day);

/** A set of children to evaluate; mutable, so use it from one thread at a time. */
typedef struct iro_children iro_children;

/**
 * Makes an empty set of children.
 * @param[out] out receives a new handle; free it with iro_children_free().
 * @return IRO_OK; IRO_E_INVALID_ARGUMENT for a NULL pointer.
 */
IRO_API int32_t iro_children_new(iro_children** out);

/**
 * Releases a set of children. Accepts NULL.
 * @param children the handle, or NULL.
 */
IRO_API void iro_children_free(iro_children* children);

/**
 * Adds a child.
 * @param children the set.
 * @param id the child's id (UTF-8; copied).
 * @param dob date of birth, or IRO_NO_DATE.
 * @param[out] out_index receives the child's index (0, 1, 2, ... in the order added).
 * @return IRO_OK; IRO_E_OUT_OF_RANGE for a date of birth outside the supported range;
 *         IRO_E_INVALID_ARGUMENT for a NULL pointer.
 */
IRO_API int32_t iro_children_add(iro_children* children, const char* id, int32_t dob, int32_t* out_index);

/**
 * Adds a period of care to a child. Periods must be added in date order; they are checked when evaluated.
 * @param children the set.
 * @param child the child's index.
 * @param start the day the child became looked after.
 * @param end the first day no longer looked after, or IRO_NO_DATE while still looked after.
 * @param regime an IRO_REGIME_* value.
 * @return IRO_OK; IRO_E_NOT_FOUND for an unknown child index; IRO_E_OUT_OF_RANGE for a bad date;
 *         IRO_E_INVALID_ARGUMENT for an unknown regime or a NULL pointer.
 */
IRO_API int32_t iro_children_add_period(iro_children* children, int32_t child, int32_t start, int32_t end,
                                        int32_t regime);

/**
 * Adds a regime switch to a child's most recently added period.
 * @param children the set.
 * @param child the child's index.
 * @param day the day the new regime applies from.
 * @param regime an IRO_REGIME_* value.
 * @return IRO_OK; IRO_E_NOT_FOUND for an unknown child index; IRO_E_INVALID_ARGUMENT when the child has
 *         no period yet, for an unknown regime or a NULL pointer; IRO_E_OUT_OF_RANGE for a bad date.
 */
IRO_API int32_t iro_children_add_switch(iro_children* children, int32_t child, int32_t day, int32_t regime);

/**
 * Adds many reviews at once (for any children, in any order).
 * @param children the set.
 * @param child count child indexes.
 * @param days count review dates.
 * @param codes count participation codes (IRO_PN_NONE or 0..7), or NULL for none.
 * @param flags count flags (IRO_REVIEW_CANCELLED), or NULL for none.
 * @param count the number of reviews; 0 is allowed.
 * @return IRO_OK; IRO_E_NOT_FOUND, IRO_E_OUT_OF_RANGE or IRO_E_INVALID_ARGUMENT at the first bad item
 *         (the message names its index; no review of the call is added).
 */
IRO_API int32_t iro_children_add_reviews(iro_children* children, const int32_t* child, const int32_t* days,
                                         const int32_t* codes, const int32_t* flags, size_t count);

/**
 * Adds the children of a JSON file: an array of child documents (or {"children": [...]}) in the shape of
 * the conformance cases (`child`, `periods`, `reviews`, optional `placements` and `visits`).
 * @param children the set.
 * @param path the file.
 * @param[out] out_added when not NULL, receives the number of children added.
 * @return IRO_OK; IRO_E_IO; IRO_E_PARSE (the message names the file, the child and the field);
 *         IRO_E_INVALID_DATE / IRO_E_OUT_OF_RANGE for a bad date. On failure nothing is added.
 */
IRO_API int32_t iro_children_load_json(iro_children* children, const char* path, size_t* out_added);

/**
 * The number of children in a set.
 * @param children the set.
 * @param[out] out_count receives the count.
 * @return IRO_OK; IRO_E_INVALID_ARGUMENT for a NULL pointer.
 */
IRO_API int32_t iro_children_count(const iro_children* children, size_t* out_count);

/** The evaluated schedules of a set of children; immutable, so share it across threads. */
typedef struct iro_schedules iro_schedules;

/** One child's result, as read by iro_schedules_child(). */
typedef struct iro_child_schedule {
  int32_t status;      /**< IRO_OK, or why this child could not be evaluated (see iro_schedules_child_error()). */
  int32_t reviews;     /**< Held reviews up to the as-of date. */
  int32_t missed;      /**< Missed due dates. */
  int32_t next_due;    /**< The next review's due date, or IRO_NO_DATE when not looked after. */
  int32_t next_number; /**< Its place in its chain (0 when none). */
  int32_t next_regime; /**< Its IRO_REGIME_* value (-1 when none). */
  int32_t next_rule;   /**< Its IRO_RULE_* value (-1 when none). */
  int32_t next_anchor; /**< The date its rule counts from (IRO_NO_DATE when none). */
  int32_t overdue;     /**< 1 when the next review's due date is before the as-of date. */
  int32_t midway;      /**< The midway review date (IRO_NO_DATE when none). */
  int32_t book_by;     /**< Book the review by (policy booking share; IRO_NO_DATE when none). */
  int32_t report_due;  /**< The report deadline before it (IRO_NO_DATE when none). */
} iro_child_schedule;

/** One held review, as read by iro_schedules_reviews(). */
typedef struct iro_review_result {
  int32_t day;           /**< When it was held. */
  int32_t number;        /**< Its place in its chain (1 = first). */
  int32_t regime;        /**< IRO_REGIME_* it was held under. */
  int32_t due;           /**< The deadline it had to meet. */
  int32_t rule;          /**< IRO_RULE_* that set the deadline. */
  int32_t anchor;        /**< The date the rule counts from. */
  int32_t on_time;       /**< 1 when held on or before the deadline. */
  int32_t days_late;     /**< Calendar days after the deadline (0 when on time). */
  int32_t record_due;    /**< Its record must be circulated by this date. */
  int32_t participation; /**< IRO_PN_NONE or 0..7. */
} iro_review_result;

/** One missed due date, as read by iro_schedules_missed(). */
typedef struct iro_missed_review {
  int32_t due;    /**< The deadline that passed with no review. */
  int32_t rule;   /**< IRO_RULE_* that set it. */
  int32_t anchor; /**< The date the rule counts from. */
  int32_t regime; /**< IRO_REGIME_* it fell under. */
} iro_missed_review;

/**
 * Evaluates every child's schedule as of a date. A child whose data is invalid gets its own status and
 * message; the others are evaluated as usual.
 * @param children the set (not changed; may be freed afterwards).
 * @param policy the settings.
 * @param calendar the working-day calendar; the policy's closure days are added to it.
 * @param as_of the date of the evaluation: later reviews, switches and period starts are not known yet.
 * @param[out] out receives a new handle; free it with iro_schedules_free().
 * @return IRO_OK (even when some children are invalid: see iro_schedules_summary());
 *         IRO_E_OUT_OF_RANGE for an as-of date or a closure day outside the calendar;
 *         IRO_E_INVALID_ARGUMENT for a NULL pointer.
 */
IRO_API int32_t iro_schedule_evaluate(const iro_children* children, const iro_policy* policy,
                                      const iro_calendar* calendar, int32_t as_of, iro_schedules** out);

/**
 * As iro_schedule_evaluate(), into an existing handle whose storage is reused (no allocation once it is
 * large enough): for evaluating the same children again, as of another date or under another policy.
 * @param children the set.
 * @param policy the settings.
 * @param calendar the working-day calendar; the policy's closure days are added to it.
 * @param as_of the date of the evaluation.
 * @param reuse a handle from iro_schedule_evaluate(); its previous results are replaced. No other thread
 *        may read it during the call.
 * @return as iro_schedule_evaluate(); on failure @p reuse holds no children.
 */
IRO_API int32_t iro_schedule_evaluate_into(const iro_children* children, const iro_policy* policy,
                                           const iro_calendar* calendar, int32_t as_of, iro_schedules* reuse);

/**
 * Releases evaluated schedules. Accepts NULL.
 * @param schedules the handle, or NULL.
 */
IRO_API void iro_schedules_free(iro_schedules* schedules);

/**
 * Totals of an evaluation.
 * @param schedules the handle.
 * @param[out] out_children receives the number of children.
 * @param[out] out_failed receives the number of children that could not be evaluated.
 * @param[out] out_reviews receives the number of held reviews judged.
 * @return IRO_OK; IRO_E_INVALID_ARGUMENT for a NULL pointer.
 */
IRO_API int32_t iro_schedules_summary(const iro_schedules* schedules, size_t* out_children, size_t* out_failed,
                                      size_t* out_reviews);

/**
 * One child's result.
 * @param schedules the handle.
 * @param child the child's index.
 * @param[out] out receives the result (its status field says whether the child was evaluated).
 * @return IRO_OK; IRO_E_NOT_FOUND for an index out of range; IRO_E_INVALID_ARGUMENT for a NULL pointer.
 */
IRO_API int32_t iro_schedules_child(const iro_schedules* schedules, size_t child, iro_child_schedule* out);

/**
 * Why a child could not be evaluated.
 * @param schedules the handle.
 * @param child the child's index.
 * @param[out] out_message receives the message naming the child, field and value ("" for a child that
 *             was evaluated); owned by the handle.
 * @return IRO_OK; IRO_E_NOT_FOUND; IRO_E_INVALID_ARGUMENT.
 */
IRO_API int32_t iro_schedules_child_error(const iro_schedules* schedules, size_t child, const char** out_message);

/**
 * A child's held reviews, judged, in date order. Call with capacity 0 to learn the count.
 * @param schedules the handle.
 * @param child the child's index.
 * @param out room for capacity results; may be NULL when capacity is 0.
 * @param capacity the room at out.
 * @param[out] out_count receives the number of reviews (also on IRO_E_BUFFER_TOO_SMALL).
 * @return IRO_OK; IRO_E_BUFFER_TOO_SMALL (out not written); IRO_E_NOT_FOUND; IRO_E_INVALID_ARGUMENT.
 */
IRO_API int32_t iro_schedules_reviews(const iro_schedules* schedules, size_t child, iro_review_result* out,
                                      size_t capacity, size_t* out_count);

/**
 * A child's missed due dates, in date order. Call with capacity 0 to learn the count.
 * @param schedules the handle.
 * @param child the child's index.
 * @param out room for capacity results; may be NULL when capacity is 0.
 * @param capacity the room at out.
 * @param[out] out_count receives the number of missed dates (also on IRO_E_BUFFER_TOO_SMALL).
 * @return IRO_OK; IRO_E_BUFFER_TOO_SMALL (out not written); IRO_E_NOT_FOUND; IRO_E_INVALID_ARGUMENT.
 */
IRO_API int32_t iro_schedules_missed(const iro_schedules* schedules, size_t child, iro_missed_review* out,
                                     size_t capacity, size_t* out_count);

/**
 * A child's id, as it was added to the set evaluated.
 * @param schedules the handle.
 * @param child the child's index.
 * @param[out] out_id receives the id, NUL-terminated UTF-8, owned by the schedules (valid until they are
 *             freed or evaluated into again).
 * @return IRO_OK; IRO_E_NOT_FOUND for an index past the last child; IRO_E_INVALID_ARGUMENT for a NULL pointer.
 */
IRO_API int32_t iro_schedules_child_id(const iro_schedules* schedules, size_t child, const char** out_id);

/**
 * The index of the child with an id, in constant time (the first such child when ids repeat).
 * @param schedules the handle.
 * @param id the id, NUL-terminated UTF-8.
 * @param[out] out_child receives the index.
 * @return IRO_OK; IRO_E_NOT_FOUND when no child has the id; IRO_E_INVALID_ARGUMENT for a NULL pointer.
 */
IRO_API int32_t iro_schedules_find(const iro_schedules* schedules, const char* id, size_t* out_child);

/**
 * Caller arrays for every held review of every child, one row per review in child order (the order
 * iro_schedules_reviews() gives each child's): the columnar form for data frames. Each pointer may be NULL
 * (that column is not written); each non-NULL one has room for the capacity given to
 * iro_schedules_review_columns().
 */
typedef struct iro_review_columns {
  int32_t* child;         /**< The child's index (iro_schedules_child_id() gives its id). */
  int32_t* day;           /**< When it was held. */
  int32_t* number;        /**< Its place in its chain (1 = first). */
  int32_t* regime;        /**< IRO_REGIME_* it was held under. */
  int32_t* due;           /**< The deadline it had to meet. */
  int32_t* rule;          /**< IRO_RULE_* that set the deadline. */
  int32_t* anchor;        /**< The date the rule counts from. */
  int32_t* on_time;       /**< 1 when held on or before the deadline. */
  int32_t* days_late;     /**< Calendar days after the deadline (0 when on time). */
  int32_t* record_due;    /**< The date its record must be circulated by. */
  int32_t* participation; /**< IRO_PN_NONE or 0..7. */
} iro_review_columns;

/**
 * Every held review of every child into caller arrays, in one call (no text). Call with capacity 0 to learn
 * the count. The values are those iro_schedules_reviews() gives.
 * @param schedules the handle.
 * @param columns the arrays (a NULL column is skipped).
 * @param capacity the room in each non-NULL array.
 * @param[out] out_count receives the number of reviews (also on IRO_E_BUFFER_TOO_SMALL).
 * @return IRO_OK; IRO_E_BUFFER_TOO_SMALL when capacity is less than the count (nothing written);
 *         IRO_E_INVALID_ARGUMENT for a NULL schedules, columns or out_count.
 */
IRO_API int32_t iro_schedules_review_columns(const iro_schedules* schedules, const iro_review_columns* columns,
                                             size_t capacity, size_t* out_count);

/** Caller arrays for every missed due date of every child (see iro_review_columns). */
typedef struct iro_missed_columns {
  int32_t* child;  /**< The child's index. */
  int32_t* due;    /**< The deadline that passed with no review. */
  int32_t* rule;   /**< IRO_RULE_* that set it. */
  int32_t* anchor; /**< The date the rule counts from. */
  int32_t* regime; /**< IRO_REGIME_* it fell under. */
} iro_missed_columns;

/**
 * Every missed due date of every child into caller arrays, in child order, in one call. Call with capacity
 * 0 to learn the count.
 * @param schedules the handle.
 * @param columns the arrays (a NULL column is skipped).
 * @param capacity the room in each non-NULL array.
 * @param[out] out_count receives the number of missed dates (also on IRO_E_BUFFER_TOO_SMALL).
 * @return as iro_schedules_review_columns().
 */
IRO_API int32_t iro_schedules_missed_columns(const iro_schedules* schedules, const iro_missed_columns* columns,
                                             size_t capacity, size_t* out_count);

/**
 * Explains a due date of a child in words an IRO can quote: the provision and its wording, the weekday of
 * the deadline (and, on a non-working day, that it is not extended), the event that started the chain,
 * the arithmetic (each non-working day stepped over), both duties for an authorised child, and any local
 * convention of the policy with the statutory date beside it. For review -1 and a child that owes no
 * review, why nothing is owed (left care, turned 18, not looked after yet).
 * @param schedules the handle.
 * @param child the child's index.
 * @param review the index of a held review (0-based, as from iro_schedules_reviews()), or -1 for the next
 *        review.
 * @param buffer where the NUL-terminated text goes; may be NULL when buffer_size is 0.
 * @param buffer_size bytes at buffer.
 * @param[out] out_needed when not NULL, receives the bytes needed including the NUL.
 * @return IRO_OK; IRO_E_BUFFER_TOO_SMALL (nothing written); IRO_E_NOT_FOUND for a child or review index
 *         out of range, or a child that could not be evaluated (the message gives its error);
 *         IRO_E_INVALID_ARGUMENT.
 */
IRO_API int32_t iro_schedules_explain(const iro_schedules* schedules, size_t child, int32_t review, char* buffer,
                                      size_t buffer_size, size_t* out_needed);

/** @} */

/* ------------------------------------------------------------------------------------------------ */
/** @name Testing a policy change
 * The same children evaluated under two policies: which children's due dates, timeliness, record dates
 * or worklist status change, and how the headline figures move. An iro_policy_diff is immutable.
 * @{ */

/** The result of a policy diff; immutable, so share it across threads. */
typedef struct iro_policy_diff iro_policy_diff;

/** Headline figures of one side of a diff. */
typedef struct iro_diff_figures {
  uint64_t children; /**< Children given. */
  uint64_t failed;   /**< Children the evaluation refused. */
  uint64_t reviews;  /**< Held reviews judged. */
  uint64_t in_time;  /**< Of those, held on or before their due date. */
  uint64_t missed;   /**< Missed due dates. */
  uint64_t overdue;  /**< Children whose next review is overdue on the as-of date. */
} iro_diff_figures;

/**
 * Evaluates every child under policy @p a and policy @p b (each with its own closure days) and compares.
 * @param children the children.
 * @param a the current policy.
 * @param b the proposed policy.
 * @param calendar the base calendar.
 * @param as_of the date of both evaluations.
 * @param[out] out receives a new handle; free it with iro_policy_diff_free().
 * @return IRO_OK; IRO_E_OUT_OF_RANGE for a closure day outside the calendar; IRO_E_INVALID_ARGUMENT.
 */
IRO_API int32_t iro_policy_diff_new(const iro_children* children, const iro_policy* a, const iro_policy* b,
                                    const iro_calendar* calendar, int32_t as_of, iro_policy_diff** out);

/**
 * Releases a diff. Accepts NULL.
 * @param diff the handle, or NULL.
 */
IRO_API void iro_policy_diff_free(iro_policy_diff* diff);

/**
 * The headline figures under each policy.
 * @param diff the handle.
 * @param[out] out_a receives the figures under the first policy.
 * @param[out] out_b receives the figures under the second policy.
 * @return IRO_OK; IRO_E_INVALID_ARGUMENT for a NULL pointer.
 */
IRO_API int32_t iro_policy_diff_figures(const iro_policy_diff* diff, iro_diff_figures* out_a, iro_diff_figures* out_b);

/**
 * The number of children whose results change.
 * @param diff the handle.
 * @param[out] out_count receives the count.
 * @return IRO_OK; IRO_E_INVALID_ARGUMENT for a NULL pointer.
 */
IRO_API int32_t iro_policy_diff_changed(const iro_policy_diff* diff, size_t* out_count);

/**
 * One changed child.
 * @param diff the handle.
 * @param index 0 to the count from iro_policy_diff_changed() - 1.
 * @param[out] out_child receives the child's index in the set evaluated.
 * @param[out] out_changes receives the changes, one per line ("review 2 held 2023-05-01: due 2023-04-30 ->
 *             2023-05-02"), owned by the handle.
 * @return IRO_OK; IRO_E_NOT_FOUND for an index out of range; IRO_E_INVALID_ARGUMENT for a NULL pointer.
 */
IRO_API int32_t iro_policy_diff_change(const iro_policy_diff* diff, size_t index, size_t* out_child,
                                       const char** out_changes);

/**
 * The diff as a report for people: the figures side by side, then each changed child.
 * @param diff the handle.
 * @param buffer where the NUL-terminated text goes; may be NULL when buffer_size is 0.
 * @param buffer_size bytes at buffer.
 * @param[out] out_needed when not NULL, receives the bytes needed including the NUL.
 * @return IRO_OK; IRO_E_BUFFER_TOO_SMALL (nothing written); IRO_E_INVALID_ARGUMENT.
 */
IRO_API int32_t iro_policy_diff_report(const iro_policy_diff* diff, char* buffer, size_t buffer_size,
                                       size_t* out_needed);

/** @} */

/* ------------------------------------------------------------------------------------------------ */
/** @name Caseloads
 * A roster of IROs with the allocation of children over time and absences (iro_roster: mutable, one
 * thread at a time), and the checks against the policy's caseload band (pure reads of the roster).
 * @{ */

/** IROs, children, allocations and absences; mutable, so use it from one thread at a time. */
typedef struct iro_roster iro_roster;

#define IRO_BAND_BELOW 0  /**< Fewer children per FTE than the band's low end. */
#define IRO_BAND_WITHIN 1 /**< Inside the band, ends included. */
#define IRO_BAND_ABOVE 2  /**< More than the band's high end. */

#define IRO_CHILD_PLACED_FAR_AWAY 1 /**< Child flag: placed more than 20 miles from home. */
#define IRO_CHILD_IN_PROCEEDINGS 2  /**< Child flag: in care proceedings. */
#define IRO_CHILD_PLACEMENT_MOVES 4 /**< Child flag: moved placement in the last 12 months. */

#define IRO_ROSTER_IROS 0        /**< Roster file: iro_id, fte [, kind, start, end, attributes]. */
#define IRO_ROSTER_ALLOCATIONS 1 /**< Roster file: child_id, iro_id, from [, to]. */
#define IRO_ROSTER_ABSENCES 2    /**< Roster file: iro_id, from [, to]. */
#define IRO_ROSTER_CHILDREN                                                                             \
  3 /**< Roster file: child_id [, looked_after_since, placed_far_away, in_proceedings, placement_moves, \
       sibling_group]. */

/** One IRO's load on a date. */
typedef struct iro_officer_load {
  size_t officer;          /**< The IRO's index (the order added; iro_roster_id() gives the id). */
  size_t children;         /**< Children allocated. */
  double weighted;         /**< Children weighted by the policy's caseload weights. */
  double per_fte;          /**< children / FTE. */
  double weighted_per_fte; /**< weighted / FTE. */
  int32_t band;            /**< IRO_BAND_* of per_fte. */
  int32_t absent;          /**< 1 when absent on the date. */
} iro_officer_load;

/** A team's load on a date. */
typedef struct iro_team_load {
  int32_t day;        /**< The date. */
  int32_t band;       /**< IRO_BAND_* of per_fte. */
  size_t officers;    /**< IROs in post. */
  size_t children;    /**< Children allocated. */
  double fte;         /**< Sum of their FTE. */
  double per_fte;     /**< children / fte (0 without FTE). */
  double min_per_fte; /**< Lowest IRO load per FTE. */
  double max_per_fte; /**< Highest IRO load per FTE. */
  size_t below;       /**< IROs below the band. */
  size_t within;      /**< IROs within it. */
  size_t above;       /**< IROs above it. */
} iro_team_load;

/** One IRO ranked for a new child. */
typedef struct iro_allocation_advice {
  size_t officer;       /**< The IRO's index (iro_roster_id() gives the id). */
  double per_fte_after; /**< Its load per FTE after taking the child. */
  int32_t band_after;   /**< IRO_BAND_* of that. */
  int32_t has_sibling;  /**< 1 when it already holds a sibling of the child. */
} iro_allocation_advice;

/** One child moved to another IRO for an absence. */
typedef struct iro_cover_move {
  size_t child; /**< The child's index. */
  size_t to;    /**< The covering IRO's index. */
} iro_cover_move;

/** Continuity of IROs up to a date. */
typedef struct iro_continuity {
  size_t children;     /**< Children with an allocation starting on or before the date. */
  size_t kept_one_iro; /**< Of those, children who never changed IRO. */
  size_t changes;      /**< IRO changes in all. */
} iro_continuity;

/**
 * Makes an empty roster.
 * @param[out] out receives a new handle; free it with iro_roster_free().
 * @return IRO_OK; IRO_E_INVALID_ARGUMENT for a NULL pointer.
 */
IRO_API int32_t iro_roster_new(iro_roster** out);

/**
 * Releases a roster. Accepts NULL.
 * @param roster the handle, or NULL.
 */
IRO_API void iro_roster_free(iro_roster* roster);

/**
 * Adds an IRO.
 * @param roster the roster.
 * @param id its id.
 * @param fte full-time equivalent, in (0, 1].
 * @param agency 1 for an agency IRO, 0 for permanent.
 * @param start first day in post, or IRO_NO_DATE.
 * @param end first day no longer in post, or IRO_NO_DATE.
 * @param attributes attributes separated by ';' ("gender=female"), or NULL.
 * @return IRO_OK; IRO_E_INVALID_ARGUMENT for an FTE outside (0, 1], a repeated or empty id, an end before
 *         the start or a NULL pointer; IRO_E_OUT_OF_RANGE for a bad date.
 */
IRO_API int32_t iro_roster_add_officer(iro_roster* roster, const char* id, double fte, int32_t agency, int32_t start,
                                       int32_t end, const char* attributes);

/**
 * Adds or updates a child's attributes.
 * @param roster the roster.
 * @param id the child's id.
 * @param looked_after_since start of the current period of care, or IRO_NO_DATE.
 * @param flags IRO_CHILD_* flags.
 * @param sibling_group children with the same non-empty group are siblings; NULL or "" for none.
 * @return IRO_OK; IRO_E_INVALID_ARGUMENT for unknown flag bits, an empty id or a NULL pointer.
 */
IRO_API int32_t iro_roster_set_child(iro_roster* roster, const char* id, int32_t looked_after_since, int32_t flags,
                                     const char* sibling_group);

/**
 * Allocates a child to an IRO for a time.
 * @param roster the roster.
 * @param child the child's id (added when new).
 * @param officer the IRO's id.
 * @param from first day.
 * @param to first day no longer allocated, or IRO_NO_DATE.
 * @return IRO_OK; IRO_E_NOT_FOUND for an unknown IRO; IRO_E_INVALID_ARGUMENT when to is not after from or
 *         the child is already allocated for part of that time (the message names the other IRO).
 */
IRO_API int32_t iro_roster_add_allocation(iro_roster* roster, const char* child, const char* officer, int32_t from,
                                          int32_t to);

/**
 * Records an IRO's absence, both days included.
 * @param roster the roster.
 * @param officer the IRO's id.
 * @param from first day away.
 * @param to last day away, or IRO_NO_DATE.
 * @return IRO_OK; IRO_E_NOT_FOUND for an unknown IRO; IRO_E_INVALID_ARGUMENT when to is before from.
 */
IRO_API int32_t iro_roster_add_absence(iro_roster* roster, const char* officer, int32_t from, int32_t to);

/**
 * Adds the rows of a roster CSV file (columns in docs/caseload.md); all or nothing.
 * @param roster the roster.
 * @param kind IRO_ROSTER_IROS, _ALLOCATIONS, _ABSENCES or _CHILDREN.
 * @param path the file.
 * @return IRO_OK; IRO_E_IO; IRO_E_PARSE and the others above, each naming the file, line and column.
 */
IRO_API int32_t iro_roster_load_csv(iro_roster* roster, int32_t kind, const char* path);

/**
 * The size of a roster.
 * @param roster the roster.
 * @param[out] out_officers receives the number of IROs.
 * @param[out] out_children receives the number of children.
 * @param[out] out_allocations receives the number of allocations.
 * @return IRO_OK; IRO_E_INVALID_ARGUMENT for a NULL pointer.
 */
IRO_API int32_t iro_roster_counts(const iro_roster* roster, size_t* out_officers, size_t* out_children,
                                  size_t* out_allocations);

/**
 * The id of an IRO or a child by index.
 * @param roster the roster.
 * @param is_child 0 for an IRO, 1 for a child.
 * @param index the index.
 * @param[out] out_id receives the id, owned by the roster (valid until it changes or is freed).
 * @return IRO_OK; IRO_E_NOT_FOUND for an index out of range; IRO_E_INVALID_ARGUMENT.
 */
IRO_API int32_t iro_roster_id(const iro_roster* roster, int32_t is_child, size_t index, const char** out_id);

/**
 * Every IRO's load and the team's on a date. Call with capacity 0 to learn the count.
 * @param roster the roster.
 * @param policy the band and weights.
 * @param day the date.
 * @param out room for capacity IRO loads (the IROs in post, in roster order); may be NULL when capacity is 0.
 * @param capacity the room at out.
 * @param[out] out_count receives the number of IROs in post (also on IRO_E_BUFFER_TOO_SMALL).
 * @param[out] out_team when not NULL, receives the team's load.
 * @return IRO_OK; IRO_E_BUFFER_TOO_SMALL (only out_count written); IRO_E_INVALID_ARGUMENT.
 */
IRO_API int32_t iro_caseload_check(const iro_roster* roster, const iro_policy* policy, int32_t day,
                                   iro_officer_load* out, size_t capacity, size_t* out_count, iro_team_load* out_team);

/**
 * The team's load at each month end from @p from's month to @p to's month (at most 600 months).
 * @param roster the roster.
 * @param policy the band and weights.
 * @param from a day in the first month.
 * @param to a day in the last month.
 * @param out room for capacity results; may be NULL when capacity is 0.
 * @param capacity the room at out.
 * @param[out] out_count receives the number of months (also on IRO_E_BUFFER_TOO_SMALL).
 * @return IRO_OK; IRO_E_BUFFER_TOO_SMALL; IRO_E_INVALID_ARGUMENT (to before from, too long a span).
 */
IRO_API int32_t iro_caseload_series(const iro_roster* roster, const iro_policy* policy, int32_t from, int32_t to,
                                    iro_team_load* out, size_t capacity, size_t* out_count);

/**
 * IROs ranked for a new child: holders of a sibling first, then by load per FTE after taking the child.
 * Absent IROs and IROs not in post are left out; with an attribute, only IROs that have it.
 * @param roster the roster.
 * @param policy the band.
 * @param day the date.
 * @param sibling_group the child's sibling group, or NULL.
 * @param attribute a requested IRO attribute, or NULL.
 * @param out room for capacity results; may be NULL when capacity is 0.
 * @param capacity the room at out.
 * @param[out] out_count receives the number ranked (also on IRO_E_BUFFER_TOO_SMALL).
 * @return IRO_OK; IRO_E_BUFFER_TOO_SMALL; IRO_E_INVALID_ARGUMENT.
 */
IRO_API int32_t iro_caseload_advise(const iro_roster* roster, const iro_policy* policy, int32_t day,
                                    const char* sibling_group, const char* attribute, iro_allocation_advice* out,
                                    size_t capacity, size_t* out_count);

/**
 * A plan sharing an absent IRO's children so that loads per FTE stay as even as possible (siblings move
 * together).
 * @param roster the roster.
 * @param policy the band.
 * @param absent_officer the absent IRO's id.
 * @param from first day of the absence.
 * @param to last day of the absence.
 * @param out room for capacity moves; may be NULL when capacity is 0.
 * @param capacity the room at out.
 * @param[out] out_count receives the number of moves (also on IRO_E_BUFFER_TOO_SMALL).
 * @param[out] out_max_per_fte when not NULL, receives the highest load per FTE after the moves.
 * @return IRO_OK; IRO_E_BUFFER_TOO_SMALL; IRO_E_NOT_FOUND for an unknown IRO; IRO_E_RULE_VIOLATION when no
 *         IRO can cover; IRO_E_INVALID_ARGUMENT.
 */
IRO_API int32_t iro_caseload_cover(const iro_roster* roster, const iro_policy* policy, const char* absent_officer,
                                   int32_t from, int32_t to, iro_cover_move* out, size_t capacity, size_t* out_count,
                                   double* out_max_per_fte);

/**
 * Continuity of IROs up to a date.
 * @param roster the roster.
 * @param day the date.
 * @param[out] out receives the figures.
 * @return IRO_OK; IRO_E_INVALID_ARGUMENT.
 */
IRO_API int32_t iro_caseload_continuity(const iro_roster* roster, int32_t day, iro_continuity* out);

/** @} */

/* ------------------------------------------------------------------------------------------------ */
/** @name Disputes and the escalation ladder
 * A register of disputes on the policy's ladder (iro_disputes: mutable, one thread at a time). Each
 * event is checked as it is added: one the ladder does not allow is refused with IRO_E_RULE_VIOLATION
 * and the dispute is unchanged.
 * @{ */

/** A register of disputes; mutable, so use it from one thread at a time. */
typedef struct iro_disputes iro_disputes;

#define IRO_ACTION_RAISE 0         /**< Open the dispute (at the first stage, or at the stage named). */
#define IRO_ACTION_ESCALATE 1      /**< To the next stage, or to the later stage named (where bypass is allowed). */
#define IRO_ACTION_RESOLVE 2       /**< Close it, resolved. */
#define IRO_ACTION_WITHDRAW 3      /**< Close it, withdrawn. */
#define IRO_ACTION_REFER_CAFCASS 4 /**< Refer to Cafcass (Children Act 1989 s25B(3)); the stage stays. */

#define IRO_DISPUTE_NOT_RAISED 0 /**< No accepted raise yet. */
#define IRO_DISPUTE_OPEN 1       /**< Raised and not closed. */
#define IRO_DISPUTE_RESOLVED 2   /**< Closed, resolved. */
#define IRO_DISPUTE_WITHDRAWN 3  /**< Closed, withdrawn. */

/** A dispute's state as of a date (dates are IRO_NO_DATE when they do not apply). */
typedef struct iro_dispute_state {
  int32_t status;           /**< IRO_DISPUTE_*. */
  int32_t stage;            /**< The current (or final) stage's index in the ladder, or -1. */
  int32_t raised;           /**< When raised. */
  int32_t stage_entered;    /**< When the current stage was entered. */
  int32_t response_due;     /**< The stage's response deadline (none for a stage without one, or once closed). */
  int32_t formal_deadline;  /**< The end of the formal process (none while informal). */
  int32_t closed;           /**< When resolved or withdrawn. */
  int32_t cafcass_referred; /**< When referred to Cafcass. */
  int32_t overdue;          /**< 1 when open and past a deadline on the as-of date. */
} iro_dispute_state;

/** Figures for a period, as IRO annual reports give them. */
typedef struct iro_dispute_figures {
  size_t raised;              /**< Raised in the period. */
  size_t informal_raised;     /**< Of those, raised at an informal stage. */
  size_t became_formal;       /**< Of those, escalated to a formal stage by the period's end. */
  size_t resolved;            /**< Resolved in the period. */
  size_t withdrawn;           /**< Withdrawn in the period. */
  size_t cafcass;             /**< Referred to Cafcass in the period. */
  size_t open;                /**< Open at the period's end. */
  size_t overdue;             /**< Of those, overdue. */
  double median_working_days; /**< Median working days from raise to resolution. */
  double p90_working_days;    /**< 90th percentile (nearest rank) of the same. */
} iro_dispute_figures;

/**
 * Makes an empty register on a policy's ladder (and its categories, when it lists any).
 * @param policy the policy.
 * @param calendar the working-day calendar; the policy's closure days are added to it.
 * @param[out] out receives a new handle; free it with iro_disputes_free().
 * @return IRO_OK; IRO_E_INVALID_ARGUMENT for a NULL pointer.
 */
IRO_API int32_t iro_disputes_new(const iro_policy* policy, const iro_calendar* calendar, iro_disputes** out);

/**
 * Releases a register. Accepts NULL.
 * @param disputes the handle, or NULL.
 */
IRO_API void iro_disputes_free(iro_disputes* disputes);

/**
 * Adds a dispute without events. A dispute may concern several children (a sibling group) and several
 * categories: write them with ';' between ("101;102", "A1;A13"), each once; "" is none.
 * @param disputes the register.
 * @param id its id (unique).
 * @param child the child's id, or the children's ids separated by ';', or "".
 * @param officer the raising IRO's id.
 * @param category a category code, or codes separated by ';', or "" (when the policy lists categories each
 *        must be one of them).
 * @return IRO_OK; IRO_E_INVALID_ARGUMENT for an empty or repeated id, a NULL pointer, or an empty or repeated
 *         item in a list; IRO_E_NOT_FOUND for an unknown category (the message lists the policy's). The
 *         register is unchanged on failure.
 */
IRO_API int32_t iro_disputes_add(iro_disputes* disputes, const char* id, const char* child, const char* officer,
                                 const char* category);

/**
 * Adds an event to a dispute after checking it against the ladder and the events before it.
 * @param disputes the register.
 * @param id the dispute's id.
 * @param day the event's date.
 * @param action an IRO_ACTION_* value.
 * @param stage for raise or escalate, a stage name, or NULL or "" (the first or the next stage).
 * @return IRO_OK; IRO_E_RULE_VIOLATION for an event the ladder does not allow (escalating past the last
 *         stage, bypassing where bypass is off, anything after closing, a second raise, an event dated
 *         before the one before it; the message names the dispute and the event, and nothing changes);
 *         IRO_E_NOT_FOUND for an unknown dispute or stage; IRO_E_INVALID_ARGUMENT.
 */
IRO_API int32_t iro_disputes_add_event(iro_disputes* disputes, const char* id, int32_t day, int32_t action,
                                       const char* stage);

/**
 * Adds the rows of a dispute events CSV file (docs/disputes.md); all or nothing.
 * @param disputes the register.
 * @param path the file.
 * @return IRO_OK; IRO_E_IO; IRO_E_PARSE and the statuses of iro_disputes_add_event(), naming file and line.
 */
IRO_API int32_t iro_disputes_load_csv(iro_disputes* disputes, const char* path);

/**
 * The number of disputes.
 * @param disputes the register.
 * @param[out] out_count receives the count.
 * @return IRO_OK; IRO_E_INVALID_ARGUMENT.
 */
IRO_API int32_t iro_disputes_count(const iro_disputes* disputes, size_t* out_count);

/**
 * A dispute's state as of a date (events after it are not known yet).
 * @param disputes the register.
 * @param id the dispute's id.
 * @param as_of the date.
 * @param[out] out receives the state.
 * @return IRO_OK; IRO_E_NOT_FOUND for an unknown dispute; IRO_E_INVALID_ARGUMENT.
 */
IRO_API int32_t iro_disputes_state(const iro_disputes* disputes, const char* id, int32_t as_of, iro_dispute_state* out);

/**
 * The name of a ladder stage.
 * @param disputes the register.
 * @param stage the stage's index.
 * @param[out] out_name receives the name, owned by the register.
 * @return IRO_OK; IRO_E_NOT_FOUND for an index out of range; IRO_E_INVALID_ARGUMENT.
 */
IRO_API int32_t iro_disputes_stage_name(const iro_disputes* disputes, int32_t stage, const char** out_name);

/**
 * Figures for the period [from, to] (open and overdue as of to).
 * @param disputes the register.
 * @param from first day.
 * @param to last day.
 * @param[out] out receives the figures.
 * @return IRO_OK; IRO_E_INVALID_ARGUMENT when to is before from or for a NULL pointer.
 */
IRO_API int32_t iro_disputes_figures(const iro_disputes* disputes, int32_t from, int32_t to, iro_dispute_figures* out);

/**
 * Disputes resolved in the period by the ladder stage they had reached: out_counts[i] for stage i.
 * @param disputes the register.
 * @param from first day.
 * @param to last day.
 * @param out_counts room for capacity counts; may be NULL when capacity is 0.
 * @param capacity the room at out_counts.
 * @param[out] out_count receives the number of stages (also on IRO_E_BUFFER_TOO_SMALL).
 * @return IRO_OK; IRO_E_BUFFER_TOO_SMALL; IRO_E_INVALID_ARGUMENT.
 */
IRO_API int32_t iro_disputes_resolved_at(const iro_disputes* disputes, int32_t from, int32_t to, size_t* out_counts,
                                         size_t capacity, size_t* out_count);

/** @} */

/* ------------------------------------------------------------------------------------------------ */
/** @name Casebooks
 * One council's data in one handle: children imported from an SSDA903 return (or a synthetic council),
 * saved and loaded safely, exported. An iro_casebook is mutable: one thread at a time.
 * @{ */

/** A council's children, roster and disputes; mutable, so use it from one thread at a time. */
typedef struct iro_casebook iro_casebook;

#define IRO_ARCHIVE_TEXT 0   /**< Boost text archive (portable between platforms). */
#define IRO_ARCHIVE_BINARY 1 /**< Boost binary archive (read it back on the same platform only). */

#define IRO_EXPORT_CSV 0         /**< Every child's schedule as CSV. */
#define IRO_EXPORT_JSON 1        /**< Every child's schedule as JSON. */
#define IRO_EXPORT_903_REVIEWS 2 /**< The held reviews as an SSDA903 Reviews table. */

/**
 * Makes an empty casebook.
 * @param[out] out receives a new handle; free it with iro_casebook_free().
 * @return IRO_OK; IRO_E_INVALID_ARGUMENT for a NULL pointer.
 */
IRO_API int32_t iro_casebook_new(iro_casebook** out);

/**
 * Releases a casebook. Accepts NULL.
 * @param casebook the handle, or NULL.
 */
IRO_API void iro_casebook_free(iro_casebook* casebook);

/**
 * Replaces the casebook's children with those of an SSDA903 return (docs/ssda903.md).
 * @param casebook the casebook.
 * @param directory holds header.csv, episodes.csv and optionally reviews.csv and placed_for_adoption.csv.
 * @param strict 1: fail at the first rejected row; 0: keep the valid rows.
 * @param[out] out_rejected when not NULL, receives the number of rows rejected.
 * @param[out] out_doubtful when not NULL, receives the number of rows kept but doubtful.
 * @return IRO_OK; IRO_E_IO for a missing file; IRO_E_PARSE (with file, line and column); on failure the
 *         casebook is unchanged. On success the casebook keeps the import's report in place of the last
 *         one: read it with iro_casebook_import_issues() and iro_casebook_import_rows().
 */
IRO_API int32_t iro_casebook_import_903(iro_casebook* casebook, const char* directory, int32_t strict,
                                        size_t* out_rejected, size_t* out_doubtful);

/** One rejected or doubtful row of the last import, as read by iro_casebook_import_issues(). */
typedef struct iro_import_issue {
  const char* file;    /**< The file, relative to the directory imported: "episodes.csv", "roster/allocations.csv",
                            "disputes/events.csv". Owned by the casebook (see iro_casebook_import_issues()). */
  size_t line;         /**< The 1-based line of the row in its file (1 is the header row); 0 for an issue about
                            a whole child rather than one row. */
  const char* column;  /**< The column at fault ("from", "stage"), or "" when the issue is about the row. Owned by
                            the casebook. */
  const char* message; /**< What is wrong, naming the value ("no stage \"panel\" in the ladder (...)"). Owned by
                            the casebook. */
  int32_t rejected;    /**< 1: the row was left out; 0: the row was kept, but is doubtful. */
} iro_import_issue;

/** The rows read from one file by the last import, as listed by iro_casebook_import_rows(). */
typedef struct iro_import_rows {
  const char* file; /**< The file, relative to the directory imported ("reviews.csv", "roster/iros.csv"). Owned by
                         the casebook (see iro_casebook_import_rows()). */
  size_t rows;      /**< Data rows read from it (the header row and blank lines not counted), rejected ones
                         included. */
} iro_import_rows;

/**
 * Replaces the casebook's children, roster and disputes with a council's whole directory (the layout of
 * `iro synth`, docs/ssda903.md): header.csv and episodes.csv (required); reviews.csv,
 * placed_for_adoption.csv, review_records.csv, midway_reviews.csv; roster/iros.csv, roster/children.csv,
 * roster/allocations.csv, roster/absences.csv; disputes/events.csv. Every file but the first two may be
 * absent (an absent roster or dispute file gives an empty roster or no disputes). The casebook's council
 * name becomes @p directory.
 *
 * Lenient (strict 0): a bad row of any file is left out and reported, and the rest is read; a dispute
 * event that the policy's ladder or categories do not allow (a stage the ladder lacks, escalating past
 * its last stage, an unknown category) is such a row. Strict (strict 1): the first rejected row fails the
 * whole import with that row's own error, naming its file and line.
 *
 * On success the casebook keeps the import's report in place of the last one: read it with
 * iro_casebook_import_issues() and iro_casebook_import_rows().
 * @param casebook the casebook.
 * @param directory the council's directory, NUL-terminated UTF-8.
 * @param policy the policy whose ladder and categories the dispute events must fit.
 * @param base the working-day calendar; the policy's closure days are added to it
 *        (the disputes' response times are counted in working days of the result).
 * @param strict 1: fail at the first rejected row; 0: keep the valid rows and report the rest.
 * @param[out] out_rejected when not NULL, receives the number of rows rejected (always 0 in strict mode).
 * @param[out] out_doubtful when not NULL, receives the number of rows kept but doubtful.
 * @return IRO_OK; IRO_E_IO for a missing header.csv or episodes.csv, or a file that cannot be read;
 *         IRO_E_PARSE for a file that is not CSV or lacks a required column (with file, line and column);
 *         in strict mode, the first rejected row's status (IRO_E_PARSE, IRO_E_INVALID_DATE,
 *         IRO_E_RULE_VIOLATION, IRO_E_NOT_FOUND, ...), its message naming the file and line;
 *         IRO_E_OUT_OF_RANGE for a closure day of the policy outside the calendar; IRO_E_INVALID_ARGUMENT
 *         for a NULL pointer or a strict other than 0 or 1. On failure the casebook is unchanged (its
 *         contents and its last import's report), and no out-parameter is written.
 */
IRO_API int32_t iro_casebook_import_council(iro_casebook* casebook, const char* directory, const iro_policy* policy,
                                            const iro_calendar* base, int32_t strict, size_t* out_rejected,
                                            size_t* out_doubtful);

/**
 * Every rejected or doubtful row of the last successful import into the casebook
 * (iro_casebook_import_council() or iro_casebook_import_903()), in file and line order; none before any
 * import. Call with capacity 0 to learn the count.
 *
 * The strings of the issues are owned by the casebook: they stay valid until the next successful import
 * into it or iro_casebook_free() (a failed import leaves them as they were).
 * @param casebook the casebook.
 * @param out room for capacity issues; may be NULL when capacity is 0.
 * @param capacity the room at out.
 * @param[out] out_count receives the number of issues (also on IRO_E_BUFFER_TOO_SMALL).
 * @return IRO_OK; IRO_E_BUFFER_TOO_SMALL when capacity is less than the count (out is not written);
 *         IRO_E_INVALID_ARGUMENT for a NULL casebook or out_count, or out NULL with capacity > 0.
 */
IRO_API int32_t iro_casebook_import_issues(const iro_casebook* casebook, iro_import_issue* out, size_t capacity,
                                           size_t* out_count);

/**
 * The rows read from each file by the last successful import into the casebook
 * (iro_casebook_import_council() or iro_casebook_import_903()), in the byte order of the file names; a
 * file that was absent is not listed; none before any import. Call with capacity 0 to learn the count.
 *
 * The file names are owned by the casebook: they stay valid until the next successful import into it or
 * iro_casebook_free().
 * @param casebook the casebook.
 * @param out room for capacity files; may be NULL when capacity is 0.
 * @param capacity the room at out.
 * @param[out] out_count receives the number of files read (also on IRO_E_BUFFER_TOO_SMALL).
 * @return IRO_OK; IRO_E_BUFFER_TOO_SMALL when capacity is less than the count (out is not written);
 *         IRO_E_INVALID_ARGUMENT for a NULL casebook or out_count, or out NULL with capacity > 0.
 */
IRO_API int32_t iro_casebook_import_rows(const iro_casebook* casebook, iro_import_rows* out, size_t capacity,
                                         size_t* out_count);

/**
 * Replaces the casebook's contents with a synthetic council (deterministic for a seed).
 * @param casebook the casebook.
 * @param children children looked after at some time (1 to 2,000,000).
 * @param officers IROs (1 to 100,000).
 * @param years years of history up to 2025-03-31 (1 to 20).
 * @param seed the seed.
 * @return IRO_OK; IRO_E_INVALID_ARGUMENT for counts out of range.
 */
IRO_API int32_t iro_casebook_synthesize(iro_casebook* casebook, uint32_t children, uint32_t officers, uint32_t years,
                                        uint64_t seed);

/**
 * Saves atomically (a temporary file, flushed, renamed over the target): a crash leaves the old file whole.
 * @param casebook the casebook.
 * @param path the target file.
 * @param format IRO_ARCHIVE_TEXT or IRO_ARCHIVE_BINARY.
 * @return IRO_OK; IRO_E_IO when it cannot be written (the target is unchanged); IRO_E_INVALID_ARGUMENT.
 */
IRO_API int32_t iro_casebook_save(const iro_casebook* casebook, const char* path, int32_t format);

/**
 * Loads a saved casebook into a new handle.
 * @param path the file.
 * @param[out] out receives a new handle.
 * @return IRO_OK; IRO_E_IO; IRO_E_PARSE for a file that is not a casebook, truncated or corrupted;
 *         IRO_E_INVALID_ARGUMENT for a newer format or data that breaks the model's rules.
 */
IRO_API int32_t iro_casebook_load(const char* path, iro_casebook** out);

/**
 * What a casebook holds.
 * @param casebook the casebook.
 * @param[out] out_children receives the number of children.
 * @param[out] out_officers receives the number of IROs on its roster.
 * @param[out] out_disputes receives the number of disputes.
 * @return IRO_OK; IRO_E_INVALID_ARGUMENT for a NULL pointer.
 */
IRO_API int32_t iro_casebook_counts(const iro_casebook* casebook, size_t* out_children, size_t* out_officers,
                                    size_t* out_disputes);

/**
 * Copies the casebook's children into a new set, to evaluate with iro_schedule_evaluate().
 * @param casebook the casebook.
 * @param[out] out receives a new handle; free it with iro_children_free().
 * @return IRO_OK; IRO_E_INVALID_ARGUMENT for a NULL pointer.
 */
IRO_API int32_t iro_casebook_children(const iro_casebook* casebook, iro_children** out);

/**
 * A text made once and read in place: what a size-then-fill call would have to make twice (an export, a
 * report's layout). Opaque; read with iro_text_read(), free with iro_text_free().
 */
typedef struct iro_text iro_text;

/**
 * The bytes of a text: NUL-terminated UTF-8, owned by the text (valid until iro_text_free()).
 * @param text the text.
 * @param[out] out_data receives the bytes.
 * @param[out] out_size receives their number, the NUL not counted.
 * @return IRO_OK; IRO_E_INVALID_ARGUMENT for a NULL pointer.
 */
IRO_API int32_t iro_text_read(const iro_text* text, const char** out_data, size_t* out_size);

/**
 * Frees a text.
 * @param text the text; NULL is ignored.
 */
IRO_API void iro_text_free(iro_text* text);

/**
 * As iro_casebook_export(), made once into an iro_text instead of a caller's buffer (no size query that
 * formats the export twice).
 * @param casebook the casebook.
 * @param policy the policy (ignored for IRO_EXPORT_903_REVIEWS).
 * @param calendar the calendar; the policy's closure days are added to it.
 * @param as_of the date of the schedules.
 * @param format IRO_EXPORT_CSV, IRO_EXPORT_JSON or IRO_EXPORT_903_REVIEWS.
 * @param[out] out receives the text, to be freed with iro_text_free(); untouched on failure.
 * @return IRO_OK; IRO_E_INVALID_ARGUMENT (a NULL pointer, an unknown format); IRO_E_OUT_OF_RANGE for as_of.
 */
IRO_API int32_t iro_casebook_export_text(const iro_casebook* casebook, const iro_policy* policy,
                                         const iro_calendar* calendar, int32_t as_of, int32_t format, iro_text** out);

/**
 * Exports every child's computed schedule (CSV or JSON) or the held reviews (903 Reviews table) as text.
 * Call with buffer_size 0 to learn the size.
 * @param casebook the casebook.
 * @param policy the policy (ignored for IRO_EXPORT_903_REVIEWS).
 * @param calendar the calendar; the policy's closure days are added to it.
 * @param as_of the date of the schedules.
 * @param format IRO_EXPORT_CSV, IRO_EXPORT_JSON or IRO_EXPORT_903_REVIEWS.
 * @param buffer where the NUL-terminated text goes; may be NULL when buffer_size is 0.
 * @param buffer_size bytes at buffer.
 * @param[out] out_needed when not NULL, receives the bytes needed including the NUL.
 * @return IRO_OK; IRO_E_BUFFER_TOO_SMALL (nothing written); IRO_E_INVALID_ARGUMENT.
 */
IRO_API int32_t iro_casebook_export(const iro_casebook* casebook, const iro_policy* policy,
                                    const iro_calendar* calendar, int32_t as_of, int32_t format, char* buffer,
                                    size_t buffer_size, size_t* out_needed);

#define IRO_REPORT_TEXT 0     /**< The annual report as text tables for a terminal. */
#define IRO_REPORT_CSV 1      /**< Every table as one long CSV: table,row,measure,value. */
#define IRO_REPORT_JSON 2     /**< Every table as JSON. */
#define IRO_REPORT_MARKDOWN 3 /**< Every table as Markdown. */
#define IRO_REPORT_HTML 4     /**< One self-contained HTML page with SVG charts (no scripts, no external files). */

/**
 * The IRO annual report for the reporting year 1 April @p year to 31 March @p year + 1, as text, in one call
 * (iro_report_new(), iro_report_format() and iro_report_free(); to read it more than once, or its figures,
 * keep an iro_report instead):
 * reviews due, held and held in timescale by month, quarter and year; in time by review number over
 * three years; participation by PN code; children looked after; caseloads per FTE on 31 March against
 * the policy's band; dispute figures by ladder stage. Definitions: docs/report.md.
 * Call with buffer_size 0 to learn the size.
 * @param casebook the casebook.
 * @param policy the policy (timescales, band, ladder).
 * @param calendar the calendar; the policy's closure days are added to it.
 * @param year the reporting year's first calendar year (2024 for 2024/25), 1900 to 2198.
 * @param format IRO_REPORT_TEXT, IRO_REPORT_CSV, IRO_REPORT_JSON, IRO_REPORT_MARKDOWN or IRO_REPORT_HTML.
 * @param buffer where the NUL-terminated text goes; may be NULL when buffer_size is 0.
 * @param buffer_size bytes at buffer.
 * @param[out] out_needed when not NULL, receives the bytes needed including the NUL.
 * @return IRO_OK; IRO_E_BUFFER_TOO_SMALL (nothing written); IRO_E_INVALID_ARGUMENT (also when no child
 *         was looked after in the year); IRO_E_OUT_OF_RANGE for the year; IRO_E_RULE_VIOLATION or
 *         IRO_E_NOT_FOUND when a saved dispute does not fit the policy's ladder or categories.
 */
IRO_API int32_t iro_casebook_report(const iro_casebook* casebook, const iro_policy* policy,
                                    const iro_calendar* calendar, int32_t year, int32_t format, char* buffer,
                                    size_t buffer_size, size_t* out_needed);

/** @} */

/**
 * @name The annual report, computed once
 * Prepare once, read many (as SQLite's statements and libgit2's objects work): iro_report_new() computes
 * the report for a year from a casebook, a policy and a calendar; the reads that follow (its summary, its
 * tables as cells, every figure with its count, the rows behind a figure, any layout of it as text) read
 * what was computed and never compute it again. A report does not refer to the casebook, policy or
 * calendar it was made from: they may be changed or freed. A report is immutable: any number of threads
 * may read one at once.
 * @{
 */

/** An annual report, computed once (opaque; iro_report_new(), iro_report_free()). */
typedef struct iro_report iro_report;

/**
 * Computes the IRO annual report for the reporting year 1 April @p year to 31 March @p year + 1
 * (definitions: docs/report.md). Children are evaluated on two threads when there are many.
 * @param casebook the casebook.
 * @param policy the policy (timescales, band, ladder).
 * @param calendar the calendar; the policy's closure days are added to it.
 * @param year the reporting year's first calendar year (2024 for 2024/25), 1900 to 2198.
 * @param[out] out receives the report, to be freed with iro_report_free(); untouched on failure.
 * @return IRO_OK; IRO_E_INVALID_ARGUMENT (a NULL argument, or no child looked after in the year);
 *         IRO_E_OUT_OF_RANGE for the year; IRO_E_RULE_VIOLATION or IRO_E_NOT_FOUND when a saved dispute does
 *         not fit the policy's ladder or categories.
 */
IRO_API int32_t iro_report_new(const iro_casebook* casebook, const iro_policy* policy, const iro_calendar* calendar,
                               int32_t year, iro_report** out);

/**
 * Frees a report. Strings read from it are invalid afterwards; rows from iro_report_query() stay valid.
 * @param report the report; NULL is ignored.
 */
IRO_API void iro_report_free(iro_report* report);

/** What a report covers, read by iro_report_summary(). */
typedef struct iro_report_summary_info {
  const char* council;             /**< The council's name ("" when none). Owned by the report. */
  int32_t year;                    /**< The reporting year's first calendar year (2024 for 2024/25). */
  int32_t from;                    /**< 1 April (days since 1970-01-01). */
  int32_t to;                      /**< 31 March. */
  size_t children_refused;         /**< Children whose data could not be evaluated (not in the figures). */
  int32_t review_records_supplied; /**< 1: the casebook has review record dates; 0: that table is "not supplied". */
  int32_t midway_reviews_supplied; /**< 1: the casebook has midway reviews; 0: not supplied. */
  int32_t roster_supplied;         /**< 1: the casebook has a roster of IROs; 0: caseloads not supplied. */
  int32_t disputes_supplied;       /**< 1: the casebook has disputes; 0: not supplied. */
} iro_report_summary_info;

/**
 * What a report covers: its year, its period, and which of its optional inputs were supplied (a table whose
 * input was not supplied has no cells but one saying so, and no figures).
 * @param report the report.
 * @param[out] out receives the summary.
 * @return IRO_OK; IRO_E_INVALID_ARGUMENT for a NULL argument.
 */
IRO_API int32_t iro_report_summary(const iro_report* report, iro_report_summary_info* out);

/** One cell of the report's tables in long form (table, row, measure, value), read by iro_report_cells(). */
typedef struct iro_report_cell {
  const char* table;   /**< "timeliness", "by_number", "participation", "records", "midway", "population",
                            "caseloads", "disputes", "disputes_by_category", "disputes_resolved_at",
                            "disputes_open_at". Owned by the report. */
  const char* row;     /**< "May 2024", "2023/24 first", "PN3", "IRO3", "team", "year"... Owned by the report. */
  const char* measure; /**< "due", "percent_in_time", "per_fte", "band", "supplied"... Owned by the report. */
  const char* text;    /**< The value as text ("59", "48.00", "within", "no"). Owned by the report. */
  double number;       /**< The value when it is a number (is_number 1); 0 otherwise. */
  int32_t is_number;   /**< 1: number holds the value; 0: the value is words (text). */
} iro_report_cell;

/**
 * Every table of the report as cells, in the report's order: the same rows as IRO_REPORT_CSV, as structs.
 * A table whose input was not supplied has one cell (table, "year", "supplied", "no"). Call with capacity 0
 * to learn the count. The strings are owned by the report.
 * @param report the report.
 * @param out room for capacity cells; may be NULL when capacity is 0.
 * @param capacity the room at out.
 * @param[out] out_count receives the number of cells (also on IRO_E_BUFFER_TOO_SMALL).
 * @return IRO_OK; IRO_E_BUFFER_TOO_SMALL when capacity is less than the count (out is not written);
 *         IRO_E_INVALID_ARGUMENT for a NULL report or out_count, or out NULL with capacity > 0.
 */
IRO_API int32_t iro_report_cells(const iro_report* report, iro_report_cell* out, size_t capacity, size_t* out_count);

/** One figure of the report, read by iro_report_figures(). */
typedef struct iro_report_figure {
  const char* name; /**< "timeliness.2024-06.due", "records.late", "caseload.IRO3"... Owned by the report. */
  uint64_t count;   /**< The count: iro_report_query() lists exactly this many rows. */
  const char* kind; /**< The kind's name pattern ("timeliness.PERIOD.MEASURE"; docs/report.md). Static. */
} iro_report_figure;

/**
 * Every figure of the report by name, with its count, in the report's order (the names are listed in
 * docs/report.md). Call with capacity 0 to learn the count. The names are owned by the report.
 * @param report the report.
 * @param out room for capacity figures; may be NULL when capacity is 0.
 * @param capacity the room at out.
 * @param[out] out_count receives the number of figures (also on IRO_E_BUFFER_TOO_SMALL).
 * @return as iro_report_cells().
 */
IRO_API int32_t iro_report_figures(const iro_report* report, iro_report_figure* out, size_t capacity,
                                   size_t* out_count);

/**
 * One figure's count by name, in constant time.
 * @param report the report.
 * @param figure the figure's name, NUL-terminated UTF-8.
 * @param[out] out_count receives the count.
 * @return IRO_OK; IRO_E_NOT_FOUND for a name that is no figure of the report (the message says how names
 *         are made); IRO_E_INVALID_ARGUMENT for a NULL argument.
 */
IRO_API int32_t iro_report_figure_count(const iro_report* report, const char* figure, uint64_t* out_count);

/** The rows behind one figure (opaque; iro_report_query(), iro_report_rows_free()). */
typedef struct iro_report_rows iro_report_rows;

/** One row behind a figure, read by iro_report_rows_read(). */
typedef struct iro_report_row {
  const char* child;  /**< The child's id. Owned by the rows. */
  int32_t date;       /**< The row's date: the due date, the day held, the start of care, the day raised... */
  const char* detail; /**< What the row is ("review 3 due 2025-03-14, held 2025-03-20 (late by 6 days)"). Owned
                           by the rows. */
} iro_report_row;

/**
 * The rows behind one figure: one row per item counted (a child with two late reviews appears twice), so
 * the number of rows is the figure's count. For example "timeliness.2025-03.late_or_missed" lists each
 * review due in March 2025 not held in time. Costs one pass over the rows of the figure's table.
 * @param report the report.
 * @param figure the figure's name, NUL-terminated UTF-8, as iro_report_figures() lists them.
 * @param[out] out receives the rows, to be freed with iro_report_rows_free(); they do not refer to the
 *             report, which may be freed first.
 * @return IRO_OK; IRO_E_NOT_FOUND for a name that is no figure of the report; IRO_E_INVALID_ARGUMENT for a
 *         NULL argument.
 */
IRO_API int32_t iro_report_query(const iro_report* report, const char* figure, iro_report_rows** out);

/**
 * The rows, in the order the report found them. Call with capacity 0 to learn the count. The strings are
 * owned by the rows.
 * @param rows the rows.
 * @param out room for capacity rows; may be NULL when capacity is 0.
 * @param capacity the room at out.
 * @param[out] out_count receives the number of rows (also on IRO_E_BUFFER_TOO_SMALL).
 * @return IRO_OK; IRO_E_BUFFER_TOO_SMALL when capacity is less than the count (out is not written);
 *         IRO_E_INVALID_ARGUMENT for a NULL rows or out_count, or out NULL with capacity > 0.
 */
IRO_API int32_t iro_report_rows_read(const iro_report_rows* rows, iro_report_row* out, size_t capacity,
                                     size_t* out_count);

/**
 * Frees rows. Strings read from them are invalid afterwards.
 * @param rows the rows; NULL is ignored.
 */
IRO_API void iro_report_rows_free(iro_report_rows* rows);

/**
 * The report laid out as text. Call with buffer_size 0 to learn the size.
 * @param report the report.
 * @param format IRO_REPORT_TEXT, IRO_REPORT_CSV, IRO_REPORT_JSON, IRO_REPORT_MARKDOWN or IRO_REPORT_HTML.
 * @param buffer where the NUL-terminated text goes; may be NULL when buffer_size is 0.
 * @param buffer_size bytes at buffer.
 * @param[out] out_needed when not NULL, receives the bytes needed including the NUL.
 * @return IRO_OK; IRO_E_BUFFER_TOO_SMALL (nothing written); IRO_E_INVALID_ARGUMENT for a NULL report, an
 *         unknown format, or buffer NULL with buffer_size > 0.
 */
IRO_API int32_t iro_report_format(const iro_report* report, int32_t format, char* buffer, size_t buffer_size,
                                  size_t* out_needed);

/**
 * As iro_report_format(), made once into an iro_text (see iro_casebook_export_text()).
 * @param report the report.
 * @param format IRO_REPORT_TEXT, IRO_REPORT_CSV, IRO_REPORT_JSON, IRO_REPORT_MARKDOWN or IRO_REPORT_HTML.
 * @param[out] out receives the text, to be freed with iro_text_free(); untouched on failure.
 * @return IRO_OK; IRO_E_INVALID_ARGUMENT for a NULL pointer or an unknown format.
 */
IRO_API int32_t iro_report_format_text(const iro_report* report, int32_t format, iro_text** out);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* IRO_H */
