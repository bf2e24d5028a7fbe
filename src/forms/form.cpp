// Form: read-only views of a loaded definition (paths, documents, prefill targets), the
// checklist and export views, and the text for an issue. Validation lives in validator.cpp.
#include "forms/form.h"

#include "core/personal_id.h"
#include "core/phone.h"
#include "core/text.h"
#include "forms/answer_env.h"
#include "forms/form_data.h"

namespace gocua::forms {

using detail::AnswerEnv;
using detail::member;
using nlohmann::json;

namespace {

const char* const kTypeNames[] = {"group",  "text",         "name",   "personal_id", "phone", "date",
                                  "choice", "multi_choice", "number", "bool",        "repeat"};

// "a.b[3].c" → {"a", "b", "c"} with the row index of each segment (-1 when none).
struct Segment {
  std::string name;
  long index = -1;
};
std::vector<Segment> splitPath(std::string_view path) {
  std::vector<Segment> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= path.size(); ++i) {
    if (i < path.size() && path[i] != '.') continue;
    std::string_view part = path.substr(start, i - start);
    Segment seg;
    auto bracket = part.find('[');
    seg.name = std::string(part.substr(0, bracket));
    if (bracket != std::string_view::npos && part.size() > bracket + 2 && part.back() == ']') {
      std::string digits(part.substr(bracket + 1, part.size() - bracket - 2));
      if (!digits.empty() && digits.size() < 9 && digits.find_first_not_of("0123456789") == std::string::npos)
        seg.index = std::stol(digits);
    }
    out.push_back(std::move(seg));
    start = i + 1;
  }
  return out;
}

void collectPaths(const FieldDef& def, std::vector<std::string>& out) {
  for (const auto& c : def.children) {
    if (c.type != FieldType::Group) out.push_back(c.path);
    if (c.type == FieldType::Group || c.type == FieldType::Repeat) collectPaths(c, out);
  }
}

void collectPrefill(const FieldDef& def, std::vector<PrefillTarget>& out) {
  for (const auto& c : def.children) {
    if (!c.prefill.empty()) out.push_back(PrefillTarget{c.path, c.prefill});
    if (c.type == FieldType::Group) collectPrefill(c, out);
  }
}

bool anyExported(const FieldDef& def) {
  if (def.exported) return true;
  for (const auto& c : def.children)
    if (anyExported(c)) return true;
  return false;
}

json normalised(const FieldDef& f, const json& v, const AnswerEnv& env) {
  if (!v.is_string()) return v;
  const auto& s = v.get_ref<const std::string&>();
  switch (f.type) {
    case FieldType::Name:
      if (auto n = core::normalizeName(s, detail::nameLettersNow(f, env)); n.ok()) return *n;
      break;
    case FieldType::Phone:
      if (auto p = core::normalizePhone(s); p.ok()) return *p;
      break;
    case FieldType::Date:
      if (auto d = core::parseDate(s, f.coarsest); d.ok()) return core::formatDate(*d);
      break;
    case FieldType::PersonalId:
      if (auto id = core::normalizePersonalId(s); id.ok()) return *id;
      [[fallthrough]];  // a draft's wrong ID is kept as text
    case FieldType::Text:
      if (auto t = core::normalizeText(s, 100000); t.ok()) return *t;
      break;
    default:
      break;
  }
  return v;
}

json exportContainer(const FieldDef& def, const json& obj, AnswerEnv& env, bool all) {
  static const json empty = json::object();
  json out = json::object();
  for (const auto& f : def.children) {
    const json* v = member(&obj, f.id);
    if (!detail::isRelevantNow(f, env)) continue;
    const bool mine = all || f.exported;
    if (f.type == FieldType::Group) {
      const json& inner = (v && v->is_object()) ? *v : empty;
      env.push(&inner);
      json sub = exportContainer(f, inner, env, mine);
      env.pop();
      if (!sub.empty()) out[f.id] = std::move(sub);
    } else if (f.type == FieldType::Repeat) {
      if (!(mine || anyExported(f)) || !v || !v->is_array()) continue;
      json rows = json::array();
      for (const auto& row : *v) {
        if (!row.is_object()) continue;
        env.push(&row);
        rows.push_back(exportContainer(f, row, env, mine));
        env.pop();
      }
      if (!rows.empty()) out[f.id] = std::move(rows);
    } else if (mine && !detail::isMissing(v)) {
      out[f.id] = normalised(f, *v, env);
    }
  }
  return out;
}

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
  for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size()))
    text.replace(pos, from.size(), to);
  return text;
}

}  // namespace

std::string_view fieldTypeName(FieldType t) { return kTypeNames[static_cast<int>(t)]; }

std::optional<FieldType> fieldTypeFromName(std::string_view name) {
  for (int i = 0; i < static_cast<int>(std::size(kTypeNames)); ++i)
    if (name == kTypeNames[i]) return static_cast<FieldType>(i);
  return std::nullopt;
}

namespace detail {
const FieldDef* findField(const FieldDef& root, std::string_view path) {
  if (path.empty()) return nullptr;
  const FieldDef* cur = &root;
  for (const auto& seg : splitPath(path)) {
    if (cur->type != FieldType::Group && cur->type != FieldType::Repeat) return nullptr;
    cur = cur->child(seg.name);
    if (!cur) return nullptr;
  }
  return cur;
}
}  // namespace detail

Form::Form(std::shared_ptr<const detail::FormData> data) : data_(std::move(data)) {}

const std::string& Form::id() const { return data_->id; }
int Form::version() const { return data_->version; }
std::string Form::title(i18n::Lang lang) const { return data_->title.in(lang); }
std::string Form::authority(i18n::Lang lang) const { return data_->authority.in(lang); }
const std::optional<int>& Form::order() const { return data_->order; }
const LocalText& Form::plainTitle() const { return data_->plainTitle; }
const LocalText& Form::printTitle() const { return data_->printTitle; }
const LocalText& Form::plainDetail() const { return data_->plainDetail; }
const std::vector<FormFlag>& Form::flags() const { return data_->flags; }
const std::optional<AppointmentPaths>& Form::appointmentList() const { return data_->appointments; }
const std::string& Form::procedureCode() const { return data_->procedureCode; }
const std::vector<std::string>& Form::legalBasis() const { return data_->legalBasis; }
const core::Date& Form::effectiveDate() const { return data_->effectiveDate; }
const json& Form::definition() const { return data_->definition; }
const std::vector<DocumentItem>& Form::documents() const { return data_->documents; }
const FieldDef& Form::root() const { return data_->root; }
const FieldDef* Form::field(std::string_view path) const { return detail::findField(data_->root, path); }

std::vector<std::string> Form::fieldPaths() const {
  std::vector<std::string> out;
  collectPaths(data_->root, out);
  return out;
}

std::vector<PrefillTarget> Form::prefillTargets() const {
  std::vector<PrefillTarget> out;
  collectPrefill(data_->root, out);
  return out;
}

std::vector<DocumentItem> Form::checklist(const json& answers, const core::Date& today) const {
  AnswerEnv env(*data_, answers, today);
  std::vector<DocumentItem> out;
  for (const auto& spec : data_->documentSpecs) {
    if (spec.relevant && !spec.relevant->test(env)) continue;
    DocumentItem item = spec.item;
    if (spec.requiredWhen) item.required = spec.requiredWhen->test(env);
    if (spec.hasWhen) item.hasFromAnswers = spec.hasWhen->test(env);
    out.push_back(std::move(item));
  }
  return out;
}

bool Form::isRelevant(std::string_view path, const json& answers, const core::Date& today) const {
  static const json empty = json::object();
  AnswerEnv env(*data_, answers, today);
  const FieldDef* container = &data_->root;
  const json* obj = &answers;
  const auto segments = splitPath(path);
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const FieldDef* f = container->child(segments[i].name);
    if (!f || !detail::isRelevantNow(*f, env)) return false;
    if (i + 1 == segments.size()) return true;
    const json* next = member(obj, f->id);
    if (f->type == FieldType::Repeat) {
      const long idx = segments[i].index;
      next = (next && next->is_array() && idx >= 0 && static_cast<std::size_t>(idx) < next->size())
                 ? &(*next)[static_cast<std::size_t>(idx)]
                 : nullptr;
    } else if (f->type != FieldType::Group) {
      return false;
    }
    obj = (next && next->is_object()) ? next : &empty;
    env.push(obj);
    container = f;
  }
  return false;
}

json Form::exportView(const json& answers) const { return exportView(answers, core::today()); }

json Form::exportView(const json& answers, const core::Date& today) const {
  json out = {{"form", data_->id}, {"version", data_->version}, {"answers", json::object()}};
  if (!answers.is_object()) return out;
  AnswerEnv env(*data_, answers, today);
  out["answers"] = exportContainer(data_->root, answers, env, false);
  return out;
}

std::string Form::message(const Issue& issue, i18n::Lang lang) const {
  const FieldDef* f = issue.field.empty() ? nullptr : field(issue.field);
  if (issue.code == "field.constraint" && f && !f->constraintMessage.empty()) return f->constraintMessage.in(lang);
  if (issue.code == "field.pattern" && f && !f->patternMessage.empty()) return f->patternMessage.in(lang);
  if (issue.code == "form.check")
    for (const auto& c : data_->checks)
      if (c.id == issue.detail) return c.message.in(lang);
  if ((issue.code == "deadline.passed" || issue.code == "deadline.near") && data_->deadline) {
    const auto& dl = *data_->deadline;
    const LocalText& text = (issue.code == "deadline.near" && !dl.nearMessage.empty()) ? dl.nearMessage : dl.message;
    const auto slash = issue.detail.find('/');
    const std::string elapsed = issue.detail.substr(0, slash);
    std::string remaining;
    if (slash != std::string::npos) {
      try {
        remaining = std::to_string(std::stoi(issue.detail.substr(slash + 1)) - std::stoi(elapsed));
      } catch (const std::exception&) {
        remaining.clear();  // a hand-made detail; leave the placeholder empty
      }
    }
    std::string out = replaceAll(text.in(lang), "{days}", std::to_string(dl.days));
    out = replaceAll(out, "{elapsed}", elapsed);
    return replaceAll(out, "{remaining}", remaining);
  }
  const std::string label = f ? f->label.in(lang) : issue.field;
  // A wrong kind of value says what to type in this field ("nhập số, ví dụ 12"), not "wrong type".
  if (issue.code == "field.type" && f && f->type != FieldType::Group && f->type != FieldType::Repeat)
    return i18n::tr(lang, "forms.expect." + std::string(fieldTypeName(f->type)), {{"field", label}});
  return i18n::tr(lang, "error." + issue.code, {{"field", label}, {"detail", issue.detail}});
}

}  // namespace gocua::forms
