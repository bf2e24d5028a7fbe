// Internal: the answers-as-values layer under expressions (see answer_env.h). Lookups walk the
// JSON afresh on each evaluation; forms are small and this keeps no state to go stale while a
// volunteer edits.
#include "forms/answer_env.h"

#include <cctype>

namespace gocua::forms::detail {

using nlohmann::json;

bool isMissing(const json* v) {
  if (!v || v->is_null()) return true;
  if (v->is_string()) {
    for (char c : v->get_ref<const std::string&>())
      if (!std::isspace(static_cast<unsigned char>(c))) return false;
    return true;
  }
  if (v->is_array()) return v->empty();
  return false;
}

const json* member(const json* obj, const std::string& key) {
  if (!obj || !obj->is_object()) return nullptr;
  auto it = obj->find(key);
  return it == obj->end() ? nullptr : &*it;
}

Value valueOf(const FieldDef& f, const json* v) {
  if (isMissing(v)) return Value::null();
  switch (f.type) {
    case FieldType::Date:
      if (v->is_string()) {
        auto d = core::parseDate(v->get_ref<const std::string&>(), f.coarsest);
        if (d.ok()) return Value::of(*d);
      }
      return Value::null();
    case FieldType::Number:
      return v->is_number() ? Value::of(v->get<double>()) : Value::null();
    case FieldType::Bool:
      return v->is_boolean() ? Value::of(v->get<bool>()) : Value::null();
    case FieldType::MultiChoice: {
      if (!v->is_array()) return Value::null();
      std::vector<std::string> items;
      for (const auto& item : *v)
        if (item.is_string()) items.push_back(item.get<std::string>());
      return Value::of(std::move(items));
    }
    case FieldType::Group:
    case FieldType::Repeat:
      return Value::null();
    default:
      return v->is_string() ? Value::of(v->get<std::string>()) : Value::null();
  }
}

AnswerEnv::AnswerEnv(const FormData& data, const json& answers, core::Date today)
    : data_(data), stack_{&answers}, today_(today) {}

Value AnswerEnv::lookup(int slot) const {
  if (slot < 0 || static_cast<std::size_t>(slot) >= data_.slots.size()) return Value::null();
  const Slot& s = data_.slots[static_cast<std::size_t>(slot)];
  if (static_cast<std::size_t>(s.depth) >= stack_.size()) return Value::null();
  const json* at = stack_[static_cast<std::size_t>(s.depth)];
  for (const auto& name : s.names) at = member(at, name);
  return valueOf(*s.field, at);
}

bool isRelevantNow(const FieldDef& f, const AnswerEnv& env) { return !f.relevant || f.relevant->test(env); }

bool isRequiredNow(const FieldDef& f, const AnswerEnv& env) {
  return f.required || (f.requiredWhen && f.requiredWhen->test(env));
}

core::NameLetters nameLettersNow(const FieldDef& f, const AnswerEnv& env) {
  return f.foreignWhen && f.foreignWhen->test(env) ? core::NameLetters::AnyLatin : core::NameLetters::Vietnamese;
}

}  // namespace gocua::forms::detail
