#include "iro/data/ssda903.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>

#include "data/csv.hpp"
#include "core/file_util.hpp"
#include "iro/core/error.hpp"

namespace iro {
namespace {

constexpr std::size_t max_file_bytes = 512u << 20;

// The day count of the first of each month of the supported years, and of the month after the last.
struct MonthStarts {
  static constexpr int months = (Date::max_year - Date::min_year + 1) * 12;
  std::int32_t day[months + 1] = {};
  constexpr MonthStarts() {
    for (int i = 0; i < months; ++i) day[i] = days_from_civil(Date::min_year + i / 12, i % 12 + 1, 1);
    day[months] = days_from_civil(Date::max_year + 1, 1, 1);
  }
};
constexpr MonthStarts month_starts;

// A valid DD/MM/YYYY date, the common case: true and @p out, or false for anything else (left to
// parse_903_date(), which says why).
inline bool quick_903_date(std::string_view text, Date& out) noexcept {
  if (text.size() != 10 || text[2] != '/' || text[5] != '/') return false;
  const auto digit = [&](std::size_t i) { return static_cast<unsigned>(static_cast<unsigned char>(text[i])) - '0'; };
  const unsigned d0 = digit(0), d1 = digit(1), m0 = digit(3), m1 = digit(4), y0 = digit(6), y1 = digit(7),
                 y2 = digit(8), y3 = digit(9);
  if (d0 > 9 || d1 > 9 || m0 > 9 || m1 > 9 || y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9) return false;
  const int day = static_cast<int>(d0 * 10 + d1), month = static_cast<int>(m0 * 10 + m1);
  const int year = static_cast<int>(y0 * 1000 + y1 * 100 + y2 * 10 + y3);
  if (month < 1 || month > 12 || year < Date::min_year || year > Date::max_year || day < 1) return false;
  const int i = (year - Date::min_year) * 12 + month - 1;
  const std::int32_t first = month_starts.day[i];
  if (day > month_starts.day[i + 1] - first) return false;
  out = Date::from_days_unchecked(first + day - 1);
  return true;
}

// DD/MM/YYYY, or YYYY-MM-DD as some exports write.
std::optional<Date> parse_903_date(std::string_view text, std::string& why) {
  if (text.size() == 10 && text[2] == '/' && text[5] == '/') {
    int v[8];
    static const int at[8] = {0, 1, 3, 4, 6, 7, 8, 9};
    bool digits = true;
    for (int i = 0; i < 8; ++i) {
      const char ch = text[static_cast<std::size_t>(at[i])];
      digits = digits && ch >= '0' && ch <= '9';
      v[i] = ch - '0';
    }
    const int day = v[0] * 10 + v[1], month = v[2] * 10 + v[3], year = v[4] * 1000 + v[5] * 100 + v[6] * 10 + v[7];
    if (digits && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month) &&
        year >= Date::min_year && year <= Date::max_year) {
      return Date::from_days_unchecked(days_from_civil(year, month, day));
    }
    try {
      Date::from_ymd(digits ? year : -1, month, day);
    } catch (const Error& e) {
      why = quote(text) + " is not a date (" + e.what() + ")";
    }
    if (why.empty()) why = quote(text) + " is not a date in DD/MM/YYYY form";
    return std::nullopt;
  }
  const auto iso = Date::try_parse(text);
  if (!iso) why = quote(text) + " is not a date in DD/MM/YYYY form";
  return iso;
}

// SSDA903 legal status codes: C1 C2 D1 E1 J1-J3 L1-L3 V2-V4.
bool known_legal_status(std::string_view ls) { return is_legal_status(ls); }

// A short code kept in place (LS, REC): up to three characters and a terminator.
struct Code {
  char c[4] = {0, 0, 0, 0};
  static Code of(std::string_view v) noexcept {
    Code k;
    for (std::size_t i = 0; i < v.size() && i < 3; ++i) k.c[i] = v[i];
    return k;
  }
  std::string_view view() const noexcept { return std::string_view(c); }
};

struct Episode {
  Date start;
  std::optional<Date> end;
  char rne = 'S';
  bool breaks = false;  // legal status V3 or V4: a series of short breaks
  std::size_t line = 0;
  Code ls;   // its legal status
  Code rec;  // the reason it ceased (REC), when given and known
};

// The children's ids, for finding a child by id: open addressing over views of the ids (which must not
// move while it is used), the slot's hash bits kept beside the index.
class ChildIndex {
 public:
  explicit ChildIndex(const std::vector<std::string_view>& ids) : ids_(ids) {}

  // Room for @p n ids (the table is at least twice as large).
  void reserve(std::size_t n) {
    std::size_t size = 16;
    while (size < 2 * n) size *= 2;
    slots_.assign(size, Slot{});
    mask_ = size - 1;
  }

  // The index of @p id, or npos.
  std::size_t find(std::string_view id) const noexcept {
    if (slots_.empty()) return npos;
    const std::size_t h = std::hash<std::string_view>{}(id);
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    for (std::size_t k = h & mask_;; k = (k + 1) & mask_) {
      const Slot& s = slots_[k];
      if (s.child == 0) return npos;
      if (s.tag == tag && ids_[s.child - 1] == id) return s.child - 1;
    }
  }

  // Adds ids_[child] (not already in; reserve() made room).
  void add(std::size_t child) {
    const std::size_t h = std::hash<std::string_view>{}(ids_[child]);
    std::size_t k = h & mask_;
    while (slots_[k].child != 0) k = (k + 1) & mask_;
    slots_[k] = Slot{static_cast<std::uint32_t>(child + 1), static_cast<std::uint32_t>(h >> 32)};
  }

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

 private:
  struct Slot {
    std::uint32_t child = 0;  // index + 1; 0 for an empty slot
    std::uint32_t tag = 0;
  };
  const std::vector<std::string_view>& ids_;
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
};

// The large tables, read in pieces ahead of the checks (on any thread).
enum Table : int { episodes_table, reviews_table, records_table, midways_table, tables };

// A row read ahead: where it is and, when every field it needs passed the quick checks, its values; a
// `slow` row is read again where it is and checked field by field, as any row once was.
struct AheadRow {
  std::string_view id;     // CHILD (a view of the table's text)
  std::size_t line = 0;    // from its piece's first line
  std::size_t offset = 0;  // where it starts in the table's text
  Date a, b;               // DECOM/DEC, REVIEW/DOB, REVIEW/RECORD_SENT, MIDWAY
  bool has_b = false;
  bool slow = false;
  bool breaks = false;       // episodes: LS V3 or V4
  char code = 0;             // episodes: RNE; reviews: the participation
  Code ls, rec;              // episodes: LS and REC
  std::size_t child = npos;  // the child, when the header was read before the row (else npos: not looked up)
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
};

// A piece of a table: rows [begin, end) of its text, and what reading them ahead found.
struct Piece {
  int table = 0;
  std::size_t begin = 0, end = 0;
  std::vector<AheadRow> rows;
  std::size_t lines = 0;  // lines it holds (when not failed)
  bool failed = false;    // reading stopped at a row that did not read (or at any other exception)
  std::size_t fail_offset = 0, fail_line = 0;
  bool done = false;  // guarded by the pipeline's mutex
};

// One table's reader of its header row and the columns the quick checks use.
struct TableHead {
  const char* name = "";
  const std::string* text = nullptr;
  std::optional<CsvReader> head;  // empty when there is no text or its header row did not read
  std::exception_ptr open_error;  // why the header row did not read
  std::size_t first_piece = 0, pieces = 0;
  std::size_t c[6] = {std::string::npos, std::string::npos, std::string::npos,
                      std::string::npos, std::string::npos, std::string::npos};
};

// Reads pieces ahead on worker threads while the calling thread checks them in order: the caller takes a
// piece when it is done, or reads the next unclaimed one itself while it waits. Workers stop at
// destruction (they finish the piece in hand).
class Pipeline {
 public:
  Pipeline(std::vector<Piece>& pieces, std::function<void(Piece&)> read, unsigned workers)
      : pieces_(pieces), read_(std::move(read)) {
    for (unsigned w = 0; w < workers; ++w) {
      try {
        threads_.emplace_back([this] { work(); });
      } catch (const std::system_error&) {  // no thread to be had: fewer readers, same result
        break;
      }
    }
  }
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;
  ~Pipeline() {
    stop_.store(true);
    for (std::thread& t : threads_) t.join();
  }

  // Piece @p k, read.
  Piece& get(std::size_t k) {
    for (;;) {
      {
        std::lock_guard<std::mutex> lock(mutex_);
        if (pieces_[k].done) return pieces_[k];
      }
      const std::size_t j = next_.fetch_add(1);
      if (j < pieces_.size()) {
        run(j);
        continue;
      }
      std::unique_lock<std::mutex> lock(mutex_);
      done_.wait(lock, [&] { return pieces_[k].done; });
      return pieces_[k];
    }
  }

 private:
  void work() {
    while (!stop_.load()) {
      const std::size_t j = next_.fetch_add(1);
      if (j >= pieces_.size()) return;
      run(j);
    }
  }
  void run(std::size_t j) {
    read_(pieces_[j]);  // never throws: a failure is recorded in the piece
    {
      std::lock_guard<std::mutex> lock(mutex_);
      pieces_[j].done = true;
    }
    done_.notify_all();
  }

  std::vector<Piece>& pieces_;
  std::function<void(Piece&)> read_;
  std::atomic<std::size_t> next_{0};
  std::atomic<bool> stop_{false};
  std::mutex mutex_;
  std::condition_variable done_;
  std::vector<std::thread> threads_;
};

class Importer {
 public:
  Importer(ImportMode mode, const ImportOptions& options) : mode_(mode), options_(options), index_(ids_) {}

  // The index of a child id. Rows of one child usually come together, and children in header order: the
  // last child and the one after it are tried first.
  std::optional<std::size_t> find(std::string_view id) {
    const std::size_t i = find_from(last_, id);
    if (i == ChildIndex::npos) return std::nullopt;
    last_ = i;
    return i;
  }

  // The same from the child found last (@p last, or npos), or npos (any thread, once the index is complete).
  std::size_t find_from(std::size_t last, std::string_view id) const noexcept {
    if (last < ids_.size()) {
      if (ids_[last] == id) return last;
      if (last + 1 < ids_.size() && ids_[last + 1] == id) return last + 1;
    }
    return index_.find(id);
  }

  void issue(const std::string& file, std::size_t line, const std::string& column, const std::string& message,
             bool rejected) {
    ImportIssue i{file, line, column, message, rejected};
    if (rejected && mode_ == ImportMode::strict) {
      throw Error(Status::parse,
                  file + ":" + std::to_string(line) + (column.empty() ? "" : ": column " + column) + ": " + message);
    }
    (rejected ? report_.rejected : report_.doubtful)++;
    report_.issues.push_back(std::move(i));
  }

  std::optional<Date> date(const CsvReader& t, const char* column, bool required) {
    return date(t, t.column(column), column, required);
  }

  // The same, the column found already (@p index).
  std::optional<Date> date(const CsvReader& t, std::size_t index, const char* column, bool required) {
    const std::string_view v = t.field(index);
    if (v.empty()) {
      if (required) issue(t.source(), t.line(), column, "a date is required", true);
      return std::nullopt;
    }
    Date quick;
    if (quick_903_date(v, quick)) return quick;
    std::string why;
    const auto d = parse_903_date(v, why);
    if (!d) issue(t.source(), t.line(), column, why, true);
    return d;
  }

  Ssda903Import run(const Ssda903Files& files) {
    if (files.header.empty()) throw Error(Status::parse, "header.csv: missing: the Header table is required");
    if (files.episodes.empty()) throw Error(Status::parse, "episodes.csv: missing: the Episodes table is required");
    // Room for every child up front: one per header line at most.
    const std::size_t lines = static_cast<std::size_t>(std::count(files.header.begin(), files.header.end(), '\n')) + 1;
    index_.reserve(lines);
    children_.reserve(lines);  // ids_ may view a child's own id: the children must not move
    ids_.reserve(lines);
    episodes_.reserve(lines);
    adoptions_.reserve(lines);
    open(episodes_table, "episodes.csv", files.episodes, {"CHILD", "DECOM", "DEC", "RNE", "LS", "REC"});
    open(reviews_table, "reviews.csv", files.reviews, {"CHILD", "REVIEW", "REVIEW_CODE", "DOB"});
    open(records_table, "review_records.csv", files.review_records, {"CHILD", "REVIEW", "RECORD_SENT"});
    open(midways_table, "midway_reviews.csv", files.midway_reviews, {"CHILD", "MIDWAY"});
    threads_ = options_.threads;
    if (threads_ == 0) threads_ = std::min(4u, std::max(1u, std::thread::hardware_concurrency()));
    const unsigned workers =
        static_cast<unsigned>(std::min<std::size_t>(threads_ - 1, pieces_.size() > 1 ? pieces_.size() - 1 : 0));
    Pipeline ahead(
        pieces_, [this](Piece& p) { read_ahead(p); }, workers);

    CsvReader header(files.header, "header.csv");
    read_header(header);
    indexed_.store(true, std::memory_order_release);  // pieces read from now on look their children up
    if (!files.uasc.empty()) {
      CsvReader uasc(files.uasc, "uasc.csv");
      read_uasc(uasc);
    }
    read_table(ahead, episodes_table, {"CHILD", "DECOM", "RNE", "LS", "DEC"});
    if (!files.placed_for_adoption.empty()) {
      CsvReader adoptions(files.placed_for_adoption, "placed_for_adoption.csv");
      read_adoptions(adoptions);
    }
    build_periods();
    read_table(ahead, reviews_table, {"CHILD", "REVIEW", "REVIEW_CODE"});
    read_table(ahead, records_table, {"CHILD", "REVIEW", "RECORD_SENT"});
    read_table(ahead, midways_table, {"CHILD", "MIDWAY"});
    // The small local extracts, after the reviews they name.
    const auto extract = [&](const std::string& text, const char* name,
                             void (Importer::*read)(const CsvReader&, Child&),
                             std::initializer_list<const char*> columns) {
      if (text.empty()) return;
      CsvReader t(text, name);
      need(t, columns);
      std::size_t& rows = report_.rows[t.source()];
      while (t.next()) {
        ++rows;
        child_row(t, [&](std::size_t child, std::string_view) { (this->*read)(t, children_[child]); });
      }
    };
    extract(files.pre_meeting_reports, "pre_meeting_reports.csv", &Importer::pre_meeting_row,
            {"CHILD", "REVIEW", "REPORT_RECEIVED"});
    extract(files.review_cancellations, "review_cancellations.csv", &Importer::cancellation_row,
            {"CHILD", "REVIEW", "REASON"});
    extract(files.review_exceptions, "review_exceptions.csv", &Importer::exception_row, {"CHILD", "REVIEW", "REASON"});
    extract(files.notifications, "notifications.csv", &Importer::notification_row, {"CHILD", "DECOM", "NOTIFIED"});
    return finish();
  }

 private:
  static void need(const CsvReader& t, std::initializer_list<const char*> columns) {
    for (const char* c : columns) {
      if (t.column(c) == std::string::npos) throw Error(Status::parse, t.source() + ":1: missing column " + c);
    }
  }

  // Reads a table's header row (keeping any error for its turn) and cuts its rows into pieces.
  void open(Table table, const char* name, const std::string& text, std::initializer_list<const char*> columns) {
    TableHead& h = heads_[table];
    h.name = name;
    h.text = &text;
    if (text.empty()) return;
    try {
      h.head.emplace(text, name);
    } catch (...) {
      h.open_error = std::current_exception();
      return;
    }
    std::size_t k = 0;
    for (const char* c : columns) h.c[k++] = h.head->column(c);
    const std::vector<std::size_t> cuts = csv_row_splits(h.head->text(), h.head->body(), options_.piece_bytes);
    h.first_piece = pieces_.size();
    for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
      Piece p;
      p.table = table;
      p.begin = cuts[i];
      p.end = cuts[i + 1];
      pieces_.push_back(std::move(p));
    }
    h.pieces = pieces_.size() - h.first_piece;
  }

  // The quick checks of a row (any thread): true when every field the table needs is valid as it stands.
  static bool quick_row(const TableHead& h, const CsvReader& t, int table, AheadRow& r) noexcept {
    r.id = t.field(h.c[0]);
    switch (table) {
      case episodes_table: {  // CHILD, DECOM, DEC, RNE, LS, REC (when the table has it)
        if (!quick_903_date(t.field(h.c[1]), r.a)) return false;
        const std::string_view dec = t.field(h.c[2]);
        r.has_b = !dec.empty();
        if (r.has_b && (!quick_903_date(dec, r.b) || r.b < r.a)) return false;
        const std::string_view rne = t.field(h.c[3]), ls = t.field(h.c[4]);
        if (rne.size() != 1 || std::string_view("SPLTUB").find(rne[0]) == std::string_view::npos) return false;
        if (!known_legal_status(ls)) return false;
        r.code = rne[0];
        r.breaks = ls == "V3" || ls == "V4";
        r.ls = Code::of(ls);
        if (h.c[5] != std::string::npos) {
          const std::string_view rec = t.field(h.c[5]);
          if (!rec.empty() && !leaving_reason(rec)) return false;
          r.rec = Code::of(rec);
        }
        return true;
      }
      case reviews_table: {  // CHILD, REVIEW, REVIEW_CODE, DOB
        if (!quick_903_date(t.field(h.c[1]), r.a)) return false;
        const auto code = participation_from_code(t.field(h.c[2]));
        if (!code) return false;
        r.code = static_cast<char>(*code);
        const std::string_view dob = t.field(h.c[3]);
        r.has_b = !dob.empty();
        return !r.has_b || quick_903_date(dob, r.b);
      }
      case records_table:  // CHILD, REVIEW, RECORD_SENT
        return quick_903_date(t.field(h.c[1]), r.a) && quick_903_date(t.field(h.c[2]), r.b);
      default:  // CHILD, MIDWAY
        return quick_903_date(t.field(h.c[1]), r.a);
    }
  }

  // Reads a piece ahead (any thread; touches nothing but the piece, and reads the children's index once
  // it is complete).
  void read_ahead(Piece& p) const noexcept {
    const TableHead& h = heads_[p.table];
    const bool indexed = indexed_.load(std::memory_order_acquire);
    std::size_t last = AheadRow::npos;  // this piece's last child
    std::optional<CsvReader> t;
    try {
      t.emplace(*h.head, p.begin, p.end, 0);
      p.rows.reserve((p.end - p.begin) / 24 + 1);
      while (t->next()) {
        AheadRow r;
        r.line = t->line();
        r.offset = t->row_offset();
        r.slow = !t->stable() || !quick_row(h, *t, p.table, r);
        if (indexed && !r.slow) {
          r.child = find_from(last, r.id);
          if (r.child != AheadRow::npos) last = r.child;
        }
        p.rows.push_back(r);
      }
      p.lines = t->next_line();
    } catch (...) {  // read again, in order, by the checking thread: it fails there as it always did
      p.failed = true;
      p.fail_offset = t ? t->row_offset() : p.begin;
      p.fail_line = t ? t->line() : 0;
    }
  }

  // Checks a table's rows in order: a quick row whose child is known goes straight in; any other row is
  // read again and checked field by field. A piece that stopped is read on from there, row by row.
  void read_table(Pipeline& ahead, Table table, std::initializer_list<const char*> columns) {
    TableHead& h = heads_[table];
    if (h.text->empty()) return;
    if (h.open_error) std::rethrow_exception(h.open_error);
    need(*h.head, columns);
    std::size_t& rows = report_.rows[h.head->source()];
    const std::string& source = h.head->source();
    CsvReader again(*h.head, h.head->body(), h.head->text().size(), 0);
    std::size_t base = h.head->next_line();  // the line the piece starts on
    for (std::size_t k = 0; k < h.pieces; ++k) {
      Piece& p = ahead.get(h.first_piece + k);
      for (const AheadRow& r : p.rows) {
        ++rows;
        if (!r.slow) {
          if (r.child != AheadRow::npos) {  // found by the reader
            last_ = r.child;
            quick(table, r.child, r, source, base + r.line);
            continue;
          }
          if (const auto found = find(r.id)) {
            quick(table, *found, r, source, base + r.line);
            continue;
          }
        }
        again.seek(r.offset, base + r.line);
        again.next();
        slow(table, again);
      }
      if (p.failed) {
        again.seek(p.fail_offset, base + p.fail_line);
        while (again.next()) {
          ++rows;
          slow(table, again);
        }
        return;
      }
      base += p.lines;
      std::vector<AheadRow>().swap(p.rows);
    }
  }

  // A quick row of a known child.
  void quick(Table table, std::size_t child, const AheadRow& r, const std::string& source, std::size_t line) {
    switch (table) {
      case episodes_table:
        episode(child, r.id, r.a, r.has_b ? std::optional<Date>(r.b) : std::nullopt, r.code, r.breaks, r.ls, r.rec,
                line);
        break;
      case reviews_table:
        review(child, r.id, r.a, static_cast<Participation>(r.code), r.has_b ? std::optional<Date>(r.b) : std::nullopt,
               source, line);
        break;
      case records_table: record(children_[child], r.id, r.a, r.b, source, line); break;
      default: midway(children_[child], r.a, source, line); break;
    }
  }

  // Any row, field by field.
  void slow(Table table, const CsvReader& t) {
    switch (table) {
      case episodes_table: episode_row(t); break;
      case reviews_table: review_row(t); break;
      case records_table: record_row(t); break;
      default: midway_row(t); break;
    }
  }

  void read_header(CsvReader& t) {
    need(t, {"CHILD", "DOB"});
    std::size_t& rows = report_.rows[t.source()];
    const std::size_t child_col = t.column("CHILD"), dob_col = t.column("DOB");
    const std::size_t sex_col = t.column("SEX"), ethnic_col = t.column("ETHNIC");
    while (t.next()) {
      ++rows;
      const std::string_view id = t.field(child_col);
      if (id.empty()) {
        issue(t.source(), t.line(), "CHILD", "is empty", true);
        continue;
      }
      const auto dob = date(t, dob_col, "DOB", false);
      const std::size_t known = index_.find(id);
      if (known != ChildIndex::npos) {
        const bool same = children_[known].dob == dob;
        issue(t.source(), t.line(), "CHILD",
              "child " + quote(id) + " is listed again" +
                  (same ? " (same date of birth: counted once)" : " with another date of birth"),
              !same);
        continue;
      }
      Child c;
      c.id = std::string(id);
      c.dob = dob;
      if (sex_col != std::string::npos) {
        const std::string_view sex = t.field(sex_col);
        if (sex == "1" || sex == "2") {
          c.sex = sex == "1" ? Sex::male : Sex::female;
        } else if (!sex.empty()) {
          issue(t.source(), t.line(), "SEX", quote(sex) + " is not a SEX code (1 male, 2 female): not recorded", false);
        }
      }
      if (ethnic_col != std::string::npos) {
        const std::string_view ethnic = t.field(ethnic_col);
        if (ethnic_group(ethnic)) {
          c.ethnicity = std::string(ethnic);
        } else {
          issue(t.source(), t.line(), "ETHNIC",
                quote(ethnic) + " is not an ETHNIC code (WBRI..OOTH, REFU, NOBT): not recorded", false);
        }
      }
      children_.push_back(std::move(c));
      ids_.push_back(t.stable() ? id : std::string_view(children_.back().id));  // the text's, or the child's own
      index_.add(children_.size() - 1);
      episodes_.emplace_back();
      adoptions_.emplace_back();
    }
  }

  void episode_row(const CsvReader& t) {
    const std::size_t child_col = t.column("CHILD"), rne_col = t.column("RNE"), ls_col = t.column("LS"),
                      rec_col = t.column("REC");
    static const std::string rne_codes = "SPLTUB";
    const auto found = find(t.field(child_col));
    if (!found) {
      issue(t.source(), t.line(), "CHILD", "child " + quote(t.field(child_col)) + " is not in the Header table", true);
      return;
    }
    const std::size_t before = report_.rejected;
    const auto start = date(t, "DECOM", true);
    const auto end = date(t, "DEC", false);
    const std::string_view rne = t.field(rne_col);
    const std::string_view ls = t.field(ls_col);
    if (rne.size() != 1 || rne_codes.find(rne[0]) == std::string::npos) {
      issue(t.source(), t.line(), "RNE", quote(rne) + " is not a reason for new episode (S, P, L, T, U, B)", true);
    }
    if (!known_legal_status(ls)) {
      issue(t.source(), t.line(), "LS", quote(ls) + " is not a legal status code", true);
    }
    if (report_.rejected != before || !start) return;
    if (end && *end < *start) {
      issue(t.source(), t.line(), "DEC", end->iso() + " is before DECOM " + start->iso(), true);
      return;
    }
    std::string_view rec = rec_col == std::string::npos ? std::string_view() : t.field(rec_col);
    if (!rec.empty() && !leaving_reason(rec)) {
      issue(t.source(), t.line(), "REC", quote(rec) + " is not a reason episode ceased code: not recorded", false);
      rec = {};
    }
    episode(*found, t.field(child_col), *start, end, rne[0], ls == "V3" || ls == "V4", Code::of(ls), Code::of(rec),
            t.line());
  }

  // An episode whose fields are valid.
  void episode(std::size_t child, std::string_view id, Date start, std::optional<Date> end, char rne, bool breaks,
               Code ls, Code rec, std::size_t line) {
    auto& list = episodes_[child];
    const auto same = std::find_if(list.begin(), list.end(), [&](const Episode& e) { return e.start == start; });
    if (same != list.end()) {
      issue("episodes.csv", line, "DECOM",
            "an episode of child " + quote(id) + " starting " + start.iso() + " is already listed (line " +
                std::to_string(same->line) + "): counted once",
            false);
      if (!same->end && end) {  // a later year's copy may close it
        same->end = end;
        same->rec = rec;
      }
      return;
    }
    list.push_back({start, end, rne, breaks, line, ls, rec});
  }

  // uasc.csv (the 903's UASC table): CHILD, DUC (the day UASC status ceased; empty while it lasts), and DOB
  // to check against the header.
  void read_uasc(CsvReader& t) {
    need(t, {"CHILD"});
    std::size_t& rows = report_.rows[t.source()];
    const std::size_t child_col = t.column("CHILD"), duc_col = t.column("DUC"), dob_col = t.column("DOB");
    while (t.next()) {
      ++rows;
      const std::string_view id = t.field(child_col);
      const auto found = find(id);
      if (!found) {
        issue(t.source(), t.line(), "CHILD", "child " + quote(id) + " is not in the Header table", true);
        continue;
      }
      Child& c = children_[*found];
      std::optional<Date> duc;
      if (duc_col != std::string::npos && !t.field(duc_col).empty()) {
        const std::size_t before = report_.rejected;
        duc = date(t, duc_col, "DUC", false);
        if (report_.rejected != before) continue;
      }
      if (dob_col != std::string::npos && !t.field(dob_col).empty()) {
        std::string why;
        const auto dob = parse_903_date(t.field(dob_col), why);
        if (dob && c.dob && *dob != *c.dob)
          issue(t.source(), t.line(), "DOB", dob->iso() + " differs from the Header table's " + c.dob->iso(), false);
      }
      if (c.uasc) {
        issue(t.source(), t.line(), "CHILD", "child " + quote(id) + " is listed again: the first row is used", false);
        continue;
      }
      c.uasc = true;
      c.uasc_ceased = duc;
    }
  }

  void read_adoptions(CsvReader& t) {
    need(t, {"CHILD", "DATE_PLACED"});
    std::size_t& rows = report_.rows[t.source()];
    while (t.next()) {
      ++rows;
      const auto found = find(t.field(t.column("CHILD")));
      if (!found) {
        issue(t.source(), t.line(), "CHILD",
              "child " + quote(t.field(t.column("CHILD"))) + " is not in the Header table", true);
        continue;
      }
      const auto placed = date(t, "DATE_PLACED", true);
      const auto ceased = date(t, "DATE_PLACED_CEASED", false);
      if (placed) adoptions_[*found].push_back({*placed, ceased, t.line()});
    }
  }

  // Runs f(part, begin, end) over [0, n) cut into parts, the first on this thread and the others each on
  // a thread of its own (one part when there is little to do or one thread to do it); rethrows the first
  // part's exception, in part order, after every part has finished.
  template <class F>
  std::size_t in_parts(std::size_t n, F&& f) {
    const std::size_t parts = n < 8192 ? 1 : std::max<std::size_t>(1, threads_);
    std::vector<std::exception_ptr> failed(parts);
    std::vector<std::thread> helpers;
    const auto run = [&](std::size_t part) {
      try {
        f(part, n * part / parts, n * (part + 1) / parts);
      } catch (...) {
        failed[part] = std::current_exception();
      }
    };
    std::size_t part = 1;
    for (; part < parts; ++part) {
      try {
        helpers.emplace_back(run, part);
      } catch (const std::system_error&) {
        break;  // no thread to be had: the rest on this one
      }
    }
    for (std::size_t rest = part; rest < parts; ++rest) run(rest);
    run(0);
    for (std::thread& t : helpers) t.join();
    for (const std::exception_ptr& e : failed) {
      if (e) std::rethrow_exception(e);
    }
    return parts;
  }

  // Issues found away from the checking thread, reported afterwards in order.
  using Found = std::vector<ImportIssue>;
  static void note(Found& found, const char* file, std::size_t line, const char* column, std::string message,
                   bool rejected) {
    found.push_back(ImportIssue{file, line, column, std::move(message), rejected});
  }
  void report(const Found& found) {
    for (const ImportIssue& i : found) issue(i.file, i.line, i.column, i.message, i.rejected);
  }

  // Every child's periods of care and placements from its episodes, and its placements for adoption
  // (children in parts on threads; the issues are reported in child order).
  void build_periods() {
    birthdays_.resize(children_.size());
    std::vector<Found> found(std::max<unsigned>(1, threads_));
    std::vector<std::size_t> periods(found.size());
    const std::size_t parts = in_parts(children_.size(), [&](std::size_t part, std::size_t begin, std::size_t end) {
      for (std::size_t i = begin; i < end; ++i) build_child(i, found[part], periods[part]);
    });
    for (std::size_t part = 0; part < parts; ++part) {
      report(found[part]);
      report_.periods += periods[part];
    }
  }

  void build_child(std::size_t i, Found& found, std::size_t& periods) {
    {
      auto& list = episodes_[i];
      std::sort(list.begin(), list.end(), [](const Episode& a, const Episode& b) { return a.start < b.start; });
      Child& c = children_[i];
      const Episode* last = nullptr;
      std::vector<std::size_t> first_lines;  // the line of each period's first episode
      const Episode* period_last = nullptr;  // the current period's last episode so far
      // A period's reason ended: the REC of its last episode, when that episode has a DEC.
      const auto close = [&](Period& p) {
        if (period_last && period_last->end && !period_last->rec.view().empty())
          p.reason_ended = std::string(period_last->rec.view());
      };
      for (const Episode& e : list) {
        const bool breaks = e.breaks;
        if (last && !last->end) {
          note(found, "episodes.csv", e.line, "DECOM",
               "the episode before it (line " + std::to_string(last->line) + ") has no DEC: taken to end on " +
                   e.start.iso(),
               false);
        } else if (last && e.rne != 'S' && *last->end != e.start) {
          note(found, "episodes.csv", e.line, "DECOM",
               "continues a period (RNE " + std::string(1, e.rne) + ") but the episode before it ended on " +
                   last->end->iso(),
               false);
        }
        if (c.periods.empty() || e.rne == 'S') {
          if (!c.periods.empty()) close(c.periods.back());
          if (!c.periods.empty() && !c.periods.back().end) c.periods.back().end = e.start;
          c.periods.push_back(Period{e.start, std::nullopt, breaks ? Regime::short_breaks : Regime::standard, {}});
          first_lines.push_back(e.line);
        }
        Period& p = c.periods.back();
        const Regime running = p.switches.empty() ? p.regime : p.switches.back().regime;
        if (running == Regime::short_breaks && !breaks && e.start > p.start)
          p.switches.push_back({e.start, Regime::standard});
        p.end = e.end;
        // The legal status from each change of it (an episode with the status before it adds nothing).
        if (!e.ls.view().empty() && (p.legal_statuses.empty() || p.legal_statuses.back().code != e.ls.view()))
          p.legal_statuses.push_back({e.start, std::string(e.ls.view())});
        period_last = &e;
        // A new placement starts with every episode except a change of legal status only (RNE L).
        if (e.rne != 'L') {
          if (!c.placements.empty() && !c.placements.back().end) c.placements.back().end = e.start;
          c.placements.push_back(Placement{e.start, std::nullopt, false});
        }
        if (!c.placements.empty()) c.placements.back().end = e.end;
        last = &e;
      }
      if (!c.periods.empty()) close(c.periods.back());
      // A period with no day in care (it ends the day it starts) cannot be a period of care: its rows are
      // rejected, and the rest of the child is kept. One that runs past the 18th birthday is used, ending
      // on it (Children Act 1989 s105(1)); one that starts on or after it is rejected.
      const std::optional<Date> birthday = c.dob ? eighteenth_birthday(*c.dob) : std::nullopt;
      birthdays_[i] = birthday;
      for (std::size_t k = c.periods.size(); k-- > 0;) {
        const Period& p = c.periods[k];
        std::string why;
        if (p.end && *p.end <= p.start) {
          why = "a period of care from " + p.start.iso() + " that ends the same day (no day in care): not used";
        } else if (birthday && p.start >= *birthday) {
          why = "a period of care from " + p.start.iso() + " starts on or after the 18th birthday " + birthday->iso() +
                ": not used";
        } else if (birthday && p.end && *p.end > *birthday) {
          note(found, "episodes.csv", first_lines[k], "DEC",
               "the period of care from " + p.start.iso() + " ends " + p.end->iso() + ", after the 18th birthday " +
                   birthday->iso() + ": care is taken to end on the birthday",
               false);
        }
        if (!why.empty()) {
          note(found, "episodes.csv", first_lines[k], "DECOM", why, true);
          c.periods.erase(c.periods.begin() + static_cast<std::ptrdiff_t>(k));
        }
      }
      if (!list.empty()) periods += c.periods.size();
      for (const Adoption& a : adoptions_[i]) place_for_adoption(c, a, found);
      std::vector<Episode>().swap(list);
    }
  }

  struct Adoption {
    Date placed;
    std::optional<Date> ceased;
    std::size_t line;
  };

  static void place_for_adoption(Child& c, const Adoption& a, Found& found) {
    for (Period& p : c.periods) {
      if (a.placed < p.start || (p.end && a.placed >= *p.end)) continue;
      const bool after_switches = p.switches.empty() || p.switches.back().date < a.placed;
      if (!after_switches) {
        note(found, "placed_for_adoption.csv", a.line, "DATE_PLACED",
             a.placed.iso() + " comes before another change of regime: not used", true);
        return;
      }
      p.switches.push_back({a.placed, Regime::adoption_placed});
      if (a.ceased && *a.ceased > a.placed && (!p.end || *a.ceased < *p.end))
        p.switches.push_back({*a.ceased, Regime::standard});
      return;
    }
    note(found, "placed_for_adoption.csv", a.line, "DATE_PLACED",
         a.placed.iso() + " is outside the child's periods of care", true);
  }

  // A row of a table keyed by CHILD: refuses a child not in the header, and passes the others to
  // row(child index, id).
  template <class Row>
  void child_row(const CsvReader& t, Row&& row) {
    const std::string_view id = t.field(t.column("CHILD"));
    const auto found = find(id);
    if (!found) {
      issue(t.source(), t.line(), "CHILD", "child " + quote(id) + " is not in the Header table", true);
      return;
    }
    row(*found, id);
  }

  // Whether a review or midway review dated d falls in one of the child's periods (TimeInCare::holds(): a
  // review on the day care ended belongs to it), as validate() checks it.
  static bool in_care(const Child& c, Date d) {
    return std::any_of(c.periods.begin(), c.periods.end(),
                       [&](const Period& p) { return as_time_in_care(p).holds(d); });
  }

  void review_row(const CsvReader& t) {
    const std::size_t dob_column = t.column("DOB"), code_col = t.column("REVIEW_CODE");
    child_row(t, [&](std::size_t child, std::string_view id) {
      const auto when = date(t, "REVIEW", true);
      const auto code = participation_from_code(t.field(code_col));
      if (!code) {
        issue(t.source(), t.line(), "REVIEW_CODE", quote(t.field(code_col)) + " is not PN0-PN7", true);
        return;
      }
      if (!when) return;
      std::optional<Date> dob;
      if (dob_column != std::string::npos && !t.field(dob_column).empty()) {
        std::string why;
        dob = parse_903_date(t.field(dob_column), why);  // a DOB that is not a date is not compared
      }
      review(child, id, *when, *code, dob, t.source(), t.line());
    });
  }

  // Whether every episode of the child recorded a legal status, and each was V3 or V4 (a series of short breaks).
  static bool only_short_breaks(const Child& c) {
    bool any = false;
    for (const Period& p : c.periods) {
      for (const LegalStatusFrom& ls : p.legal_statuses) {
        if (ls.code != "V3" && ls.code != "V4") return false;
        any = true;
      }
      if (p.legal_statuses.empty()) return false;
    }
    return any;
  }

  // A review whose fields are valid (@p dob: the row's DOB, when it has one).
  void review(std::size_t child, std::string_view id, Date when, Participation code, std::optional<Date> dob,
              const std::string& source, std::size_t line) {
    Child& c = children_[child];
    if (dob && c.dob && *dob != *c.dob) {
      issue(source, line, "DOB", dob->iso() + " differs from the Header table's " + c.dob->iso(), false);
    }
    if (c.periods.empty()) {
      issue(source, line, "REVIEW", "child " + quote(id) + " has a review but no episode", true);
      return;
    }
    if (!in_care(c, when)) {
      issue(source, line, "REVIEW", when.iso() + " is outside the child's periods of care", true);
      return;
    }
    const std::optional<Date>& eighteen = birthdays_[child];
    if (eighteen && when > *eighteen) {
      issue(source, line, "REVIEW",
            when.iso() + " is after the 18th birthday " + eighteen->iso() +
                ", when the child stopped being looked after (not a looked-after "
                "child's review)",
            true);
      return;
    }
    // The SSDA903 validator's review checks, kept as doubtful: the code against the child's age (rules 440
    // and 441), and a review of a child whose every episode is a short break.
    if (c.dob) {
      if (auto why = participation_age_issue(*c.dob, when, code)) issue(source, line, "REVIEW_CODE", *why, false);
    }
    if (only_short_breaks(c)) {
      issue(source, line, "REVIEW",
            "child " + quote(id) +
                " has only short-break episodes (LS V3 or V4): the SSDA903 validator questions a review of a child "
                "looked after only under a series of short breaks; check the child's episodes",
            false);
    }
    if (c.reviews.empty()) c.reviews.reserve(8);  // most children have several
    c.reviews.push_back(Review{when, false, code, ReviewReason::scheduled, std::nullopt});
  }

  // review_records.csv (a local extract, not part of the 903): CHILD, REVIEW, RECORD_SENT.
  void record_row(const CsvReader& t) {
    child_row(t, [&](std::size_t child, std::string_view id) {
      const auto held = date(t, "REVIEW", true);
      const auto sent = date(t, "RECORD_SENT", true);
      if (!held || !sent) return;
      record(children_[child], id, *held, *sent, t.source(), t.line());
    });
  }

  // A review record whose dates are valid.
  void record(Child& c, std::string_view id, Date held, Date sent, const std::string& source, std::size_t line) {
    const auto r = std::find_if(c.reviews.begin(), c.reviews.end(), [&](const Review& rv) { return rv.date == held; });
    if (r == c.reviews.end()) {
      issue(source, line, "REVIEW", "child " + quote(id) + " has no review on " + held.iso() + " in reviews.csv", true);
    } else if (sent < held) {
      issue(source, line, "RECORD_SENT", sent.iso() + " is before the review was held (" + held.iso() + ")", true);
    } else if (r->record_sent) {
      issue(source, line, "RECORD_SENT",
            "the review of " + held.iso() + " already has a record date (" + r->record_sent->iso() + ")", true);
    } else {
      r->record_sent = sent;
    }
  }

  // The held review of a child on a day (the last given, as the report reads a day's record), or nullptr.
  static Review* held_on(Child& c, Date day) {
    Review* found = nullptr;
    for (Review& r : c.reviews) {
      if (!r.cancelled && r.date == day) found = &r;
    }
    return found;
  }

  // pre_meeting_reports.csv (a local extract): CHILD, REVIEW, REPORT_RECEIVED — the day the social worker's
  // report for a review in reviews.csv reached the IRO.
  void pre_meeting_row(const CsvReader& t, Child& c) {
    const auto held = date(t, "REVIEW", true);
    const auto got = date(t, "REPORT_RECEIVED", true);
    if (!held || !got) return;
    Review* r = held_on(c, *held);
    if (!r) {
      issue(t.source(), t.line(), "REVIEW",
            "child " + quote(c.id) + " has no review on " + held->iso() + " in reviews.csv", true);
    } else if (r->report_received) {
      issue(t.source(), t.line(), "REPORT_RECEIVED",
            "the review of " + held->iso() + " already has a report date (" + r->report_received->iso() + ")", true);
    } else {
      r->report_received = got;
    }
  }

  // review_cancellations.csv (a local extract): CHILD, REVIEW, REASON — a review arranged for a day that did not
  // take place, and why (the council's own words or code).
  void cancellation_row(const CsvReader& t, Child& c) {
    const auto day = date(t, "REVIEW", true);
    const std::string_view reason = t.field(t.column("REASON"));
    if (!day) return;
    if (reason.empty()) {
      issue(t.source(), t.line(), "REASON", "a reason is required", true);
    } else if (!in_care(c, *day)) {
      issue(t.source(), t.line(), "REVIEW", day->iso() + " is outside the child's periods of care", true);
    } else if (std::any_of(c.reviews.begin(), c.reviews.end(),
                           [&](const Review& r) { return r.cancelled && r.date == *day; })) {
      issue(t.source(), t.line(), "REVIEW", "the cancelled review of " + day->iso() + " is listed again", true);
    } else {
      Review r{*day, true, Participation::none, ReviewReason::scheduled, std::nullopt};
      r.cancellation_reason = std::string(reason);
      c.reviews.push_back(std::move(r));
    }
  }

  // review_exceptions.csv (a local extract): CHILD, REVIEW, REASON — a review in reviews.csv held after its due
  // date for a reason agreed and understood at the time (Medway's "for agreed and understood reasons").
  void exception_row(const CsvReader& t, Child& c) {
    const auto held = date(t, "REVIEW", true);
    const std::string_view reason = t.field(t.column("REASON"));
    if (!held) return;
    Review* r = held_on(c, *held);
    if (reason.empty()) {
      issue(t.source(), t.line(), "REASON", "a reason is required", true);
    } else if (!r) {
      issue(t.source(), t.line(), "REVIEW",
            "child " + quote(c.id) + " has no review on " + held->iso() + " in reviews.csv", true);
    } else if (!r->exception_reason.empty()) {
      issue(t.source(), t.line(), "REVIEW", "the review of " + held->iso() + " already has an agreed exception", true);
    } else {
      r->exception_reason = std::string(reason);
    }
  }

  // notifications.csv (a local extract): CHILD, DECOM, NOTIFIED — the day the IRO service was told that the child
  // became looked after, for the period of care starting on DECOM.
  void notification_row(const CsvReader& t, Child& c) {
    const auto start = date(t, "DECOM", true);
    const auto told = date(t, "NOTIFIED", true);
    if (!start || !told) return;
    const auto p = std::find_if(c.periods.begin(), c.periods.end(), [&](const Period& x) { return x.start == *start; });
    if (p == c.periods.end()) {
      issue(t.source(), t.line(), "DECOM", "child " + quote(c.id) + " has no period of care starting " + start->iso(),
            true);
    } else if (p->notified) {
      issue(t.source(), t.line(), "NOTIFIED",
            "the period from " + start->iso() + " already has a notification (" + p->notified->iso() + ")", true);
    } else {
      if (*told < *start) {
        issue(t.source(), t.line(), "NOTIFIED",
              told->iso() + " is before the child became looked after (" + start->iso() + "): a planned admission?",
              false);
      }
      p->notified = told;
    }
  }

  // midway_reviews.csv (a local extract, not part of the 903): CHILD, MIDWAY.
  void midway_row(const CsvReader& t) {
    child_row(t, [&](std::size_t child, std::string_view) {
      const auto when = date(t, "MIDWAY", true);
      if (when) midway(children_[child], *when, t.source(), t.line());
    });
  }

  // A midway review whose date is valid.
  void midway(Child& c, Date when, const std::string& source, std::size_t line) {
    if (!in_care(c, when)) {
      issue(source, line, "MIDWAY", when.iso() + " is outside the child's periods of care", true);
      return;
    }
    c.midways.push_back(when);
  }

  Ssda903Import finish() {
    // Every child validated (in parts on threads), then kept or reported in order.
    std::vector<std::vector<std::pair<std::size_t, std::string>>> invalid(std::max<unsigned>(1, threads_));
    const std::size_t parts = in_parts(children_.size(), [&](std::size_t part, std::size_t begin, std::size_t end) {
      for (std::size_t i = begin; i < end; ++i) {
        try {
          validate(children_[i]);
        } catch (const Error& e) {
          invalid[part].emplace_back(i, e.what());
        }
      }
    });
    Ssda903Import out;
    out.children.reserve(children_.size());
    std::size_t part = 0, next = 0;  // the next invalid child: invalid[part][next]
    for (std::size_t i = 0; i < children_.size(); ++i) {
      while (part < parts && next == invalid[part].size()) {
        ++part;
        next = 0;
      }
      if (part < parts && invalid[part][next].first == i) {
        issue("episodes.csv", 0, "", invalid[part][next++].second, true);
        continue;
      }
      Child& c = children_[i];
      report_.reviews += c.reviews.size();
      out.children.push_back(std::move(c));
    }
    report_.children = out.children.size();
    std::stable_sort(report_.issues.begin(), report_.issues.end(), [](const ImportIssue& a, const ImportIssue& b) {
      return a.file != b.file ? a.file < b.file : a.line < b.line;
    });
    out.report = std::move(report_);
    return out;
  }

  ImportMode mode_;
  ImportOptions options_;
  unsigned threads_ = 1;                             // threads to use, this one included
  std::size_t last_ = static_cast<std::size_t>(-1);  // the child found last
  ImportReport report_;
  std::vector<Child> children_;
  std::vector<std::string_view> ids_;  // the children's ids, in the header's text (or the child's own)
  ChildIndex index_;
  std::vector<std::vector<Episode>> episodes_;
  std::vector<std::vector<Adoption>> adoptions_;
  std::vector<std::optional<Date>> birthdays_;  // each child's 18th birthday, when known
  TableHead heads_[tables];
  std::vector<Piece> pieces_;         // every table's, in the order they are checked
  std::atomic<bool> indexed_{false};  // the header is read: ids_ and index_ no longer change
};

std::string read_optional(const std::filesystem::path& path, bool required) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    if (required) throw Error(Status::io, "missing " + quote(path.string(), 256) + ": a 903 return needs it");
    return "";
  }
  return read_text_file(path.string(), max_file_bytes);
}

}  // namespace

Ssda903Import import_903(const Ssda903Files& files, ImportMode mode) {
  return import_903(files, mode, ImportOptions());
}

Ssda903Import import_903(const Ssda903Files& files, ImportMode mode, const ImportOptions& options) {
  return Importer(mode, options).run(files);
}

Ssda903Import import_903_directory(const std::string& directory, ImportMode mode) {
  return import_903_directory(directory, mode, ImportOptions());
}

Ssda903Import import_903_directory(const std::string& directory, ImportMode mode, const ImportOptions& options) {
  const std::filesystem::path dir(directory);
  Ssda903Files f;
  struct File {
    const char* name;
    bool required;
    std::string* text;
    std::exception_ptr error;
  } files[] = {{"header.csv", true, &f.header, nullptr},
               {"episodes.csv", true, &f.episodes, nullptr},
               {"reviews.csv", false, &f.reviews, nullptr},
               {"placed_for_adoption.csv", false, &f.placed_for_adoption, nullptr},
               {"review_records.csv", false, &f.review_records, nullptr},
               {"midway_reviews.csv", false, &f.midway_reviews, nullptr},
               {"uasc.csv", false, &f.uasc, nullptr},
               {"pre_meeting_reports.csv", false, &f.pre_meeting_reports, nullptr},
               {"review_cancellations.csv", false, &f.review_cancellations, nullptr},
               {"review_exceptions.csv", false, &f.review_exceptions, nullptr},
               {"notifications.csv", false, &f.notifications, nullptr}};
  const auto read = [&](File& file) noexcept {
    try {
      *file.text = read_optional(dir / file.name, file.required);
    } catch (...) {
      file.error = std::current_exception();
    }
  };
  // The two largest tables are read on another thread while this one reads the rest; the first file that
  // cannot be read, in the order above, is the error.
  std::thread helper;
  if (options.threads != 1) {
    try {
      helper = std::thread([&] {
        read(files[2]);
        read(files[4]);
      });
    } catch (const std::system_error&) {
    }
  }
  for (std::size_t i = 0; i < std::size(files); ++i) {
    if (!helper.joinable() || (i != 2 && i != 4)) read(files[i]);
  }
  if (helper.joinable()) helper.join();
  for (const File& file : files) {
    if (file.error) std::rethrow_exception(file.error);
  }
  return import_903(f, mode, options);
}

}  // namespace iro
