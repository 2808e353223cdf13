// Casebooks in the C API (iro.h, "Casebooks").
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "capi_handles.hpp"
#include "capi_internal.hpp"
#include "iro/data/council.hpp"
#include "iro/data/export.hpp"
#include "iro/report/report.hpp"
#include "iro/report/report_figures.hpp"
#include "iro/report/report_format.hpp"
#include "iro/data/ssda903.hpp"
#include "tools/synth.hpp"

using namespace iro;
using capi::day_arg;
using capi::guard;
using capi::require;

// An annual report computed once, with its tables as cells (the strings iro_report_cells() points into).
struct iro_report {
  iro::Report report;
  std::vector<iro::ReportCell> cells;
};

// A text made once (an export, a report's layout), read with iro_text_read().
struct iro_text {
  std::string text;
};

// The rows behind one figure, owning the strings iro_report_rows_read() points into.
struct iro_report_rows {
  std::vector<iro::ReportTrace> rows;
};

namespace {

// An import builds everything aside, then moves it in: these moves cannot throw, so a casebook is never
// left half replaced.
static_assert(std::is_nothrow_move_assignable_v<Casebook> && std::is_nothrow_move_assignable_v<Roster> &&
              std::is_nothrow_move_assignable_v<ImportReport> && std::is_nothrow_move_assignable_v<std::string>);

// An IRO_REPORT_* value as a layout, or invalid_argument.
ReportFormat report_format(int32_t format) {
  if (format < IRO_REPORT_TEXT || format > IRO_REPORT_HTML) {
    throw Error(Status::invalid_argument, "format " + std::to_string(format) + " is not an IRO_REPORT_* value (0-4)");
  }
  return static_cast<ReportFormat>(format);
}

// The text iro_casebook_export() and iro_casebook_export_text() give, after checking their arguments.
std::string export_text(const iro_casebook* casebook, const iro_policy* policy, const iro_calendar* calendar,
                        int32_t as_of, int32_t format) {
  require(casebook, "casebook");
  require(policy, "policy");
  require(calendar, "calendar");
  const auto& children = casebook->book.children;
  if (format == IRO_EXPORT_903_REVIEWS) return reviews_903_csv(children);
  if (format != IRO_EXPORT_CSV && format != IRO_EXPORT_JSON) {
    throw Error(Status::invalid_argument, "format " + std::to_string(format) + " is not an IRO_EXPORT_* value (0-2)");
  }
  const Calendar cal = policy->policy.calendar(calendar->calendar);
  const Date when = day_arg(as_of, "as_of");
  return format == IRO_EXPORT_CSV ? schedule_csv(children, policy->policy, cal, when)
                                  : schedule_json(children, policy->policy, cal, when);
}

// The report computed by iro_report_new(), after checking its arguments.
Report compute_report(const iro_casebook* casebook, const iro_policy* policy, const iro_calendar* calendar,
                      int32_t year) {
  require(casebook, "casebook");
  require(policy, "policy");
  require(calendar, "calendar");
  return annual_report(casebook->book, policy->policy, calendar->calendar, year);
}

}  // namespace

extern "C" {

IRO_API int32_t iro_casebook_new(iro_casebook** out) {
  return guard("iro_casebook_new", [&] {
    require(out, "out");
    *out = new iro_casebook{};
  });
}

IRO_API void iro_casebook_free(iro_casebook* casebook) { delete casebook; }

IRO_API int32_t iro_casebook_import_903(iro_casebook* casebook, const char* directory, int32_t strict,
                                        size_t* out_rejected, size_t* out_doubtful) {
  return guard("iro_casebook_import_903", [&] {
    require(casebook, "casebook");
    require(directory, "directory");
    Ssda903Import r = import_903_directory(directory, strict ? ImportMode::strict : ImportMode::lenient);
    // Nothing below throws: a failed import leaves the casebook and its last report as they were.
    casebook->book.children = std::move(r.children);
    casebook->report = std::move(r.report);
    if (out_rejected != nullptr) *out_rejected = casebook->report.rejected;
    if (out_doubtful != nullptr) *out_doubtful = casebook->report.doubtful;
  });
}

IRO_API int32_t iro_casebook_import_council(iro_casebook* casebook, const char* directory, const iro_policy* policy,
                                            const iro_calendar* base, int32_t strict, size_t* out_rejected,
                                            size_t* out_doubtful) {
  return guard("iro_casebook_import_council", [&] {
    require(casebook, "casebook");
    require(directory, "directory");
    require(policy, "policy");
    require(base, "base");
    if (strict != 0 && strict != 1) {
      throw Error(Status::invalid_argument, "strict " + std::to_string(strict) + " is not 0 (lenient) or 1 (strict)");
    }
    const Calendar calendar = policy->policy.calendar(base->calendar);
    CouncilImport c =
        import_council(directory, policy->policy, calendar, strict ? ImportMode::strict : ImportMode::lenient);
    // Nothing below throws: a failed import leaves the casebook and its last report as they were.
    casebook->book.council = std::move(c.book.council);
    casebook->book.children = std::move(c.book.children);
    casebook->book.roster = std::move(c.book.roster);
    casebook->book.disputes = std::move(c.book.disputes);
    casebook->report = std::move(c.report);
    if (out_rejected != nullptr) *out_rejected = casebook->report.rejected;
    if (out_doubtful != nullptr) *out_doubtful = casebook->report.doubtful;
  });
}

IRO_API int32_t iro_casebook_import_issues(const iro_casebook* casebook, iro_import_issue* out, size_t capacity,
                                           size_t* out_count) {
  return guard("iro_casebook_import_issues", [&] {
    require(casebook, "casebook");
    capi::require_array(out, capacity, "out");
    require(out_count, "out_count");
    const auto& issues = casebook->report.issues;
    capi::fill_array(issues.begin(), issues.end(), out, capacity, out_count, [](const ImportIssue& i) {
      return iro_import_issue{i.file.c_str(), i.line, i.column.c_str(), i.message.c_str(), i.rejected ? 1 : 0};
    });
  });
}

IRO_API int32_t iro_casebook_import_rows(const iro_casebook* casebook, iro_import_rows* out, size_t capacity,
                                         size_t* out_count) {
  return guard("iro_casebook_import_rows", [&] {
    require(casebook, "casebook");
    capi::require_array(out, capacity, "out");
    require(out_count, "out_count");
    std::vector<iro_import_rows> files;  // the map's keys live as long as the report
    files.reserve(casebook->report.rows.size());
    for (const auto& [file, rows] : casebook->report.rows) files.push_back(iro_import_rows{file.c_str(), rows});
    capi::fill_array(files.begin(), files.end(), out, capacity, out_count, [](const iro_import_rows& r) { return r; });
  });
}

IRO_API int32_t iro_casebook_synthesize(iro_casebook* casebook, uint32_t children, uint32_t officers, uint32_t years,
                                        uint64_t seed) {
  return guard("iro_casebook_synthesize", [&] {
    require(casebook, "casebook");
    SynthOptions o;
    o.children = children;
    o.officers = officers;
    o.years = years;
    o.seed = seed;
    casebook->book = casebook_from(synthesize(o), "Synthetic council (seed " + std::to_string(seed) + ")");
  });
}

IRO_API int32_t iro_casebook_save(const iro_casebook* casebook, const char* path, int32_t format) {
  return guard("iro_casebook_save", [&] {
    require(casebook, "casebook");
    require(path, "path");
    if (format != IRO_ARCHIVE_TEXT && format != IRO_ARCHIVE_BINARY) {
      throw Error(Status::invalid_argument,
                  "format " + std::to_string(format) + " is not IRO_ARCHIVE_TEXT or IRO_ARCHIVE_BINARY");
    }
    casebook->book.save(path, format == IRO_ARCHIVE_TEXT ? ArchiveFormat::text : ArchiveFormat::binary);
  });
}

IRO_API int32_t iro_casebook_load(const char* path, iro_casebook** out) {
  return guard("iro_casebook_load", [&] {
    require(path, "path");
    require(out, "out");
    *out = new iro_casebook{Casebook::load(path), ImportReport{}};
  });
}

IRO_API int32_t iro_casebook_counts(const iro_casebook* casebook, size_t* out_children, size_t* out_officers,
                                    size_t* out_disputes) {
  return guard("iro_casebook_counts", [&] {
    require(casebook, "casebook");
    require(out_children, "out_children");
    require(out_officers, "out_officers");
    require(out_disputes, "out_disputes");
    *out_children = casebook->book.children.size();
    *out_officers = casebook->book.roster.officers().size();
    *out_disputes = casebook->book.disputes.size();
  });
}

IRO_API int32_t iro_casebook_children(const iro_casebook* casebook, iro_children** out) {
  return guard("iro_casebook_children", [&] {
    require(casebook, "casebook");
    require(out, "out");
    *out = new iro_children{casebook->book.children};
  });
}

IRO_API int32_t iro_casebook_export(const iro_casebook* casebook, const iro_policy* policy,
                                    const iro_calendar* calendar, int32_t as_of, int32_t format, char* buffer,
                                    size_t buffer_size, size_t* out_needed) {
  return guard("iro_casebook_export", [&] {
    capi::require_array(buffer, buffer_size, "buffer");
    capi::write_text(export_text(casebook, policy, calendar, as_of, format), buffer, buffer_size, out_needed);
  });
}

IRO_API int32_t iro_casebook_export_text(const iro_casebook* casebook, const iro_policy* policy,
                                         const iro_calendar* calendar, int32_t as_of, int32_t format, iro_text** out) {
  return guard("iro_casebook_export_text", [&] {
    require(out, "out");
    auto text = std::make_unique<iro_text>(iro_text{export_text(casebook, policy, calendar, as_of, format)});
    *out = text.release();
  });
}

IRO_API int32_t iro_text_read(const iro_text* text, const char** out_data, size_t* out_size) {
  return guard("iro_text_read", [&] {
    require(text, "text");
    require(out_data, "out_data");
    require(out_size, "out_size");
    *out_data = text->text.c_str();
    *out_size = text->text.size();
  });
}

IRO_API void iro_text_free(iro_text* text) { delete text; }

IRO_API int32_t iro_casebook_report(const iro_casebook* casebook, const iro_policy* policy,
                                    const iro_calendar* calendar, int32_t year, int32_t format, char* buffer,
                                    size_t buffer_size, size_t* out_needed) {
  return guard("iro_casebook_report", [&] {
    capi::require_array(buffer, buffer_size, "buffer");
    const ReportFormat layout = report_format(format);
    capi::write_text(format_report(compute_report(casebook, policy, calendar, year), layout), buffer, buffer_size,
                     out_needed);
  });
}

IRO_API int32_t iro_report_new(const iro_casebook* casebook, const iro_policy* policy, const iro_calendar* calendar,
                               int32_t year, iro_report** out) {
  return guard("iro_report_new", [&] {
    require(out, "out");
    auto report = std::make_unique<iro_report>();
    report->report = compute_report(casebook, policy, calendar, year);
    report->cells = report_cells(report->report);
    *out = report.release();
  });
}

IRO_API void iro_report_free(iro_report* report) { delete report; }

IRO_API int32_t iro_report_summary(const iro_report* report, iro_report_summary_info* out) {
  return guard("iro_report_summary", [&] {
    require(report, "report");
    require(out, "out");
    const Report& r = report->report;
    *out = iro_report_summary_info{r.council.c_str(),
                                   r.year,
                                   r.from.days(),
                                   r.to.days(),
                                   r.children_refused,
                                   r.supplied.review_records ? 1 : 0,
                                   r.supplied.midway_reviews ? 1 : 0,
                                   r.supplied.roster ? 1 : 0,
                                   r.supplied.disputes ? 1 : 0};
  });
}

IRO_API int32_t iro_report_cells(const iro_report* report, iro_report_cell* out, size_t capacity, size_t* out_count) {
  return guard("iro_report_cells", [&] {
    require(report, "report");
    capi::require_array(out, capacity, "out");
    require(out_count, "out_count");
    capi::fill_array(report->cells.begin(), report->cells.end(), out, capacity, out_count, [](const ReportCell& c) {
      return iro_report_cell{c.table.c_str(), c.row.c_str(),          c.measure.c_str(),
                             c.text.c_str(),  c.number.value_or(0.0), c.number ? 1 : 0};
    });
  });
}

IRO_API int32_t iro_report_figures(const iro_report* report, iro_report_figure* out, size_t capacity,
                                   size_t* out_count) {
  return guard("iro_report_figures", [&] {
    require(report, "report");
    capi::require_array(out, capacity, "out");
    require(out_count, "out_count");
    const std::vector<Figure>& figures = report_figures(report->report);
    const std::vector<FigureKind>& kinds = report_figure_kinds();
    capi::fill_array(figures.begin(), figures.end(), out, capacity, out_count, [&](const Figure& f) {
      return iro_report_figure{f.name.c_str(), static_cast<uint64_t>(f.count), kinds[f.kind].pattern};
    });
  });
}

IRO_API int32_t iro_report_figure_count(const iro_report* report, const char* figure, uint64_t* out_count) {
  return guard("iro_report_figure_count", [&] {
    require(report, "report");
    require(figure, "figure");
    require(out_count, "out_count");
    *out_count = static_cast<uint64_t>(report_figure(report->report, figure).count);
  });
}

IRO_API int32_t iro_report_query(const iro_report* report, const char* figure, iro_report_rows** out) {
  return guard("iro_report_query", [&] {
    require(report, "report");
    require(figure, "figure");
    require(out, "out");
    auto rows = std::make_unique<iro_report_rows>();
    rows->rows = report_query(report->report, figure);
    *out = rows.release();
  });
}

IRO_API int32_t iro_report_rows_read(const iro_report_rows* rows, iro_report_row* out, size_t capacity,
                                     size_t* out_count) {
  return guard("iro_report_rows_read", [&] {
    require(rows, "rows");
    capi::require_array(out, capacity, "out");
    require(out_count, "out_count");
    capi::fill_array(rows->rows.begin(), rows->rows.end(), out, capacity, out_count, [](const ReportTrace& t) {
      return iro_report_row{t.child.c_str(), t.date.days(), t.detail.c_str()};
    });
  });
}

IRO_API void iro_report_rows_free(iro_report_rows* rows) { delete rows; }

IRO_API int32_t iro_report_format_text(const iro_report* report, int32_t format, iro_text** out) {
  return guard("iro_report_format_text", [&] {
    require(report, "report");
    require(out, "out");
    auto text = std::make_unique<iro_text>(iro_text{format_report(report->report, report_format(format))});
    *out = text.release();
  });
}

IRO_API int32_t iro_report_format(const iro_report* report, int32_t format, char* buffer, size_t buffer_size,
                                  size_t* out_needed) {
  return guard("iro_report_format", [&] {
    require(report, "report");
    capi::require_array(buffer, buffer_size, "buffer");
    capi::write_text(format_report(report->report, report_format(format)), buffer, buffer_size, out_needed);
  });
}

}  // extern "C"
