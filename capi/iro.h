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
#define IRO_OK 0                  /**< Success. */
#define IRO_E_INVALID_ARGUMENT 1  /**< A NULL pointer, a count or value outside its domain, an unknown enum value. */
#define IRO_E_OUT_OF_RANGE 2      /**< A date or result outside the supported range; the message gives the range. */
#define IRO_E_INVALID_DATE 3      /**< Fields or text that are well formed but name no date (2023-02-29, month 13). */
#define IRO_E_PARSE 4             /**< Text or a file that does not follow its syntax; the message gives the place. */
#define IRO_E_BUFFER_TOO_SMALL 5  /**< A caller's buffer is too small; the size needed was reported. */
#define IRO_E_NOT_FOUND 6         /**< A named thing does not exist (a division, an id); the message lists choices. */
#define IRO_E_IO 7                /**< A file could not be opened, read or written. */
#define IRO_E_NO_MEMORY 8         /**< Memory could not be allocated. */
#define IRO_E_RULE_VIOLATION 9    /**< The request breaks a rule of the policy in force. */
#define IRO_E_INTERNAL 10         /**< A bug in iro; please report it with the message. */
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

#ifdef __cplusplus
}
#endif

#endif /* IRO_H */
