// Holds each shipped form against DOMAIN.md ("Procedures to ship first"): the field paths, the
// deadlines, the documents and the legal basis listed there must exist in the JSON files, so
// deleting or renaming one of them in forms/*.json fails here.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "forms/registry.h"

using namespace gocua::forms;

namespace {

const FormRegistry& shipped() {
  static const FormRegistry reg = FormRegistry::load(std::filesystem::path(GOCUA_SOURCE_DIR) / "forms");
  return reg;
}

// Field paths derived from DOMAIN.md, form by form (sections are the first path segment).
const std::map<std::string, std::vector<std::string>>& domainFields() {
  static const std::map<std::string, std::vector<std::string>> fields = {
      {"vneid_level2",
       {// 1. name, ID number, date of birth, sex (checked against ID), phone, SIM in own name, email
        "person.full_name", "person.personal_id", "person.date_of_birth", "person.sex", "phone.number",
        "phone.sim_own_name", "person.email",
        // card type + expiry, smartphone, documents to link, guardian block, level-1 done, appointment
        "card.card_type", "card.card_expiry", "phone.smartphone", "linking.documents_to_link", "guardian.full_name",
        "guardian.personal_id", "guardian.relationship", "status.level1_done", "status.appointment_date"}},
      {"birth_registration",
       {// requester: name, ID document type/number/issue date/place, relationship
        "requester.full_name", "requester.id_document_type", "requester.id_document_number", "requester.personal_id",
        "requester.id_document_issue_date", "requester.id_document_issue_place", "requester.relationship",
        // child: surname, middle, given name, date of birth and in words, sex, ethnicity, nationality,
        // place of birth, hometown
        "child.surname", "child.middle_name", "child.given_name", "child.date_of_birth", "child.date_of_birth_in_words",
        "child.sex", "child.ethnicity", "child.nationality", "child.place_of_birth", "child.hometown",
        // mother and father: name, date or year of birth, ethnicity, nationality, residence, ID number
        "mother.full_name", "mother.date_of_birth", "mother.ethnicity", "mother.nationality", "mother.residence",
        "mother.personal_id", "father.full_name", "father.date_of_birth", "father.ethnicity", "father.nationality",
        "father.residence", "father.personal_id",
        // parents' marriage certificate (number, book, date, office); extra copies
        "marriage.certificate_number", "marriage.book_number", "marriage.registration_date",
        "marriage.registration_office", "request.extra_copies",
        // linked mode: household head (name, ID, relationship), residence address, primary health
        // facility, how results are received
        "request.linked_mode", "linked.household_head_name", "linked.household_head_personal_id",
        "linked.relationship_to_head", "linked.residence_address", "linked.primary_health_facility",
        "linked.result_delivery"}},
      {"residence_ct01",
       {// full name, date of birth, sex, ID number, phone, email
        "applicant.full_name", "applicant.date_of_birth", "applicant.sex", "applicant.personal_id", "applicant.phone",
        "applicant.email",
        // household head name, relationship to head, head's ID number, request
        "household.head_full_name", "household.relationship_to_head", "household.head_personal_id", "request.kind",
        "request.details",
        // moving members table (name, date of birth, sex, ID, relationship)
        "moving.members", "moving.members[].full_name", "moving.members[].date_of_birth", "moving.members[].sex",
        "moving.members[].personal_id", "moving.members[].relationship_to_head",
        // consents (head, owner, parent)
        "consents.head_consent", "consents.owner_consent", "consents.parent_consent"}},
      {"death_registration",
       {"requester.full_name", "requester.personal_id", "requester.relationship",
        // deceased: name, date of birth, sex, ethnicity, nationality, ID number, last residence, time
        // and date of death, place, cause
        "deceased.full_name", "deceased.date_of_birth", "deceased.sex", "deceased.ethnicity", "deceased.nationality",
        "deceased.personal_id", "deceased.last_residence", "deceased.time_of_death", "deceased.date_of_death",
        "deceased.place_of_death", "deceased.cause_of_death",
        // death notice (number, date, issuer)
        "death_notice.number", "death_notice.date", "death_notice.issuer"}},
      {"marriage_registration",
       {// both parties: name, date of birth, ethnicity, nationality, residence, ID document
        "bride.full_name", "bride.date_of_birth", "bride.ethnicity", "bride.nationality", "bride.residence",
        "bride.id_document_type", "bride.personal_id", "bride.id_document_number", "groom.full_name",
        "groom.date_of_birth", "groom.ethnicity", "groom.nationality", "groom.residence", "groom.id_document_type",
        "groom.personal_id", "groom.id_document_number",
        // lives in another commune → marital-status certificate; both must attend
        "bride.lives_in_commune", "groom.lives_in_commune", "ceremony.both_attend"}},
      {"health_insurance_household",
       {// members (ID, name, date of birth, sex), primary facility, months, household address
        "members.members", "members.members[].personal_id", "members.members[].full_name",
        "members.members[].date_of_birth", "members.members[].sex", "household.primary_health_facility",
        "household.months", "household.address"}},
  };
  return fields;
}

std::vector<std::string> choiceValues(const Form& form, const std::string& path) {
  std::vector<std::string> out;
  if (const FieldDef* f = form.field(path))
    for (const auto& c : f->choices) out.push_back(c.value);
  return out;
}

bool anyBasisMentions(const Form& form, const std::string& text) {
  const auto& basis = form.legalBasis();
  return std::any_of(basis.begin(), basis.end(),
                     [&](const std::string& b) { return b.find(text) != std::string::npos; });
}

bool hasDocument(const Form& form, const std::string& id) {
  const auto& docs = form.documents();
  return std::any_of(docs.begin(), docs.end(), [&](const DocumentItem& d) { return d.id == id; });
}

}  // namespace

TEST_CASE("each form holds every field DOMAIN.md lists") {
  for (const auto& entry : domainFields()) {
    const auto& formId = entry.first;  // a plain reference: clang 14 cannot capture bindings
    const auto& paths = entry.second;
    const Form* form = shipped().find(formId);
    REQUIRE_MESSAGE(form, "form " << formId << " did not load");
    const auto all = form->fieldPaths();
    for (const auto& path : paths) {
      INFO(formId << ": " << path);
      CHECK(std::find(all.begin(), all.end(), path) != all.end());
    }
  }
}

TEST_CASE("field types follow DOMAIN.md (IDs checked, partial dates where the domain allows them)") {
  const Form* vneid = shipped().find("vneid_level2");
  const Form* birth = shipped().find("birth_registration");
  const Form* ct01 = shipped().find("residence_ct01");
  const Form* bhyt = shipped().find("health_insurance_household");
  REQUIRE((vneid && birth && ct01 && bhyt));
  // "sex (checked against ID)"
  CHECK(vneid->field("person.personal_id")->type == FieldType::PersonalId);
  CHECK(vneid->field("person.personal_id")->dateOfBirthSlot >= 0);
  CHECK(vneid->field("person.personal_id")->sexSlot >= 0);
  CHECK(vneid->field("phone.number")->type == FieldType::Phone);
  CHECK(choiceValues(*vneid, "phone.sim_own_name") == std::vector<std::string>{"yes", "no", "unknown"});
  CHECK(choiceValues(*vneid, "phone.smartphone") == std::vector<std::string>{"own", "borrowed", "none"});
  CHECK(choiceValues(*vneid, "card.card_type") == std::vector<std::string>{"chip_cccd", "id_card", "old_cmnd", "none"});
  CHECK_FALSE(vneid->field("card.card_expiry")->notPast);  // an expired card warns (check "card_expired")
  CHECK(vneid->field("status.appointment_date")->notPast);
  CHECK(vneid->field("guardian")->relevant->source() == "age(person.date_of_birth) < 14");
  // Parents: "date or year of birth"
  CHECK(birth->field("mother.date_of_birth")->coarsest == gocua::core::DatePrecision::Year);
  CHECK(birth->field("father.date_of_birth")->coarsest == gocua::core::DatePrecision::Year);
  CHECK(birth->field("child.date_of_birth")->notFuture);
  CHECK(birth->field("child.ethnicity")->choicesFrom == "ethnic_groups");
  CHECK(birth->field("child.nationality")->choicesFrom == "nationalities");
  CHECK(ct01->field("moving.members")->type == FieldType::Repeat);
  CHECK(bhyt->field("members.members")->type == FieldType::Repeat);
  CHECK(choiceValues(*bhyt, "household.months") == std::vector<std::string>{"3", "6", "12"});
}

TEST_CASE("deadlines, documents and legal basis follow DOMAIN.md") {
  const Form* birth = shipped().find("birth_registration");
  const Form* death = shipped().find("death_registration");
  const Form* marriage = shipped().find("marriage_registration");
  const Form* ct01 = shipped().find("residence_ct01");
  const Form* vneid = shipped().find("vneid_level2");
  const Form* bhyt = shipped().find("health_insurance_household");
  REQUIRE((birth && death && marriage && ct01 && vneid && bhyt));

  CHECK(birth->definition()["deadline"]["days"] == 60);
  CHECK(birth->definition()["deadline"]["from_field"] == "child.date_of_birth");
  CHECK(death->definition()["deadline"]["days"] == 15);
  CHECK(death->definition()["deadline"]["from_field"] == "deceased.date_of_death");

  CHECK(hasDocument(*birth, "birth_notice"));   // giấy chứng sinh (or witness / sworn statement)
  CHECK(hasDocument(*birth, "authorisation"));  // if by proxy
  CHECK(hasDocument(*death, "death_notice"));   // giấy báo tử or substitute
  CHECK(hasDocument(*marriage, "bride_marital_status"));
  CHECK(hasDocument(*marriage, "groom_marital_status"));
  CHECK(hasDocument(*ct01, "residence_proof"));
  CHECK(hasDocument(*ct01, "parent_consent"));

  CHECK(anyBasisMentions(*birth, "04/2024/TT-BTP"));
  CHECK(anyBasisMentions(*birth, "63/2024/NĐ-CP"));
  CHECK(anyBasisMentions(*death, "04/2024/TT-BTP"));
  CHECK(anyBasisMentions(*marriage, "04/2024/TT-BTP"));
  CHECK(anyBasisMentions(*ct01, "53/2025/TT-BCA"));
  CHECK(vneid->procedureCode() == "1.011411");
  CHECK(ct01->procedureCode() == "1.004222");
  CHECK(ct01->effectiveDate() == gocua::core::Date{2025, 7, 1});
  for (const Form* f : shipped().all()) {
    INFO(f->id());
    CHECK(!f->legalBasis().empty());
    CHECK(!f->title(gocua::i18n::Lang::Vi).empty());
    CHECK(!f->title(gocua::i18n::Lang::En).empty());
    CHECK(f->version() >= 1);
  }
}
