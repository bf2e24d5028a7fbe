// Malformed form and list files: each is refused with file, field (where there is one), code
// and line, while a good file beside them still loads. Files are written to a fresh temp dir.
#include <doctest/doctest.h>

#include <fstream>
#include <random>

#include "../temp_dir.h"
#include "forms/form_loader.h"
#include "forms/registry.h"

using namespace gocua;
using namespace gocua::forms;
namespace fs = std::filesystem;

namespace {

// A forms directory (with lists/) in a fresh temp dir.
class TempDir : gocua::test::TempDir {
 public:
  TempDir() { fs::create_directories(test::TempDir::path / "lists"); }
  const fs::path& path() const { return test::TempDir::path; }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream out(path() / name, std::ios::binary);
    out << text;
  }
};

// A valid form with one section; `fields` is spliced in as the section's field list.
std::string formText(const std::string& id, const std::string& fields, const std::string& extra = "") {
  return "{\n"
         "  \"id\": \"" +
         id +
         "\",\n"
         "  \"version\": 1,\n"
         "  \"title\": {\"vi\": \"Thử\", \"en\": \"Test\"},\n"
         "  \"legal_basis\": [\"Thông tư 0/2025\"],\n"
         "  \"effective_date\": \"01/07/2025\",\n"
         "  \"authority\": {\"vi\": \"Xã\", \"en\": \"Commune\"},\n" +
         extra +
         "  \"sections\": [\n"
         "    {\"id\": \"main\", \"title\": {\"vi\": \"Chính\", \"en\": \"Main\"}, \"fields\": [\n" +
         fields +
         "    ]}\n"
         "  ]\n"
         "}\n";
}

const std::string kGoodFields =
    "      {\"id\": \"full_name\", \"type\": \"name\", \"label\": {\"vi\": \"Họ tên\", \"en\": \"Name\"}, "
    "\"required\": true},\n"
    "      {\"id\": \"ethnicity\", \"type\": \"choice\", \"label\": {\"vi\": \"Dân tộc\", \"en\": \"Ethnic group\"}, "
    "\"choices_from\": \"ethnic\"}\n";

const std::string kList = R"({"id": "ethnic", "choices": [{"value": "kinh", "vi": "Kinh", "en": "Kinh"}]})";

const LoadProblem* problemFor(const FormRegistry& reg, const std::string& file) {
  for (const auto& p : reg.problems())
    if (p.file == file) return &p;
  return nullptr;
}

std::string dump(const FormRegistry& reg) {
  std::string out;
  for (const auto& p : reg.problems())
    out += p.file + ":" + std::to_string(p.line) + " " + p.field + " " + p.code + " " + p.detail + "\n";
  return out;
}

// Loads one form text next to a good form and the list; returns the registry.
FormRegistry loadBeside(const TempDir& dir, const std::string& name, const std::string& text) {
  dir.write("lists/ethnic.json", kList);
  dir.write("good.json", formText("good", kGoodFields));
  dir.write(name, text);
  return FormRegistry::load(dir.path());
}

}  // namespace

TEST_CASE("the good file loads by itself with no problems") {
  TempDir dir;
  auto reg = loadBeside(dir, "also_good.json", formText("also_good", kGoodFields));
  CHECK_MESSAGE(reg.problems().empty(), dump(reg));
  CHECK(reg.all().size() == 2);
  REQUIRE(reg.find("good"));
  CHECK(reg.find("good")->field("main.ethnicity")->choices.size() == 1);
}

TEST_CASE("malformed files are refused with file, field, code and line; the good one loads") {
  struct Case {
    const char* name;
    std::string text;
    const char* code;
    const char* field;
    int line;
  };
  const std::vector<Case> cases = {
      {"bad_json.json", "{\n  \"id\": \"bad_json\",\n  \"version\": 1,\n  oops\n}\n", "form.json", "", 4},
      {"unknown_type.json",
       formText("unknown_type",
                "      {\"id\": \"a\", \"type\": \"text\", \"label\": {\"vi\": \"A\", \"en\": \"A\"}},\n"
                "      {\"id\": \"when\", \"type\": \"datetime\", \"label\": {\"vi\": \"B\", \"en\": \"B\"}}\n"),
       "form.unknown_type", "main.when", 11},
      {"bad_expr.json",
       formText("bad_expr",
                "      {\"id\": \"age\", \"type\": \"number\", \"label\": {\"vi\": \"Tuổi\", \"en\": \"Age\"},\n"
                "       \"relevant\": \"age > \"}\n"),
       "expr.syntax", "main.age", 10},
      {"unknown_ref.json",
       formText("unknown_ref",
                "      {\"id\": \"x\", \"type\": \"number\", \"label\": {\"vi\": \"X\", \"en\": \"X\"}, \"relevant\": "
                "\"y > 1\"}\n"),
       "expr.unknown_field", "main.x", 10},
      {"unknown_list.json",
       formText("unknown_list",
                "      {\"id\": \"nat\", \"type\": \"choice\", \"label\": {\"vi\": \"Quốc tịch\", \"en\": "
                "\"Nationality\"},\n"
                "       \"choices_from\": \"nationalities\"}\n"),
       "form.unknown_list", "main.nat", 10},
      {"duplicate_id.json",
       formText("duplicate_id",
                "      {\"id\": \"phone\", \"type\": \"phone\", \"label\": {\"vi\": \"SĐT\", \"en\": \"Phone\"}},\n"
                "      {\"id\": \"name\", \"type\": \"name\", \"label\": {\"vi\": \"Tên\", \"en\": \"Name\"}},\n"
                "      {\"id\": \"phone\", \"type\": \"text\", \"label\": {\"vi\": \"SĐT 2\", \"en\": \"Phone 2\"}}\n"),
       "form.duplicate_id", "main.phone", 12},
      {"duplicate_key.json",
       formText("duplicate_key",
                "      {\"id\": \"x\", \"type\": \"text\", \"type\": \"number\", \"label\": {\"vi\": \"X\", "
                "\"en\": \"X\"}}\n"),
       "form.json", "", 0},
      {"typo_key.json",
       formText("typo_key",
                "      {\"id\": \"x\", \"type\": \"text\", \"label\": {\"vi\": \"X\", \"en\": \"X\"}, \"requried\": "
                "true}\n"),
       "form.unknown_key", "main.x", 10},
      {"bad_pattern.json",
       formText("bad_pattern",
                "      {\"id\": \"code\", \"type\": \"text\", \"label\": {\"vi\": \"Mã\", \"en\": \"Code\"}, "
                "\"pattern\": \"([a-z\"}\n"),
       "form.bad_pattern", "main.code", 10},
      {"age_of_text.json",
       formText("age_of_text",
                "      {\"id\": \"t\", \"type\": \"text\", \"label\": {\"vi\": \"T\", \"en\": \"T\"}},\n"
                "      {\"id\": \"g\", \"type\": \"bool\", \"label\": {\"vi\": \"G\", \"en\": \"G\"}, \"relevant\": "
                "\"age(t) < 14\"}\n"),
       "expr.type", "main.g", 11},
      {"into_repeat.json",
       formText(
           "into_repeat",
           "      {\"id\": \"rows\", \"type\": \"repeat\", \"label\": {\"vi\": \"R\", \"en\": \"R\"}, \"fields\": [\n"
           "        {\"id\": \"v\", \"type\": \"number\", \"label\": {\"vi\": \"V\", \"en\": \"V\"}}]},\n"
           "      {\"id\": \"w\", \"type\": \"bool\", \"label\": {\"vi\": \"W\", \"en\": \"W\"}, \"relevant\": "
           "\"rows.v > 1\"}\n"),
       "expr.ref_into_repeat", "main.w", 12},
      {"missing_label.json",
       formText("missing_label", "      {\"id\": \"x\", \"type\": \"text\", \"label\": {\"vi\": \"X\"}}\n"),
       "form.schema", "main.x", 10},
      {"wrong_id.json", formText("not_the_file_name", kGoodFields), "form.id_mismatch", "", 2},
      {"no_version.json",
       "{\"id\": \"no_version\", \"title\": {\"vi\": \"T\", \"en\": \"T\"}, \"legal_basis\": \"x\","
       " \"effective_date\": \"01/07/2025\", \"authority\": {\"vi\": \"X\", \"en\": \"X\"},"
       " \"sections\": [{\"id\": \"s\", \"title\": {\"vi\": \"S\", \"en\": \"S\"}, \"fields\": ["
       "{\"id\": \"x\", \"type\": \"bool\", \"label\": {\"vi\": \"X\", \"en\": \"X\"}}]}]}",
       "form.schema", "", 0},
      {"dup_choice.json",
       formText(
           "dup_choice",
           "      {\"id\": \"c\", \"type\": \"choice\", \"label\": {\"vi\": \"C\", \"en\": \"C\"}, \"choices\": [\n"
           "        {\"value\": \"a\", \"vi\": \"A\", \"en\": \"A\"}, {\"value\": \"a\", \"vi\": \"A2\", \"en\": "
           "\"A2\"}]}\n"),
       "form.duplicate_choice", "main.c", 10},
      {"not_object.json", "[1, 2, 3]", "form.schema", "", 1},
  };
  for (const auto& c : cases) {
    INFO(std::string(c.name));
    TempDir dir;
    auto reg = loadBeside(dir, c.name, c.text);
    const LoadProblem* p = problemFor(reg, c.name);
    REQUIRE_MESSAGE(p, dump(reg));
    CHECK(p->code == c.code);
    CHECK(p->field == c.field);
    if (c.line) CHECK(p->line == c.line);
    CHECK(!p->detail.empty());
    // The bad file is refused, the good one loads.
    const std::string stem = fs::path(c.name).stem().string();
    CHECK(reg.find(stem) == nullptr);
    CHECK(reg.find("good") != nullptr);
    CHECK(reg.all().size() == 1);
  }
}

TEST_CASE("all problems of a file are reported, not only the first") {
  TempDir dir;
  auto reg =
      loadBeside(dir, "many.json",
                 formText("many",
                          "      {\"id\": \"a\", \"type\": \"datetime\", \"label\": {\"vi\": \"A\", \"en\": \"A\"}},\n"
                          "      {\"id\": \"b\", \"type\": \"choice\", \"label\": {\"vi\": \"B\", \"en\": \"B\"}, "
                          "\"choices_from\": \"nope\"},\n"
                          "      {\"id\": \"c\", \"type\": \"text\", \"label\": {\"vi\": \"C\", \"en\": \"C\"}, "
                          "\"colour\": \"red\"}\n"));
  int count = 0;
  for (const auto& p : reg.problems()) count += p.file == "many.json";
  CHECK(count == 3);
}

TEST_CASE("expression problems are found in every place expressions live") {
  TempDir dir;
  const std::string extra =
      "  \"documents\": [{\"id\": \"doc\", \"vi\": \"Giấy\", \"en\": \"Paper\", \"relevant\": \"main.nope = 1\"}],\n"
      "  \"deadline\": {\"from_field\": \"main.full_name\", \"days\": 10, \"message\": {\"vi\": \"Quá hạn\", \"en\": "
      "\"Late\"}},\n"
      "  \"checks\": [{\"id\": \"chk\", \"constraint\": \"main.full_name = \", \"message\": {\"vi\": \"X\", \"en\": "
      "\"X\"}}],\n";
  auto reg = loadBeside(dir, "places.json", formText("places", kGoodFields, extra));
  std::vector<std::string> seen;
  for (const auto& p : reg.problems())
    if (p.file == "places.json") seen.push_back(p.field + " " + p.code);
  CHECK(std::find(seen.begin(), seen.end(), "documents.doc expr.unknown_field") != seen.end());
  CHECK(std::find(seen.begin(), seen.end(), "deadline form.schema") != seen.end());  // not a date field
  CHECK(std::find(seen.begin(), seen.end(), "checks.chk expr.syntax") != seen.end());
}

TEST_CASE("bad list files are refused; forms that need them are refused too") {
  TempDir dir;
  dir.write("lists/ethnic.json", "{\"id\": \"ethnic\", \"choices\": [");
  dir.write("lists/other.json", R"({"id": "mismatch", "choices": [{"value": "a", "vi": "A", "en": "A"}]})");
  dir.write("good.json", formText("good", kGoodFields));
  auto reg = FormRegistry::load(dir.path());
  const LoadProblem* p = problemFor(reg, "lists/ethnic.json");
  REQUIRE_MESSAGE(p, dump(reg));
  CHECK(p->code == "form.json");
  CHECK(p->line == 1);
  REQUIRE(problemFor(reg, "lists/other.json"));
  CHECK(problemFor(reg, "lists/other.json")->code == "form.id_mismatch");
  REQUIRE(problemFor(reg, "good.json"));
  CHECK(problemFor(reg, "good.json")->code == "form.unknown_list");
  CHECK(reg.all().empty());
}

TEST_CASE("parseForm accepts an empty expected id (used by tools and the fuzz target)") {
  std::vector<LoadProblem> problems;
  auto f = parseForm(
      formText("any", kGoodFields), "x.json", "",
      [](std::string_view) -> const ChoiceList* {
        static const ChoiceList list{"ethnic", {Choice{"kinh", {"Kinh", "Kinh"}}}};
        return &list;
      },
      problems);
  CHECK(f.has_value());
  CHECK(problems.empty());
}

TEST_CASE("garbage bytes never crash the loader") {
  const std::vector<std::string> inputs = {
      "",
      "{",
      "null",
      "\"text\"",
      "{\"sections\": 5}",
      "{\"id\": 5}",
      std::string("\0\xff\xfe", 3),
      std::string(100000, '['),
      "{\"id\": \"x\", \"sections\": [{\"id\": \"s\", \"fields\": [{\"id\": \"r\", "
      "\"type\": \"repeat\", \"fields\": 7}]}]}"};
  for (const auto& text : inputs) {
    std::vector<LoadProblem> problems;
    auto f = parseForm(text, "g.json", "", nullptr, problems);
    CHECK_FALSE(f.has_value());
    CHECK_FALSE(problems.empty());
  }
}

TEST_CASE(
    "\"unique\" compares the rows of a repeat: refused elsewhere, on lists and with values not among the choices") {
  const std::string row = R"({"id": "rows", "type": "repeat", "label": {"vi": "D", "en": "R"}, "fields": [
        {"id": "kind", "type": "choice", "label": {"vi": "L", "en": "K"}, "unique": UNIQUE,
         "choices": [{"value": "a", "vi": "A", "en": "A"}, {"value": "b", "vi": "B", "en": "B"}]}]})";
  auto with = [&](const std::string& unique) {
    std::string text = row;
    text.replace(text.find("UNIQUE"), 6, unique);
    return text + "\n";
  };
  struct Case {
    const char* name;
    std::string fields;
    bool loads;
  };
  const std::vector<Case> cases = {
      {"u_true", with("true"), true},
      {"u_values", with(R"(["a"])"), true},
      {"u_not_choice", with(R"(["z"])"), false},
      {"u_number", with("3"), false},
      {"u_outside",
       R"({"id": "x", "type": "text", "label": {"vi": "X", "en": "X"}, "unique": true})"
       "\n",
       false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    TempDir dir;
    auto reg = loadBeside(dir, std::string(c.name) + ".json", formText(c.name, c.fields));
    CHECK(static_cast<bool>(reg.find(c.name)) == c.loads);
    if (!c.loads) {
      const LoadProblem* p = problemFor(reg, std::string(c.name) + ".json");
      REQUIRE_MESSAGE(p, dump(reg));
      CHECK(p->code == "form.schema");
    }
  }
}
