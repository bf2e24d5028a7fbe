// Staff accounts (one keyslot each over the same hub data key) and the audit log: who unlocked
// what, a hub made before staff accounts, and the rows each staff action appends.
#include "hub_fixture.h"
#include "store/db.h"
#include "sync/hub/hub_store.h"

using namespace hubtest;

namespace {

const char* kLanPassphrase = "mật khẩu của chị Lan";

std::vector<std::string> staffNames(hub::Hub& h) {
  auto staff = h.staff();
  REQUIRE_MESSAGE(staff.ok(), staff.error().code);
  std::vector<std::string> out;
  for (auto& s : *staff) out.push_back(s.name);
  return out;
}

// "staff action target" per audit row, in order.
std::vector<std::string> auditLines(hub::Hub& h, std::string_view since = {}) {
  auto log = h.auditLog(since);
  REQUIRE_MESSAGE(log.ok(), log.error().code);
  std::vector<std::string> out;
  for (auto& e : *log) out.push_back(e.staff + " " + e.action + " " + e.target);
  return out;
}

}  // namespace

TEST_CASE("hub staff: two staff members unlock the same hub, each with their own passphrase") {
  Fixture f;
  CHECK(f.session->staffName() == std::string(hub::kFirstStaffName));
  REQUIRE(f.session->addStaff("Chị Lan", kLanPassphrase, vault::interactiveKdf()).ok());
  CHECK(staffNames(*f.hub) == std::vector<std::string>{"Cán bộ 1", "Chị Lan"});
  auto staff = f.hub->staff();
  REQUIRE(staff.ok());
  CHECK((*staff)[1].addedBy == "Cán bộ 1");

  auto lan = f.hub->unlock("Chị Lan", kLanPassphrase);
  REQUIRE_MESSAGE(lan.ok(), lan.error().code);
  CHECK((*lan)->staffName() == "Chị Lan");
  CHECK((*lan)->identity().signPublic == f.session->identity().signPublic);
  // The same data key: Lan decides on a record the first staff member's session imported.
  REQUIRE(f.import(makeBatch(f.device, 1, {residentLine(1)}, f.hubBox())).accepted == 1);
  CHECK((*lan)->setReview(uuid(1), "accepted", "Đủ giấy tờ").ok());

  auto first = f.hub->unlock("Cán bộ 1", kPassphrase);
  CHECK(first.ok());
}

TEST_CASE("hub staff: a wrong passphrase, another's passphrase or an unknown name does not unlock") {
  Fixture f;
  REQUIRE(f.session->addStaff("Chị Lan", kLanPassphrase, vault::interactiveKdf()).ok());
  auto other = f.hub->unlock("Chị Lan", kPassphrase);
  REQUIRE_FALSE(other.ok());
  CHECK(other.error().code == "vault.wrong_passphrase");
  auto unknown = f.hub->unlock("Anh Tuấn", kPassphrase);
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().code == "hub.unknown_staff");
  auto taken = f.session->addStaff("Chị Lan", "khác", vault::interactiveKdf());
  REQUIRE_FALSE(taken.ok());
  CHECK(taken.error().code == "hub.staff_exists");
  CHECK(f.session->addStaff("  ", "khác", vault::interactiveKdf()).error().code == "hub.invalid");
}

TEST_CASE("hub staff: a removed staff member cannot unlock; nobody removes themselves") {
  Fixture f;
  REQUIRE(f.session->addStaff("Chị Lan", kLanPassphrase, vault::interactiveKdf()).ok());
  auto self = f.session->removeStaff("Cán bộ 1");
  REQUIRE_FALSE(self.ok());
  CHECK(self.error().code == "hub.staff_self");
  CHECK(f.session->removeStaff("Anh Tuấn").error().code == "hub.unknown_staff");
  REQUIRE(f.session->removeStaff("Chị Lan").ok());
  CHECK(staffNames(*f.hub) == std::vector<std::string>{"Cán bộ 1"});
  auto gone = f.hub->unlock("Chị Lan", kLanPassphrase);
  REQUIRE_FALSE(gone.ok());
  CHECK(gone.error().code == "hub.unknown_staff");
}

TEST_CASE("hub staff: a hub made before staff accounts opens with its passphrase as Cán bộ 1") {
  TempDir tmp;
  auto dir = tmp.path / "hub";
  {
    hub::CommuneInfo c{kCommune, "Xã Thử Nghiệm", {"Thôn 1"}, ""};
    auto h = hub::Hub::create(dir, c, kPassphrase, vault::interactiveKdf(), testIdentity());
    REQUIRE(h.ok());
  }
  {
    // Back to schema v3: the one keyslot in meta, no staff or audit tables (nor v5's indexes).
    auto db = store::Db::open(dir / "hub.db", false);
    REQUIRE(db.ok());
    REQUIRE(db->exec(kBackToSchemaV4).ok());
    REQUIRE(db->exec("INSERT INTO meta(key, value) SELECT 'keyslot', keyslot FROM staff; DROP TABLE staff; "
                     "DROP TABLE audit;")
                .ok());
    REQUIRE(db->setUserVersion(3).ok());
  }
  auto h = hub::Hub::open(dir);
  REQUIRE_MESSAGE(h.ok(), h.error().code);
  CHECK(staffNames(**h) == std::vector<std::string>{"Cán bộ 1"});
  auto s = (*h)->unlock(kPassphrase);
  REQUIRE_MESSAGE(s.ok(), s.error().code);
  CHECK((*s)->staffName() == "Cán bộ 1");
  CHECK((*h)->unlock("Cán bộ 1", kPassphrase).ok());
  // The old slot does not linger in meta beside the staff row.
  auto old = (*h)->store().meta("keyslot");
  REQUIRE(old.ok());
  CHECK_FALSE(old->has_value());
}

TEST_CASE("hub audit: enroll, review, revoke and staff changes are logged with who did them") {
  Fixture f;  // enrolls f.device as Cán bộ 1
  REQUIRE(f.import(makeBatch(f.device, 1, {residentLine(1)}, f.hubBox())).accepted == 1);
  REQUIRE(f.session->addStaff("Chị Lan", kLanPassphrase, vault::interactiveKdf()).ok());
  auto lan = f.hub->unlock("Chị Lan", kLanPassphrase);
  REQUIRE(lan.ok());
  REQUIRE((*lan)->setReview(uuid(1), "needs_documents", "Thiếu giấy chứng sinh").ok());
  REQUIRE((*lan)->revoke(f.device.keys.publicKey).ok());
  REQUIRE((*lan)->audit("records.export", "ho-so.csv").ok());
  REQUIRE(f.session->removeStaff("Chị Lan").ok());
  // A refused action leaves no row.
  REQUIRE_FALSE(f.session->setReview(uuid(9), "accepted", "").ok());

  auto device = hub::deviceHex(f.device.keys.publicKey);
  CHECK(auditLines(*f.hub) == std::vector<std::string>{
                                  "Cán bộ 1 device.enroll " + device,
                                  "Cán bộ 1 staff.add Chị Lan",
                                  "Chị Lan review.needs_documents " + uuid(1),
                                  "Chị Lan device.revoke " + device,
                                  "Chị Lan records.export ho-so.csv",
                                  "Cán bộ 1 staff.remove Chị Lan",
                              });
  // The note (residents' business) is not in the log.
  auto log = f.hub->auditLog("");
  REQUIRE(log.ok());
  for (auto& e : *log) CHECK(e.target.find("giấy") == std::string::npos);
  CHECK(auditLines(*f.hub, "2999-01-01").empty());
  CHECK(auditLines(*f.hub, "2000-01-01").size() == 6);
}
