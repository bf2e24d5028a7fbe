// The in-memory model of a form definition: sections and fields as a tree of FieldDef, built
// once by the loader (form_loader.cpp) and read-only afterwards. Screens walk this tree to draw
// a form; the validator walks it to check answers. The JSON format is described in
// forms/README.md; this header is what it becomes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/i18n.h"
#include "forms/expression.h"
#include "forms/pattern.h"

namespace gocua::forms {

// A pair of texts, Vietnamese first; English falls back to Vietnamese when missing.
struct LocalText {
  std::string vi, en;
  const std::string& in(i18n::Lang lang) const { return (lang == i18n::Lang::En && !en.empty()) ? en : vi; }
  bool empty() const { return vi.empty() && en.empty(); }
};

struct Choice {
  std::string value;  // what the answers store, e.g. "kinh"
  LocalText label;
};

// A shared list from forms/lists/<id>.json (ethnic groups, nationalities, provinces).
struct ChoiceList {
  std::string id;
  std::vector<Choice> choices;
  const Choice* find(std::string_view value) const {
    for (const auto& c : choices)
      if (c.value == value) return &c;
    return nullptr;
  }
};

// Group is a section (sections are groups of the root); the others are the file's field types.
enum class FieldType { Group, Text, Name, PersonalId, Phone, Date, Choice, MultiChoice, Number, Bool, Repeat };

std::string_view fieldTypeName(FieldType t);
std::optional<FieldType> fieldTypeFromName(std::string_view name);

// Resident attributes a field can be prefilled from when the volunteer picks a resident.
inline constexpr std::string_view kPrefillAttributes[] = {"full_name", "date_of_birth", "sex", "personal_id", "phone"};

struct FieldDef {
  std::string id;
  std::string path;  // "child.date_of_birth", "household.members[].personal_id"; "" for the root
  FieldType type = FieldType::Text;
  LocalText label, hint;
  int depth = 0;  // scope level of the container this field sits in (root 0, section 1, row 2, ...)

  bool required = false;                   // static "required": true
  std::optional<Expression> requiredWhen;  // "required": "<expression>" (evaluated in the field's scope)
  std::optional<Expression> relevant;      // absent means always relevant
  std::optional<Expression> constraint;    // checked only when answered and otherwise valid
  // name: "foreign_when": "<expression>", true for a foreigner's name, written as in their
  // passport with any Latin letter (core::NameLetters::AnyLatin)
  std::optional<Expression> foreignWhen;
  LocalText constraintMessage;

  // Bounds: number value, text length in characters, multi_choice picks, repeat rows.
  std::optional<double> min, max;
  bool integer = false;            // number: whole numbers only
  std::optional<Pattern> pattern;  // text: ECMAScript regex the whole answer must match
  LocalText patternMessage;

  core::DatePrecision coarsest = core::DatePrecision::Day;  // date: partial dates allowed down to this
  bool notFuture = false, notPast = false;

  std::vector<Choice> choices;  // inline, or copied from the shared list
  std::string choicesFrom;      // the list id, when shared

  // personal_id cross-checks: slots of sibling date/sex fields (-1 when not named) or a fixed sex.
  int dateOfBirthSlot = -1, sexSlot = -1;
  std::string fixedSex;  // "male" / "female" / ""

  // Inside a repeat: no two rows may give the same answer ("unique": true), or, for a choice, the
  // listed values may be chosen in one row only ("unique": ["self"], one household head).
  bool unique = false;
  std::vector<std::string> uniqueValues;

  std::string prefill;    // one of kPrefillAttributes, or ""
  bool exported = false;  // goes to the one-stop export (on a section or repeat: all of it)

  std::vector<FieldDef> children;  // section fields, repeat row fields

  const Choice* findChoice(std::string_view value) const {
    for (const auto& c : choices)
      if (c.value == value) return &c;
    return nullptr;
  }
  const FieldDef* child(std::string_view childId) const {
    for (const auto& c : children)
      if (c.id == childId) return &c;
    return nullptr;
  }
};

}  // namespace gocua::forms
