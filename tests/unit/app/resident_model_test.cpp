// The resident editor's view-model over a real workspace: checks when a field is left, the ID
// number against date of birth and sex, the duplicate panel, saving (new, edit, conflict,
// household), consent, and wiping at lock.
#include <doctest/doctest.h>

#include <memory>

#include "app/model/home_model.h"
#include "app/model/resident_model.h"
#include "app_fixture.h"
#include "core/date.h"
#include "core/i18n.h"

using namespace apptest;
using app::ResidentField;
using app::ResidentModel;
using nlohmann::json;

namespace {

std::string msg(const char* code) { return gocua::i18n::message(gocua::Error::fromText(code)); }

// A workspace holding Nguyễn Thị Hoà (born 12/05/1952, ID 001152654321) in Thôn Đông.
struct WithHoa : UnlockedApp {
  std::string hoa;
  WithHoa() {
    gocua::i18n::setLang(gocua::i18n::Lang::Vi);
    Errors problems;
    auto added = session().addResident(
        {{"full_name", "Nguyễn Thị Hoà"},
         {"date_of_birth", "12/05/1952"},
         {"sex", "female"},
         {"personal_id", "001152654321"},
         {"village", "Thôn Đông"},
         {"consent", {{"given_by", "Nguyễn Thị Hoà"}, {"method", "signed"}, {"date", "01/03/2025"}}}},
        &problems);
    REQUIRE(added.ok());
    hoa = added->id;
  }
};

// Fills a valid new resident: Trần Văn Nam, born 1950, male, ID 001050123456, spoken consent.
void fillValid(ResidentModel& m) {
  m.fullName = "Trần Văn Nam";
  m.leave(ResidentField::FullName);
  m.dateOfBirth = "05/03/1950";
  m.leave(ResidentField::DateOfBirth);
  m.setSex(ResidentModel::Sex::Male);
  m.personalId = "001 050 123456";
  m.leave(ResidentField::PersonalId);
  m.phone = "+84 912 000 111";
  m.leave(ResidentField::Phone);
  m.village = "Thôn Đông";
  m.leave(ResidentField::Village);
  m.setConsentMethod("spoken");
}

}  // namespace

TEST_CASE("resident: each field is checked when it is left, and the message goes once fixed") {
  WithHoa w;
  ResidentModel m;
  m.openNew(w.model);
  CHECK(m.isNew());
  CHECK(m.takeFocusRequest());
  CHECK_FALSE(m.dirty());

  m.fullName = "Nguyễn 2";
  m.leave(ResidentField::FullName);
  CHECK(m.message(ResidentField::FullName) == msg("name.invalid_char"));
  m.fullName = "  Lê   Thị  Mai ";
  m.leave(ResidentField::FullName);
  CHECK(m.message(ResidentField::FullName).empty());
  CHECK(m.fullName == "Lê Thị Mai");
  CHECK(m.consentGivenBy == "Lê Thị Mai");  // consent by the resident unless someone else is named

  m.dateOfBirth = "30/02/2020";
  m.leave(ResidentField::DateOfBirth);
  CHECK(m.message(ResidentField::DateOfBirth) == msg("date.invalid"));
  m.dateOfBirth = "1/1/2999";
  m.leave(ResidentField::DateOfBirth);
  CHECK_FALSE(m.message(ResidentField::DateOfBirth).empty());
  m.dateOfBirth = "1948";  // year only, for the elderly
  m.leave(ResidentField::DateOfBirth);
  CHECK(m.message(ResidentField::DateOfBirth).empty());
  CHECK(m.dateOfBirth == "1948");
  m.dateOfBirth = "5.3.1948";
  m.leave(ResidentField::DateOfBirth);
  CHECK(m.dateOfBirth == "05/03/1948");

  m.phone = "0123456789";
  m.leave(ResidentField::Phone);
  CHECK(m.message(ResidentField::Phone) == msg("phone.prefix"));
  m.phone = "+84 912 345 678";
  m.leave(ResidentField::Phone);
  CHECK(m.message(ResidentField::Phone).empty());
  CHECK(m.phone == "0912345678");
  CHECK(m.phoneNote() == gocua::i18n::tr("app.resident.carrier", {{"carrier", "VinaPhone"}}));

  m.personalId = "12345";
  m.leave(ResidentField::PersonalId);
  CHECK(m.message(ResidentField::PersonalId) == msg("personal_id.format"));
  m.personalId = "";  // optional: newborns have none yet
  m.leave(ResidentField::PersonalId);
  CHECK(m.message(ResidentField::PersonalId).empty());

  m.consentGivenBy = "Bà\tTư";
  m.leave(ResidentField::ConsentGivenBy);
  CHECK(m.message(ResidentField::ConsentGivenBy) == msg("name.control_char"));
  CHECK(m.dirty());
}

TEST_CASE("resident: the ID number is checked against date of birth and sex, whichever changes") {
  WithHoa w;
  ResidentModel m;
  m.openNew(w.model);
  m.dateOfBirth = "05/03/1950";
  m.leave(ResidentField::DateOfBirth);
  m.setSex(ResidentModel::Sex::Male);
  m.personalId = "001050123456";
  m.leave(ResidentField::PersonalId);
  CHECK(m.message(ResidentField::PersonalId).empty());
  CHECK(m.personalIdNote() == gocua::i18n::tr("app.resident.birth_province", {{"province", "Hà Nội"}}));

  m.setSex(ResidentModel::Sex::Female);
  CHECK(m.message(ResidentField::PersonalId) == msg("personal_id.sex"));
  CHECK(m.personalIdNote().empty());
  m.setSex(ResidentModel::Sex::Male);
  CHECK(m.message(ResidentField::PersonalId).empty());

  m.dateOfBirth = "1960";
  m.leave(ResidentField::DateOfBirth);
  CHECK(m.message(ResidentField::PersonalId) == msg("personal_id.year"));
  m.dateOfBirth = "2050";  // also in the future, but the century digit disagrees first
  m.leave(ResidentField::DateOfBirth);
  CHECK_FALSE(m.message(ResidentField::DateOfBirth).empty());
  m.dateOfBirth = "1950";
  m.leave(ResidentField::DateOfBirth);
  CHECK(m.message(ResidentField::PersonalId).empty());
}

TEST_CASE("resident: a possible duplicate shows while typing, and the same ID number is certain") {
  WithHoa w;
  ResidentModel m;
  m.openNew(w.model);
  m.fullName = "nguyễn thị hòa";  // other case, old tone placement
  m.leave(ResidentField::FullName);
  CHECK_FALSE(m.duplicate());  // no date of birth yet
  m.dateOfBirth = "12/5/1952";
  m.leave(ResidentField::DateOfBirth);
  REQUIRE(m.duplicate());
  CHECK(m.duplicate()->id == w.hoa);
  CHECK(m.duplicate()->name == "Nguyễn Thị Hoà");
  CHECK(m.duplicate()->dateOfBirth == "12/05/1952");
  CHECK(m.duplicate()->village == "Thôn Đông");
  CHECK_FALSE(m.duplicate()->samePersonalId);
  m.dateOfBirth = "1953";
  m.leave(ResidentField::DateOfBirth);
  CHECK_FALSE(m.duplicate());

  ResidentModel other;
  other.openNew(w.model);
  other.fullName = "Hoàng Văn Tư";
  other.leave(ResidentField::FullName);
  other.personalId = "001152654321";
  other.leave(ResidentField::PersonalId);
  REQUIRE(other.duplicate());
  CHECK(other.duplicate()->samePersonalId);
  CHECK(other.duplicate()->id == w.hoa);

  // Opening the resident herself shows no panel about herself.
  ResidentModel self;
  self.openExisting(w.model, w.hoa);
  self.leave(ResidentField::PersonalId);
  self.leave(ResidentField::DateOfBirth);
  CHECK_FALSE(self.duplicate());
}

TEST_CASE("resident: saving a new resident puts them in the index and the search") {
  WithHoa w;
  ResidentModel m;
  m.openNew(w.model);
  fillValid(m);
  CHECK(m.personalId == "001050123456");
  CHECK(m.phone == "0912000111");
  REQUIRE(m.save(w.model));
  CHECK_FALSE(m.isNew());
  CHECK(m.revision() == 1);
  CHECK_FALSE(m.dirty());
  CHECK(w.model.notice().text == gocua::i18n::tr("app.resident.saved", {{"name", "Trần Văn Nam"}}));
  CHECK(w.session().index().size() == 2);
  auto hits = w.session().searchResidents("tran nam", 5);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]["id"] == m.residentId());
  auto stored = w.session().getResident(m.residentId());
  REQUIRE(stored.ok());
  CHECK(stored->get()["consent"]["given_by"] == "Trần Văn Nam");
  CHECK(stored->get()["consent"]["method"] == "spoken");
  CHECK(stored->get()["consent"]["date"] == gocua::core::formatDate(gocua::core::today()));
  CHECK(stored->get()["village"] == "Thôn Đông");

  // Home finds the new resident at once.
  app::HomeModel home;
  home.open(w.model);
  home.query = "001050";
  home.queryChanged();
  REQUIRE(home.rowCount() == 1);
  CHECK(home.row(0).id == m.residentId());
}

TEST_CASE("resident: save refuses with every problem next to its field and stores nothing") {
  WithHoa w;
  ResidentModel m;
  m.openNew(w.model);
  CHECK_FALSE(m.save(w.model));
  CHECK(m.message(ResidentField::FullName) == msg("name.empty"));
  CHECK(m.message(ResidentField::DateOfBirth) == gocua::i18n::tr("app.resident.required.date_of_birth"));
  CHECK(m.message(ResidentField::Sex) == gocua::i18n::tr("app.resident.required.sex"));
  CHECK(m.message(ResidentField::ConsentMethod) == gocua::i18n::tr("app.resident.required.consent"));
  // The fields may be out of sight: the message under the buttons names them.
  CHECK(m.formError() == gocua::i18n::tr("app.resident.fix_problems",
                                         {{"fields", "Họ và tên, Ngày sinh, Giới tính, Người đồng ý, Cách đồng ý"}}));
  // The line follows the fixes (issue 16: it used to stay after every field was fixed).
  m.fullName = "Lò Văn Pấng";
  m.leave(ResidentField::FullName);
  CHECK(m.formError() ==
        gocua::i18n::tr("app.resident.fix_problems", {{"fields", "Ngày sinh, Giới tính, Người đồng ý, Cách đồng ý"}}));
  fillValid(m);
  for (auto f : {ResidentField::FullName, ResidentField::DateOfBirth, ResidentField::ConsentGivenBy}) m.leave(f);
  CHECK(m.formError().empty());

  fillValid(m);
  m.personalId = "001152654321";  // Hoà's number
  m.dateOfBirth = "1952";
  m.setSex(ResidentModel::Sex::Female);
  m.leave(ResidentField::PersonalId);
  CHECK_FALSE(m.save(w.model));
  CHECK(m.message(ResidentField::PersonalId) == gocua::i18n::tr("app.resident.duplicate_id"));
  CHECK(m.message(ResidentField::FullName).empty());
  CHECK(w.session().index().size() == 1);
  CHECK(m.isNew());
}

TEST_CASE("resident: editing keeps the consent date; a stale revision is refused as a conflict") {
  WithHoa w;
  ResidentModel m;
  m.openExisting(w.model, w.hoa);
  REQUIRE(m.loadError().empty());
  CHECK_FALSE(m.isNew());
  CHECK(m.revision() == 1);
  CHECK(m.fullName == "Nguyễn Thị Hoà");
  CHECK(m.sex() == ResidentModel::Sex::Female);
  CHECK(m.consentMethod() == "signed");
  CHECK(m.consentDate() == "01/03/2025");
  CHECK_FALSE(m.takeFocusRequest());  // the cursor goes to the name only on a new form
  CHECK(m.takeScrollTopRequest());

  m.phone = "0987654321";
  m.leave(ResidentField::Phone);
  REQUIRE(m.save(w.model));
  CHECK(m.revision() == 2);
  auto stored = w.session().getResident(w.hoa);
  REQUIRE(stored.ok());
  CHECK(stored->get()["phone"] == "0987654321");
  CHECK(stored->get()["consent"]["date"] == "01/03/2025");

  // Someone else saves revision 3 meanwhile (another screen, an import).
  json other = stored->get();  // a copy the test edits
  for (const char* k : {"id", "revision", "sync_state"}) other.erase(k);
  other["notes"] = "Đã chuyển sang nhà con gái";
  Errors problems;
  REQUIRE(w.session().updateResident(w.hoa, other, 2, &problems).ok());

  m.notes = "Ghi chú khác";
  m.leave(ResidentField::Notes);
  CHECK_FALSE(m.save(w.model));
  CHECK(m.conflict());
  CHECK(m.formError() == msg("record.conflict"));
  auto after = w.session().getResident(w.hoa);
  REQUIRE(after.ok());
  CHECK(after->get()["notes"] == "Đã chuyển sang nhà con gái");  // nothing overwritten

  m.openExisting(w.model, "0190a0b0-0000-7000-8000-000000000000");
  CHECK_FALSE(m.loadError().empty());
}

TEST_CASE("resident: a new household is created with the resident and offered for the village") {
  WithHoa w;
  const auto before = w.session().households();
  ResidentModel m;
  m.openNew(w.model);
  fillValid(m);
  CHECK(m.households().empty());
  m.chooseHousehold(ResidentModel::kNewHousehold);
  REQUIRE(m.save(w.model));
  CHECK(w.session().households() == before + 1);
  auto stored = w.session().getResident(m.residentId());
  REQUIRE(stored.ok());
  REQUIRE(stored->get().contains("household_id"));
  REQUIRE(m.households().size() == 1);
  CHECK(m.household() == 0);

  ResidentModel next;
  next.openNew(w.model);
  next.presetVillage("thôn đông");
  CHECK_FALSE(next.dirty());
  REQUIRE(next.households().size() == 1);
  CHECK(next.households()[0].id == stored->get()["household_id"]);
  CHECK(next.households()[0].members == 1);
  next.chooseVillage("Xóm Chùa");
  CHECK(next.households().empty());

  // Without a village there is nowhere to put a new household.
  ResidentModel none;
  none.openNew(w.model);
  fillValid(none);
  none.personalId = "";
  none.village = "";
  none.leave(ResidentField::Village);
  none.chooseHousehold(ResidentModel::kNewHousehold);
  CHECK_FALSE(none.save(w.model));
  CHECK(none.message(ResidentField::Household) == gocua::i18n::tr("app.resident.household_needs_village"));
}

TEST_CASE("resident: village suggestions come from the workspace and narrow as you type") {
  WithHoa w;
  ResidentModel m;
  m.openNew(w.model);
  CHECK(m.villageSuggestions() == std::vector<std::string>{"Thôn Đông"});
  m.village = "dong";
  CHECK(m.villageSuggestions() == std::vector<std::string>{"Thôn Đông"});
  m.village = "Bản";
  CHECK(m.villageSuggestions().empty());
  m.chooseVillage("Thôn Đông");
  CHECK(m.villageSuggestions().empty());  // already chosen
  CHECK(m.dirty());
}

TEST_CASE("resident: leaving asks once only when something was typed; reset wipes every field") {
  WithHoa w;
  ResidentModel m;
  m.openNew(w.model);
  CHECK(m.requestLeave(app::Screen::Home));  // nothing typed: closes at once
  CHECK_FALSE(m.isOpen());
  m.openNew(w.model);
  fillValid(m);
  CHECK_FALSE(m.requestLeave(app::Screen::Sync));
  CHECK(m.leaving() == app::Screen::Sync);
  m.stay();
  CHECK_FALSE(m.leaving().has_value());
  CHECK(m.fullName == "Trần Văn Nam");
  CHECK_FALSE(m.requestLeave(app::Screen::Home));
  CHECK(m.leaveDiscarding() == app::Screen::Home);
  CHECK_FALSE(m.holdsPlaintext());
  m.openNew(w.model);
  CHECK_FALSE(m.draftOffered());  // discarded: nothing to offer

  m.openExisting(w.model, w.hoa);
  m.fullName = "x1";
  m.leave(ResidentField::FullName);
  m.reset();
  CHECK(m.fullName.empty());
  CHECK(m.personalId.empty());
  CHECK(m.dateOfBirth.empty());
  CHECK(m.village.empty());
  CHECK(m.consentGivenBy.empty());
  CHECK(m.consentMethod().empty());
  CHECK(m.residentId().empty());
  CHECK(m.message(ResidentField::FullName).empty());
  CHECK_FALSE(m.duplicate());
  CHECK_FALSE(m.dirty());
}

TEST_CASE("resident: an application needs a stored resident, saving first when needed") {
  WithHoa w;
  ResidentModel m;
  m.openExisting(w.model, w.hoa);
  CHECK(m.readyForApplication(w.model));  // nothing changed: no save, same revision
  CHECK(m.revision() == 1);
  m.openNew(w.model);
  CHECK_FALSE(m.readyForApplication(w.model));
  fillValid(m);
  CHECK(m.readyForApplication(w.model));
  CHECK_FALSE(m.residentId().empty());
}

TEST_CASE("resident: text typed into a new resident is sealed a few seconds later; after a crash it is offered back") {
  WithHoa w;
  {
    auto m = std::make_unique<ResidentModel>();
    m->openNew(w.model);
    m->fullName = "Trần Văn Nam";  // typed, the field not even left
    m->tick(100.0);
    CHECK(m->autosavePending());
    CHECK(m->nextDeadline().has_value());
    m->tick(101.0);
    CHECK(m->autosavePending());  // not yet: a few seconds after the change
    m->tick(100.0 + app::AutosaveClock::kDelay + 0.1);
    CHECK_FALSE(m->autosavePending());
    m->dateOfBirth = "05/03/1950";  // typed just before the crash: not sealed yet
    m->tick(103.0);
    CHECK(m->autosavePending());
    // Crash: no reset, no lock; the model simply disappears.
  }
  // Sealed: the name is nowhere in the workspace's files as plain text.
  for (const char* file : {"gocua.db", "gocua.db-wal"})
    CHECK(readAll(w.tmp.path / "workspace" / file).find("Trần Văn Nam") == std::string::npos);

  Reopened again(w.tmp.path);
  ResidentModel m2;
  m2.openNew(again.model);
  REQUIRE(m2.draftOffered());
  CHECK(m2.offeredName() == "Trần Văn Nam");
  CHECK_FALSE(m2.offeredSavedAt().empty());
  CHECK(m2.fullName.empty());  // offered, not yet taken up
  m2.resumeDraft();
  CHECK_FALSE(m2.draftOffered());
  CHECK(m2.fullName == "Trần Văn Nam");
  CHECK(m2.dateOfBirth.empty());
  CHECK(m2.dirty());

  // Editing Hoà is a draft of its own: the new resident's is not offered there.
  m2.openExisting(again.model, w.hoa);
  CHECK_FALSE(m2.draftOffered());
}

TEST_CASE("resident: lock and \"keep draft\" seal the whole form; saving forgets the draft") {
  WithHoa w;
  ResidentModel m;
  m.openExisting(w.model, w.hoa);
  m.phone = "0912 345 678";
  m.reset();  // lock or window close, the phone number typed but not left
  CHECK_FALSE(m.holdsPlaintext());
  m.openNew(w.model);
  CHECK_FALSE(m.draftOffered());
  fillValid(m);
  m.chooseHousehold(ResidentModel::kNewHousehold);
  CHECK_FALSE(m.requestLeave(app::Screen::Settings));
  CHECK(m.leaveKeepingDraft() == app::Screen::Settings);
  CHECK_FALSE(m.holdsPlaintext());

  m.openExisting(w.model, w.hoa);
  REQUIRE(m.draftOffered());
  CHECK(m.offeredName() == "Nguyễn Thị Hoà");
  CHECK(m.phone.empty());
  m.resumeDraft();
  CHECK(m.phone == "0912 345 678");
  CHECK(m.fullName == "Nguyễn Thị Hoà");
  REQUIRE(m.save(w.model));
  m.openExisting(w.model, w.hoa);
  CHECK_FALSE(m.draftOffered());  // saved: the draft has served its purpose
  CHECK(m.phone == "0912345678");

  m.openNew(w.model);
  REQUIRE(m.draftOffered());
  m.resumeDraft();
  CHECK(m.fullName == "Trần Văn Nam");
  CHECK(m.dateOfBirth == "05/03/1950");
  CHECK(m.sex() == ResidentModel::Sex::Male);
  CHECK(m.personalId == "001050123456");
  CHECK(m.village == "Thôn Đông");
  CHECK(m.household() == ResidentModel::kNewHousehold);
  CHECK(m.consentMethod() == "spoken");
  CHECK(m.consentGivenBy == "Trần Văn Nam");
  REQUIRE(m.save(w.model));
  m.openNew(w.model);
  CHECK_FALSE(m.draftOffered());

  // Discarding an offered draft forgets it for good.
  m.fullName = "Lê Văn Tám";
  m.reset();
  m.openNew(w.model);
  REQUIRE(m.draftOffered());
  m.discardDraft();
  CHECK_FALSE(m.draftOffered());
  CHECK(m.fullName.empty());
  m.openNew(w.model);
  CHECK_FALSE(m.draftOffered());
}
