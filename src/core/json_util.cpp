#include "core/json_util.hpp"

#include <algorithm>
#include <vector>

#include "iro/core/error.hpp"

namespace iro {

nlohmann::json parse_json_text(std::string_view text, std::string_view source) {
  try {
    // An object with the same key twice is an error, not "the last one wins": the parser's callback sees
    // each key, and the keys of the objects open at each depth are kept until the object closes.
    std::vector<std::vector<std::string>> open_keys;
    std::string duplicate;
    const auto check = [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
      using E = nlohmann::json::parse_event_t;
      const auto level = static_cast<std::size_t>(depth);
      if (event == E::object_start) {
        if (open_keys.size() <= level) open_keys.resize(level + 1);
        open_keys[level].clear();
      } else if (event == E::key && duplicate.empty() && level > 0 && level <= open_keys.size()) {
        std::vector<std::string>& keys = open_keys[level - 1];
        const std::string& key = parsed.get_ref<const std::string&>();
        if (std::find(keys.begin(), keys.end(), key) != keys.end())
          duplicate = key;
        else
          keys.push_back(key);
      }
      return true;
    };
    nlohmann::json doc = nlohmann::json::parse(text.begin(), text.end(), check);
    if (!duplicate.empty()) {
      throw Error(Status::parse, std::string(source) + ": malformed JSON (an object has the key " + quote(duplicate) +
                                     " twice; each key may appear once)");
    }
    return doc;
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is the 1-based offset of the byte the parser stopped at.
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    std::string what = e.what();
    const auto cut = what.find("syntax error");
    throw Error(Status::parse, std::string(source) + ":" + std::to_string(line) + ":" + std::to_string(column) +
                                   ": malformed JSON (" + (cut == std::string::npos ? what : what.substr(cut)) + ")");
  } catch (const nlohmann::json::exception& e) {
    // Not a syntax error but a value the parser cannot hold, such as a number beyond a double (found
    // by fuzz_policy: "33333733333333333e333333"); it has no position, so the message quotes it.
    std::string what = e.what();
    const auto cut = what.find("] ");
    throw Error(Status::parse, std::string(source) + ": malformed JSON (" +
                                   (cut == std::string::npos ? what : what.substr(cut + 2)) + ")");
  }
}

std::optional<std::string> first_unknown_key(const nlohmann::json& object, std::initializer_list<const char*> allowed,
                                             std::initializer_list<const char*> also_allowed) {
  const auto listed = [](std::initializer_list<const char*> keys, const std::string& key) {
    return std::any_of(keys.begin(), keys.end(), [&](const char* k) { return key == k; });
  };
  for (const auto& item : object.items()) {
    const std::string& key = item.key();
    if (!listed(allowed, key) && !listed(also_allowed, key)) return key;
  }
  return std::nullopt;
}

std::string unknown_key_problem(const std::string& key) { return "unknown key \"" + key + "\""; }

Date json_date(const nlohmann::json& value, const std::string& where) {
  if (!value.is_string())
    throw Error(Status::parse, where + ": " + value.dump() + " is not a date string (YYYY-MM-DD)");
  try {
    return Date::parse(value.get<std::string>());
  } catch (const Error& e) {
    throw Error(e.status(), where + ": " + e.what());
  }
}

}  // namespace iro
