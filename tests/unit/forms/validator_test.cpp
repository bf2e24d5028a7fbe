// Validation of answers: every issue code the validator can produce is reached here at least
// once, on the shipped forms (starting from their valid samples and breaking one thing) and on
// a small purpose-built form for the bounds the shipped forms do not use.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>

#include "forms/form_loader.h"
#include "forms/registry.h"
#include "shipped_forms.h"

using namespace gocua;
using namespace gocua::forms;
using nlohmann::json;
using namespace gocua::forms::testing;

namespace {

// The issue for path with code, or nullptr.
const Issue* find(const std::vector<Issue>& issues, const std::string& path, const std::string& code) {
  for (const auto& i : issues)
    if (i.field == path && i.code == code) return &i;
  return nullptr;
}

#define CHECK_ISSUE(issues, path, code) CHECK_MESSAGE(find(issues, path, code), dump(issues))
#define CHECK_NO_ISSUE(issues, path, code) CHECK_MESSAGE(!find(issues, path, code), dump(issues))

// A compact form that exercises the bounds the shipped forms do not all use.
const Form& testForm() {
  static const Form f = [] {
    const char* text = R"({
      "id": "bounds", "version": 1, "title": {"vi": "Thử", "en": "Test"},
      "legal_basis": "none", "effective_date": "01/01/2025", "authority": {"vi": "Xã", "en": "Commune"},
      "sections": [{"id": "s", "title": {"vi": "S", "en": "S"}, "fields": [
        {"id": "code", "type": "text", "label": {"vi": "Mã", "en": "Code"}, "min": 3, "max": 5, "pattern": "^[A-Z]+$"},
        {"id": "picks", "type": "multi_choice", "label": {"vi": "Chọn", "en": "Picks"}, "min": 1, "max": 2,
         "choices": [{"value": "a", "vi": "A", "en": "A"}, {"value": "b", "vi": "B", "en": "B"},
                     {"value": "c", "vi": "C", "en": "C"}]},
        {"id": "rows", "type": "repeat", "label": {"vi": "Dòng", "en": "Rows"}, "min": 2, "max": 3, "fields": [
          {"id": "x", "type": "number", "label": {"vi": "X", "en": "X"}, "required": true, "min": 0, "max": 10},
          {"id": "y", "type": "number", "label": {"vi": "Y", "en": "Y"}, "relevant": "x > 5", "required": true,
           "constraint": "y < x", "constraint_message": {"vi": "Y phải nhỏ hơn X", "en": "Y must be less than X"}}]},
        {"id": "flag", "type": "bool", "label": {"vi": "Cờ", "en": "Flag"}},
        {"id": "note", "type": "text", "label": {"vi": "Ghi chú", "en": "Note"}, "required": "flag = true"}
      ]}]})";
    std::vector<LoadProblem> problems;
    auto parsed = parseForm(text, "bounds.json", "bounds", nullptr, problems);
    for (const auto& p : problems) FAIL(p.field << " " << p.code << " " << p.detail);
    REQUIRE(parsed);
    return *parsed;
  }();
  return f;
}

}  // namespace

TEST_CASE("field.required: a required field left empty, blank or null") {
  auto a = sample("birth_registration");
  a["child"].erase("given_name");
  a["child"]["surname"] = "   ";
  a["child"]["sex"] = nullptr;
  auto r = form("birth_registration").validate(a, kToday);
  CHECK_ISSUE(r.errors, "child.given_name", "field.required");
  CHECK_ISSUE(r.errors, "child.surname", "field.required");
  CHECK_ISSUE(r.errors, "child.sex", "field.required");
  CHECK_FALSE(r.valid());
}

TEST_CASE("a missing section still reports its required fields") {
  auto a = sample("death_registration");
  a.erase("deceased");
  auto r = form("death_registration").validate(a, kToday);
  CHECK_ISSUE(r.errors, "deceased.full_name", "field.required");
  CHECK_ISSUE(r.errors, "deceased.date_of_death", "field.required");
  CHECK_NO_ISSUE(r.errors, "deceased.cause_of_death", "field.required");  // optional
}

TEST_CASE("required as an expression") {
  json a = {{"s", {{"code", "ABC"}, {"picks", {"a"}}, {"rows", {{{"x", 1}}, {{"x", 2}}}}, {"flag", true}}}};
  auto r = testForm().validate(a, kToday);
  CHECK_ISSUE(r.errors, "s.note", "field.required");
  a["s"]["flag"] = false;
  CHECK(testForm().validate(a, kToday).valid());
}

TEST_CASE("field.type: wrong JSON types, including non-object answers and sections") {
  auto a = sample("birth_registration");
  a["child"]["sex"] = 5;
  a["request"]["extra_copies"] = "1";
  a["request"]["linked_mode"] = "yes";
  a["child"]["date_of_birth"] = 20251101;
  a["mother"] = "Trần Thị Bình";
  auto r = form("birth_registration").validate(a, kToday);
  CHECK_ISSUE(r.errors, "child.sex", "field.type");
  CHECK_ISSUE(r.errors, "request.extra_copies", "field.type");
  CHECK_ISSUE(r.errors, "request.linked_mode", "field.type");
  CHECK_ISSUE(r.errors, "child.date_of_birth", "field.type");
  CHECK_ISSUE(r.errors, "mother", "field.type");

  auto whole = form("birth_registration").validate(json::array(), kToday);
  CHECK_ISSUE(whole.errors, "", "field.type");

  auto rows = sample("residence_ct01");
  rows["moving"]["members"] = json::object();
  CHECK_ISSUE(form("residence_ct01").validate(rows, kToday).errors, "moving.members", "field.type");
  rows["moving"]["members"] = json::array({"not a row"});
  CHECK_ISSUE(form("residence_ct01").validate(rows, kToday).errors, "moving.members[0]", "field.type");
}

TEST_CASE("field.unknown: answers the form does not define") {
  auto a = sample("death_registration");
  a["deceased"]["nickname"] = "x";
  a["extra_section"] = json::object();
  a["requester"]["personal_id_old"] = "123";
  auto r = form("death_registration").validate(a, kToday);
  CHECK_ISSUE(r.errors, "deceased.nickname", "field.unknown");
  CHECK_ISSUE(r.errors, "extra_section", "field.unknown");
  CHECK_ISSUE(r.errors, "requester.personal_id_old", "field.unknown");
}

TEST_CASE("field.pattern, with the form's own message") {
  auto a = sample("death_registration");
  a["deceased"]["time_of_death"] = "25:99";
  const Form& f = form("death_registration");
  auto r = f.validate(a, kToday);
  const Issue* i = find(r.errors, "deceased.time_of_death", "field.pattern");
  REQUIRE_MESSAGE(i, dump(r.errors));
  CHECK(f.message(*i, i18n::Lang::En) == "Write hours:minutes, e.g. 14:30");
  CHECK(f.message(*i, i18n::Lang::Vi) == "Ghi giờ:phút, ví dụ 14:30");
  a["deceased"]["time_of_death"] = "7h05";
  CHECK(f.validate(a, kToday).valid());
}

TEST_CASE("text length, number range, whole numbers, choices, rows") {
  json a = {{"s", {{"code", "AB"}, {"picks", json::array({"a", "b", "c"})}, {"rows", {{{"x", 11}}}}}}};
  auto r = testForm().validate(a, kToday);
  CHECK_ISSUE(r.errors, "s.code", "field.too_short");
  CHECK_ISSUE(r.errors, "s.picks", "field.too_many_choices");
  CHECK_ISSUE(r.errors, "s.rows", "field.too_few_rows");
  CHECK_ISSUE(r.errors, "s.rows[0].x", "field.too_large");

  a["s"]["code"] = "ABCDEF";
  a["s"]["picks"] = json::array({"a", "a", "z"});
  a["s"]["rows"] = json::array({{{"x", -1}}, {{"x", 1}}, {{"x", 2}}, {{"x", 3}}});
  r = testForm().validate(a, kToday);
  CHECK_ISSUE(r.errors, "s.code", "field.too_long");
  CHECK_ISSUE(r.errors, "s.picks[1]", "field.choice");  // chosen twice
  CHECK_ISSUE(r.errors, "s.picks[2]", "field.choice");  // not a choice
  CHECK_ISSUE(r.errors, "s.rows", "field.too_many_rows");
  CHECK_ISSUE(r.errors, "s.rows[0].x", "field.too_small");

  a["s"]["code"] = "abc";
  a["s"]["picks"] = json::array();
  r = testForm().validate(a, kToday);
  CHECK_ISSUE(r.errors, "s.code", "field.pattern");
  CHECK_NO_ISSUE(r.errors, "s.picks", "field.too_few_choices");  // empty = not answered, and optional

  auto birth = sample("birth_registration");
  birth["request"]["extra_copies"] = 1.5;
  CHECK_ISSUE(form("birth_registration").validate(birth, kToday).errors, "request.extra_copies", "field.not_integer");
  birth["request"]["extra_copies"] = 21;
  CHECK_ISSUE(form("birth_registration").validate(birth, kToday).errors, "request.extra_copies", "field.too_large");
  birth["request"]["extra_copies"] = -1;
  CHECK_ISSUE(form("birth_registration").validate(birth, kToday).errors, "request.extra_copies", "field.too_small");
  birth["request"]["extra_copies"] = 2;
  birth["child"]["nationality"] = "XX";
  CHECK_ISSUE(form("birth_registration").validate(birth, kToday).errors, "child.nationality", "field.choice");

  auto vneid = sample("vneid_level2");
  vneid["status"]["notes"] = std::string(501, 'a');
  CHECK_ISSUE(form("vneid_level2").validate(vneid, kToday).errors, "status.notes", "field.too_long");
}

TEST_CASE("field.too_few_choices") {
  // A form whose multi_choice needs 2 picks: one pick is answered but too few.
  const char* text = R"({"id": "few", "version": 1, "title": {"vi": "T", "en": "T"}, "legal_basis": "x",
    "effective_date": "01/01/2025", "authority": {"vi": "X", "en": "X"},
    "sections": [{"id": "s", "title": {"vi": "S", "en": "S"}, "fields": [
      {"id": "m", "type": "multi_choice", "label": {"vi": "M", "en": "M"}, "min": 2,
       "choices": [{"value": "a", "vi": "A", "en": "A"}, {"value": "b", "vi": "B", "en": "B"}]}]}]})";
  std::vector<LoadProblem> problems;
  auto f = parseForm(text, "few.json", "few", nullptr, problems);
  REQUIRE(f);
  auto r = f->validate({{"s", {{"m", {"a"}}}}}, kToday);
  CHECK_ISSUE(r.errors, "s.m", "field.too_few_choices");
}

TEST_CASE("personal ID checked against date of birth and sex (core validator codes pass through)") {
  const Form& f = form("vneid_level2");
  auto a = sample("vneid_level2");
  a["person"]["personal_id"] = "001086012345";  // YY 86, born 1985
  CHECK_ISSUE(f.validate(a, kToday).errors, "person.personal_id", "personal_id.year");
  a = sample("vneid_level2");
  a["person"]["sex"] = "female";  // G = 0 means male
  CHECK_ISSUE(f.validate(a, kToday).errors, "person.personal_id", "personal_id.sex");
  a = sample("vneid_level2");
  a["person"]["personal_id"] = "003085012345";  // 003 is no province code
  CHECK_ISSUE(f.validate(a, kToday).errors, "person.personal_id", "personal_id.province");
  a = sample("vneid_level2");
  a["person"]["personal_id"] = "00108501234";
  CHECK_ISSUE(f.validate(a, kToday).errors, "person.personal_id", "personal_id.format");
  a = sample("vneid_level2");
  a["person"]["personal_id"] = " 001085012345 ";  // pasted with spaces around
  CHECK(f.validate(a, kToday).valid());

  // A fixed sex (the mother) and a year-only date of birth.
  auto b = sample("birth_registration");
  b["mother"]["personal_id"] = "001090012345";  // male digit for the mother
  CHECK_ISSUE(form("birth_registration").validate(b, kToday).errors, "mother.personal_id", "personal_id.sex");
  b = sample("birth_registration");
  b["mother"]["date_of_birth"] = "1991";
  CHECK_ISSUE(form("birth_registration").validate(b, kToday).errors, "mother.personal_id", "personal_id.year");
}

TEST_CASE("repeat rows report paths with 0-based indices") {
  const Form& f = form("residence_ct01");
  auto a = sample("residence_ct01");
  a["moving"]["members"][1]["personal_id"] = "038011002222";  // male 1900s, but born 2011
  a["moving"]["members"][0].erase("full_name");
  a["moving"]["members"][1]["relationship_to_head"] = "cousin";
  auto r = f.validate(a, kToday);
  CHECK_ISSUE(r.errors, "moving.members[1].personal_id", "personal_id.century");
  CHECK_ISSUE(r.errors, "moving.members[0].full_name", "field.required");
  CHECK_ISSUE(r.errors, "moving.members[1].relationship_to_head", "field.choice");
  CHECK_NO_ISSUE(r.errors, "moving.members[0].personal_id", "personal_id.century");

  auto h = sample("health_insurance_household");
  h["members"]["members"] = json::array();
  CHECK_ISSUE(form("health_insurance_household").validate(h, kToday).errors, "members.members", "field.required");
  h["members"]["members"] = json::array();
  for (int i = 0; i < 21; ++i)
    h["members"]["members"].push_back(sample("health_insurance_household")["members"]["members"][0]);
  CHECK_ISSUE(form("health_insurance_household").validate(h, kToday).errors, "members.members", "field.too_many_rows");
}

TEST_CASE("expressions inside a row see the row's own fields") {
  json a = {{"s", {{"code", "ABC"}, {"rows", {{{"x", 8}, {"y", 9}}, {{"x", 8}, {"y", 2}}, {{"x", 1}, {"y", 99}}}}}}};
  auto r = testForm().validate(a, kToday);
  CHECK_ISSUE(r.errors, "s.rows[0].y", "field.constraint");     // 9 < 8 is false
  CHECK_NO_ISSUE(r.errors, "s.rows[1].y", "field.constraint");  // 2 < 8
  CHECK_NO_ISSUE(r.errors, "s.rows[2].y", "field.constraint");  // x = 1: y not relevant, not validated
  CHECK(r.errors.size() == 1);
  a["s"]["rows"][1].erase("y");
  CHECK_ISSUE(testForm().validate(a, kToday).errors, "s.rows[1].y", "field.required");
  const Issue* i = find(r.errors, "s.rows[0].y", "field.constraint");
  REQUIRE(i);
  CHECK(testForm().message(*i, i18n::Lang::En) == "Y must be less than X");
}

TEST_CASE("relevance hides fields: not required, not validated") {
  const Form& v = form("vneid_level2");
  auto adult = sample("vneid_level2");
  CHECK_NO_ISSUE(v.validate(adult, kToday).errors, "guardian.full_name", "field.required");
  adult["guardian"] = {{"phone", "not a phone"}};  // ignored: the guardian block is not relevant
  CHECK(v.validate(adult, kToday).valid());

  auto child = sample("vneid_level2");
  child["person"]["date_of_birth"] = "12/04/2015";
  child["person"]["personal_id"] = "001215012345";
  auto r = v.validate(child, kToday);
  CHECK_ISSUE(r.errors, "guardian.full_name", "field.required");
  CHECK_ISSUE(r.errors, "guardian.personal_id", "field.required");
  CHECK(v.isRelevant("guardian.full_name", child, kToday));
  CHECK_FALSE(v.isRelevant("guardian.full_name", sample("vneid_level2"), kToday));

  const Form& b = form("birth_registration");
  auto a = sample("birth_registration");
  a["request"]["linked_mode"] = false;
  a["linked"] = {{"household_head_personal_id", "garbage"}};
  a["marriage"] = {{"parents_married", false}, {"certificate_number", json::array()}};
  r = b.validate(a, kToday);
  CHECK_MESSAGE(r.valid(), dump(r.errors));
  a["request"]["linked_mode"] = true;
  r = b.validate(a, kToday);
  CHECK_ISSUE(r.errors, "linked.household_head_personal_id", "personal_id.format");
  CHECK_ISSUE(r.errors, "linked.residence_address", "field.required");

  auto ct = sample("residence_ct01");
  CHECK(form("residence_ct01").isRelevant("moving.members[1].personal_id", ct, kToday));
  CHECK_FALSE(form("residence_ct01").isRelevant("moving.members[1].nope", ct, kToday));
  CHECK_FALSE(form("residence_ct01").isRelevant("request.temporary_until", ct, kToday));
  ct["request"]["kind"] = "temporary";
  CHECK(form("residence_ct01").isRelevant("request.temporary_until", ct, kToday));
  CHECK_ISSUE(form("residence_ct01").validate(ct, kToday).errors, "request.temporary_until", "field.required");
}

TEST_CASE("field.constraint false, with the form's message") {
  const Form& m = form("marriage_registration");
  auto a = sample("marriage_registration");
  a["groom"]["date_of_birth"] = "16/11/2005";  // 19 years old on 15/11/2025
  a["groom"]["personal_id"] = "001205008888";
  auto r = m.validate(a, kToday);
  const Issue* i = find(r.errors, "groom.date_of_birth", "field.constraint");
  REQUIRE_MESSAGE(i, dump(r.errors));
  CHECK(i->detail == "age(date_of_birth) >= 20");
  CHECK(m.message(*i, i18n::Lang::En).find("at least 20") != std::string::npos);
  a["groom"]["date_of_birth"] = "15/11/2005";  // 20 today
  CHECK(m.validate(a, kToday).valid());

  auto ct = sample("residence_ct01");
  ct["consents"]["head_consent"] = false;
  CHECK_ISSUE(form("residence_ct01").validate(ct, kToday).errors, "consents.head_consent", "field.constraint");

  auto d = sample("death_registration");
  d["deceased"]["date_of_death"] = "10/11/1939";
  CHECK_ISSUE(form("death_registration").validate(d, kToday).errors, "deceased.date_of_death", "field.constraint");
}

TEST_CASE("form-level checks: errors and warnings") {
  const Form& b = form("birth_registration");
  auto a = sample("birth_registration");
  a.erase("mother");
  a.erase("father");
  auto r = b.validate(a, kToday);
  const Issue* i = find(r.errors, "mother.full_name", "form.check");
  REQUIRE_MESSAGE(i, dump(r.errors));
  CHECK(i->detail == "at_least_one_parent");
  CHECK(b.message(*i, i18n::Lang::En) == "At least the mother's or the father's details are needed.");

  auto one = sample("birth_registration");
  one.erase("father");
  CHECK(b.validate(one, kToday).valid());  // one parent is enough

  auto v = sample("vneid_level2");
  v["phone"]["sim_own_name"] = "unknown";
  r = form("vneid_level2").validate(v, kToday);
  CHECK(r.valid());
  CHECK_ISSUE(r.warnings, "phone.sim_own_name", "form.check");
  v["card"] = {{"card_type", "old_cmnd"}, {"old_id_number", "123456789"}};
  CHECK_ISSUE(form("vneid_level2").validate(v, kToday).errors, "card.card_type", "form.check");
}

TEST_CASE("deadline warnings with a fixed today") {
  const Form& b = form("birth_registration");
  auto a = sample("birth_registration");            // born 01/11/2025, deadline 60 days, near within 10
  auto r = b.validate(a, core::Date{2026, 1, 15});  // 75 days
  const Issue* passed = find(r.warnings, "child.date_of_birth", "deadline.passed");
  REQUIRE_MESSAGE(passed, dump(r.warnings));
  CHECK(r.valid());  // late is a warning, not a refusal
  CHECK(b.message(*passed, i18n::Lang::En).find("(75 days)") != std::string::npos);

  r = b.validate(a, core::Date{2025, 12, 25});  // 54 days: 6 left
  const Issue* near = find(r.warnings, "child.date_of_birth", "deadline.near");
  REQUIRE_MESSAGE(near, dump(r.warnings));
  CHECK(b.message(*near, i18n::Lang::En).rfind("6 days left", 0) == 0);
  CHECK(b.validate(a, core::Date{2025, 12, 31}).warnings.size() == 1);  // day 60: still near, not passed
  CHECK(find(b.validate(a, core::Date{2026, 1, 1}).warnings, "child.date_of_birth", "deadline.passed"));

  CHECK(b.validate(a, core::Date{2025, 11, 20}).warnings.empty());

  const Form& d = form("death_registration");
  auto dd = sample("death_registration");  // died 10/11/2025, 15 days
  CHECK(find(d.validate(dd, core::Date{2025, 11, 30}).warnings, "deceased.date_of_death", "deadline.passed"));
  CHECK(find(d.validate(dd, core::Date{2025, 11, 23}).warnings, "deceased.date_of_death", "deadline.near"));
}

TEST_CASE("dates, phones and names go through the core validators") {
  auto a = sample("birth_registration");
  a["child"]["date_of_birth"] = "31/02/2025";
  a["mother"]["date_of_birth"] = "13/1990";
  a["child"]["given_name"] = "Anh@";
  a["requester"]["phone"] = "0123";
  a["requester"]["id_document_issue_date"] = "2021";  // partial dates not allowed here
  auto r = form("birth_registration").validate(a, kToday);
  CHECK_ISSUE(r.errors, "child.date_of_birth", "date.invalid");
  CHECK_ISSUE(r.errors, "child.given_name", "name.invalid_char");
  CHECK_ISSUE(r.errors, "requester.phone", "phone.format");
  CHECK_ISSUE(r.errors, "requester.id_document_issue_date", "date.format");
  CHECK(r.errors.size() >= 5);  // all at once

  a = sample("birth_registration");
  a["child"]["date_of_birth"] = "16/11/2025";
  CHECK_ISSUE(form("birth_registration").validate(a, kToday).errors, "child.date_of_birth", "date.future");
  auto v = sample("vneid_level2");
  v = sample("vneid_level2");
  v["phone"]["number"] = "0211234567";
  CHECK_ISSUE(form("vneid_level2").validate(v, kToday).errors, "phone.number", "phone.prefix");
}

TEST_CASE("an expired card and a date over 120 years back warn without blocking") {
  auto v = sample("vneid_level2");
  v["card"]["card_expiry"] = "14/11/2025";  // the day before kToday: expired
  auto r = form("vneid_level2").validate(v, kToday);
  CHECK_NO_ISSUE(r.errors, "card.card_expiry", "date.past");
  CHECK_ISSUE(r.warnings, "card.card_expiry", "form.check");
  CHECK(r.valid());
  v["card"]["card_expiry"] = "15/11/2025";  // still valid today: no warning
  CHECK_NO_ISSUE(form("vneid_level2").validate(v, kToday).warnings, "card.card_expiry", "form.check");

  auto b = sample("birth_registration");
  b["mother"]["date_of_birth"] = "1900";  // 125 years before kToday: most likely a typing slip
  r = form("birth_registration").validate(b, kToday);
  CHECK_ISSUE(r.warnings, "mother.date_of_birth", "date.very_old");
  for (const auto& e : r.errors) CHECK_MESSAGE(e.field != "mother.date_of_birth", dump(r.errors));
  b["mother"]["date_of_birth"] = "1950";
  CHECK_NO_ISSUE(form("birth_registration").validate(b, kToday).warnings, "mother.date_of_birth", "date.very_old");
}

TEST_CASE("every problem is reported at once") {
  json a = {{"child", {{"date_of_birth", "x"}}}, {"bogus", 1}};
  auto r = form("birth_registration").validate(a, kToday);
  CHECK(r.errors.size() >= 15);
  CHECK_ISSUE(r.errors, "bogus", "field.unknown");
  CHECK_ISSUE(r.errors, "child.date_of_birth", "date.format");
  CHECK_ISSUE(r.errors, "requester.full_name", "field.required");
  CHECK_ISSUE(r.errors, "mother.full_name", "form.check");
}
