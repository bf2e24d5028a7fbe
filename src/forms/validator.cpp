// Form::validate: walks the definition and the answers side by side and collects every
// problem at once, because a volunteer at a doorstep should fix everything in one pass rather
// than discover errors one by one. Field types are checked with the core validators (names,
// phones, personal IDs, dates) so the rules match everywhere else in GoCua; codes from those
// validators pass through unchanged (they have catalog entries in core.json).
#include <algorithm>
#include <cmath>
#include <map>

#include "core/personal_id.h"
#include "core/phone.h"
#include "core/text.h"
#include "forms/answer_env.h"
#include "forms/form.h"

namespace gocua::forms {

namespace {

using detail::AnswerEnv;
using detail::member;
using nlohmann::json;

// Free text is capped even where a form sets no "max": answers travel in batches and print on
// paper forms; 2,000 characters is far beyond any field on the official forms.
constexpr std::size_t kTextCap = 2000;
// A date further back than this is more often a mistyped year than a real one (warned, not refused).
constexpr int kVeryOldYears = 120;

std::string numberText(double d) {
  if (d == std::floor(d) && std::fabs(d) < 1e15) return std::to_string(static_cast<long long>(d));
  return std::to_string(d);
}

class Validator {
 public:
  Validator(const detail::FormData& data, const json& answers, const core::Date& today)
      : data_(data), answers_(answers), today_(today), env_(data, answers, today) {}

  ValidationReport run() {
    if (!answers_.is_object()) {
      error("", "field.type", "answers must be a JSON object keyed by section id");
      return std::move(report_);
    }
    container(data_.root, answers_, "");
    checks();
    deadline();
    return std::move(report_);
  }

 private:
  const detail::FormData& data_;
  const json& answers_;
  core::Date today_;
  AnswerEnv env_;
  ValidationReport report_;
  const json empty_ = json::object();

  void error(std::string path, std::string code, std::string detail = {}) {
    report_.errors.push_back(Issue{std::move(path), std::move(code), std::move(detail)});
  }
  void warn(std::string path, std::string code, std::string detail = {}) {
    report_.warnings.push_back(Issue{std::move(path), std::move(code), std::move(detail)});
  }
  void fail(const std::string& path, const Error& e) { error(path, e.code, e.detail); }

  // obj is the container's own answers object (root, section or row); env_ has it on top.
  void container(const FieldDef& def, const json& obj, const std::string& prefix) {
    for (const auto& [key, value] : obj.items()) {
      (void)value;
      if (!def.child(key)) error(prefix + key, "field.unknown", "no such field in this form version");
    }
    for (const FieldDef& f : def.children) {
      const std::string path = prefix + f.id;
      const json* v = member(&obj, f.id);
      if (!detail::isRelevantNow(f, env_)) continue;
      if (f.type == FieldType::Group) {
        if (v && !v->is_null() && !v->is_object()) {
          error(path, "field.type", "a section's answers must be an object");
          continue;
        }
        const json& inner = (v && v->is_object()) ? *v : empty_;
        env_.push(&inner);
        container(f, inner, path + ".");
        env_.pop();
        continue;
      }
      if (detail::isMissing(v)) {
        if (detail::isRequiredNow(f, env_)) error(path, "field.required");
        continue;
      }
      if (value(f, *v, path) && f.constraint && !f.constraint->test(env_))
        error(path, "field.constraint", f.constraint->source());
    }
  }

  bool wrongType(const std::string& path, const char* expected) {
    error(path, "field.type", std::string("expected ") + expected);
    return false;
  }

  // Checks one answered value; true when it is valid (so its constraint is worth checking).
  bool value(const FieldDef& f, const json& v, const std::string& path) {
    const std::size_t before = report_.errors.size();
    // The hard cap holds for text in any field (a phone, a name, a choice), so a draft, which is
    // saved with its problems, never keeps megabytes. Text fields get it from normalizeText.
    if (v.is_string() && f.type != FieldType::Text &&
        core::codePointCount(v.get_ref<const std::string&>()) > kTextCap) {
      error(path, "text.too_long", numberText(kTextCap));
      return false;
    }
    switch (f.type) {
      case FieldType::Text: {
        if (!v.is_string()) return wrongType(path, "text");
        auto text = core::normalizeText(v.get_ref<const std::string&>(), kTextCap);
        if (!text.ok()) {
          fail(path, text.error());
          break;
        }
        const auto n = static_cast<double>(core::codePointCount(*text));
        if (f.min && n < *f.min) error(path, "field.too_short", numberText(*f.min));
        if (f.max && n > *f.max) error(path, "field.too_long", numberText(*f.max));
        if (f.pattern && !f.pattern->matches(*text)) error(path, "field.pattern", f.pattern->source());
        break;
      }
      case FieldType::Name: {
        if (!v.is_string()) return wrongType(path, "a name");
        auto name = core::normalizeName(v.get_ref<const std::string&>(), detail::nameLettersNow(f, env_));
        if (!name.ok()) fail(path, name.error());
        break;
      }
      case FieldType::Phone: {
        if (!v.is_string()) return wrongType(path, "a phone number as text");
        auto phone = core::normalizePhone(v.get_ref<const std::string&>());
        if (!phone.ok()) fail(path, phone.error());
        break;
      }
      case FieldType::PersonalId:
        if (!v.is_string()) return wrongType(path, "a 12-digit number as text");
        personalId(f, v.get_ref<const std::string&>(), path);
        break;
      case FieldType::Date: {
        if (!v.is_string()) return wrongType(path, "a date as text dd/mm/yyyy");
        auto d = core::parseDate(v.get_ref<const std::string&>(), f.coarsest);
        if (!d.ok()) {
          fail(path, d.error());
          break;
        }
        if (f.notFuture)
          if (auto s = core::requireNotFuture(*d, today_); !s.ok()) fail(path, s.error());
        if (f.notPast)
          if (auto s = core::requireNotPast(*d, today_); !s.ok()) fail(path, s.error());
        // Possible (a very old resident, an old paper) but more often a mistyped year: say so
        // without blocking.
        if (*d <= today_ && core::ageOn(*d, today_) >= kVeryOldYears)
          warn(path, "date.very_old", numberText(kVeryOldYears));
        break;
      }
      case FieldType::Choice:
        if (!v.is_string()) return wrongType(path, "a choice value as text");
        if (!f.findChoice(v.get_ref<const std::string&>()))
          error(path, "field.choice",
                f.choicesFrom.empty() ? "not one of the choices" : "not in list " + f.choicesFrom);
        break;
      case FieldType::MultiChoice: {
        if (!v.is_array()) return wrongType(path, "a list of choice values");
        std::vector<std::string> seen;
        for (std::size_t i = 0; i < v.size(); ++i) {
          const std::string itemPath = path + "[" + std::to_string(i) + "]";
          if (!v[i].is_string()) {
            wrongType(itemPath, "a choice value as text");
            continue;
          }
          const auto& item = v[i].get_ref<const std::string&>();
          if (!f.findChoice(item))
            error(itemPath, "field.choice", "not one of the choices");
          else if (std::find(seen.begin(), seen.end(), item) != seen.end())
            error(itemPath, "field.choice", "chosen twice");
          seen.push_back(item);
        }
        const auto n = static_cast<double>(v.size());
        if (f.min && n < *f.min) error(path, "field.too_few_choices", numberText(*f.min));
        if (f.max && n > *f.max) error(path, "field.too_many_choices", numberText(*f.max));
        break;
      }
      case FieldType::Number: {
        if (!v.is_number()) return wrongType(path, "a number");
        const double d = v.get<double>();
        if (f.integer && d != std::floor(d)) error(path, "field.not_integer");
        if (f.min && d < *f.min) error(path, "field.too_small", numberText(*f.min));
        if (f.max && d > *f.max) error(path, "field.too_large", numberText(*f.max));
        break;
      }
      case FieldType::Bool:
        if (!v.is_boolean()) return wrongType(path, "true or false");
        break;
      case FieldType::Repeat: {
        if (!v.is_array()) return wrongType(path, "a list of rows");
        const auto n = static_cast<double>(v.size());
        if (f.min && n < *f.min) error(path, "field.too_few_rows", numberText(*f.min));
        if (f.max && n > *f.max) error(path, "field.too_many_rows", numberText(*f.max));
        RowKeys seen;
        for (std::size_t i = 0; i < v.size(); ++i) {
          const std::string rowPath = path + "[" + std::to_string(i) + "]";
          if (!v[i].is_object()) {
            wrongType(rowPath, "a row object");
            continue;
          }
          env_.push(&v[i]);
          container(f, v[i], rowPath + ".");
          uniqueAcrossRows(f, v[i], i, rowPath + ".", seen);
          env_.pop();
        }
        break;
      }
      case FieldType::Group:
        break;
    }
    return report_.errors.size() == before;
  }

  // (field id, compared answer) → the first row that gave it.
  using RowKeys = std::map<std::pair<std::string, std::string>, std::size_t>;

  // A field marked "unique" whose answer an earlier row already gave: field.duplicate, with the
  // earlier row's number as people count (1-based). Spacing, case and diacritics do not count.
  void uniqueAcrossRows(const FieldDef& repeat, const json& row, std::size_t index, const std::string& prefix,
                        RowKeys& seen) {
    for (const FieldDef& c : repeat.children) {
      if (!c.unique && c.uniqueValues.empty()) continue;
      const json* v = member(&row, c.id);
      if (detail::isMissing(v) || !detail::isRelevantNow(c, env_) || !v->is_primitive()) continue;
      const std::string key = v->is_string() ? core::foldKey(v->get_ref<const std::string&>()) : v->dump();
      if (!c.unique && std::find(c.uniqueValues.begin(), c.uniqueValues.end(), key) == c.uniqueValues.end()) continue;
      auto [at, fresh] = seen.emplace(std::make_pair(c.id, key), index);
      if (!fresh) error(prefix + c.id, "field.duplicate", std::to_string(at->second + 1));
    }
  }

  void personalId(const FieldDef& f, const std::string& raw, const std::string& path) {
    std::optional<core::Date> birth;
    std::optional<core::Sex> sex;
    if (f.dateOfBirthSlot >= 0) {
      Value d = env_.lookup(f.dateOfBirthSlot);
      if (auto* date = std::get_if<core::Date>(&d.v)) birth = *date;
    }
    std::string sexName = f.fixedSex;
    if (f.sexSlot >= 0) {
      Value s = env_.lookup(f.sexSlot);
      if (auto* text = std::get_if<std::string>(&s.v)) sexName = *text;
    }
    if (!sexName.empty())
      if (auto parsed = core::parseSex(sexName); parsed.ok()) sex = *parsed;
    // Spaces around and between digit groups are dropped (core::normalizePersonalId; the export
    // view stores the 12 digits); anything else inside the number is a real error.
    if (auto id = core::normalizePersonalId(raw, birth, sex); !id.ok()) fail(path, id.error());
  }

  void checks() {
    for (const auto& c : data_.checks) {
      if (c.constraint.test(env_)) continue;
      if (c.warning)
        warn(c.field, "form.check", c.id);
      else
        error(c.field, "form.check", c.id);
    }
  }

  void deadline() {
    if (!data_.deadline || data_.deadline->slot < 0) return;
    const auto& dl = *data_.deadline;
    if (dl.relevant && !dl.relevant->test(env_)) return;
    Value v = env_.lookup(dl.slot);
    auto* from = std::get_if<core::Date>(&v.v);
    // A partial date cannot start a count of days; a future one is already an error elsewhere.
    if (!from || from->precision() != core::DatePrecision::Day || today_ < *from) return;
    const int elapsed = core::daysBetween(*from, today_);
    const std::string detail = std::to_string(elapsed) + "/" + std::to_string(dl.days);
    if (elapsed > dl.days)
      warn(dl.fromPath, "deadline.passed", detail);
    else if (dl.days - elapsed <= dl.nearDays)
      warn(dl.fromPath, "deadline.near", detail);
  }
};

}  // namespace

ValidationReport Form::validate(const json& answers, const core::Date& today) const {
  return Validator(*data_, answers, today).run();
}

}  // namespace gocua::forms
