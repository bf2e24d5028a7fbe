// Loads the embedded catalog once (thread-safe static) and answers lookups.
#include "core/i18n.h"

#include <atomic>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>

#include "core/embedded.h"
#include "core/json_read.h"

namespace gocua {
extern const EmbeddedFile gocua_catalog[];
extern const std::size_t gocua_catalog_count;
}  // namespace gocua

namespace gocua::i18n {
namespace {

struct Catalog {
  std::map<std::string, Entry, std::less<>> entries;
  std::vector<std::string> duplicates;
};

const Catalog& catalog() {
  static const Catalog loaded = [] {
    Catalog c;
    for (std::size_t i = 0; i < gocua_catalog_count; ++i) {
      const auto& file = gocua_catalog[i];
      // A broken catalog is a build defect; the catalog test reports it, lookups fall back to keys.
      auto doc = nlohmann::json::parse(file.content, nullptr, /*allow_exceptions=*/false);
      if (!doc.is_object()) continue;
      for (auto& [key, texts] : doc.items()) {
        Entry e{key, jsonValue(texts, "vi", ""), jsonValue(texts, "en", ""), file.name};
        if (!c.entries.emplace(key, e).second) c.duplicates.push_back(key);
      }
    }
    return c;
  }();
  return loaded;
}

std::atomic<Lang> currentLang{langFromEnvironment()};

std::string substitute(std::string text, const Args& args) {
  for (const auto& [name, value] : args) {
    const std::string placeholder = "{" + name + "}";
    for (auto pos = text.find(placeholder); pos != std::string::npos; pos = text.find(placeholder, pos + value.size()))
      text.replace(pos, placeholder.size(), value);
  }
  return text;
}

}  // namespace

Lang langFromEnvironment() {
  const char* v = std::getenv("GOCUA_LANG");
  return (v && std::string_view(v).substr(0, 2) == "en") ? Lang::En : Lang::Vi;
}
void setLang(Lang l) { currentLang = l; }
Lang lang() { return currentLang; }

std::string tr(Lang l, std::string_view key, const Args& args) {
  const auto& entries = catalog().entries;
  auto it = entries.find(key);
  if (it == entries.end()) return std::string(key);
  const std::string& text = (l == Lang::En) ? it->second.en : it->second.vi;
  return substitute(text.empty() ? it->second.vi : text, args);
}

std::string tr(std::string_view key, const Args& args) { return tr(lang(), key, args); }

bool has(std::string_view key) { return catalog().entries.count(key) > 0; }

std::string message(const Error& err) {
  return tr("error." + err.code, {{"field", err.field}, {"detail", err.detail}});
}

std::vector<Entry> allEntries() {
  std::vector<Entry> out;
  for (const auto& [k, e] : catalog().entries) out.push_back(e);
  return out;
}

std::vector<std::string> duplicateKeys() { return catalog().duplicates; }

std::string formatCount(std::uint64_t n) {
  const std::string digits = std::to_string(n);
  const char sep = lang() == Lang::Vi ? '.' : ',';
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += sep;
    out += digits[i];
  }
  return out;
}

}  // namespace gocua::i18n
