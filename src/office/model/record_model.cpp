#include "office/model/record_model.h"

#include "core/date.h"
#include "core/i18n.h"
#include "core/json_read.h"
#include "hub_print/hub_print.h"
#include "office/model/errors.h"
#include "office/model/queue_model.h"
#include "print/declaration.h"
#include "ui/model/errors.h"
#include "vault/secret.h"

namespace gocua::office {

using nlohmann::json;

namespace {

const json kNone;

const json& member(const json& o, const std::string& key) {
  if (!o.is_object()) return kNone;
  const auto it = o.find(key);
  return it == o.end() ? kNone : *it;
}

std::string text(const json& o, const char* key) { return jsonField<std::string>(o, key).value_or(""); }

// The answers of one section (or a repeat's row) as lines, relevant fields only, in form order.
class AnswerWalker {
 public:
  AnswerWalker(const forms::Form& form, const json& answers) : form_(form), answers_(answers) {}

  void field(const forms::FieldDef& f, const json& scope, const std::string& path, int indent,
             std::vector<AnswerLine>& out) const {
    if (!form_.isRelevant(path, answers_, today_)) return;
    const json& answer = member(scope, f.id);
    const std::string label = f.label.in(i18n::lang());
    if (f.type == forms::FieldType::Repeat) {
      out.push_back({indent, label, answer.is_array() && !answer.empty() ? std::string() : kUnanswered});
      if (!answer.is_array()) return;
      for (std::size_t row = 0; row < answer.size(); ++row) {
        out.push_back({indent + 1, std::to_string(row + 1) + ".", {}});
        for (const auto& child : f.children)
          field(child, answer[row], path + "[" + std::to_string(row) + "]." + child.id, indent + 2, out);
      }
      return;
    }
    std::string value = print::displayValue(f, answer);
    out.push_back({indent, label, value.empty() ? kUnanswered : std::move(value)});
  }

 private:
  static inline const std::string kUnanswered = "—";
  const forms::Form& form_;
  const json& answers_;
  core::Date today_ = core::today();
};

void wipeAll(std::vector<AnswerSection>& sections) {
  for (auto& s : sections)
    for (auto& l : s.lines) vault::wipe(l.value);
  sections.clear();
}

}  // namespace

void wipeResident(ResidentView& r) {
  for (auto* s : {&r.name, &r.dateOfBirth, &r.sex, &r.personalId, &r.phone, &r.village}) vault::wipe(*s);
  r = {};
}

ResidentView openResident(hub::HubSession& session, const std::string& residentId) {
  ResidentView resident;
  // A resident may not have reached the hub yet (a later batch): found stays false.
  (void)session.withRecord(residentId, [&](const hub::OpenRecord& r) -> Status {
    const json& body = member(r.plain, "body");
    resident.found = true;
    resident.name = text(body, "full_name");
    resident.dateOfBirth = text(body, "date_of_birth");
    const std::string sex = text(body, "sex");
    resident.sex = sex.empty() ? std::string() : i18n::tr("sex." + sex);
    resident.personalId = text(body, "personal_id");
    resident.phone = text(body, "phone");
    resident.village = text(body, "village");
    resident.volunteer = text(r.plain, "volunteer");
    resident.laptop = hub::deviceHex(r.info.device).substr(0, 12);
    resident.receivedDay = ui::formatLocalTime(r.receivedAt).substr(0, 10);
    return {};
  });
  return resident;
}

bool RecordModel::open(OfficeModel& office, const std::string& recordId) {
  reset();
  auto* session = office.session();
  if (!session) return false;
  std::string residentId;
  auto st = session->withRecord(recordId, [&](const hub::OpenRecord& r) -> Status {
    id_ = r.info.id;
    procedure_ = r.info.procedure;
    status_ = r.info.reviewStatus.value_or("new");
    receivedDay_ = ui::formatLocalTime(r.receivedAt).substr(0, 10);
    receivedAt_ = r.receivedAt;
    revision_ = r.info.revision;
    device_ = r.info.device;
    volunteer_ = text(r.plain, "volunteer");
    const json& body = member(r.plain, "body");
    residentId = text(body, "resident_id");
    const auto* form = procedure_.empty() ? nullptr : session->form(procedure_);
    procedureTitle_ = form ? form->title(i18n::lang()) : procedure_;
    if (!form) return {};
    const json& answers = member(body, "answers");
    documents_ = documentLines(*form, answers, core::today());
    const AnswerWalker walker(*form, answers);
    for (const auto& section : form->root().children) {
      AnswerSection out{section.label.in(i18n::lang()), {}};
      const json& scope = member(answers, section.id);
      for (const auto& f : section.children) walker.field(f, scope, section.id + "." + f.id, 0, out.lines);
      if (!out.lines.empty()) sections_.push_back(std::move(out));
    }
    return {};
  });
  if (!st) {
    reset();
    error_ = i18n::message(st.error());
    return false;
  }
  if (!residentId.empty()) resident_ = openResident(*session, residentId);
  readTrail(*session);
  printFolder.refresh();
  return true;
}

void RecordModel::readTrail(hub::HubSession& session) {
  history_.clear();
  delivery_.clear();
  auto audit = session.hub().auditLogOf(id_);  // this application's decisions and prints only
  if (!audit) {
    error_ = i18n::message(audit.error());
    return;
  }
  history_ = recordHistory(*audit, id_, receivedAt_, revision_, volunteer_);
  std::string lastBatchAt;
  if (auto devices = session.hub().devices())
    for (const auto& d : *devices)
      if (d.id == device_) lastBatchAt = d.lastBatchAt;
  delivery_ = deliveryState(lastDecisionAt(*audit, id_), lastBatchAt);
}

bool RecordModel::decide(OfficeModel& office) {
  error_.clear();
  auto* session = office.session();
  if (!session || draft.decision.empty()) return false;
  if (draft.noteRequired() && draft.blankNote()) {
    error_ = i18n::message(Error::make(err::kOfficeNoteRequired));
    return false;
  }
  if (auto st = session->setReview(id_, draft.decision, draft.noteToRecord()); !st) {
    error_ = i18n::message(st.error());
    return false;
  }
  status_ = draft.decision;
  office.notify(i18n::tr("office.record.decided", {{"status", statusLabel(status_)}}));
  draft.clear();
  readTrail(*session);
  return true;
}

bool RecordModel::print(OfficeModel& office) {
  error_.clear();
  auto* session = office.session();
  if (!session || id_.empty()) return false;
  if (!printFolder.exists()) {
    error_ = i18n::message(Error::make(err::kFolderMissing));
    return false;
  }
  const auto out = ui::uniqueFileIn(printFolder.folder(), "to-khai-" + id_.substr(0, 8), ".pdf");
  if (auto st = hubprint::printDeclaration(*session, id_, out); !st) {
    error_ = i18n::message(st.error());
    return false;
  }
  lastPrinted_ = out;
  office.notify(i18n::tr("office.record.printed", {{"file", out.string()}}));
  return true;
}

void RecordModel::reset() {
  id_.clear();
  procedure_.clear();
  procedureTitle_.clear();
  status_.clear();
  receivedDay_.clear();
  volunteer_.clear();
  error_.clear();
  receivedAt_.clear();
  delivery_.clear();
  revision_ = 0;
  device_ = {};
  documents_.clear();
  history_.clear();
  wipeResident(resident_);
  wipeAll(sections_);
  draft.clear();
  lastPrinted_.clear();
}

bool RecordModel::holdsPlaintext() const {
  return !id_.empty() || resident_.found || !sections_.empty() || !documents_.empty() || !draft.note.empty();
}

}  // namespace gocua::office
