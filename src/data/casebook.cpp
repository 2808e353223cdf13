// Casebook persistence: Boost.Serialization archives inside a checked frame. The only translation unit
// that includes boost/archive.
#include "iro/data/casebook.hpp"

#include <unistd.h>

#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/crc.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/file_util.hpp"
#include "iro/core/error.hpp"

namespace iro {
namespace {

constexpr char magic[8] = {'I', 'R', 'O', 'C', 'B', 'K', '\r', '\n'};
constexpr std::size_t frame_size = 8 + 4 + 4 + 8 + 4;
constexpr std::size_t max_file_bytes = std::size_t{1} << 31;

// Checked before every allocation while loading: a count times the fewest bytes one element takes in
// an archive can never exceed the payload, so memory stays within a small multiple of the file's size.
struct Budget {
  std::size_t bytes;
  std::uint64_t divisor;  // binary: 1; text: 4 (a number takes at least 2 characters there, 4 or 8 bytes here)
  void check(std::uint64_t count, const char* what, std::uint64_t min_bytes = 1) const {
    if (count > bytes / std::max<std::uint64_t>(1, min_bytes / divisor)) {
      throw Error(Status::parse, std::string("the archive claims ") + std::to_string(count) + " " + what +
                                     ", more than its " + std::to_string(bytes) + " bytes could hold");
    }
  }
};

template <class Archive>
void save_string(Archive& ar, const std::string& s) {
  const std::uint64_t n = s.size();
  ar << n;
  if (n > 0) ar.save_binary(s.data(), s.size());
}

template <class Archive>
std::string load_string(Archive& ar, const Budget& b) {
  std::uint64_t n = 0;
  ar >> n;
  b.check(n, "characters");
  std::string s(static_cast<std::size_t>(n), '\0');
  if (n > 0) ar.load_binary(s.data(), s.size());
  return s;
}

template <class Archive>
void save_date(Archive& ar, const std::optional<Date>& d) {
  const std::int32_t v = d ? d->days() : INT32_MIN;
  ar << v;
}

template <class Archive>
std::optional<Date> load_date(Archive& ar) {
  std::int32_t v = 0;
  ar >> v;
  if (v == INT32_MIN) return std::nullopt;
  return Date::from_days(v);  // refuses a day outside the range
}

template <class Archive>
void save_count(Archive& ar, std::size_t n) {
  const std::uint64_t v = n;
  ar << v;
}

template <class Archive>
std::size_t load_count(Archive& ar, const Budget& b, const char* what, std::uint64_t min_bytes) {
  std::uint64_t n = 0;
  ar >> n;
  b.check(n, what, min_bytes);
  return static_cast<std::size_t>(n);
}

template <class Archive>
void save_book(Archive& ar, const Casebook& book) {
  save_string(ar, book.council);
  save_count(ar, book.children.size());
  for (const Child& c : book.children) {
    save_string(ar, c.id);
    save_date(ar, c.dob);
    save_count(ar, c.periods.size());
    for (const Period& p : c.periods) {
      save_date(ar, p.start);
      save_date(ar, p.end);
      const std::int32_t regime = static_cast<std::int32_t>(p.regime);
      ar << regime;
      save_count(ar, p.switches.size());
      for (const RegimeSwitch& s : p.switches) {
        save_date(ar, s.date);
        const std::int32_t r = static_cast<std::int32_t>(s.regime);
        ar << r;
      }
    }
    save_count(ar, c.reviews.size());
    for (const Review& r : c.reviews) {
      save_date(ar, r.date);
      const std::int32_t flags = r.cancelled ? 1 : 0, code = static_cast<std::int32_t>(r.participation),
                         reason = static_cast<std::int32_t>(r.reason);
      ar << flags << code << reason;
      save_date(ar, r.record_sent);
    }
    save_count(ar, c.placements.size());
    for (const Placement& p : c.placements) {
      save_date(ar, p.start);
      save_date(ar, p.end);
      const std::int32_t until = p.until_18 ? 1 : 0;
      ar << until;
    }
    save_count(ar, c.visits.size());
    for (Date v : c.visits) save_date(ar, v);
    save_count(ar, c.midways.size());
    for (Date m : c.midways) save_date(ar, m);
    // Format 3: who the child is (the population profile), and each period's legal statuses and reason ended.
    const std::int32_t sex = static_cast<std::int32_t>(c.sex), uasc = c.uasc ? 1 : 0;
    ar << sex;
    save_string(ar, c.ethnicity);
    ar << uasc;
    save_date(ar, c.uasc_ceased);
    for (const Period& p : c.periods) {
      save_count(ar, p.legal_statuses.size());
      for (const LegalStatusFrom& l : p.legal_statuses) {
        save_date(ar, l.date);
        save_string(ar, l.code);
      }
      save_string(ar, p.reason_ended);
      save_date(ar, p.notified);
    }
    for (const Review& r : c.reviews) {  // the local extracts of pre-meeting reports, cancellations, exceptions
      save_date(ar, r.report_received);
      save_string(ar, r.cancellation_reason);
      save_string(ar, r.exception_reason);
    }
  }
  const Roster& r = book.roster;
  save_count(ar, r.officers().size());
  for (const Officer& i : r.officers()) {
    save_string(ar, i.id);
    ar << i.fte;
    const std::int32_t agency = i.agency ? 1 : 0;
    ar << agency;
    save_date(ar, i.start);
    save_date(ar, i.end);
    save_count(ar, i.attributes.size());
    for (const std::string& a : i.attributes) save_string(ar, a);
  }
  save_count(ar, r.children().size());
  for (const CaseChild& c : r.children()) {
    save_string(ar, c.id);
    save_date(ar, c.looked_after_since);
    const std::int32_t flags = (c.placed_far_away ? 1 : 0) | (c.in_proceedings ? 2 : 0) | (c.placement_moves ? 4 : 0);
    ar << flags;
    save_string(ar, c.sibling_group);
  }
  save_count(ar, r.allocations().size());
  for (const Allocation& a : r.allocations()) {
    save_string(ar, r.children()[a.child].id);
    save_string(ar, r.officers()[a.officer].id);
    save_date(ar, a.from);
    save_date(ar, a.to);
  }
  save_count(ar, r.absences().size());
  for (const Absence& a : r.absences()) {
    save_string(ar, r.officers()[a.officer].id);
    save_date(ar, a.from);
    save_date(ar, a.to);
  }
  save_count(ar, book.disputes.size());
  for (const Dispute& d : book.disputes) {
    save_string(ar, d.id);
    save_count(ar, d.children.size());  // format 3: the children and the categories are lists
    for (const std::string& c : d.children) save_string(ar, c);
    save_string(ar, d.officer);
    save_count(ar, d.categories.size());
    for (const std::string& c : d.categories) save_string(ar, c);
    save_count(ar, d.events.size());
    for (const DisputeEvent& e : d.events) {
      save_date(ar, e.date);
      const std::int32_t action = static_cast<std::int32_t>(e.action);
      ar << action;
      save_string(ar, e.stage);
    }
  }
}

std::int32_t enum_value(std::int32_t v, std::int32_t low, std::int32_t high, const char* what) {
  if (v < low || v > high)
    throw Error(Status::parse, std::string("the archive holds ") + what + " " + std::to_string(v));
  return v;
}

template <class Archive>
Casebook load_book(Archive& ar, const Budget& b, std::uint64_t version) {
  Casebook book;
  book.council = load_string(ar, b);
  book.children.resize(load_count(ar, b, "children", 48));
  for (Child& c : book.children) {
    c.id = load_string(ar, b);
    c.dob = load_date(ar);
    c.periods.resize(load_count(ar, b, "periods", 16));
    for (Period& p : c.periods) {
      const auto start = load_date(ar);
      if (!start) throw Error(Status::parse, "the archive holds a period without a start");
      p.start = *start;
      p.end = load_date(ar);
      std::int32_t regime = 0;
      ar >> regime;
      p.regime = static_cast<Regime>(enum_value(regime, 0, 3, "regime"));
      p.switches.resize(load_count(ar, b, "switches", 8));
      for (RegimeSwitch& s : p.switches) {
        const auto d = load_date(ar);
        if (!d) throw Error(Status::parse, "the archive holds a switch without a date");
        s.date = *d;
        std::int32_t r = 0;
        ar >> r;
        s.regime = static_cast<Regime>(enum_value(r, 0, 3, "regime"));
      }
    }
    c.reviews.resize(load_count(ar, b, "reviews", 16));
    for (Review& r : c.reviews) {
      const auto d = load_date(ar);
      if (!d) throw Error(Status::parse, "the archive holds a review without a date");
      r.date = *d;
      std::int32_t flags = 0, code = 0, reason = 0;
      ar >> flags >> code >> reason;
      r.cancelled = enum_value(flags, 0, 1, "review flags") == 1;
      r.participation = static_cast<Participation>(enum_value(code, -1, 7, "participation code"));
      r.reason = static_cast<ReviewReason>(enum_value(reason, 0, 3, "review reason"));
      if (version >= 2) r.record_sent = load_date(ar);  // format 1 had no record dates
    }
    c.placements.resize(load_count(ar, b, "placements", 12));
    for (Placement& p : c.placements) {
      const auto d = load_date(ar);
      if (!d) throw Error(Status::parse, "the archive holds a placement without a start");
      p.start = *d;
      p.end = load_date(ar);
      std::int32_t until = 0;
      ar >> until;
      p.until_18 = enum_value(until, 0, 1, "placement flag") == 1;
    }
    c.visits.resize(load_count(ar, b, "visits", 4));
    for (Date& v : c.visits) {
      const auto d = load_date(ar);
      if (!d) throw Error(Status::parse, "the archive holds a visit without a date");
      v = *d;
    }
    if (version >= 2) {  // format 1 had no midway reviews
      c.midways.resize(load_count(ar, b, "midway reviews", 4));
      for (Date& m : c.midways) {
        const auto d = load_date(ar);
        if (!d) throw Error(Status::parse, "the archive holds a midway review without a date");
        m = *d;
      }
    }
    if (version >= 3) {  // formats 1 and 2 had no profile: not recorded
      std::int32_t sex = 0, uasc = 0;
      ar >> sex;
      c.sex = static_cast<Sex>(enum_value(sex, 0, 2, "sex"));
      c.ethnicity = load_string(ar, b);
      if (!ethnic_group(c.ethnicity)) throw Error(Status::parse, "the archive holds ethnicity " + quote(c.ethnicity));
      ar >> uasc;
      c.uasc = enum_value(uasc, 0, 1, "UASC flag") == 1;
      c.uasc_ceased = load_date(ar);
      for (Period& p : c.periods) {
        p.legal_statuses.resize(load_count(ar, b, "legal statuses", 12));
        for (LegalStatusFrom& l : p.legal_statuses) {
          const auto d = load_date(ar);
          if (!d) throw Error(Status::parse, "the archive holds a legal status without a date");
          l.date = *d;
          l.code = load_string(ar, b);
          if (!is_legal_status(l.code)) throw Error(Status::parse, "the archive holds legal status " + quote(l.code));
        }
        p.reason_ended = load_string(ar, b);
        if (!leaving_reason(p.reason_ended))
          throw Error(Status::parse, "the archive holds reason ended " + quote(p.reason_ended));
        p.notified = load_date(ar);
      }
      for (Review& r : c.reviews) {
        r.report_received = load_date(ar);
        r.cancellation_reason = load_string(ar, b);
        r.exception_reason = load_string(ar, b);
      }
    }
    validate(c);  // the same rules as data added by hand
  }
  // The roster is rebuilt through its own checks.
  const std::size_t iros = load_count(ar, b, "IROs", 32);
  for (std::size_t i = 0; i < iros; ++i) {
    Officer r;
    r.id = load_string(ar, b);
    ar >> r.fte;
    std::int32_t agency = 0;
    ar >> agency;
    r.agency = enum_value(agency, 0, 1, "agency flag") == 1;
    r.start = load_date(ar);
    r.end = load_date(ar);
    r.attributes.resize(load_count(ar, b, "attributes", 8));
    for (std::string& a : r.attributes) a = load_string(ar, b);
    book.roster.add_officer(std::move(r));
  }
  const std::size_t kids = load_count(ar, b, "roster children", 16);
  for (std::size_t i = 0; i < kids; ++i) {
    CaseChild c;
    c.id = load_string(ar, b);
    c.looked_after_since = load_date(ar);
    std::int32_t flags = 0;
    ar >> flags;
    enum_value(flags, 0, 7, "child flags");
    c.placed_far_away = (flags & 1) != 0;
    c.in_proceedings = (flags & 2) != 0;
    c.placement_moves = (flags & 4) != 0;
    c.sibling_group = load_string(ar, b);
    book.roster.set_child(std::move(c));
  }
  const std::size_t allocations = load_count(ar, b, "allocations", 24);
  for (std::size_t i = 0; i < allocations; ++i) {
    const std::string child = load_string(ar, b), iro = load_string(ar, b);
    const auto from = load_date(ar);
    const auto to = load_date(ar);
    if (!from) throw Error(Status::parse, "the archive holds an allocation without a start");
    book.roster.add_allocation(child, iro, *from, to);
  }
  const std::size_t absences = load_count(ar, b, "absences", 16);
  for (std::size_t i = 0; i < absences; ++i) {
    const std::string iro = load_string(ar, b);
    const auto from = load_date(ar);
    const auto to = load_date(ar);
    if (!from) throw Error(Status::parse, "the archive holds an absence without a start");
    book.roster.add_absence(iro, *from, to);
  }
  book.disputes.resize(load_count(ar, b, "disputes", 32));
  for (Dispute& d : book.disputes) {
    d.id = load_string(ar, b);
    // Format 3 lists a dispute's children and categories; formats 1 and 2 held one of each ("" for none).
    const auto list = [&](const char* what) {
      std::vector<std::string> items;
      if (version >= 3) {
        items.resize(load_count(ar, b, what, 8));
        for (std::string& item : items) item = load_string(ar, b);
      } else {
        std::string one = load_string(ar, b);
        if (!one.empty()) items.push_back(std::move(one));
      }
      return items;
    };
    d.children = list("dispute children");
    d.officer = load_string(ar, b);
    d.categories = list("dispute categories");
    d.events.resize(load_count(ar, b, "dispute events", 16));
    for (DisputeEvent& e : d.events) {
      const auto date = load_date(ar);
      if (!date) throw Error(Status::parse, "the archive holds a dispute event without a date");
      e.date = *date;
      std::int32_t action = 0;
      ar >> action;
      e.action = static_cast<DisputeAction>(enum_value(action, 0, 4, "dispute action"));
      e.stage = load_string(ar, b);
    }
  }
  return book;
}

void put(std::string& out, std::uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

std::uint64_t get(const std::string& in, std::size_t at, int bytes) {
  std::uint64_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(in[at + static_cast<std::size_t>(i)]);
  return v;
}

std::uint32_t crc32(const std::string& data) {
  boost::crc_32_type crc;
  crc.process_bytes(data.data(), data.size());
  return crc.checksum();
}

}  // namespace

std::string Casebook::to_bytes(ArchiveFormat format) const {
  std::ostringstream payload_stream(std::ios::binary);
  {
    const unsigned flags = boost::archive::no_header;
    if (format == ArchiveFormat::text) {
      boost::archive::text_oarchive ar(payload_stream, flags);
      save_book(ar, *this);
    } else {
      boost::archive::binary_oarchive ar(payload_stream, flags);
      save_book(ar, *this);
    }
  }
  const std::string payload = payload_stream.str();
  std::string frame(magic, sizeof magic);
  put(frame, casebook_format_version, 4);
  put(frame, static_cast<std::uint32_t>(format), 4);
  put(frame, payload.size(), 8);
  put(frame, crc32(payload), 4);
  return frame + payload;
}

void Casebook::save(const std::string& path, ArchiveFormat format) const {
  const std::string bytes = to_bytes(format);
  // Write beside the target, flush, then rename over it: the target is the old file or the new, whole.
  const std::string temp =
      path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(reinterpret_cast<std::uintptr_t>(this));
  {
    std::FILE* f = std::fopen(temp.c_str(), "wb");
    if (f == nullptr) throw Error(Status::io, "cannot write " + quote(temp, 256));
    // fsync: the new file's bytes are on disk before the rename makes it the target (power loss too).
    const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size() && std::fflush(f) == 0 &&
                    ::fsync(::fileno(f)) == 0;
    const bool closed = std::fclose(f) == 0;
    if (!ok || !closed) {
      std::remove(temp.c_str());
      throw Error(Status::io,
                  "cannot write " + quote(temp, 256) + " (disk full?); " + quote(path, 256) + " is unchanged");
    }
  }
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::remove(temp.c_str());
    throw Error(Status::io, "cannot replace " + quote(path, 256) + ": " + ec.message());
  }
}

Casebook Casebook::load(const std::string& path) { return from_bytes(read_text_file(path, max_file_bytes), path); }

Casebook Casebook::from_bytes(std::string_view bytes, std::string_view source) {
  if (bytes.size() > max_file_bytes) {
    throw Error(Status::invalid_argument, quote(source, 256) + " is " + std::to_string(bytes.size()) +
                                              " bytes, more than a casebook may be (" + std::to_string(max_file_bytes) +
                                              ")");
  }
  const std::string data(bytes);
  const std::string where = quote(source, 256);
  if (data.size() < frame_size || data.compare(0, sizeof magic, magic, sizeof magic) != 0) {
    throw Error(Status::parse, where + " is not an iro casebook (no casebook header)");
  }
  const std::uint64_t version = get(data, 8, 4), kind = get(data, 12, 4), length = get(data, 16, 8),
                      crc = get(data, 24, 4);
  if (version > casebook_format_version) {
    throw Error(Status::invalid_argument, where + " has casebook format " + std::to_string(version) +
                                              ", newer than this iro reads (" +
                                              std::to_string(casebook_format_version) + ")");
  }
  if (version == 0) throw Error(Status::parse, where + " has casebook format 0, which no iro writes");
  if (kind > 1) throw Error(Status::parse, where + " has an unknown archive kind " + std::to_string(kind));
  if (length != data.size() - frame_size) {
    throw Error(Status::parse, where + " is truncated or has extra bytes: the header says " + std::to_string(length) +
                                   " bytes of data, the file has " + std::to_string(data.size() - frame_size));
  }
  const std::string payload = data.substr(frame_size);
  if (crc32(payload) != crc) throw Error(Status::parse, where + " is corrupted: its checksum does not match");
  const Budget budget{payload.size(), kind == static_cast<std::uint64_t>(ArchiveFormat::text) ? 4u : 1u};
  try {
    std::istringstream in(payload, std::ios::binary);
    const unsigned flags = boost::archive::no_header;
    if (kind == static_cast<std::uint64_t>(ArchiveFormat::text)) {
      boost::archive::text_iarchive ar(in, flags);
      return load_book(ar, budget, version);
    }
    boost::archive::binary_iarchive ar(in, flags);
    return load_book(ar, budget, version);
  } catch (const Error& e) {
    throw Error(e.status(), where + ": " + e.what());
  } catch (const std::exception& e) {
    throw Error(Status::parse, where + " does not decode as a casebook: " + e.what());
  }
}

}  // namespace iro
