// skimRecordLine; see record_skim.h.
#include "sync/hub/record_skim.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "vault/json_wipe.h"

namespace gocua::hub::detail {

namespace {

using nlohmann::json;

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool named(const std::vector<std::string>& names, std::string_view key) {
  return std::find(names.begin(), names.end(), key) != names.end();
}

// A cursor over the line; every step checks the end first.
class Skim {
 public:
  explicit Skim(std::string_view text) : s_(text) {}

  // One object of members, those in names kept in out; for the top level, bodyNames says which
  // members of "body" to keep (nullptr: "body" is kept whole when named, else skipped).
  bool object(const std::vector<std::string>& names, const std::vector<std::string>* bodyNames, json& out) {
    space();
    if (!take('{')) return false;
    out = json::object();
    space();
    if (take('}')) return true;
    for (;;) {
      space();
      std::string key;
      if (!readKey(key)) return false;
      space();
      if (!take(':')) return false;
      space();
      const std::size_t start = i_;
      if (bodyNames && key == "body" && at('{')) {
        json body;
        if (!object(*bodyNames, nullptr, body)) {
          vault::wipe(body);
          return false;
        }
        put(out, key, std::move(body));
      } else {
        if (!skipValue()) return false;
        if (named(names, key) || (bodyNames && key == "body")) {
          json value = json::parse(s_.substr(start, i_ - start), nullptr, false);
          if (value.is_discarded()) return false;
          put(out, key, std::move(value));
        }
      }
      space();
      if (take(',')) continue;
      return take('}');
    }
  }

  bool atEnd() {
    space();
    return i_ == s_.size();
  }

 private:
  bool at(char c) const { return i_ < s_.size() && s_[i_] == c; }
  bool take(char c) {
    if (!at(c)) return false;
    ++i_;
    return true;
  }
  void space() {
    while (i_ < s_.size() && isSpace(s_[i_])) ++i_;
  }

  // A later member of the same name replaces the earlier one, as in a whole parse; the earlier
  // value is wiped first.
  static void put(json& out, const std::string& key, json value) {
    json& slot = out[key];
    vault::wipe(slot);
    slot = std::move(value);
  }

  // Past the closing quote of the string that starts at i_.
  bool skipString() {
    if (!take('"')) return false;
    // The next quote ends the string unless a backslash comes before it; memchr runs through the
    // long texts of the answers at memory speed.
    for (;;) {
      const char* begin = s_.data() + i_;
      const std::size_t left = s_.size() - i_;
      const auto* quote = static_cast<const char*>(std::memchr(begin, '"', left));
      if (!quote) return false;
      const auto* escape = static_cast<const char*>(std::memchr(begin, '\\', static_cast<std::size_t>(quote - begin)));
      if (!escape) {
        i_ = static_cast<std::size_t>(quote - s_.data()) + 1;
        return true;
      }
      i_ = static_cast<std::size_t>(escape - s_.data()) + 2;  // past the escaped character, whatever it is
      if (i_ > s_.size()) return false;
    }
  }

  // Member names are form field names, never residents' data; one with an escape is decoded by
  // nlohmann so that "vill\u0061ge" is "village" here too.
  bool readKey(std::string& key) {
    const std::size_t start = i_;
    if (!skipString()) return false;
    const std::string_view raw = s_.substr(start + 1, i_ - start - 2);
    if (raw.find('\\') == std::string_view::npos) {
      key.assign(raw);
      return true;
    }
    const json decoded = json::parse(s_.substr(start, i_ - start), nullptr, false);
    if (!decoded.is_string()) return false;
    key = decoded.get<std::string>();
    return true;
  }

  // Past one value: a string, an object or array (brackets counted outside strings), or a number,
  // true, false or null (up to the next delimiter).
  bool skipValue() {
    if (i_ >= s_.size()) return false;
    const char c = s_[i_];
    if (c == '"') return skipString();
    if (c == '{' || c == '[') {
      std::size_t depth = 0;
      while (i_ < s_.size()) {
        const char d = s_[i_];
        if (d == '"') {
          if (!skipString()) return false;
          continue;
        }
        if (d == '{' || d == '[') {
          ++depth;
        } else if (d == '}' || d == ']') {
          if (--depth == 0) {
            ++i_;
            return true;
          }
        }
        ++i_;
      }
      return false;
    }
    const std::size_t start = i_;
    while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '}' && s_[i_] != ']' && !isSpace(s_[i_])) ++i_;
    return i_ > start;
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace

bool skimRecordLine(std::string_view line, const RecordFields& fields, json& out) {
  // nlohmann skips a leading byte-order mark, so the import accepted (and sealed) lines with one.
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (line.substr(0, kBom.size()) == kBom) line.remove_prefix(kBom.size());
  Skim skim(line);
  json result;
  if (!skim.object(fields.top, fields.body.empty() ? nullptr : &fields.body, result) || !skim.atEnd()) {
    vault::wipe(result);
    return false;
  }
  vault::wipe(out);
  out = std::move(result);
  return true;
}

}  // namespace gocua::hub::detail
