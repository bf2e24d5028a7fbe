// The prefilled declaration a resident signs at the one-stop desk (tờ khai), laid out like the
// official paper: national header, title, "Kính gửi", each section's fields as "Label: value"
// (dotted leaders where nothing was answered), the documents checklist, place and date, the
// signature block, and a QR code with the record id in the top-right corner.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/date.h"
#include "core/result.h"
#include "forms/form.h"
#include "print/layout.h"

namespace gocua::print {

struct DeclarationInput {
  const forms::Form& form;
  const nlohmann::json& answers;  // keyed by section id, as forms/form.h describes
  std::string recordId;
  std::string communeName;  // "Xã Thử"
  core::Date printDate;
};

// "Label: value" text of one answered field (choices by their Vietnamese label, dates
// dd/mm/yyyy, yes/no as Có/Không); empty when not answered.
std::string displayValue(const forms::FieldDef& field, const nlohmann::json& answer);

// Errors: "text.invalid_utf8" when an answer is not valid UTF-8.
Result<PageLayout> layoutDeclaration(const DeclarationInput& in, const Measure& measure = estimateWidth);

}  // namespace gocua::print
