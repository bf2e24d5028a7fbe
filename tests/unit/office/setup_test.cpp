// First run in the window: a data dir with no hub opens on Tạo dữ liệu xã; the commune is found in
// the 2025 list by province and by a search without accents; villages, the first staff member and
// a passphrase typed twice; the hub is made as `gocua-hub init` makes it, the key code shown, its
// poster printed and audited; the next start unlocks as that staff member.
#include "office_fixture.h"

using namespace officetest;

namespace {

constexpr const char* kStaffPassphrase = "mây trắng bay qua đồi 2026";

struct SetupFixture {
  TempDir home;
  fs::path dataDir = home.path / "hub";
  fs::path stick = home.path / "usb";
  Desk desk{OfficeOptions{dataDir, "", home.path / "office.json", ""}, ui::FolderPicker::Roots{{}, home.path}};

  SetupFixture() {
    fs::create_directories(stick);
    desk.start();
  }
};

}  // namespace

TEST_CASE("first run: the commune from the 2025 list, by province and by a search without accents") {
  SetupFixture f;
  REQUIRE(f.desk.model.screen() == Screen::Setup);
  auto& m = f.desk.setup;
  CHECK(m.error().empty());
  CHECK(m.provinces().size() == 34);
  CHECK(m.matches().empty());  // nothing chosen, nothing typed
  CHECK_FALSE(m.toPeople());

  m.province = "Thành phố Hà Nội";
  CHECK(m.matchCount() == 126);  // every commune of Hà Nội in the 2025 list
  CHECK(m.matches().size() == 126);
  m.query = "ba dinh";
  REQUIRE_FALSE(m.matches().empty());
  CHECK(m.matches().front().name == "Phường Ba Đình");

  m.province.clear();  // the whole country: more than a screen's worth for a common word
  m.query = "xa";
  CHECK(m.matchCount() > SetupModel::kMaxShown);
  CHECK(m.matches().size() == SetupModel::kMaxShown);

  m.query = "ba dinh";
  m.choose(m.matches().front());
  CHECK(m.province == "Thành phố Hà Nội");
  CHECK(m.toPeople());
  CHECK(m.step() == SetupModel::Step::People);
}

TEST_CASE("first run: villages once each, a named staff member and a passphrase typed twice, said in words") {
  SetupFixture f;
  auto& m = f.desk.setup;
  m.query = "ba dinh";
  m.choose(m.matches().front());
  REQUIRE(m.toPeople());
  CHECK(m.problem() == i18n::tr("office.setup.need_village"));

  m.villageDraft = "   ";
  CHECK_FALSE(m.addVillage());
  CHECK(m.error() == i18n::tr("office.setup.village_empty"));
  m.villageDraft = " Tổ dân phố 1 ";
  CHECK(m.addVillage());
  CHECK(m.villageDraft.empty());
  m.villageDraft = "to dan pho 1";
  CHECK_FALSE(m.addVillage());
  CHECK(m.error() == i18n::tr("office.setup.village_twice", {{"village", "Tổ dân phố 1"}}));
  m.villageDraft = "Tổ dân phố 2";
  CHECK(m.addVillage());
  m.removeVillage(1);
  CHECK(m.villages == std::vector<std::string>{"Tổ dân phố 1"});

  CHECK(m.problem() == i18n::message(Error::fromText("name.empty")));
  m.staffName = "Lò Thị Mai";
  m.passphrase = "12345678";
  CHECK(m.problem() == i18n::message(Error::fromText("vault.passphrase_sequence")));
  m.passphrase = kStaffPassphrase;
  m.confirm = "mây trắng bay qua đồi";
  CHECK(m.problem() == i18n::tr("office.setup.confirm_differs"));
  m.create(f.desk.model);  // refused: nothing starts
  CHECK_FALSE(m.busy());
  CHECK_FALSE(fs::exists(f.dataDir / "hub.db"));
  m.confirm = kStaffPassphrase;
  CHECK(m.problem().empty());
}

TEST_CASE("first run: the hub is made, its key code shown and printed, and the next start unlocks") {
  std::string fingerprint;
  SetupFixture f;
  {
    auto& m = f.desk.setup;
    m.query = "ba dinh";
    m.choose(m.matches().front());
    REQUIRE(m.toPeople());
    m.villageDraft = "Tổ dân phố 1";
    REQUIRE(m.addVillage());
    m.staffName = "  Lò Thị   Mai ";
    m.passphrase = m.confirm = kStaffPassphrase;
    m.create(f.desk.model);
    CHECK(m.passphrase.empty());  // wiped as soon as the worker has its copy
    CHECK(m.confirm.empty());
    CHECK_FALSE(f.desk.holdsPlaintext());
    m.finish(f.desk.model, 1.0);
    REQUIRE_MESSAGE(m.error().empty(), m.error());
    CHECK(m.step() == SetupModel::Step::Key);
    CHECK(f.desk.model.screen() == Screen::Setup);
    REQUIRE(f.desk.model.session());
    CHECK(f.desk.model.staffName() == "Lò Thị Mai");
    fingerprint = m.fingerprint();
    CHECK(fingerprint == sync::fingerprint(f.desk.model.session()->identity().signPublic));

    auto commune = f.desk.model.hub()->commune();
    REQUIRE(commune.ok());
    CHECK(commune->code == "00004");
    CHECK(commune->name == "Phường Ba Đình");
    CHECK(commune->villages == std::vector<std::string>{"Tổ dân phố 1"});

    m.folder.path = (f.home.path / "missing").string();
    CHECK_FALSE(m.printPoster(f.desk.model));
    CHECK(m.error() == i18n::message(Error::fromText("folder.missing")));
    m.folder.path = f.stick.string();
    REQUIRE(m.printPoster(f.desk.model));
    CHECK(m.lastPoster() == f.stick / "ma-khoa-xa-00004.pdf");
    CHECK(readAll(m.lastPoster()).rfind("%PDF", 0) == 0);
    auto audit = f.desk.model.hub()->auditLog("");
    REQUIRE(audit.ok());
    REQUIRE_FALSE(audit->empty());
    CHECK(audit->back().action == "print.key");
    CHECK(audit->back().staff == "Lò Thị Mai");

    f.desk.finishSetup();
    CHECK(f.desk.model.screen() == Screen::Laptops);
    CHECK(f.desk.laptops.fingerprint() == fingerprint);
  }

  Desk again(OfficeOptions{f.dataDir, "", f.home.path / "office.json", ""}, ui::FolderPicker::Roots{{}, f.home.path});
  again.start();
  REQUIRE(again.model.screen() == Screen::Unlock);
  CHECK(again.unlock.staff() == std::vector<std::string>{"Lò Thị Mai"});
  again.unlock.passphrase = kStaffPassphrase;
  again.unlock.submit(again.model);
  again.finishUnlock(1.0);
  CHECK(again.model.session());
}

TEST_CASE("a data dir whose hub does not open says why and offers no first run over it") {
  TempDir t;
  fs::create_directories(t.path / "hub");
  writeAll(t.path / "hub" / "hub.db", "not a database at all, a damaged file");
  Desk desk(OfficeOptions{t.path / "hub", "", t.path / "office.json", ""}, ui::FolderPicker::Roots{{}, t.path});
  desk.start();
  CHECK(desk.model.screen() == Screen::NoHub);
  CHECK_FALSE(desk.model.openError().empty());
}

TEST_CASE("first run where the data dir cannot be made: said in words, the choices kept, and it can try again") {
  TempDir t;
  const fs::path blocker = t.path / "o-dia";
  writeAll(blocker, "a file where the folder should be");  // also refuses root, unlike permissions
  Desk desk(OfficeOptions{blocker / "hub", "", t.path / "office.json", ""}, ui::FolderPicker::Roots{{}, t.path});
  desk.start();
  REQUIRE(desk.model.screen() == Screen::Setup);
  auto& m = desk.setup;
  m.query = "ba dinh";
  m.choose(m.matches().front());
  REQUIRE(m.toPeople());
  m.villageDraft = "Tổ dân phố 1";
  REQUIRE(m.addVillage());
  m.staffName = "Lò Thị Mai";
  m.passphrase = m.confirm = kStaffPassphrase;
  m.create(desk.model);
  m.finish(desk.model, 1.0);
  CHECK_FALSE(m.error().empty());
  CHECK(m.error().find("hub.") == std::string::npos);  // words, not a code
  CHECK(m.step() == SetupModel::Step::People);
  CHECK(desk.model.hub() == nullptr);
  CHECK(desk.model.session() == nullptr);
  CHECK(m.villages == std::vector<std::string>{"Tổ dân phố 1"});
  CHECK(m.staffName == "Lò Thị Mai");
  CHECK_FALSE(desk.holdsPlaintext());  // the passphrase is typed again, never kept

  fs::remove(blocker);  // the technician frees the place
  m.passphrase = m.confirm = kStaffPassphrase;
  m.create(desk.model);
  m.finish(desk.model, 1.0);
  REQUIRE_MESSAGE(m.error().empty(), m.error());
  CHECK(m.step() == SetupModel::Step::Key);
  CHECK(desk.model.session() != nullptr);
}
