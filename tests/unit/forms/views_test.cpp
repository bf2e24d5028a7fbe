// What screens and exports read from a form: field paths, prefill targets, the documents
// checklist for given answers, the one-stop export view and the text shown for an issue.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>

#include "core/i18n.h"
#include "forms/registry.h"
#include "shipped_forms.h"

using namespace gocua;
using namespace gocua::forms;
using nlohmann::json;
using namespace gocua::forms::testing;

namespace {

std::vector<std::string> ids(const std::vector<DocumentItem>& docs) {
  std::vector<std::string> out;
  for (const auto& d : docs) out.push_back(d.id + (d.required ? "!" : ""));
  return out;
}

}  // namespace

TEST_CASE("fieldPaths lists nested fields with [] for repeats, in definition order") {
  auto paths = form("residence_ct01").fieldPaths();
  auto pos = [&](const std::string& p) { return std::find(paths.begin(), paths.end(), p) - paths.begin(); };
  CHECK(pos("moving.members") < pos("moving.members[].full_name"));
  CHECK(pos("request.kind") < pos("applicant.full_name"));
  CHECK(std::find(paths.begin(), paths.end(), "moving") == paths.end());  // sections are not fields
  CHECK(form("residence_ct01").field("moving.members[3].personal_id") ==
        form("residence_ct01").field("moving.members[].personal_id"));
  CHECK(form("residence_ct01").field("moving.nope") == nullptr);
  CHECK(form("residence_ct01").field("") == nullptr);
}

TEST_CASE("prefill targets name resident attributes, outside repeats") {
  auto targets = form("vneid_level2").prefillTargets();
  std::vector<std::string> got;
  for (const auto& t : targets) got.push_back(t.path + "=" + t.attribute);
  CHECK(got == std::vector<std::string>{"person.full_name=full_name", "person.date_of_birth=date_of_birth",
                                        "person.sex=sex", "person.personal_id=personal_id", "phone.number=phone"});
  for (const Form* f : shipped().all())
    for (const auto& t : f->prefillTargets()) CHECK(t.path.find("[]") == std::string::npos);
}

TEST_CASE("the documents checklist follows the answers") {
  const Form& b = form("birth_registration");
  auto a = sample("birth_registration");  // by the mother, parents married, linked mode
  CHECK(ids(b.checklist(a, kToday)) ==
        std::vector<std::string>{"birth_notice!", "requester_id!", "marriage_certificate", "owner_consent"});
  a["requester"]["relationship"] = "other";
  a["marriage"]["parents_married"] = false;
  a["request"]["linked_mode"] = false;
  CHECK(ids(b.checklist(a, kToday)) ==
        std::vector<std::string>{"birth_notice!", "requester_id!", "authorisation!", "paternity_proof!"});
  CHECK(b.documents().size() == 6);  // the full list regardless of answers

  const Form& ct = form("residence_ct01");
  auto c = sample("residence_ct01");
  CHECK(ids(ct.checklist(c, kToday)) ==
        std::vector<std::string>{"head_consent", "owner_consent", "relationship_proof"});
  c["request"]["residence_in_database"] = false;
  CHECK(ids(ct.checklist(c, kToday)).front() == "residence_proof!");
}

TEST_CASE("the export view holds only exported, relevant, answered fields, normalised") {
  const Form& v = form("vneid_level2");
  auto a = sample("vneid_level2");
  a["status"]["notes"] = "private note for the volunteer";
  a["person"]["full_name"] = "  Nguyễn   Văn An ";
  auto out = v.exportView(a, kToday);
  CHECK(out["form"] == "vneid_level2");
  CHECK(out["version"] == v.version());
  const json& ans = out["answers"];
  CHECK(ans["person"]["full_name"] == "Nguyễn Văn An");
  CHECK(ans["phone"]["number"] == "0912345678");  // "0912 345 678" normalised
  CHECK(ans["status"]["appointment_date"] == "20/11/2025");
  CHECK_FALSE(ans["status"].contains("notes"));  // not marked export
  CHECK_FALSE(ans["status"].contains("appointment_place"));
  CHECK_FALSE(ans.contains("guardian"));  // not relevant, not answered

  const Form& ct = form("residence_ct01");
  auto c = sample("residence_ct01");
  auto rows = ct.exportView(c, kToday)["answers"]["moving"]["members"];
  REQUIRE(rows.is_array());
  REQUIRE(rows.size() == 2);
  CHECK(rows[1]["personal_id"] == "038211002222");  // a repeat marked export exports its row fields
  CHECK(rows[1]["date_of_birth"] == "2011");
  CHECK_FALSE(ct.exportView(c, kToday)["answers"]["request"].contains("residence_in_database"));

  CHECK(v.exportView(json::array(), kToday)["answers"].empty());
}

TEST_CASE("issue messages: catalog text with the field's label, or the form's own text") {
  const Form& b = form("birth_registration");
  Issue required{"child.given_name", "field.required", ""};
  // error.field.required is shared with resident records (records.json); {field} is the label here.
  CHECK(b.message(required, i18n::Lang::En).find("Given name") != std::string::npos);
  CHECK(b.message(required, i18n::Lang::Vi).find("Tên") != std::string::npos);
  Issue big{"request.extra_copies", "field.too_large", "20"};
  CHECK(b.message(big, i18n::Lang::En) == "«Extra certified copies requested» must be at most 20");
  Issue pid{"mother.personal_id", "personal_id.sex", ""};
  CHECK(b.message(pid, i18n::Lang::En).find("does not match the sex") != std::string::npos);
}

TEST_CASE("every code the module emits has a catalog entry in both languages") {
  const char* codes[] = {
      // load problems
      "form.io", "form.too_large", "form.json", "form.schema", "form.unknown_key", "form.unknown_type",
      "form.unknown_list", "form.duplicate_id", "form.duplicate_choice", "form.duplicate_form", "form.id_mismatch",
      "form.bad_pattern", "expr.syntax", "expr.unknown_function", "expr.type", "expr.too_deep", "expr.unknown_field",
      "expr.ref_into_repeat",
      // validation
      "field.required", "field.type", "field.unknown", "field.pattern", "field.too_short", "field.too_long",
      "field.too_small", "field.too_large", "field.not_integer", "field.too_few_rows", "field.too_many_rows",
      "field.too_few_choices", "field.too_many_choices", "field.choice", "field.constraint", "form.check",
      "deadline.passed", "deadline.near",
      // passed through from the core validators
      "name.empty", "name.invalid_char", "text.invalid_utf8", "text.control_char", "text.bidi_override",
      "text.too_long", "phone.format", "phone.prefix", "date.format", "date.invalid", "date.future", "date.past",
      "personal_id.format", "personal_id.province", "personal_id.century", "personal_id.sex", "personal_id.year"};
  for (const char* code : codes) {
    INFO(std::string(code));
    const std::string key = std::string("error.") + code;
    CHECK(i18n::has(key));
    CHECK(i18n::tr(i18n::Lang::Vi, key) != key);
    CHECK(i18n::tr(i18n::Lang::En, key) != key);
  }
  CHECK(i18n::duplicateKeys().empty());
}
