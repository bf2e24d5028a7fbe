// Payload line checks; see payload.h. Untrusted input that already passed the batch signatures:
// the device may still hold buggy or hand-edited data, so every line is judged on its own.
#include "sync/hub/payload.h"

#include <nlohmann/json.hpp>

#include "core/json_fields.h"
#include "core/json_read.h"
#include "core/resident.h"
#include "forms/skills_session.h"
#include "sync/hub/errors.h"
#include "sync/hub/internal.h"
#include "sync/hub/payload_facts.h"

namespace gocua::hub::detail {

using nlohmann::json;

namespace {

// False when a string (or key) is too long or the nesting too deep.
bool withinLimits(const json& j, int depth, const char** why) {
  if (depth > kMaxJsonDepth) {
    *why = "hub.bad_record";
    return false;
  }
  if (j.is_string()) {
    if (j.get_ref<const std::string&>().size() > kMaxStringBytes) {
      *why = "hub.field_too_long";
      return false;
    }
    return true;
  }
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (it.key().size() > kMaxStringBytes) {
        *why = "hub.field_too_long";
        return false;
      }
      if (!withinLimits(it.value(), depth + 1, why)) return false;
    }
  } else if (j.is_array()) {
    for (const auto& v : j)
      if (!withinLimits(v, depth + 1, why)) return false;
  }
  return true;
}

std::optional<std::string> optString(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

}  // namespace

Result<Manifest> parseManifest(std::string_view line) {
  auto j = json::parse(line, nullptr, false);
  if (!j.is_object() || jsonValue(j, "type", json()) != "manifest" || jsonValue(j, "format", json()) != 1)
    return Error::make(err::kHubBadManifest);
  // The laptop refuses to export from a training workspace; the hub does not rely on that alone
  // (an older or altered build): the whole batch is refused before any record is looked at.
  // Anything but an explicit false counts as training.
  if (auto t = j.find("training"); t != j.end() && *t != false) return Error::make(err::kHubTrainingBatch);
  Manifest m;
  if (auto v = j.find("volunteers"); v != j.end() && v->is_array())
    for (const auto& n : *v)
      if (n.is_string() && n.get_ref<const std::string&>().size() <= kMaxStringBytes)
        m.volunteers.push_back(n.get<std::string>());
  if (auto slot = optString(j, "recovery_slot"); slot && !slot->empty()) {
    // A damaged slot only costs the device its recovery path; the batch itself still imports.
    if (auto raw = unhex(*slot); raw && raw->size() <= 256) m.recoverySlot = std::move(*raw);
  }
  if (auto v = j.find("form_pack");
      v != j.end() && v->is_number_integer() && v->get<long long>() >= 0 && v->get<long long>() <= INT32_MAX)
    m.formPack = static_cast<int>(v->get<long long>());
  return m;
}

RecordLine judgeRecordLine(const LineFacts& facts, const LineBody& body, const forms::FormRegistry& forms,
                           const core::Date& today) {
  RecordLine r;
  if (!facts.isRecord) {
    r.reason = "hub.bad_line";
    return r;
  }
  if (facts.id)
    if (auto parsed = core::parseRecordId(*facts.id)) {
      r.id = *parsed;
      r.idText = core::formatRecordId(*parsed);
    }
  r.revision = facts.revision;
  if (facts.limitsProblem) {
    r.reason = facts.limitsProblem;
    return r;
  }
  if (r.idText.empty()) {
    r.reason = "hub.bad_record";
    return r;
  }
  if (r.revision < 1) {  // named in the receipt with revision 0, which no laptop record has
    r.reason = "hub.bad_revision";
    return r;
  }
  r.kind = facts.kind;
  if (r.kind != "household" && r.kind != "resident" && r.kind != "application" && r.kind != "skills_session") {
    r.reason = "hub.unknown_kind";
    return r;
  }
  if (!facts.bodyIsObject) {
    r.reason = "hub.bad_record";
    return r;
  }
  if (r.kind == "resident") {
    Errors problems;
    auto res = core::parseResident(*body.fields, today, &problems);
    if (!res) r.reason = problems.empty() ? res.error().code : problems.front().code;
  } else if (r.kind == "skills_session") {
    // The laptop ran the same check when the trainer saved it; a hand-edited or buggy line is
    // rejected alone, with the first problem as its reason.
    Errors problems;
    if (!forms::parseSkillsSession(body.tree(), today, forms.list(forms::kTrainingTopicsList), problems))
      r.reason = problems.empty() ? "hub.bad_record" : problems.front().code;
  } else if (r.kind == "application") {
    if (!facts.formId || !forms.find(*facts.formId)) {
      r.reason = "hub.unknown_form";
      return r;
    }
    r.procedure = *facts.formId;
    // Older form versions are fine: the volunteer filled the form the laptop had.
    r.formVersion = facts.formVersion.value_or(0);
  }
  return r;
}

RecordLine checkRecordLine(std::string_view line, const forms::FormRegistry& forms, const core::Date& today) {
  LineFacts facts;
  auto j = json::parse(line, nullptr, false);
  facts.isRecord = j.is_object() && jsonValue(j, "type", json()) == "record";
  if (!facts.isRecord) return judgeRecordLine(facts, {}, forms, today);
  facts.id = optString(j, "id");
  // Only 1..INT64_MAX: 0, negatives, 2^64-1 (which would wrap) and 2^64 (a float) leave it 0.
  if (auto rev = j.find("revision"); rev != j.end() && rev->is_number_integer()) {
    const bool fits = !rev->is_number_unsigned() || rev->get<std::uint64_t>() <= INT64_MAX;
    if (fits && rev->get<std::int64_t>() >= 1) facts.revision = rev->get<std::int64_t>();
  }
  (void)withinLimits(j, 0, &facts.limitsProblem);
  facts.kind = optString(j, "kind").value_or("");
  auto body = j.find("body");
  facts.bodyIsObject = body != j.end() && body->is_object();
  if (facts.bodyIsObject) {
    facts.formId = optString(j, "form_id");
    if (!facts.formId) facts.formId = optString(*body, "form_id");
    for (const json* src : {&j, &*body}) {
      auto fv = src->find("form_version");
      if (fv != src->end() && fv->is_number_integer()) {
        facts.formVersion = fv->get<std::int64_t>();
        break;
      }
    }
  }
  if (!facts.bodyIsObject) return judgeRecordLine(facts, {}, forms, today);
  const core::JsonObjectFields fields(*body);
  return judgeRecordLine(facts, {&fields, [&]() -> const json& { return *body; }}, forms, today);
}

}  // namespace gocua::hub::detail
