// The shipped forms against real cases the 2025–2026 rules allow (issue 11, "Forms that block
// real cases"): each case starts from a form's valid sample and changes what the case needs.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "shipped_forms.h"

using namespace gocua;
using namespace gocua::forms;
using nlohmann::json;
using namespace gocua::forms::testing;

namespace {

bool has(const std::vector<Issue>& issues, const std::string& path, const std::string& code) {
  for (const auto& i : issues)
    if (i.field == path && i.code == code) return true;
  return false;
}

#define CHECK_VALID(report) CHECK_MESSAGE((report).valid(), dump((report).errors))
#define CHECK_ISSUE(issues, path, code) CHECK_MESSAGE(has(issues, path, code), dump(issues))

}  // namespace

TEST_CASE("vneid_level2: an elderly resident with a year of birth and a card without expiry") {
  const Form& f = form("vneid_level2");
  auto a = sample("vneid_level2");
  a["person"]["date_of_birth"] = "1950";                               // only the year is known
  a["person"]["personal_id"] = "001050012345";                         // male, born 1950
  a["card"] = {{"card_type", "chip_cccd"}, {"card_no_expiry", true}};  // "Không thời hạn"
  auto r = f.validate(a, kToday);
  CHECK_VALID(r);
  CHECK_FALSE(has(r.warnings, "card.card_no_expiry", "form.check"));
  CHECK_FALSE(f.isRelevant("card.card_expiry", a, kToday));

  a["card"]["card_no_expiry"] = false;  // a card with a date still needs it
  CHECK_ISSUE(f.validate(a, kToday).errors, "card.card_expiry", "field.required");

  auto young = sample("vneid_level2");  // 40 years old: a card without expiry is unlikely, warn
  young["card"] = {{"card_type", "id_card"}, {"card_no_expiry", true}};
  r = f.validate(young, kToday);
  CHECK_VALID(r);
  CHECK_ISSUE(r.warnings, "card.card_no_expiry", "form.check");
}

TEST_CASE("death_registration: no death notice, a passport or old CMND, copies requested") {
  const Form& f = form("death_registration");
  auto a = sample("death_registration");
  a.erase("death_notice");  // template footnote (4): left blank when there is none
  a["deceased"].erase("personal_id");
  a["deceased"]["id_document_type"] = "old_cmnd";
  a["deceased"]["id_document_number"] = "162345678";
  a["request"] = {{"extra_copies", 2}};
  CHECK_VALID(f.validate(a, kToday));

  a["deceased"]["id_document_type"] = "passport";
  a["deceased"].erase("id_document_number");
  CHECK_ISSUE(f.validate(a, kToday).errors, "deceased.id_document_number", "field.required");

  auto notice = sample("death_registration");  // a notice that is named still needs its date and issuer
  notice["death_notice"].erase("date");
  notice["death_notice"].erase("issuer");
  auto r = f.validate(notice, kToday);
  CHECK_ISSUE(r.errors, "death_notice.date", "field.required");
  CHECK_ISSUE(r.errors, "death_notice.issuer", "field.required");
}

TEST_CASE("birth_registration: residence and ID issue details only where the footnote asks for them") {
  const Form& f = form("birth_registration");
  auto a = sample("birth_registration");  // the requester gives her personal ID number
  a["requester"].erase("residence");
  a["requester"].erase("id_document_issue_date");
  a["requester"].erase("id_document_issue_place");
  a["mother"].erase("residence");  // she has a personal ID number too
  CHECK_VALID(f.validate(a, kToday));

  a["requester"]["id_document_type"] = "passport";  // without a personal ID: residence and issue date
  a["requester"].erase("personal_id");
  a["requester"]["id_document_number"] = "C1234567";
  auto r = f.validate(a, kToday);
  CHECK_ISSUE(r.errors, "requester.residence", "field.required");
  CHECK_ISSUE(r.errors, "requester.id_document_issue_date", "field.required");
  CHECK_FALSE(has(r.errors, "requester.id_document_issue_place", "field.required"));
}

TEST_CASE("birth_registration: birth + health insurance without residence, and a caregiver as requester") {
  const Form& f = form("birth_registration");
  auto a = sample("birth_registration");
  a["request"]["linked_services"] = "insurance_only";
  a["linked"] = {{"primary_health_facility", "Trạm y tế xã Đông Anh"}, {"result_delivery", "post"}};
  a["requester"]["relationship"] = "caregiver";
  CHECK_VALID(f.validate(a, kToday));

  a["request"].erase("linked_services");  // as in version 1: all three, residence needed
  CHECK_ISSUE(f.validate(a, kToday).errors, "linked.residence_address", "field.required");
}

TEST_CASE("birth_registration: the date in words must say the date in figures") {
  const Form& f = form("birth_registration");
  auto a = sample("birth_registration");  // born 01/11/2025
  a["child"]["date_of_birth_in_words"] = "Ngày hai, tháng mười một, năm hai nghìn không trăm hai mươi lăm";
  auto r = f.validate(a, kToday);
  CHECK_ISSUE(r.errors, "child.date_of_birth_in_words", "field.constraint");
  a["child"]["date_of_birth_in_words"] = "ngày một tháng mười một năm hai ngàn không trăm hai mươi nhăm";
  CHECK_VALID(f.validate(a, kToday));
}

TEST_CASE("birth_registration: a parent too young to be one is refused, a very young one warned") {
  const Form& f = form("birth_registration");
  auto a = sample("birth_registration");  // child born 01/11/2025
  a["mother"]["date_of_birth"] = "2020";
  a["mother"]["personal_id"] = "001320012345";  // female, 2000s, born 2020
  CHECK_ISSUE(f.validate(a, kToday).errors, "mother.date_of_birth", "field.constraint");

  a["mother"]["date_of_birth"] = "2010";  // 15 at the birth: possible, worth a second look
  a["mother"]["personal_id"] = "001310012345";
  auto r = f.validate(a, kToday);
  CHECK_VALID(r);
  CHECK_ISSUE(r.warnings, "mother.date_of_birth", "form.check");

  auto father = sample("birth_registration");
  father["father"]["date_of_birth"] = "12/04/2019";
  father["father"]["personal_id"] = "001219012345";
  CHECK_ISSUE(f.validate(father, kToday).errors, "father.date_of_birth", "field.constraint");
}

TEST_CASE("consent read to the resident: Law 91/2025/QH15, the purpose, the right to refuse and to withdraw") {
  std::ifstream in(std::filesystem::path(GOCUA_SOURCE_DIR) / "assets/i18n/app_home.json");
  REQUIRE(in);
  const json text = json::parse(in)["app.resident.consent_explain"];
  const std::string vi = text["vi"], en = text["en"];
  CHECK(vi.find("91/2025/QH15") != std::string::npos);  // in force since 01/01/2026
  CHECK(vi.find("13/2023") == std::string::npos);
  CHECK(vi.find("chỉ dùng để") != std::string::npos);  // the purpose
  CHECK(vi.find("không đồng ý") != std::string::npos);
  CHECK(vi.find("rút lại") != std::string::npos);
  CHECK(en.find("91/2025/QH15") != std::string::npos);
  CHECK(en.find("refuse") != std::string::npos);
  CHECK(en.find("withdraw") != std::string::npos);
}

TEST_CASE("health_insurance_household: one head, each personal ID once, members insured elsewhere marked") {
  const Form& f = form("health_insurance_household");
  auto a = sample("health_insurance_household");
  a["members"]["members"][1]["covered_elsewhere"] = true;  // the spouse is insured through work
  CHECK_VALID(f.validate(a, kToday));

  auto heads = sample("health_insurance_household");
  heads["members"]["members"][1]["relationship_to_head"] = "self";
  auto r = f.validate(heads, kToday);
  CHECK_ISSUE(r.errors, "members.members[1].relationship_to_head", "field.duplicate");
  for (const auto& i : r.errors)
    if (i.code == "field.duplicate") CHECK(f.message(i, i18n::Lang::Vi).find("dòng 1") != std::string::npos);

  auto twice = sample("health_insurance_household");
  twice["members"]["members"].push_back(twice["members"]["members"][1]);
  twice["members"]["members"][2]["relationship_to_head"] = "other";
  twice["members"]["members"][2]["personal_id"] = " 027175004321";  // the same ID, pasted with a space
  CHECK_ISSUE(f.validate(twice, kToday).errors, "members.members[2].personal_id", "field.duplicate");
}

TEST_CASE("marriage_registration: copies requested; no marital-status paper when the database has it") {
  const Form& f = form("marriage_registration");
  auto a = sample("marriage_registration");  // the groom lives in another commune
  a["ceremony"]["extra_copies"] = 2;
  a["groom"]["marital_status_in_database"] = true;
  CHECK_VALID(f.validate(a, kToday));
  auto docs = f.checklist(a, kToday);
  CHECK(std::none_of(docs.begin(), docs.end(), [](const DocumentItem& d) { return d.id == "groom_marital_status"; }));

  a["groom"]["marital_status_in_database"] = false;
  docs = f.checklist(a, kToday);
  CHECK(std::any_of(docs.begin(), docs.end(),
                    [](const DocumentItem& d) { return d.id == "groom_marital_status" && d.required; }));
}

TEST_CASE("marriage_registration: a foreign spouse's name as in their passport; a Vietnamese one's stays checked") {
  const Form& f = form("marriage_registration");
  auto a = sample("marriage_registration");
  a["groom"]["full_name"] = "Müller Jürgen";
  CHECK_ISSUE(f.validate(a, kToday).errors, "groom.full_name", "name.legacy_font");  // still Việt Nam

  a["groom"]["nationality"] = "DE";
  auto r = f.validate(a, kToday);
  CHECK_FALSE(has(r.errors, "groom.full_name", "name.legacy_font"));
  a["groom"]["full_name"] = "Guðrún Ólafsdóttir";  // ð is her letter, not a legacy Đ
  a["groom"]["nationality"] = "IS";
  CHECK(f.exportView(a, kToday)["answers"]["groom"]["full_name"] == "Guðrún Ólafsdóttir");
  a["groom"]["full_name"] = "Anna \xC2\xB5";  // µ is a sign in any name
  CHECK_ISSUE(f.validate(a, kToday).errors, "groom.full_name", "name.legacy_font");
}

TEST_CASE("residence_ct01: temporary residence at most 2 years; a moving member's ID is their own and given once") {
  const Form& f = form("residence_ct01");
  auto a = sample("residence_ct01");
  a["request"]["kind"] = "temporary";
  a["request"]["temporary_until"] = "15/11/2027";  // two years from kToday
  CHECK_VALID(f.validate(a, kToday));
  a["request"]["temporary_until"] = "15/11/2028";  // three
  CHECK_ISSUE(f.validate(a, kToday).errors, "request.temporary_until", "field.constraint");

  auto same = sample("residence_ct01");
  same["moving"]["members"][0]["personal_id"] = same["applicant"]["personal_id"];
  same["moving"]["members"][0]["date_of_birth"] = "1962";
  CHECK_ISSUE(f.validate(same, kToday).errors, "moving.members[0].personal_id", "field.constraint");

  auto twice = sample("residence_ct01");
  twice["moving"]["members"].push_back(twice["moving"]["members"][1]);
  CHECK_ISSUE(f.validate(twice, kToday).errors, "moving.members[2].personal_id", "field.duplicate");
}

namespace {
bool listsDocument(const std::vector<forms::DocumentItem>& docs, const std::string& id) {
  return std::any_of(docs.begin(), docs.end(), [&](const forms::DocumentItem& d) { return d.id == id; });
}

// A CT01 request that needs no home: who asks, what for, where.
nlohmann::json ct01Request(const std::string& kind, const std::string& details, const nlohmann::json& household) {
  return {
      {"request", {{"kind", kind}, {"details", details}, {"address", "Số 5, thôn Bắc, xã Hoằng Hoá, Thanh Hoá"}}},
      {"applicant",
       {{"full_name", "Lê Thị Cúc"}, {"date_of_birth", "1962"}, {"sex", "female"}, {"personal_id", "038162001234"}}},
      {"household", household}};
}
}  // namespace

TEST_CASE("residence_ct01: removing a registration asks for the reason, not for a home, consents or members") {
  const Form& f = form("residence_ct01");
  auto a = ct01Request(
      "permanent_removal", "Xoá đăng ký thường trú cho mẹ tôi",
      {{"relationship_to_head", "spouse"}, {"head_full_name", "Phạm Văn Dũng"}, {"head_personal_id", "038060004321"}});
  CHECK_ISSUE(f.validate(a, kToday).errors, "request.removal_reason", "field.required");
  a["request"]["removal_reason"] = "Người được xoá đã chết";
  CHECK_VALID(f.validate(a, kToday));  // no owner, no head consent, no moving members needed
  const auto docs = f.checklist(a, kToday);
  CHECK(listsDocument(docs, "removal_proof"));
  CHECK_FALSE(listsDocument(docs, "residence_proof"));
  CHECK_FALSE(listsDocument(docs, "head_consent"));
}

TEST_CASE("residence_ct01: splitting a household needs the new head and the head's consent") {
  const Form& f = form("residence_ct01");
  auto a = sample("residence_ct01");
  a["request"]["kind"] = "household_split";
  a["request"]["details"] = "Tách hộ cho tôi và 2 con";
  auto report = f.validate(a, kToday);
  CHECK_ISSUE(report.errors, "request.new_head_full_name", "field.required");
  CHECK_ISSUE(report.errors, "request.new_head_personal_id", "field.required");
  a["request"]["new_head_full_name"] = "Lê Thị Cúc";
  a["request"]["new_head_personal_id"] = "038162001234";
  CHECK_VALID(f.validate(a, kToday));
  a["consents"]["head_consent"] = false;
  CHECK_ISSUE(f.validate(a, kToday).errors, "consents.head_consent", "field.constraint");
}

TEST_CASE(
    "residence_ct01: extending temporary residence keeps the 2-year limit; a confirmation asks only who and where") {
  const Form& f = form("residence_ct01");
  auto a = sample("residence_ct01");
  a["request"]["kind"] = "temporary_extension";
  CHECK_ISSUE(f.validate(a, kToday).errors, "request.temporary_until", "field.required");
  a["request"]["temporary_until"] = "15/11/2028";
  CHECK_ISSUE(f.validate(a, kToday).errors, "request.temporary_until", "field.constraint");
  a["request"]["temporary_until"] = "15/11/2027";
  CHECK_VALID(f.validate(a, kToday));

  const auto c = ct01Request("confirmation", "Xác nhận nơi thường trú để bổ sung hồ sơ xin việc",
                             {{"relationship_to_head", "self"}});
  CHECK_VALID(f.validate(c, kToday));
}
