// Guide checks; see guide.h. A guide file is edited by hand and shown in large type or printed,
// so each line must be exactly what will be shown: one NFC line, no stray spaces, both languages.
#include "forms/guide.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "core/errors.h"
#include "core/json_fields.h"
#include "core/text.h"
#include "forms/errors.h"
#include "forms/registry.h"

namespace gocua::forms {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 11> kGuideKeys = {
    "id", "form", "title", "legal_basis", "comment", "steps", "documents", "warnings", "deadline", "fee", "where"};

bool isGuideId(const std::string& id) {
  return !id.empty() && id.size() <= 64 && id.front() >= 'a' && id.front() <= 'z' &&
         std::all_of(id.begin(), id.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

// One line as it is shown: a non-empty string that normalizeText leaves unchanged and that holds
// no line break.
std::string checkedLine(const json& v, const std::string& path, Errors& out) {
  if (!v.is_string()) {
    out.push_back(Error::make(err::kFieldType, path, "text"));
    return {};
  }
  const auto& s = v.get_ref<const std::string&>();
  if (s.empty()) {
    out.push_back(Error::make(err::kFieldRequired, path));
    return {};
  }
  auto stored = core::normalizeText(s, kMaxGuideLine);
  if (!stored) {
    out.push_back(Error::like(stored.error(), path, stored.error().detail));
    return {};
  }
  if (stored.value() != s || s.find('\n') != std::string::npos) {
    out.push_back(Error::make(err::kGuideNotNormalised, path, "not NFC, spaces around it, or a line break"));
    return {};
  }
  return s;
}

std::optional<LocalText> bothLanguages(const json& v, const std::string& path, Errors& out) {
  if (!v.is_object()) {
    out.push_back(Error::make(err::kFieldType, path, "{\"vi\": \"...\", \"en\": \"...\"}"));
    return std::nullopt;
  }
  const auto before = out.size();
  Errors unknown;
  core::checkKnownKeys(v, {"vi", "en"}, unknown);
  for (const auto& e : unknown) out.push_back(Error::like(e, path + "." + e.field));
  LocalText text;
  for (auto [lang, target] : {std::pair{"vi", &text.vi}, std::pair{"en", &text.en}}) {
    const auto it = v.find(lang);
    if (it == v.end())
      out.push_back(Error::make(err::kFieldRequired, path + "." + lang));
    else
      *target = checkedLine(*it, path + "." + lang, out);
  }
  if (out.size() != before) return std::nullopt;
  return text;
}

std::optional<LocalText> optionalText(const json& doc, const char* key, bool required, Errors& out) {
  const auto it = doc.find(key);
  if (it == doc.end() || it->is_null()) {
    if (required) out.push_back(Error::make(err::kFieldRequired, key));
    return std::nullopt;
  }
  return bothLanguages(*it, key, out);
}

// A list of lines; required lists must have at least one.
std::vector<LocalText> textList(const json& doc, const char* key, bool required, Errors& out) {
  std::vector<LocalText> items;
  const auto it = doc.find(key);
  if (it == doc.end() || it->is_null() || (it->is_array() && it->empty())) {
    if (required) out.push_back(Error::make(err::kFieldRequired, key));
    return items;
  }
  if (!it->is_array()) {
    out.push_back(Error::make(err::kFieldType, key, "a list"));
    return items;
  }
  if (it->size() > kMaxGuideItems) {
    out.push_back(Error::make(err::kGuideTooMany, key, std::to_string(kMaxGuideItems)));
    return items;
  }
  for (std::size_t i = 0; i < it->size(); ++i)
    if (auto text = bothLanguages((*it)[i], std::string(key) + "[" + std::to_string(i) + "]", out))
      items.push_back(std::move(*text));
  return items;
}

std::vector<std::string> legalBasis(const json& doc, Errors& out) {
  std::vector<std::string> basis;
  const auto it = doc.find("legal_basis");
  if (it == doc.end() || !it->is_array() || it->empty()) {
    out.push_back(Error::make(it == doc.end() || it->is_array() ? err::kFieldRequired : err::kFieldType, "legal_basis",
                              "a list of legal texts"));
    return basis;
  }
  for (std::size_t i = 0; i < it->size(); ++i)
    basis.push_back(checkedLine((*it)[i], "legal_basis[" + std::to_string(i) + "]", out));
  return basis;
}

// "form": a form id the registry knows, or null for a card.
std::string formId(const json& doc, const FormRegistry& forms, Errors& out) {
  const auto it = doc.find("form");
  if (it == doc.end()) {
    out.push_back(Error::make(err::kFieldRequired, "form", "a form id, or null for a card"));
    return {};
  }
  if (it->is_null()) return {};
  if (!it->is_string() || it->get_ref<const std::string&>().empty()) {
    out.push_back(Error::make(err::kFieldType, "form", "a form id, or null for a card"));
    return {};
  }
  const auto& id = it->get_ref<const std::string&>();
  if (!forms.find(id)) out.push_back(Error::make(err::kGuideUnknownForm, "form", id));
  return id;
}

}  // namespace

Result<Guide> parseGuide(const json& doc, const FormRegistry& forms, Errors* problems) {
  Errors out;
  if (!doc.is_object()) {
    out.push_back(Error::make(err::kFieldType, "", "one JSON object"));
  } else {
    core::checkKnownKeys(doc, kGuideKeys, out);
  }
  Guide g;
  if (doc.is_object()) {
    // stringField has already reported a value of another type; only absence or a bad id is left.
    const auto before = out.size();
    if (auto id = core::stringField(doc, "id", out); id && isGuideId(*id))
      g.id = *id;
    else if (out.size() == before)
      out.push_back(Error::make(id ? err::kGuideBadId : err::kFieldRequired, "id", "lowercase letters, digits and _"));
    g.form = formId(doc, forms, out);
    const bool procedure = !g.form.empty();
    if (auto title = optionalText(doc, "title", true, out)) g.title = std::move(*title);
    g.legalBasis = legalBasis(doc, out);
    const auto beforeComment = out.size();
    if (auto comment = core::stringField(doc, "comment", out); comment && !comment->empty())
      g.comment = *comment;
    else if (out.size() == beforeComment)
      out.push_back(Error::make(err::kFieldRequired, "comment", "the sources checked"));
    g.steps = textList(doc, "steps", true, out);
    g.documents = textList(doc, "documents", procedure, out);
    g.warnings = textList(doc, "warnings", false, out);
    g.deadline = optionalText(doc, "deadline", procedure, out);
    g.fee = optionalText(doc, "fee", procedure, out);
    g.where = optionalText(doc, "where", procedure, out);
  }
  if (problems) *problems = out;
  if (!out.empty()) return out.front();
  return g;
}

}  // namespace gocua::forms
