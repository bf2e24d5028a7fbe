// The review queue (filters, order) and one application opened, decided and printed through the
// hub's own calls: `gocua-hub review set` and `print` see exactly what the desk did.
#include <chrono>
#include <cstdlib>
#include <set>
#include <thread>

#include "office/model/errors.h"
#include "office_fixture.h"

using namespace officetest;

namespace {

// Two villages, three applications received on different days.
void receiveThree(DeskFixture& f) {
  auto birth = sampleAnswers("birth_registration");
  auto ct01 = sampleAnswers("residence_ct01");
  f.import(makeBatch(f.device, 1,
                     {residentLine(1, 1, "Trần Thị Bình"), residentLine(2, 1, "Lò Văn Pấng", {{"village", "Thôn 2"}}),
                      applicationLine(10, "birth_registration", birth, 1)},
                     f.hubBox()));
  f.import(makeBatch(f.device, 2, {applicationLine(11, "residence_ct01", ct01, 2)}, f.hubBox()));
  f.import(makeBatch(f.device, 3, {applicationLine(12, "birth_registration", birth, 2)}, f.hubBox()));
}

}  // namespace

TEST_CASE("queue: applications oldest first with the resident's name and village; filters narrow it") {
  DeskFixture f;
  f.unlock();
  receiveThree(f);
  f.desk.goQueue();
  auto& q = f.desk.queue;
  REQUIRE(q.total() == 3);
  REQUIRE(q.rows().size() == 3);
  CHECK(q.rows()[0].id == uuid(10));
  CHECK(q.rows()[0].name == "Trần Thị Bình");
  CHECK(q.rows()[0].village == "Thôn 1");
  CHECK(q.rows()[0].status == "new");
  CHECK(q.rows()[0].procedureTitle == f.session->form("birth_registration")->title(i18n::lang()));
  CHECK(q.rows()[1].name == "Lò Văn Pấng");
  CHECK(q.rows()[1].village == "Thôn 2");
  for (std::size_t i = 1; i < q.rows().size(); ++i) CHECK(q.rows()[i - 1].receivedAt <= q.rows()[i].receivedAt);
  CHECK(q.villages() == std::vector<std::string>{"Thôn 1", "Thôn 2"});
  REQUIRE(q.procedures().size() == 2);

  q.village = "Thôn 2";
  q.apply();
  CHECK(q.rows().size() == 2);
  q.procedure = "birth_registration";
  q.apply();
  REQUIRE(q.rows().size() == 1);
  CHECK(q.rows()[0].id == uuid(12));

  REQUIRE(f.session->setReview(uuid(12), "accepted", "").ok());
  f.desk.queue.reload(f.desk.model);  // the filter stays
  q.status = "new";
  q.apply();
  CHECK(q.rows().empty());
  q.status = "accepted";
  q.apply();
  REQUIRE(q.rows().size() == 1);
  CHECK(statusLabel(q.rows()[0].status) == i18n::tr("office.status.accepted"));

  // A value none of the rows has (a village since renamed, a status from elsewhere) keeps nothing.
  q.village = "Thôn Mới";
  q.apply();
  CHECK(q.rows().empty());
  q.village = "Thôn 2";
  q.status = "archived";
  q.apply();
  CHECK(q.rows().empty());
}

TEST_CASE("record: the resident and the answers in words; needs documents wants a note; the hub has it audited") {
  DeskFixture f;
  f.unlock();
  receiveThree(f);
  f.desk.goQueue();
  f.desk.openRecord(uuid(10));
  REQUIRE(f.desk.model.screen() == Screen::Record);
  auto& r = f.desk.record;
  CHECK(r.status() == "new");
  CHECK(r.resident().found);
  CHECK(r.resident().name == "Trần Thị Bình");
  CHECK(r.resident().dateOfBirth == "01/02/1990");
  CHECK(r.resident().village == "Thôn 1");
  REQUIRE_FALSE(r.sections().empty());
  // Choice labels and dates as the form writes them, section by section.
  const auto* form = f.session->form("birth_registration");
  CHECK(r.sections()[0].title == form->root().children[0].label.in(i18n::lang()));
  auto lineOf = [&](const std::string& label) -> std::string {
    for (const auto& s : r.sections())
      for (const auto& l : s.lines)
        if (l.label == label) return l.value;
    return "(none)";
  };
  CHECK(lineOf(form->field("child.sex")->label.in(i18n::lang())) ==
        form->field("child.sex")->findChoice("female")->label.vi);
  CHECK(lineOf(form->field("child.date_of_birth")->label.in(i18n::lang())) == "01/11/2025");
  CHECK(lineOf(form->field("child.given_name")->label.in(i18n::lang())) == "Anh");

  // Needs documents: no note, no decision.
  r.draft.choose("needs_documents");
  CHECK(r.draft.noteRequired());
  CHECK_FALSE(r.draft.canDecide());
  CHECK_FALSE(r.decide(f.desk.model));
  CHECK(r.error() == i18n::message(Error::make(err::kOfficeNoteRequired)));
  const auto templates = r.draft.noteTemplates();
  REQUIRE_FALSE(templates.empty());
  CHECK(templates[0] == "Thiếu giấy chứng sinh");
  r.draft.useTemplate(0);
  r.draft.useTemplate(1);
  CHECK(r.draft.note == templates[0] + "; " + templates[1]);
  REQUIRE(r.decide(f.desk.model));
  CHECK(r.status() == "needs_documents");
  CHECK(r.draft.note.empty());

  // The laptop's next status receipt carries the decision and the note sealed to it.
  auto receipt = f.receipt(*f.session->statusReceipt(f.device.keys.publicKey), f.device);
  REQUIRE(receipt.updates.size() == 1);
  CHECK(receipt.updates[0].id == uuid(10));
  CHECK(*sync::openNote(receipt.updates[0].sealedNote, f.device.box) == templates[0] + "; " + templates[1]);
  auto audit = f.hub->auditLog("");
  REQUIRE(audit.ok());
  REQUIRE_FALSE(audit->empty());
  CHECK(audit->back().staff == hub::kFirstStaffName);
  CHECK(audit->back().action == "review.needs_documents");
  CHECK(audit->back().target == uuid(10));

  // Returned wants a reason too; accepted sends no note.
  r.draft.choose("returned");
  CHECK_FALSE(r.draft.canDecide());
  r.draft.note = "   ";
  CHECK_FALSE(r.draft.canDecide());
  r.draft.choose("accepted");
  CHECK(r.draft.canDecide());
  REQUIRE(r.decide(f.desk.model));
  CHECK((*f.hub->records(std::nullopt))[2].reviewStatus == std::optional<std::string>("accepted"));
}

TEST_CASE("record: the declaration printed into the chosen folder, audited as gocua-hub print is") {
  DeskFixture f;
  f.unlock();
  receiveThree(f);
  f.desk.openRecord(uuid(10));
  auto& r = f.desk.record;
  r.printFolder.path = (f.home.path / "missing").string();
  CHECK_FALSE(r.print(f.desk.model));
  r.printFolder.path = f.home.path.string();
  REQUIRE(r.print(f.desk.model));
  CHECK(r.lastPrinted().parent_path() == f.home.path);
  CHECK(r.lastPrinted().extension() == ".pdf");
  CHECK(readAll(r.lastPrinted()).rfind("%PDF-", 0) == 0);
  REQUIRE(r.print(f.desk.model));  // again: a second file, the first kept
  CHECK(r.lastPrinted().filename().string().find("-2.pdf") != std::string::npos);
  auto audit = f.hub->auditLog("");
  REQUIRE(audit.ok());
  CHECK(audit->back().action == "print");
  CHECK(audit->back().target == uuid(10));
}

TEST_CASE("record: an id the hub does not have stays on the queue with the reason") {
  DeskFixture f;
  f.unlock();
  f.desk.goQueue();
  f.desk.openRecord(uuid(77));
  CHECK(f.desk.model.screen() == Screen::Queue);
  CHECK(f.desk.model.notice().error);
  CHECK(f.desk.model.notice().text == i18n::message(Error::fromText("hub.record_not_found")));
  CHECK_FALSE(f.desk.record.holdsPlaintext());
}

TEST_CASE("settings: the display settings are saved in their own file and read back") {
  DeskFixture f;
  f.desk.goSettings();
  f.desk.settings.draft.fontScalePercent = 200;
  f.desk.settings.draft.highContrast = true;
  CHECK(f.desk.settings.apply(f.desk.model));
  CHECK_FALSE(f.desk.settings.apply(f.desk.model));  // nothing changed the looks
  Desk again(OfficeOptions{f.tmp.path / "hub", "", f.home.path / "office.json", ""},
             ui::FolderPicker::Roots{{}, f.home.path});
  again.model.start();
  CHECK(again.model.settings().fontScalePercent == 200);
  CHECK(again.model.settings().highContrast);
  writeAll(f.home.path / "office.json", "not json");
  Desk broken(OfficeOptions{f.tmp.path / "hub", "", f.home.path / "office.json", ""},
              ui::FolderPicker::Roots{{}, f.home.path});
  broken.model.start();
  CHECK(broken.model.notice().error);
  CHECK(broken.model.settings().fontScalePercent == 100);
}

TEST_CASE("queue: one decision for exactly the applications the filter shows, asked with their count") {
  DeskFixture f;
  f.unlock();
  receiveThree(f);
  f.desk.goQueue();
  auto& q = f.desk.queue;
  q.procedure = "birth_registration";
  q.apply();
  REQUIRE(q.rows().size() == 2);

  q.bulk.choose("needs_documents");
  q.askBulk();
  CHECK_FALSE(q.confirmingBulk());  // a note is required first
  q.bulk.useTemplate(0);
  const std::string note = q.bulk.note;
  q.askBulk();
  REQUIRE(q.confirmingBulk());
  CHECK(q.bulkCount() == 2);
  q.procedure.clear();  // the filter changes after asking: only the two asked about are decided
  q.apply();
  CHECK(q.rows().size() == 3);
  CHECK(q.applyBulk(f.desk.model) == 2);
  CHECK_FALSE(q.confirmingBulk());
  CHECK(q.bulk.decision.empty());
  CHECK(q.bulk.note.empty());
  CHECK(f.desk.model.notice().text.find("2") != std::string::npos);

  auto decided = f.hub->records(hub::RecordFilter{.status = "needs_documents"});
  REQUIRE(decided.ok());
  std::set<std::string> ids;
  for (const auto& r : *decided) ids.insert(r.id);
  CHECK(ids == std::set<std::string>{uuid(10), uuid(12)});
  CHECK(q.rows().size() == 3);  // re-read with the filter as it stood
  for (const auto& row : q.rows()) CHECK(row.status == (row.id == uuid(11) ? "new" : "needs_documents"));
  auto audit = f.hub->auditLog("");
  REQUIRE(audit.ok());
  CHECK(audit->back().action == "review.needs_documents");

  q.bulk.choose("accepted");
  q.askBulk();
  q.cancelBulk();  // "Thôi": nothing recorded
  CHECK(q.applyBulk(f.desk.model) == 0);
  auto accepted = f.hub->records(hub::RecordFilter{.status = "accepted"});
  REQUIRE(accepted.ok());
  CHECK(accepted->empty());
}

TEST_CASE("queue: by volunteer, by the day received and by deadline (births 60 days, deaths 15)") {
  DeskFixture f;
  f.unlock();
  const core::Date today = core::today();
  auto bornAgo = [&](int days) {
    auto birth = sampleAnswers("birth_registration");
    birth["child"]["date_of_birth"] = core::formatDate(core::dateFromDays(core::daysSinceEpoch(today) - days));
    return birth;
  };
  json byMinh = json::parse(applicationLine(13, "residence_ct01", sampleAnswers("residence_ct01"), 1));
  byMinh["volunteer"] = "Minh";
  REQUIRE(f.import(makeBatch(f.device, 1,
                             {residentLine(1), applicationLine(10, "birth_registration", bornAgo(75), 1),
                              applicationLine(11, "birth_registration", bornAgo(55), 1),
                              applicationLine(12, "birth_registration", bornAgo(5), 1), byMinh.dump()},
                             f.hubBox()))
              .accepted == 5);
  auto& q = f.desk.queue;
  q.open(f.desk.model, today);
  REQUIRE(q.rows().size() == 4);
  CHECK(q.volunteers() == std::vector<std::string>{"Lan", "Minh"});
  auto ids = [&] {
    std::set<std::string> out;
    for (const auto& r : q.rows()) out.insert(r.id);
    return out;
  };

  q.volunteer = "Minh";
  q.apply();
  CHECK(ids() == std::set<std::string>{uuid(13)});
  q.volunteer.clear();

  q.deadline = "near_or_passed";
  q.apply();
  CHECK(ids() == std::set<std::string>{uuid(10), uuid(11)});
  q.deadline = "passed";
  q.apply();
  REQUIRE(ids() == std::set<std::string>{uuid(10)});
  CHECK(deadlineLabel(q.rows()[0]) == i18n::tr("office.queue.deadline_passed", {{"days", "15"}}));
  // Accepted, it is no longer late for the desk.
  REQUIRE(f.session->setReview(uuid(10), "accepted", "").ok());
  q.open(f.desk.model, today);
  CHECK(ids().empty());
  q.deadline.clear();

  // Received today: in "today", "7d" and "30d"; seen from 10 days later only in "30d".
  for (const char* range : {"today", "7d", "30d"}) {
    q.received = range;
    q.apply();
    CHECK_MESSAGE(q.rows().size() == 4, range);
  }
  const core::Date later = core::dateFromDays(core::daysSinceEpoch(today) + 10);
  q.open(f.desk.model, later);
  q.received = "7d";
  q.apply();
  CHECK(q.rows().empty());
  q.received = "30d";
  q.apply();
  CHECK(q.rows().size() == 4);
  // Ten days on, the 55-day-old birth is late too.
  q.received.clear();
  q.deadline = "passed";
  q.apply();
  CHECK(ids() == std::set<std::string>{uuid(11)});

  q.clearFilter();
  CHECK(q.volunteer.empty());
  CHECK(q.received.empty());
  CHECK(q.deadline.empty());
}

TEST_CASE("record: documents to bring, the history with staff names, the decision waiting then sent back") {
  DeskFixture f;
  f.unlock();
  receiveThree(f);
  f.desk.goQueue();
  f.desk.openRecord(uuid(10));
  auto& r = f.desk.record;
  // The checklist is the form's for these answers, each line in words.
  const auto expected =
      f.session->form("birth_registration")->checklist(sampleAnswers("birth_registration"), core::today());
  REQUIRE(r.documents().size() == expected.size());
  CHECK(r.documents()[0].label == expected[0].vi);
  CHECK(r.documents()[0].required == expected[0].required);
  REQUIRE(r.history().size() == 1);
  CHECK(r.history()[0].what == i18n::tr("office.history.received", {{"revision", "1"}, {"volunteer", "Lan"}}));
  CHECK(r.delivery().empty());  // no decision yet

  r.draft.choose("needs_documents");
  r.draft.useTemplate(0);
  REQUIRE(r.decide(f.desk.model));
  REQUIRE(r.history().size() == 2);
  CHECK(r.history()[1].what == i18n::tr("office.history.decided", {{"staff", std::string(hub::kFirstStaffName)},
                                                                   {"status", statusLabel("needs_documents")}}));
  CHECK(r.delivery() == i18n::tr("office.record.delivery_waiting"));

  // The laptop's next batch is answered with a receipt that carries the decision. The hub's
  // clock counts whole seconds: the batch must come after the decision's second.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  REQUIRE(f.import(makeBatch(f.device, 4, {residentLine(3)}, f.hubBox())).accepted == 1);
  f.desk.openRecord(uuid(10));
  CHECK(r.delivery() == i18n::tr("office.record.delivered", {{"day", core::formatDate(core::today())}}));
  f.desk.lock();
  CHECK(r.history().empty());
  CHECK(r.documents().empty());
}
