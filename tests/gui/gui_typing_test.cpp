// Vietnamese typing on a laptop without an input method: plain ASCII Telex keys typed by X events
// into the new-resident form land as Vietnamese names (checked with gocuactl after saving), the
// mode shows by the name field, ID/phone/date fields have none, and F2 turns it off and on.
#include <doctest/doctest.h>

#include "gui_session.h"

namespace {

// Telex keys: the field holds other text than the keys, so fill's check does not apply.
void fill(gui::Driver& d, const std::string& id, const std::string& keys) {
  REQUIRE_MESSAGE(d.fillKeys(id, keys), d.failure());
  d.key("Tab");
}

void click(gui::Driver& d, const std::string& id) { REQUIRE_MESSAGE(d.click(id), d.failure()); }

// Adds a resident through the form; the name and the notes are typed as plain ASCII keys.
void addResident(gui::Driver& d, const std::string& nameKeys, const std::string& dateOfBirth,
                 const std::string& notesKeys, bool typingOffForNotes) {
  click(d, "home.add_resident");
  REQUIRE(d.waitScreen("resident"));
  fill(d, "resident.full_name", nameKeys);
  fill(d, "resident.date_of_birth", dateOfBirth);
  click(d, "resident.sex.female");
  if (typingOffForNotes) {
    d.key("F2");
    REQUIRE_MESSAGE(d.waitItem("resident.notes.typing.off"), d.failure());
  }
  fill(d, "resident.notes", notesKeys);
  if (typingOffForNotes) {
    d.key("F2");
    REQUIRE_MESSAGE(d.waitItem("resident.notes.typing.telex"), d.failure());
  }
  click(d, "resident.consent.spoken");
  CHECK_FALSE(d.screenshot().empty());  // the typed name, for a person to look at
  click(d, "resident.save");
  REQUIRE_MESSAGE(d.waitScreen("home"), d.failure());
}

// The one resident gocuactl finds for the query (fails the test otherwise).
it::json findOne(gui::Session& s, const std::string& query) {
  const auto r = s.sandbox.ctl({"resident", "search", query});
  REQUIRE_MESSAGE(r.exitCode == 0, r.describe());
  const auto found = it::json::parse(r.out);
  REQUIRE_MESSAGE(found.size() == 1, r.out);
  const auto id = found[0]["id"].get<std::string>();
  const auto got = s.sandbox.ctl({"resident", "get", id});
  REQUIRE_MESSAGE(got.exitCode == 0, got.describe());
  return it::json::parse(got.out);
}

}  // namespace

TEST_CASE("gui: Telex typed as plain ASCII keys lands as Vietnamese names; F2 turns it off") {
  gui::Session s("typing");
  s.sandbox.init("Lan");
  REQUIRE_MESSAGE(s.start(), it::readFile(s.log()));
  auto& d = *s.driver;
  INFO(it::readFile(s.log()));
  REQUIRE_MESSAGE(d.waitScreen("unlock"), d.lastError());
  REQUIRE(d.fill("unlock.passphrase", s.sandbox.passphrase));
  d.key("Return");
  REQUIRE_MESSAGE(d.waitScreen("home", 30), d.failure());

  click(d, "home.add_resident");
  REQUIRE(d.waitScreen("resident"));
  // Telex by default, shown by the name field; the ID number, phone and date fields stay plain.
  CHECK(d.has("resident.full_name.typing.telex"));
  CHECK(d.has("resident.notes.typing.telex"));
  CHECK_FALSE(d.has("resident.personal_id.typing.telex"));
  CHECK_FALSE(d.has("resident.phone.typing.telex"));
  CHECK_FALSE(d.has("resident.date_of_birth.typing.telex"));
  click(d, "resident.cancel");
  REQUIRE(d.waitScreen("home"));

  addResident(d, "Nguyeenx Thij Hoaf", "03/02/1961", "nhaf so61 5", false);
  addResident(d, "Ddawngj Vawn Loocj", "15/08/1978", "Hoaf", true);
  CHECK(s.app->alive());
  s.app->stop();

  const auto hoa = findOne(s, "nguyen thi hoa");
  CHECK(hoa["full_name"] == "Nguyễn Thị Hoà");
  CHECK(hoa["notes"] == "nhà so61 5");  // Telex: the digits are typed as they are
  const auto loc = findOne(s, "dang van loc");
  CHECK(loc["full_name"] == "Đặng Văn Lộc");
  CHECK(loc["notes"] == "Hoaf");  // typed with F2 off
}
