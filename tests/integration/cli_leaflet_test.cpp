// gocuactl leaflet: every guide under forms/guides as a one-page A4 PDF whose text (pdftotext)
// holds the title and every step with every diacritic, in Vietnamese and in English; the
// anti-scam card by its own flag; bad input exits 2 and writes nothing. Expected texts come
// straight from the guide files, not from the product's code.
#include <doctest/doctest.h>

#include <fstream>

#include "harness.h"

using namespace it;

namespace {

// pdftotext's words with every run of spaces and line breaks as one space (lines wrap).
std::string pdfWords(const fs::path& pdf) {
  std::string words;
  for (char c : pdfText(pdf)) {
    const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f';
    if (space && (words.empty() || words.back() == ' ')) continue;
    words += space ? ' ' : c;
  }
  return words;
}

int pdfPages(const fs::path& pdf) {
  auto r = runProcess({"/usr/bin/pdfinfo", pdf.string()}, {}, "");
  REQUIRE_MESSAGE(r.exitCode == 0, r.describe());
  const auto at = r.out.find("Pages:");
  REQUIRE(at != std::string::npos);
  return std::stoi(r.out.substr(at + 6));
}

json guideFile(const std::string& id) {
  std::ifstream in(sourceDir() / "forms" / "guides" / (id + ".json"));
  return json::parse(in);
}

}  // namespace

TEST_CASE("gocuactl leaflet: every guide, in both languages, one page, every word as written") {
  Sandbox sb;
  auto listed = sb.ctlRaw({"leaflet", "--list"});
  REQUIRE_MESSAGE(listed.exitCode == 0, listed.describe());
  REQUIRE(listed.parsed().size() >= 7);
  int procedures = 0;
  for (const auto& row : listed.parsed()) {
    const std::string id = row["id"];
    const json guide = guideFile(id);
    for (const std::string lang : {"vi", "en"}) {
      CAPTURE(id);
      CAPTURE(lang);
      const fs::path out = sb.tmp / (id + "-" + lang + ".pdf");
      std::vector<std::string> args = {"leaflet", "--out", out.string(), "--lang", lang};
      if (row["procedure"].is_null()) {
        args.push_back("--anti-scam");
      } else {
        args.insert(args.end(), {"--procedure", row["procedure"].get<std::string>()});
        ++procedures;
      }
      auto made = sb.ctlRaw(args);
      REQUIRE_MESSAGE(made.exitCode == 0, made.describe());
      CHECK(made.parsed()["guide"] == id);
      CHECK(pdfPages(out) == 1);
      const std::string words = pdfWords(out);
      CHECK_MESSAGE(words.find(guide["title"][lang].get<std::string>()) != std::string::npos, words);
      for (const auto& step : guide.value("steps", json::array()))
        CHECK_MESSAGE(words.find(step[lang].get<std::string>()) != std::string::npos, step[lang]);
      for (const auto& warning : guide.value("warnings", json::array()))
        CHECK_MESSAGE(words.find(warning[lang].get<std::string>()) != std::string::npos, warning[lang]);
    }
  }
  CHECK(procedures >= 12);  // six procedures at least, twice each
}

TEST_CASE("gocuactl leaflet: bad input exits 2 with a message and writes nothing") {
  Sandbox sb;
  const fs::path out = sb.tmp / "x.pdf";
  auto unknown = sb.ctlRaw({"leaflet", "--procedure", "no_such_thing", "--out", out.string()});
  CHECK(unknown.exitCode == 2);
  CHECK(unknown.parsed()["errors"][0]["code"] == "guide.unknown");
  auto nothing = sb.ctlRaw({"leaflet", "--out", out.string()});
  CHECK(nothing.exitCode == 2);
  CHECK(nothing.parsed()["errors"][0]["code"] == "guide.not_chosen");
  CHECK(sb.ctlRaw({"leaflet", "--procedure", "birth_registration"}).exitCode == 2);  // no --out
  CHECK(sb.ctlRaw({"leaflet", "--anti-scam", "--procedure", "birth_registration", "--out", out.string()}).exitCode ==
        2);
  CHECK(sb.ctlRaw({"leaflet", "--anti-scam", "--out", out.string(), "--lang", "fr"}).exitCode == 2);
  CHECK_FALSE(fs::exists(out));
  auto noFolder = sb.ctlRaw({"leaflet", "--anti-scam", "--out", (sb.tmp / "missing" / "x.pdf").string()});
  CHECK(noFolder.exitCode != 0);
  CHECK_FALSE(noFolder.err.empty());
}
