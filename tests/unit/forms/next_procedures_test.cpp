// The next procedures (issue 11): each new form loads with its legal basis, a source comment,
// documents and a place in the app's list after the first six; its sample answers validate
// clean, and one typical mistake on the doorstep is caught at the field it concerns.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "forms/form_data.h"
#include "shipped_forms.h"

using namespace gocua;
using namespace gocua::forms;
using namespace gocua::forms::testing;
using nlohmann::json;

namespace {

// In the order a commune sees them most (the app lists them by "order").
const std::vector<std::string> kNewForms = {
    "death_residence_funeral", "civil_status_extract",    "marital_status",          "social_assistance",
    "id_card_renewal",         "civil_status_correction", "parent_child_recognition"};

bool has(const std::vector<Issue>& issues, const std::string& field, const std::string& code) {
  for (const auto& i : issues)
    if (i.field == field && i.code == code) return true;
  return false;
}

ValidationReport validate(const std::string& id, const json& answers) { return form(id).validate(answers, kToday); }

}  // namespace

TEST_CASE("the new procedures load, with legal basis, source comment, documents and order") {
  for (const auto& p : shipped().problems()) FAIL_CHECK(p.file << " " << p.field << " " << p.code << " " << p.detail);
  int previousOrder = 6;  // the first six procedures take 1..6
  for (const auto& id : kNewForms) {
    INFO(id);
    const auto& data = form(id).data();
    CHECK_FALSE(data.legalBasis.empty());
    // The comment names the sources checked and what could not be confirmed.
    REQUIRE(data.definition["comment"].is_string());
    CHECK(data.definition["comment"].get<std::string>().find("Checked 2026-12") != std::string::npos);
    CHECK_FALSE(form(id).documents().empty());
    REQUIRE(data.order.has_value());
    CHECK(*data.order == previousOrder + 1);
    previousOrder = *data.order;
    CHECK_FALSE(data.plainTitle.vi.empty());
  }
}

TEST_CASE("each new procedure's sample validates clean and a typical mistake is caught") {
  struct Case {
    std::string form;
    std::string section, field;
    json value;
    std::string path, code;
  };
  const std::vector<Case> cases = {
      // The death notice cannot predate the death.
      {"death_residence_funeral", "death_notice", "date", "01/11/2025", "death_notice.date", "form.check"},
      // A copy count of zero.
      {"civil_status_extract", "record", "copies", 0, "record.copies", "field.too_small"},
      // A married person asking for the certificate to marry again.
      {"marital_status", "status", "current", "married", "purpose.kind", "form.check"},
      // A bank transfer without a usable account number.
      {"social_assistance", "payment", "method", "bank", "payment.bank_account", "field.required"},
      // The ID number does not match the date of birth (born 1965, number says 1966).
      {"id_card_renewal", "person", "personal_id", "038166001234", "person.personal_id", "personal_id.year"},
      // "Correcting" a value to what it already is.
      {"civil_status_correction", "record", "requested_value", "Xã Tân Lập, Hà Tây", "record.requested_value",
       "form.check"},
      // A "child" born before the parent.
      {"parent_child_recognition", "child", "date_of_birth", "1980", "child.date_of_birth", "form.check"},
  };
  REQUIRE(cases.size() == kNewForms.size());
  for (const auto& c : cases) {
    INFO(c.form);
    const auto clean = validate(c.form, sample(c.form));
    CHECK_MESSAGE(clean.valid(), dump(clean.errors));
    CHECK_MESSAGE(clean.warnings.empty(), dump(clean.warnings));

    json broken = sample(c.form);
    broken[c.section][c.field] = c.value;
    const auto report = validate(c.form, broken);
    CHECK_FALSE(report.valid());
    CHECK_MESSAGE(has(report.errors, c.path, c.code), dump(report.errors));
  }
}

TEST_CASE("relevance: the funeral money questions go away when no benefit applies") {
  json answers = sample("death_residence_funeral");
  answers["funeral"] = {{"benefit", "none"}};
  const auto report = validate("death_residence_funeral", answers);
  CHECK_MESSAGE(report.valid(), dump(report.errors));
  answers["funeral"] = {{"benefit", "social_insurance"}, {"social_insurance_number", "12345"}};
  const auto missing = validate("death_residence_funeral", answers);
  CHECK(has(missing.errors, "funeral.social_insurance_number", "field.pattern"));
  CHECK(has(missing.errors, "funeral.payee_full_name", "field.required"));
}

TEST_CASE("a warning that does not block: under the marriage age") {
  json young = sample("marital_status");
  young["person"]["date_of_birth"] = "15/06/2009";
  young["person"]["personal_id"] = "001309012345";
  const auto underage = validate("marital_status", young);
  CHECK_MESSAGE(underage.valid(), dump(underage.errors));
  CHECK(has(underage.warnings, "person.date_of_birth", "form.check"));
}

TEST_CASE("a warning that does not block: a card renewal before the age chosen") {
  json early = sample("id_card_renewal");
  early["renewal"]["reason"] = "age_40";
  early["person"]["date_of_birth"] = "20/03/1990";
  early["person"]["personal_id"] = "038190001234";
  const auto report = validate("id_card_renewal", early);
  CHECK_MESSAGE(report.valid(), dump(report.errors));
  CHECK(has(report.warnings, "renewal.reason", "form.check"));
}

TEST_CASE("a name change for a person aged 9 or more needs their agreement") {
  json change = sample("civil_status_correction");
  change["record"]["kind"] = "change";
  change["record"]["item"] = "name";
  change["record"]["current_value"] = "Nguyễn Minh Khôi";
  change["record"]["requested_value"] = "Nguyễn Minh Khoa";
  const auto missing = validate("civil_status_correction", change);
  CHECK(has(missing.errors, "record.person_consents", "field.required"));
  change["record"]["person_consents"] = false;
  CHECK(has(validate("civil_status_correction", change).errors, "record.person_consents", "form.check"));
  change["record"]["person_consents"] = true;
  const auto agreed = validate("civil_status_correction", change);
  CHECK_MESSAGE(agreed.valid(), dump(agreed.errors));
}
