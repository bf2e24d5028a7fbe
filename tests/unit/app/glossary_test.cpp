// One vocabulary (assets/glossary.json): no catalog text, procedure file or checklist card may use a word the
// glossary says to avoid, or spell a word in the other tone-mark style (hòa for hoà), so the app,
// both --help texts and the forms speak the same plain words.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const fs::path kSource{GOCUA_SOURCE_DIR};

json readJson(const fs::path& p) {
  std::ifstream in(p);
  REQUIRE_MESSAGE(in, p.string());
  return json::parse(in);
}

std::u32string decode(const std::string& s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += len;
  }
  return out;
}

std::string encode(const std::u32string& s) {
  std::string out;
  for (char32_t cp : s) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

// Lower case for the letters Vietnamese uses (the catalog is NFC).
char32_t lower(char32_t c) {
  if (c >= U'A' && c <= U'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c == 0x102 || c == 0x110 || c == 0x128 || c == 0x168 || c == 0x1A0 || c == 0x1AF) return c + 1;
  if (c >= 0x1EA0 && c <= 0x1EF9 && c % 2 == 0) return c + 1;
  return c;
}

bool isLetter(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9') ||
         (c >= 0xC0 && c <= 0x1EF9 && c != 0xD7 && c != 0xF7);
}

// Lower-cased, with {placeholders} blanked so their names are not read as words.
std::u32string prepare(const std::string& text) {
  std::u32string out;
  bool inPlaceholder = false;
  for (char32_t c : decode(text)) {
    if (c == U'{') inPlaceholder = true;
    out.push_back(inPlaceholder ? U' ' : lower(c));
    if (c == U'}') inPlaceholder = false;
  }
  return out;
}

std::vector<std::u32string> words(const std::u32string& text) {
  std::vector<std::u32string> out;
  std::u32string w;
  for (char32_t c : text) {
    if (isLetter(c)) {
      w.push_back(c);
    } else if (!w.empty()) {
      out.push_back(w);
      w.clear();
    }
  }
  if (!w.empty()) out.push_back(w);
  return out;
}

bool containsPhrase(const std::u32string& text, const std::u32string& phrase) {
  for (auto pos = text.find(phrase); pos != std::u32string::npos; pos = text.find(phrase, pos + 1)) {
    const bool startOk = pos == 0 || !isLetter(text[pos - 1]);
    const auto end = pos + phrase.size();
    const bool endOk = end == text.size() || !isLetter(text[end]);
    if (startOk && endOk) return true;
  }
  return false;
}

// The other style puts the mark on the first vowel of an open oa, oe or uy ("hòa", "khỏe", "tùy").
bool otherToneStyle(const std::u32string& w) {
  static const std::u32string markedO = U"òóỏõọ";
  static const std::u32string markedU = U"ùúủũụ";
  if (w.size() < 2) return false;
  const char32_t last = w.back();
  const char32_t before = w[w.size() - 2];
  if ((last == U'a' || last == U'e') && markedO.find(before) != std::u32string::npos) return true;
  if (last == U'y' && markedU.find(before) != std::u32string::npos) return w.size() < 3 || w[w.size() - 3] != U'q';
  return false;
}

struct Text {
  std::string file;
  std::string where;  // file and key
  std::string lang;   // "vi", "en" or "" (both checked)
  std::string value;
};

// Every string of a procedure file except maintainers' comments; "en" texts are marked English.
void collectForm(const json& node, const std::string& file, const std::string& where, const std::string& lang,
                 std::vector<Text>& out) {
  if (node.is_string()) {
    out.push_back({file, where, lang, node.get<std::string>()});
  } else if (node.is_object()) {
    for (const auto& [key, child] : node.items())
      if (key != "comment") collectForm(child, file, where + "/" + key, key == "en" ? "en" : lang, out);
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i)
      collectForm(node[i], file, where + "/" + std::to_string(i), lang, out);
  }
}

std::vector<Text> shippedTexts() {
  std::vector<Text> out;
  for (const auto& entry : fs::directory_iterator(kSource / "assets/i18n")) {
    if (entry.path().extension() != ".json") continue;
    const json catalog = readJson(entry.path());
    for (const auto& [key, texts] : catalog.items())
      for (const char* lang : {"vi", "en"})
        if (texts.contains(lang) && texts[lang].is_string())
          out.push_back({"assets/i18n/" + entry.path().filename().string(),
                         "assets/i18n/" + entry.path().filename().string() + " " + key, lang, texts[lang]});
  }
  // The procedures and the desk checklist cards (forms/cards/), not the shared lists.
  for (const char* dir : {"forms", "forms/cards"}) {
    if (!fs::is_directory(kSource / dir)) continue;
    for (const auto& entry : fs::directory_iterator(kSource / dir)) {
      if (entry.path().extension() != ".json") continue;
      const auto file = std::string(dir) + "/" + entry.path().filename().string();
      collectForm(readJson(entry.path()), file, file, "", out);
    }
  }
  return out;
}

struct Finding {
  std::string file;
  std::string word;  // lower case
  std::string where;
};

std::vector<Finding> findViolations(const json& glossary, const std::vector<Text>& texts) {
  std::vector<Finding> found;
  for (const auto& t : texts) {
    const auto text = prepare(t.value);
    for (const auto& [id, term] : glossary["terms"].items()) {
      for (const char* lang : {"vi", "en"}) {
        if (!t.lang.empty() && t.lang != lang) continue;
        // A phrase the term allows (real fingerprints) is blanked before looking for what it avoids.
        auto checked = text;
        for (const auto& allow : term.value("allow_" + std::string(lang), json::array())) {
          const auto phrase = prepare(allow.get<std::string>());
          for (auto pos = checked.find(phrase); pos != std::u32string::npos; pos = checked.find(phrase, pos))
            checked.replace(pos, phrase.size(), phrase.size(), U' ');
        }
        for (const auto& avoid : term["avoid_" + std::string(lang)]) {
          const auto phrase = prepare(avoid.get<std::string>());
          if (containsPhrase(checked, phrase))
            found.push_back({t.file, encode(phrase),
                             t.where + ": '" + encode(phrase) + "' (say '" + term[lang].get<std::string>() + "')"});
        }
      }
    }
    if (t.lang == "en") continue;
    for (const auto& w : words(text))
      if (otherToneStyle(w)) found.push_back({t.file, encode(w), t.where + ": '" + encode(w) + "' (tone style)"});
  }
  return found;
}

}  // namespace

TEST_CASE("the tone-style rule tells hoà from hòa and leaves other words alone") {
  for (const auto* w : {U"hòa", U"khóa", U"xóa", U"khỏe", U"tùy", U"ủy", U"thủy"}) CHECK(otherToneStyle(w));
  for (const auto* w : {U"hoà", U"khoá", U"xoá", U"khoẻ", U"tuỳ", U"uỷ", U"quý", U"hoàn", U"họ", U"có", U"lúa"})
    CHECK_FALSE(otherToneStyle(w));
  CHECK(containsPhrase(prepare("Dấu VÂN TAY khoá"), prepare("vân tay")));
  CHECK_FALSE(containsPhrase(prepare("lối đi"), prepare("lô")));
  CHECK_FALSE(containsPhrase(prepare("So mã {fingerprint}"), prepare("fingerprint")));
}

TEST_CASE("catalog and forms use the glossary's words and one tone-mark style") {
  const json glossary = readJson(kSource / "assets/glossary.json");
  const auto texts = shippedTexts();
  REQUIRE(texts.size() > 500);

  // Each term is what the screens actually say, and is itself spelt in the chosen style.
  std::string catalogVi;
  for (const auto& t : texts)
    if (t.where.starts_with("assets/") && t.lang == "vi") catalogVi += encode(prepare(t.value)) + "\n";
  for (const auto& item : glossary["terms"].items()) {
    // Not structured bindings here: clang (the ASan build) cannot capture one in INFO's lambda.
    const std::string id = item.key();
    const auto& term = item.value();
    INFO(id);
    CHECK(containsPhrase(decode(catalogVi), prepare(term["vi"].get<std::string>())));
    for (const auto& w : words(prepare(term["vi"].get<std::string>()))) CHECK_FALSE(otherToneStyle(w));
  }

  // Files another change owns may keep listed words until it lands; a listed word no longer
  // found must be dropped from the list.
  std::map<std::string, std::set<std::string>> pending;
  for (const auto& p : glossary["pending"])
    for (const auto& w : p["words"])
      pending[p["file"].get<std::string>()].insert(encode(prepare(w.get<std::string>())));
  std::map<std::string, std::set<std::string>> pendingSeen;

  std::vector<std::string> problems;
  for (const auto& f : findViolations(glossary, texts)) {
    const auto it = pending.find(f.file);
    if (it != pending.end() && it->second.contains(f.word)) {
      pendingSeen[f.file].insert(f.word);
      continue;
    }
    problems.push_back(f.where);
  }
  for (const auto& p : problems) FAIL_CHECK(p);
  CHECK(problems.empty());
  for (const auto& entry : pending)
    for (const auto& w : entry.second) {
      const std::string& file = entry.first;
      INFO(file << " no longer has '" << w << "': remove it from the glossary's pending list");
      CHECK(pendingSeen[file].contains(w));
    }
}
