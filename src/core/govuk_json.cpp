// Reader for the GOV.UK bank holidays document (https://www.gov.uk/bank-holidays.json):
// { "<division>": { "division": "<division>", "events": [ {"title", "date", "notes", "bunting"} ... ] } }
#include <map>

#include <nlohmann/json.hpp>

#include "core/calendar_tables.hpp"
#include "iro/core/error.hpp"
#include "core/json_util.hpp"

namespace iro {
namespace {

using nlohmann::json;

const json& field(const json& event, const char* key, std::size_t index, const std::string& where) {
  const auto it = event.find(key);
  if (it == event.end() || !it->is_string()) {
    throw Error(Status::parse, where + ": event " + std::to_string(index) + " has no string field \"" + key + "\"");
  }
  return *it;
}

}  // namespace

GovukDivision read_govuk_division(std::string_view text, std::string_view division, std::string_view source) {
  const std::string where(source);
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    throw Error(Status::parse, where + " is empty: expected a GOV.UK bank-holidays.json document");
  }
  const json doc = parse_json_text(text, source);
  if (!doc.is_object()) {
    throw Error(Status::parse, where + ": expected a JSON object keyed by division, found " + doc.type_name());
  }
  const auto found = doc.find(std::string(division));
  if (found == doc.end()) {
    std::string present;
    for (const auto& item : doc.items()) present += (present.empty() ? "" : ", ") + quote(item.key());
    throw Error(Status::not_found, where + ": no division " + quote(division) + "; the file has " +
                                       (present.empty() ? std::string("none") : present));
  }
  const json& body = *found;
  const std::string here = where + ": division " + quote(division);
  if (!body.is_object() || !body.contains("events") || !body["events"].is_array()) {
    throw Error(Status::parse, here + " has no \"events\" array");
  }
  const json& events = body["events"];
  if (events.empty()) throw Error(Status::invalid_argument, here + " lists no events");

  GovukDivision out;
  std::map<std::int32_t, std::size_t> seen;  // day -> event index
  for (std::size_t i = 0; i < events.size(); ++i) {
    const json& event = events[i];
    if (!event.is_object()) throw Error(Status::parse, here + ": event " + std::to_string(i) + " is not an object");
    const std::string title = field(event, "title", i, here).get<std::string>();
    field(event, "date", i, here);
    const Date date =
        json_date(event["date"], here + ": event " + std::to_string(i) + " (" + quote(title) + ") field \"date\"");
    const auto [it, inserted] = seen.emplace(date.days(), i);
    if (!inserted) {
      throw Error(Status::invalid_argument, here + ": event " + std::to_string(i) + " repeats the date " + date.iso() +
                                                " of event " + std::to_string(it->second));
    }
    Holiday h;
    h.date = date;
    h.name = title;
    if (const auto notes = event.find("notes"); notes != event.end()) {
      if (!notes->is_string()) {
        throw Error(Status::parse, here + ": event " + std::to_string(i) + " field \"notes\" is not a string");
      }
      h.substitute = notes->get<std::string>().find("Substitute") != std::string::npos;
    }
    out.events.push_back(std::move(h));
  }
  out.first_year = Date::from_days_unchecked(seen.begin()->first).year();
  out.last_year = Date::from_days_unchecked(seen.rbegin()->first).year();
  return out;
}

}  // namespace iro
