// Value types for what a volunteer records at a door: a household, a resident with consent,
// and parsing/validation of their JSON form (the gocuactl and sync format). Pure, no I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/object_fields.h"
#include "core/personal_id.h"
#include "core/result.h"

namespace gocua::core {

// Consent to process personal data (Decree 13/2023/NĐ-CP): who gave it, how, when.
struct Consent {
  std::string givenBy;  // the resident or a named representative
  std::string method;   // "spoken" | "signed" | "thumbprint"
  Date date;
};

struct Resident {
  std::string fullName;  // NFC
  Date dateOfBirth;      // full date, or year only for elderly people without one
  Sex sex = Sex::Male;
  std::string personalId;  // empty when the resident has none (newborns, some elderly)
  std::string phone;       // normalised 0xxxxxxxxx, or empty
  std::string village;
  std::string householdId;  // record id (UUID text) or empty
  std::string notes;
  std::optional<Consent> consent;
};

struct Household {
  std::string village;
  std::string address;
  std::string headName;  // may be empty
  std::string notes;
};

// Parses and validates a resident object. Returns every problem at once (codes with field
// names such as "full_name", "personal_id"); unknown keys are refused ("field.unknown") so a
// typo never silently drops data.
Result<Resident> parseResident(const nlohmann::json& j, const Date& today, Errors* problems);
// The same over any parser's object (the hub import reads simdjson's).
Result<Resident> parseResident(const ObjectFields& j, const Date& today, Errors* problems);
nlohmann::json toJson(const Resident& r);

Result<Household> parseHousehold(const nlohmann::json& j, Errors* problems);
nlohmann::json toJson(const Household& h);

}  // namespace gocua::core
