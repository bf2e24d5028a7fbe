// Resident and household JSON ↔ value types, with every validator applied; see resident.h.
#include "core/resident.h"

#include "core/birth_date.h"
#include "core/errors.h"
#include "core/json_fields.h"
#include "core/phone.h"
#include "core/record_id.h"
#include "core/text.h"

namespace gocua::core {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxVillage = 120;
constexpr std::size_t kMaxAddress = 300;
constexpr std::size_t kMaxNotes = 2000;

std::optional<Consent> parseConsent(const ObjectFields& j, const Date& today, Errors& out) {
  Errors local;
  checkKnownKeys(j, {"given_by", "method", "date"}, local);
  Consent c;
  auto by = stringField(j, "given_by", local);
  if (!by || by->empty()) {
    local.push_back(Error::make(err::kFieldRequired, "given_by"));
  } else if (auto n = normalizeName(*by)) {
    c.givenBy = *n;
  } else {
    local.push_back(Error::like(n.error(), "given_by", n.error().detail));
  }
  auto method = stringField(j, "method", local);
  if (!method)
    local.push_back(Error::make(err::kFieldRequired, "method"));
  else if (*method != "spoken" && *method != "signed" && *method != "thumbprint")
    local.push_back(Error::make(err::kConsentMethod, "method"));
  else
    c.method = *method;
  auto date = stringField(j, "date", local);
  if (!date) {
    c.date = today;  // consent is usually recorded as it is given
  } else if (auto d = parseDate(*date)) {
    if (auto nf = requireNotFuture(*d, today); !nf) local.push_back(Error::like(nf.error(), "date"));
    c.date = *d;
  } else {
    local.push_back(Error::like(d.error(), "date"));
  }
  for (auto& e : local) {
    e.field = "consent." + e.field;
    out.push_back(std::move(e));
  }
  if (!local.empty()) return std::nullopt;
  return c;
}

}  // namespace

Result<Resident> parseResident(const json& j, const Date& today, Errors* problems) {
  if (!j.is_object()) {
    Errors out{Error::make(err::kFieldType, "")};
    if (problems) *problems = out;
    return out.front();
  }
  return parseResident(JsonObjectFields(j), today, problems);
}

Result<Resident> parseResident(const ObjectFields& j, const Date& today, Errors* problems) {
  Errors out;
  checkKnownKeys(
      j, {"full_name", "date_of_birth", "sex", "personal_id", "phone", "village", "household_id", "notes", "consent"},
      out);
  Resident r;

  auto name = stringField(j, "full_name", out);
  if (!name || name->empty()) {
    out.push_back(Error::make(err::kFieldRequired, "full_name"));
  } else if (auto n = normalizeName(*name)) {
    r.fullName = *n;
  } else {
    out.push_back(Error::like(n.error(), "full_name", n.error().detail));
  }

  bool dobOk = false;
  auto dob = stringField(j, "date_of_birth", out);
  if (!dob || dob->empty()) {
    out.push_back(Error::make(err::kFieldRequired, "date_of_birth"));
  } else if (auto d = parseBirthDate(*dob, today)) {
    r.dateOfBirth = *d;
    dobOk = true;
  } else {
    out.push_back(Error::like(d.error(), "date_of_birth"));
  }

  bool sexOk = false;
  auto sex = stringField(j, "sex", out);
  if (!sex) {
    out.push_back(Error::make(err::kFieldRequired, "sex"));
  } else if (auto s = parseSex(*sex)) {
    r.sex = *s;
    sexOk = true;
  } else {
    out.push_back(Error::like(s.error(), "sex"));
  }

  if (auto id = stringField(j, "personal_id", out); id && !id->empty()) {
    auto normalized = normalizePersonalId(*id, dobOk ? std::optional<Date>(r.dateOfBirth) : std::nullopt,
                                          sexOk ? std::optional<Sex>(r.sex) : std::nullopt);
    if (!normalized)
      out.push_back(Error::like(normalized.error(), "personal_id"));
    else
      r.personalId = *normalized;
  }

  if (auto phone = stringField(j, "phone", out); phone && !phone->empty()) {
    if (auto p = normalizePhone(*phone))
      r.phone = *p;
    else
      out.push_back(Error::like(p.error(), "phone"));
  }

  r.village = textField(j, "village", kMaxVillage, false, out);
  r.notes = textField(j, "notes", kMaxNotes, false, out);
  if (auto hh = stringField(j, "household_id", out); hh && !hh->empty()) {
    if (auto id = parseRecordId(*hh))
      r.householdId = formatRecordId(*id);
    else
      out.push_back(Error::make(err::kRecordBadId, "household_id"));
  }
  switch (j.kind("consent")) {
    case FieldKind::Absent:
    case FieldKind::Null:
      break;
    case FieldKind::Object:
      j.withObject("consent", [&](const ObjectFields& c) { r.consent = parseConsent(c, today, out); });
      break;
    default:
      // Its own code, so the message can say what to write instead of "wrong kind of value".
      out.push_back(Error::make(err::kConsentType, "consent"));
      break;
  }

  if (problems) *problems = out;
  if (!out.empty()) return out.front();
  return r;
}

json toJson(const Resident& r) {
  json j = {
      {"full_name", r.fullName}, {"date_of_birth", formatDate(r.dateOfBirth)}, {"sex", std::string(sexName(r.sex))}};
  if (!r.personalId.empty()) j["personal_id"] = r.personalId;
  if (!r.phone.empty()) j["phone"] = r.phone;
  if (!r.village.empty()) j["village"] = r.village;
  if (!r.householdId.empty()) j["household_id"] = r.householdId;
  if (!r.notes.empty()) j["notes"] = r.notes;
  if (r.consent)
    j["consent"] = {
        {"given_by", r.consent->givenBy}, {"method", r.consent->method}, {"date", formatDate(r.consent->date)}};
  return j;
}

Result<Household> parseHousehold(const json& j, Errors* problems) {
  Errors out;
  if (!j.is_object()) {
    out.push_back(Error::make(err::kFieldType, ""));
    if (problems) *problems = out;
    return out.front();
  }
  checkKnownKeys(j, {"village", "address", "head_name", "notes"}, out);
  Household h;
  h.village = textField(j, "village", kMaxVillage, true, out);
  h.address = textField(j, "address", kMaxAddress, false, out);
  h.notes = textField(j, "notes", kMaxNotes, false, out);
  if (auto head = stringField(j, "head_name", out); head && !head->empty()) {
    if (auto n = normalizeName(*head))
      h.headName = *n;
    else
      out.push_back(Error::like(n.error(), "head_name", n.error().detail));
  }
  if (problems) *problems = out;
  if (!out.empty()) return out.front();
  return h;
}

json toJson(const Household& h) {
  json j = {{"village", h.village}};
  if (!h.address.empty()) j["address"] = h.address;
  if (!h.headName.empty()) j["head_name"] = h.headName;
  if (!h.notes.empty()) j["notes"] = h.notes;
  return j;
}

}  // namespace gocua::core
