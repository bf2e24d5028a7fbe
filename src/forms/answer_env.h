// Internal: reading answers the way expressions and checks see them. One rule for "not
// answered" and one conversion from JSON to Value, shared by the validator, the checklist and
// the export, so a field counts as answered (or not) the same way everywhere.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "core/text.h"
#include "forms/expression.h"
#include "forms/form_data.h"

namespace gocua::forms::detail {

// Absent, null, a string of only whitespace, or an empty array.
bool isMissing(const nlohmann::json* v);

// The typed value of an answer for field f; Null when missing or not readable as f's type
// (a date that does not parse, a number given as text).
Value valueOf(const FieldDef& f, const nlohmann::json* v);

// Evaluation environment over an answers document. The scope stack mirrors the nesting of the
// definition: [answers root, section object, row object, ...]; push when entering, pop after.
class AnswerEnv : public Environment {
 public:
  AnswerEnv(const FormData& data, const nlohmann::json& answers, core::Date today);
  void push(const nlohmann::json* obj) { stack_.push_back(obj); }
  void pop() { stack_.pop_back(); }
  std::size_t depth() const { return stack_.size(); }

  Value lookup(int slot) const override;
  core::Date today() const override { return today_; }

 private:
  const FormData& data_;
  std::vector<const nlohmann::json*> stack_;
  core::Date today_;
};

// Member of obj (nullptr when obj is not an object or has no such key).
const nlohmann::json* member(const nlohmann::json* obj, const std::string& key);

// Whether field f (living in the scope currently on top of env) is relevant / required now.
bool isRelevantNow(const FieldDef& f, const AnswerEnv& env);
bool isRequiredNow(const FieldDef& f, const AnswerEnv& env);
// The letters name field f allows now: any Latin letter where its foreign_when holds.
core::NameLetters nameLettersNow(const FieldDef& f, const AnswerEnv& env);

}  // namespace gocua::forms::detail
