// How the app offers a procedure, read from the form file: "order", "plain_title",
// "plain_detail", the practical "flags" and the "appointments" list. All optional, so a form pack
// from an older version (none of these keys) still loads; wrong values are refused like any other.
#include <doctest/doctest.h>

#include "forms/form_loader.h"
#include "forms/registry.h"
#include "shipped_forms.h"

using namespace gocua;
using namespace gocua::forms;

namespace {

std::string formText(const std::string& extra) {
  return R"({
  "id": "t", "version": 1, "title": {"vi": "Thử", "en": "Test"}, "legal_basis": "Luật",
  "effective_date": "01/07/2025", "authority": {"vi": "Xã", "en": "Commune"},
)" + extra +
         R"(
  "sections": [{"id": "main", "title": {"vi": "Chính", "en": "Main"}, "fields": [
    {"id": "name", "type": "name", "label": {"vi": "Họ tên", "en": "Name"}},
    {"id": "sim", "type": "choice", "label": {"vi": "SIM", "en": "SIM"},
     "choices": [{"value": "yes", "vi": "Có", "en": "Yes"}, {"value": "no", "vi": "Không", "en": "No"}]},
    {"id": "done", "type": "bool", "label": {"vi": "Xong", "en": "Done"}},
    {"id": "rows", "type": "repeat", "label": {"vi": "Hàng", "en": "Rows"},
     "fields": [{"id": "x", "type": "text", "label": {"vi": "X", "en": "X"}}]}
  ]}]
})";
}

std::optional<Form> parse(const std::string& extra, std::vector<LoadProblem>& problems) {
  return parseForm(
      formText(extra), "t.json", "t", [](std::string_view) { return nullptr; }, problems);
}

}  // namespace

TEST_CASE("a form without the presentation keys loads (older form packs) and offers its official title") {
  std::vector<LoadProblem> problems;
  auto form = parse("", problems);
  REQUIRE_MESSAGE(form, (problems.empty() ? std::string() : problems[0].detail));
  CHECK_FALSE(form->order());
  CHECK(form->plainTitle().empty());
  CHECK(form->plainDetail().empty());
  CHECK(form->flags().empty());
  CHECK_FALSE(form->appointmentList());
}

TEST_CASE("order, plain words, flags and the appointment list are read") {
  std::vector<LoadProblem> problems;
  auto form = parse(R"(
  "order": 3,
  "plain_title": {"vi": "Làm thử", "en": "Try it"},
  "plain_detail": {"vi": "Một dòng", "en": "One line"},
  "flags": [{"id": "sim", "field": "main.sim", "ok": ["yes"]},
            {"id": "done", "field": "main.done", "label": {"vi": "Đã xong", "en": "Done"}, "ok": [true]},
            {"id": "named", "field": "main.name"}],
  "appointments": {"name": "main.name"},)",
                    problems);
  REQUIRE_MESSAGE(form, (problems.empty() ? std::string() : problems[0].detail));
  CHECK(form->order() == 3);
  CHECK(form->plainTitle().in(i18n::Lang::En) == "Try it");
  CHECK(form->plainDetail().in(i18n::Lang::Vi) == "Một dòng");
  REQUIRE(form->flags().size() == 3);
  CHECK(form->flags()[0].field == "main.sim");
  CHECK(form->flags()[0].label.empty());
  CHECK(form->flags()[0].ok == std::vector<nlohmann::json>{"yes"});
  CHECK(form->flags()[1].ok == std::vector<nlohmann::json>{true});
  CHECK(form->flags()[2].ok.empty());  // any answer counts
  REQUIRE(form->appointmentList());
  CHECK(form->appointmentList()->name == "main.name");
  CHECK(form->appointmentList()->phone.empty());
}

TEST_CASE("wrong presentation values refuse the file") {
  const char* bad[] = {
      R"("order": "first",)",
      R"("order": -1,)",
      R"("plain_title": {"vi": "Chỉ tiếng Việt"},)",
      R"("flags": {"id": "sim"},)",
      R"("flags": [{"id": "sim", "field": "main.nope"}],)",
      R"("flags": [{"id": "sim", "field": "main.rows"}],)",                  // a repeat
      R"("flags": [{"id": "sim", "field": "main.rows[].x"}],)",              // inside a repeat
      R"("flags": [{"id": "sim", "field": "main.sim", "ok": ["maybe"]}],)",  // not a choice
      R"("flags": [{"id": "sim", "field": "main.sim", "ok": []}],)",
      R"("flags": [{"id": "sim", "field": "main.sim"}, {"id": "sim", "field": "main.done"}],)",
      R"("flags": [{"id": "sim", "field": "main.sim", "colour": "green"}],)",
      R"("appointments": {"name": "main.nope"},)",
      R"("appointments": {"when": "main.name"},)",
  };
  for (const char* extra : bad) {
    INFO(extra);
    std::vector<LoadProblem> problems;
    CHECK_FALSE(parse(extra, problems));
    CHECK_FALSE(problems.empty());
  }
}

TEST_CASE("the shipped forms carry their order, plain titles, and the VNeID flags") {
  const auto& reg = testing::shipped();
  const char* order[] = {"birth_registration",         "vneid_level2",       "residence_ct01",
                         "health_insurance_household", "death_registration", "marriage_registration"};
  for (int i = 0; i < 6; ++i) {
    const auto* f = reg.find(order[i]);
    REQUIRE(f);
    CHECK(f->order() == i + 1);
    CHECK_FALSE(f->plainTitle().empty());
    CHECK_FALSE(f->plainDetail().empty());
  }
  const auto* vneid = reg.find("vneid_level2");
  REQUIRE(vneid->flags().size() == 5);
  CHECK(vneid->flags()[0].id == "sim_own_name");
  CHECK(vneid->appointmentList());
  CHECK_FALSE(reg.find("birth_registration")->appointmentList());
}
