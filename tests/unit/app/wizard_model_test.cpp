// The new-application wizard's view-model on a real workspace: the birth-registration flow end to
// end, inline messages, deadlines, relevance, repeats, autosave across a closed window and a
// crash, drafts with problems, and the VNeID card and appointment list.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

#include "app/model/home_model.h"
#include "app/model/wizard_answers.h"
#include "app/model/wizard_model.h"
#include "app_fixture.h"
#include "core/date.h"
#include "core/i18n.h"

using namespace apptest;
using gocua::app::WizardField;
using gocua::app::WizardModel;
using gocua::app::WizardStep;
using nlohmann::json;

namespace {

// The PDF's text as pdftotext reads it (poppler-utils, installed by scripts/setup.sh).
std::string pdfText(const fs::path& pdf) {
  const fs::path out = pdf.parent_path().parent_path() / "pdf.txt";
  const std::string cmd = "pdftotext -enc UTF-8 '" + pdf.string() + "' '" + out.string() + "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  return readAll(out);
}

std::string dateFromToday(int days) {
  const auto today = core::today();
  return core::formatDate(core::dateFromDays(core::daysSinceEpoch(today) + days));
}

std::string addResident(UnlockedApp& a, const json& r) {
  Errors problems;
  auto added = a.session().addResident(r, &problems);
  REQUIRE(added.ok());
  return added->id;
}

json mai() {
  return {{"full_name", "Trần Thị Mai"},
          {"date_of_birth", "12/04/1995"},
          {"sex", "female"},
          {"personal_id", "001195012345"},
          {"phone", "0912345678"}};
}

json binh() {
  return {{"full_name", "Nguyễn Văn Bình"},
          {"date_of_birth", "20/07/1980"},
          {"sex", "male"},
          {"personal_id", "038080001234"},
          {"phone", "0987654321"}};
}

// The field of the current section at path (searching repeat rows too), or nullptr.
const WizardField* findField(const std::vector<WizardField>& fields, const std::string& path) {
  for (const auto& f : fields) {
    if (f.path == path) return &f;
    for (const auto& row : f.rows)
      if (const auto* hit = findField(row, path)) return hit;
  }
  return nullptr;
}

bool shown(const WizardModel& w, const std::string& path) { return findField(w.sectionFields(), path) != nullptr; }

// Answers every required field of the birth registration's first five sections with valid data.
void fillBirth(WizardModel& w, const std::string& childBorn) {
  REQUIRE(w.sectionId() == "requester");
  w.setChoice("requester.id_document_type", "cccd");
  w.setText("requester.id_document_issue_date", "15/06/2021");
  w.setText("requester.id_document_issue_place", "Cục Cảnh sát QLHC về TTXH");
  w.setText("requester.residence", "Thôn Đông, xã Tân Lập");
  w.setChoice("requester.relationship", "mother");
  REQUIRE(w.next());
  REQUIRE(w.sectionId() == "child");
  w.back();  // back to the previous section, answers kept, and forward again
  REQUIRE(w.sectionId() == "requester");
  CHECK(w.choiceValue("requester.relationship") == "mother");
  REQUIRE(w.next());
  REQUIRE(w.sectionId() == "child");
  w.setText("child.surname", "Lê");
  w.setText("child.given_name", "An");
  w.setText("child.date_of_birth", childBorn);
  // "ngày sinh ghi bằng chữ" is written from the date (the form checks that they match).
  w.setChoice("child.sex", "female");
  w.setChoice("child.ethnicity", "kinh");
  w.setChoice("child.nationality", "VN");
  w.setText("child.place_of_birth", "Trạm y tế xã Tân Lập");
  w.setChoice("child.place_of_birth_province", "01");
  w.setText("child.hometown", "Hà Nội");
  REQUIRE(w.next());
  REQUIRE(w.sectionId() == "mother");
  w.setText("mother.full_name", "Trần Thị Mai");
  w.setText("mother.date_of_birth", "1995");
  w.setChoice("mother.ethnicity", "kinh");
  w.setChoice("mother.nationality", "VN");
  w.setText("mother.residence", "Thôn Đông, xã Tân Lập");
  REQUIRE(w.next());
  REQUIRE(w.sectionId() == "father");
  REQUIRE(w.next());  // the father may stay unknown
  REQUIRE(w.sectionId() == "marriage");
  w.setBool("marriage.parents_married", false);
  REQUIRE(w.next());
  REQUIRE(w.sectionId() == "request");
  w.setBool("request.linked_mode", false);
  w.setText("request.extra_copies", "2");
}

void fillVneid(WizardModel& w, const std::string& sim, const std::string& appointment) {
  REQUIRE(w.sectionId() == "person");
  REQUIRE(w.next());  // prefilled from the resident
  REQUIRE(w.sectionId() == "phone");
  w.setChoice("phone.sim_own_name", sim);
  w.setChoice("phone.smartphone", "own");
  REQUIRE(w.next());
  w.setChoice("card.card_type", "chip_cccd");
  w.setText("card.card_expiry", dateFromToday(3650));
  REQUIRE(w.next());
  REQUIRE(w.sectionId() == "linking");
  REQUIRE(w.next());
  REQUIRE(w.sectionId() == "status");  // guardian: only under 14
  w.setBool("status.level1_done", false);
  if (!appointment.empty()) w.setText("status.appointment_date", appointment);
  REQUIRE(w.next());
  REQUIRE(w.step() == WizardStep::Documents);
  REQUIRE(w.next());
  REQUIRE(w.step() == WizardStep::ReadBack);
}

}  // namespace

TEST_CASE("wizard: answer paths, widget ids and display text") {
  json answers = json::object();
  app::wizard::set(answers, "household.members[1].full_name", "Lê Văn C");
  CHECK(answers["household"]["members"].size() == 2);
  CHECK(app::wizard::find(answers, "household.members[1].full_name")->get<std::string>() == "Lê Văn C");
  CHECK(app::wizard::find(answers, "household.members[2].full_name") == nullptr);
  CHECK(app::wizard::uiId("household.members[1].full_name") == "household.members.1.full_name");
  app::wizard::erase(answers, "household.members[0]");
  CHECK(answers["household"]["members"].size() == 1);
  CHECK(answers["household"]["members"][0]["full_name"] == "Lê Văn C");
  CHECK(app::wizard::splitPath("a..b").empty());
  CHECK_FALSE(app::wizard::answered(nullptr));
  CHECK_FALSE(app::wizard::answered(&(json&)(answers["x"] = "  ")));
  app::wizard::wipe(answers);
  CHECK(answers.is_null());
}

TEST_CASE("wizard: birth registration from procedure to saved application") {
  i18n::setLang(i18n::Lang::Vi);
  UnlockedApp a;
  const std::string rid = addResident(a, mai());
  WizardModel w;
  w.start(a.model, rid);
  REQUIRE(w.step() == WizardStep::Procedure);
  CHECK(w.residentName() == "Trần Thị Mai");
  const auto procedures = w.procedures();
  REQUIRE(procedures.size() >= 6);
  CHECK(procedures.front().formId == "birth_registration");
  CHECK(procedures.front().title == "Làm giấy khai sinh cho em bé");  // "plain_title" of the form file
  CHECK(procedures[1].formId == "vneid_level2");                      // "order" of the form files
  CHECK(procedures.front().title != procedures.front().official);     // plain words, not the form's title

  w.chooseProcedure("birth_registration");
  REQUIRE(w.step() == WizardStep::Section);
  CHECK(w.sectionId() == "requester");
  CHECK(w.sectionNumber() == 1);
  CHECK(w.sectionCount() == 6);  // the linked section is hidden until asked for
  // Prefilled from the resident.
  CHECK(w.answers()["requester"]["full_name"] == "Trần Thị Mai");
  CHECK(w.answers()["requester"]["phone"] == "0912345678");
  CHECK(*w.textBuffer("requester.full_name") == "Trần Thị Mai");

  // No message before the field is left; "next" is refused and shows the required ones.
  auto fields = w.sectionFields();
  const auto* residence = findField(fields, "requester.residence");
  REQUIRE(residence != nullptr);
  CHECK(residence->error.empty());
  CHECK_FALSE(w.next());
  CHECK(w.sectionId() == "requester");
  fields = w.sectionFields();
  residence = findField(fields, "requester.residence");
  REQUIRE(residence != nullptr);
  CHECK(residence->error == i18n::tr("error.field.required", {{"field", "Nơi cư trú"}}));

  // A date that does not exist: the message appears once the field is left.
  w.setText("requester.id_document_issue_date", "31/02/2020");
  fields = w.sectionFields();
  const auto* date = findField(fields, "requester.id_document_issue_date");
  REQUIRE(date != nullptr);
  forms::Issue issue{"requester.id_document_issue_date", "date.invalid", ""};
  for (const auto& e : w.form()->validate(w.answers(), core::today()).errors)
    if (e.field == issue.field) issue = e;
  CHECK(issue.code == "date.invalid");
  CHECK_FALSE(date->error.empty());
  CHECK(date->error == w.form()->message(issue, i18n::Lang::Vi));

  fillBirth(w, dateFromToday(-10));
  CHECK(w.answers()["requester"]["id_document_issue_date"] == "15/06/2021");
  CHECK(w.answers()["request"]["extra_copies"] == 2);  // a number, not text
  REQUIRE(w.next());
  REQUIRE(w.step() == WizardStep::Documents);  // "linked" is skipped: not asked for

  auto docs = w.documents();
  auto has = [&](const std::string& id) {
    return std::any_of(docs.begin(), docs.end(), [&](const auto& d) { return d.id == id; });
  };
  CHECK(has("birth_notice"));
  CHECK(has("requester_id"));
  CHECK_FALSE(has("authorisation"));  // the mother files herself
  w.setHas("birth_notice", true);
  CHECK(w.documents().front().has);
  REQUIRE(w.next());
  REQUIRE(w.step() == WizardStep::ReadBack);

  bool sawChild = false, sawRelationship = false;
  for (const auto& s : w.summary())
    for (const auto& line : s.lines) {
      if (s.id == "child" && line.label == "Họ" && line.value == "Lê") sawChild = true;
      if (line.label == "Quan hệ với người được khai sinh" && line.value == "Mẹ") sawRelationship = true;
    }
  CHECK(sawChild);
  CHECK(sawRelationship);
  CHECK(w.problems().empty());
  CHECK(w.deadlineWarnings().empty());

  REQUIRE(w.confirm());
  CHECK(w.step() == WizardStep::Saved);
  CHECK_FALSE(w.savedAsDraft());
  auto apps = a.session().listApplications(rid);
  REQUIRE(apps.size() == 1);
  CHECK(apps[0].formId == "birth_registration");
  CHECK(apps[0].status == "ready");
  auto body = a.session().getApplication(apps[0].id);
  REQUIRE(body.ok());
  CHECK(body->get()["answers"]["child"]["surname"] == "Lê");
  bool noticeHas = false, idMissing = false;
  for (const auto& d : w.savedDocuments()) {
    if (d.id == "birth_notice") noticeHas = d.has;
    if (d.id == "requester_id") idMissing = !d.has;
  }
  CHECK(noticeHas);
  CHECK(idMissing);
  // The autosaved draft has served its purpose.
  auto slot = a.session().loadAutosave("wizard");
  REQUIRE(slot.ok());
  CHECK_FALSE(slot->has_value());
  CHECK(w.answers().empty());  // wiped from memory once stored
}

TEST_CASE("wizard: deadline warnings for a birth after 60 days and a death after 15") {
  i18n::setLang(i18n::Lang::Vi);
  UnlockedApp a;
  const std::string rid = addResident(a, mai());
  WizardModel w;
  w.start(a.model, rid);
  w.chooseProcedure("birth_registration");
  w.setText("child.date_of_birth", dateFromToday(-20));
  CHECK(w.deadlineWarnings().empty());
  w.setText("child.date_of_birth", dateFromToday(-90));
  auto late = w.deadlineWarnings();
  REQUIRE(late.size() == 1);
  CHECK(late[0].find("60") != std::string::npos);
  CHECK(late[0].find("90") != std::string::npos);
  w.setText("child.date_of_birth", dateFromToday(-55));
  auto near = w.deadlineWarnings();
  REQUIRE(near.size() == 1);
  CHECK(near[0].find("5 ngày") != std::string::npos);
  // A deadline is a warning: it never blocks the application.
  CHECK(w.otherWarnings().empty());

  WizardModel d;
  d.start(a.model, rid);
  d.chooseProcedure("death_registration");
  d.setText("deceased.date_of_death", dateFromToday(-20));
  auto death = d.deadlineWarnings();
  REQUIRE(death.size() == 1);
  CHECK(death[0].find("15") != std::string::npos);
}

TEST_CASE("wizard: fields that do not apply are hidden, and come back") {
  i18n::setLang(i18n::Lang::Vi);
  UnlockedApp a;
  const std::string rid = addResident(a, mai());
  WizardModel w;
  w.start(a.model, rid);
  w.chooseProcedure("birth_registration");
  w.setChoice("requester.id_document_type", "cccd");
  CHECK(shown(w, "requester.personal_id"));
  CHECK_FALSE(shown(w, "requester.id_document_number"));
  w.setChoice("requester.id_document_type", "passport");
  CHECK_FALSE(shown(w, "requester.personal_id"));
  CHECK(shown(w, "requester.id_document_number"));
  auto fields = w.sectionFields();
  const auto* choice = findField(fields, "requester.id_document_type");
  REQUIRE(choice != nullptr);
  CHECK_FALSE(choice->combo);  // three choices: buttons
  CHECK(choice->choices.size() == 3);

  w.editSection("child");
  fields = w.sectionFields();
  const auto* ethnicity = findField(fields, "child.ethnicity");
  REQUIRE(ethnicity != nullptr);
  CHECK(ethnicity->combo);  // 54 groups: a list

  w.editSection("request");
  CHECK(w.sectionCount() == 6);
  w.setBool("request.linked_mode", true);
  CHECK(w.sectionCount() == 7);  // the linked section now applies
  w.editSection("marriage");
  w.setBool("marriage.parents_married", false);
  CHECK_FALSE(shown(w, "marriage.certificate_number"));
  w.setBool("marriage.parents_married", true);
  CHECK(shown(w, "marriage.certificate_number"));
}

TEST_CASE("wizard: repeat rows are added and removed; later rows move up") {
  i18n::setLang(i18n::Lang::Vi);
  UnlockedApp a;
  const std::string rid = addResident(a, mai());
  WizardModel w;
  w.start(a.model, rid);
  w.chooseProcedure("health_insurance_household");
  w.editSection("members");
  const std::string members = "members.members";
  CHECK(w.rowCount(members) == 1);  // at least one member: one empty row to start
  auto fields = w.sectionFields();
  const auto* repeat = findField(fields, members);
  REQUIRE(repeat != nullptr);
  CHECK(repeat->rows.size() == 1);
  CHECK_FALSE(repeat->canRemove);
  CHECK(repeat->canAdd);
  const auto* first = findField(fields, "members.members[0].full_name");
  REQUIRE(first != nullptr);
  CHECK(first->id == "members.members.0.full_name");

  *w.textBuffer("members.members[0].full_name") = "Nguyễn Văn A";
  w.addRow(members);
  w.addRow(members);
  REQUIRE(w.rowCount(members) == 3);
  w.setText("members.members[1].full_name", "Nguyễn Văn B");
  w.setText("members.members[2].full_name", "Nguyễn Văn C");
  fields = w.sectionFields();
  CHECK(findField(fields, members)->canRemove);
  w.removeRow(members, 1);
  REQUIRE(w.rowCount(members) == 2);
  CHECK(w.answers()["members"]["members"][0]["full_name"] == "Nguyễn Văn A");  // typed, never left: kept
  CHECK(w.answers()["members"]["members"][1]["full_name"] == "Nguyễn Văn C");
  CHECK(*w.textBuffer("members.members[1].full_name") == "Nguyễn Văn C");
  w.removeRow(members, 0);
  w.removeRow(members, 0);  // the last row stays: the form needs one
  CHECK(w.rowCount(members) == 1);
  CHECK(w.answers()["members"]["members"][0]["full_name"] == "Nguyễn Văn C");
}

TEST_CASE("wizard: closing the window (reset) keeps the draft; start offers to resume it") {
  i18n::setLang(i18n::Lang::Vi);
  UnlockedApp a;
  const std::string rid = addResident(a, mai());
  const std::string other = addResident(a, binh());
  WizardModel w;
  w.start(a.model, rid);
  w.chooseProcedure("birth_registration");
  w.setChoice("requester.id_document_type", "passport");
  REQUIRE(w.next() == false);
  w.editSection("child");
  *w.textBuffer("child.surname") = "Lê";  // typed, the field not even left
  w.reset();                              // lock or window close
  CHECK(w.answers().empty());
  CHECK(w.residentName().empty());

  // Someone else's wizard does not see it, and does not overwrite it.
  w.start(a.model, other);
  CHECK(w.step() == WizardStep::Procedure);
  w.chooseProcedure("vneid_level2");
  w.reset();

  w.start(a.model, rid);
  REQUIRE(w.step() == WizardStep::Resume);
  CHECK(w.resumeTitle() == "Làm giấy khai sinh cho em bé");
  CHECK_FALSE(w.resumeSavedAt().empty());
  w.resume();
  REQUIRE(w.step() == WizardStep::Section);
  CHECK(w.form()->id() == "birth_registration");
  CHECK(w.sectionId() == "child");
  CHECK(w.answers()["child"]["surname"] == "Lê");
  CHECK(w.answers()["requester"]["id_document_type"] == "passport");
  CHECK(*w.textBuffer("child.surname") == "Lê");

  w.reset();
  w.start(a.model, other);
  REQUIRE(w.step() == WizardStep::Resume);  // the other resident's draft is still there
  w.discard();
  CHECK(w.step() == WizardStep::Procedure);
  w.reset();
  w.start(a.model, other);
  CHECK(w.step() == WizardStep::Procedure);  // discarded for good
  w.start(a.model, rid);
  CHECK(w.step() == WizardStep::Resume);  // and this one untouched
}

TEST_CASE("wizard: after a crash the app on the same workspace resumes what tick autosaved") {
  i18n::setLang(i18n::Lang::Vi);
  UnlockedApp a;
  const std::string rid = addResident(a, mai());
  {
    auto w = std::make_unique<WizardModel>();
    w->start(a.model, rid);
    w->chooseProcedure("birth_registration");
    CHECK_FALSE(w->autosavePending());  // a step change saves at once
    w->editSection("child");
    *w->textBuffer("child.surname") = "Phạm";
    w->tick(100.0);
    CHECK(w->autosavePending());
    w->tick(101.0);
    CHECK(w->autosavePending());  // not yet: a few seconds after the change
    w->tick(100.0 + WizardModel::kAutosaveDelay + 0.1);
    CHECK_FALSE(w->autosavePending());
    *w->textBuffer("child.given_name") = "Bình";  // typed just before the crash: not saved yet
    w->tick(103.0);
    CHECK(w->autosavePending());
    // Crash: no reset, no lock; the model simply disappears.
  }
  Reopened app2(a.tmp.path);
  WizardModel w2;
  w2.start(app2.model, rid);
  REQUIRE(w2.step() == WizardStep::Resume);
  w2.resume();
  CHECK(w2.sectionId() == "child");
  CHECK(w2.answers()["child"]["surname"] == "Phạm");
  CHECK_FALSE(w2.answers()["child"].contains("given_name"));
}

TEST_CASE("wizard: an incomplete application is refused with every problem, and saved as a draft") {
  i18n::setLang(i18n::Lang::Vi);
  UnlockedApp a;
  const std::string rid = addResident(a, mai());
  WizardModel w;
  w.start(a.model, rid);
  w.chooseProcedure("birth_registration");
  w.editSection("child");
  w.setText("child.surname", "Lê");
  w.setText("child.date_of_birth", "32/01/2025");
  CHECK_FALSE(w.confirm());
  CHECK(w.saveRefused());
  CHECK(w.step() == WizardStep::Section);
  const auto problems = w.problems();
  CHECK(problems.size() > 5);
  CHECK(std::any_of(problems.begin(), problems.end(), [](const auto& p) {
    return p.sectionId == "child" && p.fieldLabel == "Ngày, tháng, năm sinh" && !p.message.empty();
  }));
  CHECK(std::any_of(problems.begin(), problems.end(), [](const auto& p) { return p.sectionId == "requester"; }));
  // After a refusal every field shows its message, even ones never touched.
  const auto fields = w.sectionFields();
  const auto* given = findField(fields, "child.given_name");
  REQUIRE(given != nullptr);
  CHECK_FALSE(given->error.empty());
  CHECK(a.session().listApplications(rid).empty());

  REQUIRE(w.saveDraft());
  CHECK(w.step() == WizardStep::Saved);
  CHECK(w.savedAsDraft());
  CHECK(w.savedProblems().size() == problems.size());
  auto apps = a.session().listApplications(rid);
  REQUIRE(apps.size() == 1);
  CHECK(apps[0].status == "draft");
  CHECK(apps[0].problems > 5);
  CHECK_FALSE(a.session().loadAutosave("wizard")->has_value());
}

TEST_CASE("wizard: VNeID shows the practical flags and, once saved, the anti-scam card") {
  i18n::setLang(i18n::Lang::Vi);
  UnlockedApp a;
  const std::string rid = addResident(a, binh());
  WizardModel w;
  w.start(a.model, rid);
  w.chooseProcedure("vneid_level2");
  CHECK(w.isVneid());
  CHECK(w.answers()["person"]["personal_id"] == "038080001234");  // prefilled
  CHECK(w.answers()["phone"]["number"] == "0987654321");
  auto flags = w.vneidFlags();
  REQUIRE(flags.size() == 5);
  CHECK(flags[0].id == "sim_own_name");
  CHECK_FALSE(flags[0].answered);

  fillVneid(w, "no", dateFromToday(7));
  flags = w.vneidFlags();
  CHECK(flags[0].answered);
  CHECK_FALSE(flags[0].ok);
  CHECK(flags[0].value == "Không, đứng tên người khác");
  CHECK(flags[1].ok);  // own smartphone
  CHECK(flags[2].ok);  // chip card
  const auto others = w.otherWarnings();
  REQUIRE(others.size() == 1);
  CHECK(others[0].find("OTP") != std::string::npos);  // the SIM warning

  REQUIRE(w.confirm());
  const auto card = w.antiScamCard();
  CHECK(card.helper.find("Lan") != std::string::npos);
  CHECK(card.helper.find("Tổ công nghệ số cộng đồng") != std::string::npos);
  CHECK(std::find(card.lines.begin(), card.lines.end(),
                  "Công an không bao giờ hỏi mã OTP, mật khẩu hay yêu cầu chuyển tiền qua điện thoại.") !=
        card.lines.end());
}

TEST_CASE("wizard: a field's message changes when it is left, not while typing") {
  i18n::setLang(i18n::Lang::Vi);
  UnlockedApp a;
  const std::string rid = addResident(a, mai());
  WizardModel w;
  w.start(a.model, rid);
  w.chooseProcedure("birth_registration");
  auto errorOf = [&](const std::string& path) {
    const auto fields = w.sectionFields();
    const auto* f = findField(fields, path);
    REQUIRE(f != nullptr);
    return f->error;
  };
  const std::string path = "requester.phone";
  w.setText(path, "0912345678");  // valid, and left
  CHECK(errorOf(path).empty());
  *w.textBuffer(path) = "09";  // typing: half a number
  w.tick(0.0);
  CHECK(w.answers()["requester"]["phone"] == "09");  // the answer (and autosave) keeps up
  CHECK(errorOf(path).empty());                      // no message pops up under the pointer
  w.fieldLeft(path);
  const std::string shown = errorOf(path);
  CHECK_FALSE(shown.empty());       // left: now it says what is wrong
  *w.textBuffer(path) = "0912345";  // typing again: the message stays put
  w.tick(0.0);
  CHECK(errorOf(path) == shown);
  *w.textBuffer(path) = "0912345679";
  w.tick(0.0);
  CHECK(errorOf(path) == shown);
  w.fieldLeft(path);
  CHECK(errorOf(path).empty());
}

TEST_CASE("wizard: a number field typed with words says to type a number") {
  i18n::setLang(i18n::Lang::Vi);
  UnlockedApp a;
  const std::string rid = addResident(a, mai());
  WizardModel w;
  w.start(a.model, rid);
  w.chooseProcedure("birth_registration");
  w.editSection("request");
  REQUIRE(w.sectionId() == "request");
  w.setText("request.extra_copies", "hai");
  const auto fields = w.sectionFields();
  const auto* f = findField(fields, "request.extra_copies");
  REQUIRE(f != nullptr);
  CHECK(f->error == "«Số bản sao trích lục đề nghị cấp»: nhập số, ví dụ 12");
}

TEST_CASE("wizard: birth registration by the mother fills her section and the date in words") {
  i18n::setLang(i18n::Lang::Vi);
  UnlockedApp a;
  const std::string rid = addResident(a, mai());
  WizardModel w;
  w.start(a.model, rid);
  w.chooseProcedure("birth_registration");
  w.setText("requester.residence", "Thôn Đông, xã Tân Lập");
  w.setChoice("requester.relationship", "mother");
  CHECK(w.answers()["mother"]["full_name"] == "Trần Thị Mai");  // the requester, prefilled from the resident
  CHECK(w.answers()["mother"]["personal_id"] == "001195012345");
  CHECK(w.answers()["mother"]["residence"] == "Thôn Đông, xã Tân Lập");
  w.setText("requester.residence", "Thôn Tây, xã Tân Lập");  // still the copy: follows
  CHECK(w.answers()["mother"]["residence"] == "Thôn Tây, xã Tân Lập");
  w.setText("mother.residence", "Xóm Chùa");  // typed over: stays
  w.setText("requester.residence", "Thôn Bắc, xã Tân Lập");
  CHECK(w.answers()["mother"]["residence"] == "Xóm Chùa");

  std::string* words = w.textBuffer("child.date_of_birth_in_words");  // the widget already shown
  w.setText("child.date_of_birth", "05/03/2024");
  CHECK(w.answers()["child"]["date_of_birth_in_words"] == "Ngày năm tháng ba năm hai nghìn không trăm hai mươi tư");
  CHECK(*words == "Ngày năm tháng ba năm hai nghìn không trăm hai mươi tư");
  w.tick(0.0);  // the buffer does not write the old (empty) text back
  CHECK(w.answers()["child"]["date_of_birth_in_words"] == "Ngày năm tháng ba năm hai nghìn không trăm hai mươi tư");
  w.setText("child.date_of_birth", "06/03/2024");  // untouched words follow the date
  CHECK(w.answers()["child"]["date_of_birth_in_words"] == "Ngày sáu tháng ba năm hai nghìn không trăm hai mươi tư");
  w.setText("child.date_of_birth_in_words", "Ngày mồng sáu tháng ba năm hai nghìn không trăm hai mươi tư");
  w.setText("child.date_of_birth", "07/03/2024");  // the volunteer's wording stays
  CHECK(w.answers()["child"]["date_of_birth_in_words"] ==
        "Ngày mồng sáu tháng ba năm hai nghìn không trăm hai mươi tư");
}

TEST_CASE("wizard: birth registration by the father leaves the mother's section empty") {
  i18n::setLang(i18n::Lang::Vi);
  UnlockedApp a;
  const std::string rid = addResident(a, binh());
  WizardModel w;
  w.start(a.model, rid);
  w.chooseProcedure("birth_registration");
  w.setChoice("requester.relationship", "father");
  CHECK_FALSE(w.answers().contains("mother"));
}

TEST_CASE("wizard: VNeID documents the answers already vouch for start ticked") {
  i18n::setLang(i18n::Lang::Vi);
  UnlockedApp a;
  const std::string rid = addResident(a, binh());
  WizardModel w;
  w.start(a.model, rid);
  w.chooseProcedure("vneid_level2");
  fillVneid(w, "yes", dateFromToday(7));  // chip card, SIM in own name
  w.back();
  REQUIRE(w.step() == WizardStep::Documents);
  auto hasDoc = [&](const std::string& id) {
    for (const auto& d : w.documents())
      if (d.id == id) return d.has;
    FAIL("no document " << id);
    return false;
  };
  CHECK(hasDoc("identity_card"));
  CHECK(hasDoc("phone_with_sim"));
  w.setHas("phone_with_sim", false);  // the volunteer's tick wins
  CHECK_FALSE(hasDoc("phone_with_sim"));
  w.setChoice("card.card_type", "old_cmnd");
  CHECK_FALSE(hasDoc("identity_card"));  // an old CMND is not the card asked for
}

TEST_CASE("wizard: the appointment list has every saved VNeID application, dated first") {
  i18n::setLang(i18n::Lang::Vi);
  UnlockedApp a(true);  // training workspaces work the same
  const std::string b = addResident(a, binh());
  const std::string m = addResident(a, mai());
  WizardModel w;
  CHECK(w.appointments().empty());

  w.start(a.model, b);
  w.chooseProcedure("vneid_level2");
  fillVneid(w, "yes", dateFromToday(14));
  REQUIRE(w.confirm());

  w.start(a.model, m);
  w.chooseProcedure("vneid_level2");
  fillVneid(w, "unknown", dateFromToday(3));
  REQUIRE(w.confirm());

  w.start(a.model, m);
  w.chooseProcedure("birth_registration");
  REQUIRE(w.saveDraft());  // another procedure: not on the list

  w.showAppointments();
  CHECK(w.step() == WizardStep::Appointments);
  const auto list = w.appointments();
  REQUIRE(list.size() == 2);
  CHECK(list[0].name == "Trần Thị Mai");  // the earlier appointment first
  CHECK(list[0].phone == "0912345678");
  CHECK(list[0].appointmentDate == dateFromToday(3));
  CHECK(list[0].status == "ready");
  CHECK(list[0].flags[0].value == "Chưa rõ");
  CHECK_FALSE(list[0].flags[0].ok);
  CHECK(list[1].name == "Nguyễn Văn Bình");
  CHECK(list[1].flags[0].ok);
  CHECK(list[1].residentId == b);
  w.closeAppointments();
  CHECK(w.step() == WizardStep::Saved);
}

TEST_CASE("wizard: the appointment list is written as the police's PDF into the chosen folder") {
  i18n::setLang(i18n::Lang::Vi);
  UnlockedApp a(true);
  const std::string m = addResident(a, mai());
  const std::string b = addResident(a, binh());
  WizardModel w;
  w.start(a.model, m);
  w.chooseProcedure("vneid_level2");
  fillVneid(w, "yes", dateFromToday(3));
  REQUIRE(w.confirm());
  w.start(a.model, b);
  w.chooseProcedure("vneid_level2");
  REQUIRE(w.saveDraft());  // not finished: not for the police

  w.showAppointments();
  REQUIRE(w.appointments().size() == 2);
  const fs::path stick = a.tmp.path / "stick";
  fs::create_directories(stick);
  w.appointmentsFolder.path = stick.string();
  REQUIRE(w.writeAppointments());
  CHECK_FALSE(w.appointmentsError());
  CHECK(w.appointmentsMessage().find("1") != std::string::npos);
  std::vector<fs::path> pdfs;
  for (const auto& e : fs::directory_iterator(stick)) pdfs.push_back(e.path());
  REQUIRE(pdfs.size() == 1);  // the PDF and nothing else
  CHECK(pdfs[0].extension() == ".pdf");
  const std::string text = pdfText(pdfs[0]);
  CHECK(text.find("Trần Thị Mai") != std::string::npos);
  CHECK(text.find("Nguyễn Văn Bình") == std::string::npos);
  CHECK(text.find("DANH SÁCH HẸN") != std::string::npos);

  w.appointmentsFolder.path = (a.tmp.path / "no-such-folder").string();
  CHECK_FALSE(w.writeAppointments());
  CHECK(w.appointmentsError());
  CHECK_FALSE(w.appointmentsMessage().empty());
}

TEST_CASE("a saved draft reopens from home, is finished, and becomes a new revision of the same application") {
  UnlockedApp a;
  const std::string rid = addResident(a, mai());
  WizardModel w;
  w.start(a.model, rid);
  w.chooseProcedure("birth_registration");
  w.setText("child.surname", "Nguyễn");
  REQUIRE(w.saveDraft());
  const std::string appId = w.savedId();
  auto apps = a.session().listApplications(rid);
  REQUIRE(apps.size() == 1);
  REQUIRE(apps[0].status == "draft");
  const int problemsBefore = apps[0].problems;

  // Home offers to finish it for the selected resident.
  app::HomeModel home;
  home.open(a.model);
  REQUIRE(home.selectById(rid));
  CHECK(home.selectedDraft() == appId);

  w.reset();
  w.openDraft(a.model, home.selectedDraft());
  CHECK(w.error().empty());
  CHECK(w.step() == WizardStep::Section);
  CHECK(w.editingSaved());
  CHECK(w.residentName() == "Trần Thị Mai");
  CHECK(w.answers()["child"]["surname"] == "Nguyễn");  // what was typed the first time
  w.setText("child.given_name", "An");
  REQUIRE(w.saveDraft());
  CHECK(w.savedId() == appId);

  apps = a.session().listApplications(rid);
  REQUIRE(apps.size() == 1);  // the same application, not a second one
  CHECK(apps[0].problems == problemsBefore - 1);
  auto body = a.session().getApplication(appId);
  REQUIRE(body.ok());
  CHECK(body->get()["revision"] == 2);
  CHECK(body->get()["answers"]["child"]["given_name"] == "An");
  CHECK(body->get()["sync_state"] == "unsynced");

  // A stale revision (the draft changed meanwhile) is refused, plainly, and nothing changes.
  const auto* form = a.model.forms().find("birth_registration");
  auto stale = a.session().updateApplication(appId, *form, body->get()["answers"], true, 1, nullptr);
  REQUIRE_FALSE(stale.ok());
  CHECK(stale.error().code == "record.conflict");
  CHECK(a.session().getApplication(appId)->get()["revision"] == 2);
  // Not a draft any more once it validates; invalid and not a draft is refused.
  auto refused = a.session().updateApplication(appId, *form, body->get()["answers"], false, 2, nullptr);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "application.invalid");
}

TEST_CASE("wizard: drop-down lists narrow as the volunteer types, without diacritics or đ") {
  std::vector<app::WizardChoice> choices = {{"kinh", "Kinh"}, {"ede", "Ê Đê"}, {"hmong", "H'Mông"}, {"dao", "Dao"}};
  auto values = [&](std::string_view typed) {
    std::vector<std::string> out;
    for (const auto* c : app::filterChoices(choices, typed)) out.push_back(c->value);
    return out;
  };
  CHECK(values("") == std::vector<std::string>{"kinh", "ede", "hmong", "dao"});
  CHECK(values("kinh") == std::vector<std::string>{"kinh"});
  CHECK(values("e de") == std::vector<std::string>{"ede"});
  CHECK(values("ĐÊ") == std::vector<std::string>{"ede"});
  CHECK(values("mong") == std::vector<std::string>{"hmong"});
  CHECK(values("D") == std::vector<std::string>{"ede", "dao"});
  CHECK(values("xyz").empty());
}

TEST_CASE("wizard: the autosave deadline is a time the event loop waits for, not a thread") {
  i18n::setLang(i18n::Lang::Vi);
  UnlockedApp a;
  const std::string rid = addResident(a, mai());
  WizardModel w;
  w.start(a.model, rid);
  CHECK_FALSE(w.nextDeadline());
  w.chooseProcedure("birth_registration");
  CHECK_FALSE(w.nextDeadline());  // a step change saves at once
  *w.textBuffer("requester.residence") = "Thôn Đông";
  w.tick(50.0);  // the typed text reaches the answers: the delay starts
  REQUIRE(w.nextDeadline());
  CHECK(*w.nextDeadline() == doctest::Approx(50.0 + WizardModel::kAutosaveDelay));
  w.tick(51.0);
  CHECK(w.autosavePending());
  w.tick(*w.nextDeadline());  // the loop woke at the deadline
  CHECK_FALSE(w.autosavePending());
  CHECK_FALSE(w.nextDeadline());
  auto slot = a.session().loadAutosave("wizard");
  REQUIRE(slot.ok());
  REQUIRE(slot->has_value());
  CHECK((*slot)->get()["drafts"][rid]["answers"]["requester"]["residence"] == "Thôn Đông");

  // A change between ticks (a click) asks for a tick at once; that tick starts the delay.
  w.setChoice("requester.relationship", "mother");
  REQUIRE(w.nextDeadline());
  CHECK(*w.nextDeadline() <= 52.0);
  w.tick(53.0);
  CHECK(*w.nextDeadline() == doctest::Approx(53.0 + WizardModel::kAutosaveDelay));
  w.reset();  // saves, and nothing is pending any more
  CHECK_FALSE(w.nextDeadline());
}

TEST_CASE("wizard: the appointment list is read when its step is entered, not on every frame") {
  i18n::setLang(i18n::Lang::Vi);
  UnlockedApp a;
  const std::string b = addResident(a, binh());
  const std::string m = addResident(a, mai());
  WizardModel w;
  w.start(a.model, b);
  w.chooseProcedure("vneid_level2");
  fillVneid(w, "yes", dateFromToday(14));
  REQUIRE(w.confirm());
  CHECK_FALSE(w.antiScamCard().helper.empty());  // made once, at the save
  w.showAppointments();
  REQUIRE(w.appointments().size() == 1);

  // Another application saved meanwhile (another window of time): the open list is not re-read ...
  const auto* form = a.model.forms().find("vneid_level2");
  json answers = {{"person", {{"full_name", "Trần Thị Mai"}}}};
  REQUIRE(a.session().newApplication(*form, m, answers, true, nullptr, nullptr).ok());
  CHECK(w.appointments().size() == 1);
  // ... until the step is entered again.
  w.closeAppointments();
  CHECK(w.appointments().empty());
  w.showAppointments();
  CHECK(w.appointments().size() == 2);
}

TEST_CASE("wizard: each new step or section is reported once, so the screen opens it at its top") {
  UnlockedApp a;
  const std::string rid = addResident(a, mai());
  WizardModel w;
  w.start(a.model, rid);
  CHECK(w.takeStepChanged());  // the procedure list, first shown
  CHECK_FALSE(w.takeStepChanged());
  w.chooseProcedure("birth_registration");
  CHECK(w.takeStepChanged());
  CHECK_FALSE(w.takeStepChanged());  // typing on the same page keeps its scroll
  w.setText("requester.residence", "Thôn Đông, xã Tân Lập");
  CHECK_FALSE(w.takeStepChanged());
  fillBirth(w, dateFromToday(-70));  // sections in between
  CHECK(w.takeStepChanged());
  REQUIRE(w.next());
  REQUIRE(w.step() == WizardStep::Documents);
  CHECK(w.takeStepChanged());
  REQUIRE(w.next());
  REQUIRE(w.step() == WizardStep::ReadBack);
  CHECK(w.takeStepChanged());  // the read-back opens at the requester, not the documents' scroll
  CHECK_FALSE(w.takeStepChanged());
  w.back();
  CHECK(w.takeStepChanged());
  REQUIRE(w.next());
  CHECK(w.takeStepChanged());

  w.reset();  // a new application later starts at the top of the procedure list again
  w.start(a.model, rid);
  CHECK(w.takeStepChanged());
}
