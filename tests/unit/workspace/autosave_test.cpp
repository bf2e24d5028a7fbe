// Session autosave (schema v3): drafts survive a closed window, an idle lock, a crash and another
// volunteer's unlock, and are never plaintext on disk.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "forms/registry.h"
#include "store/migrations.h"
#include "workspace/workspace.h"
#include "workspace_fixture.h"

using namespace wstest;

namespace {

constexpr const char* kMarker = "Ngõ Hẻm Số-7f3a9c Phạm Thị Lụa";

// Every byte the workspace keeps on disk: the database, its WAL and shared-memory index.
std::string diskBytes(const fs::path& dir) {
  std::string all;
  for (const auto& entry : fs::directory_iterator(dir)) {
    all += readAll(entry.path());
  }
  return all;
}

json draft() {
  return {{"resident_id", "r1"},
          {"form_id", "birth_registration"},
          {"answers", {{"child", {{"surname", kMarker}, {"date_of_birth", "05/03/2025"}}}}}};
}

}  // namespace

TEST_CASE("autosave: round trip, overwrite, clear; an empty slot is nullopt") {
  TempDir t;
  auto [ws, s] = createUnlocked(t.path / "ws");
  auto empty = s->loadAutosave("wizard");
  REQUIRE(empty.ok());
  CHECK_FALSE(empty->has_value());

  REQUIRE(s->saveAutosave("wizard", draft()).ok());
  auto back = s->loadAutosave("wizard");
  REQUIRE(back.ok());
  REQUIRE(back->has_value());
  CHECK((*back)->get() == draft());

  json second = draft();
  second["answers"]["child"]["surname"] = "Lê";
  REQUIRE(s->saveAutosave("wizard", second).ok());
  CHECK(s->loadAutosave("wizard")->value().get() == second);
  // Slots are independent.
  REQUIRE(s->saveAutosave("resident", json{{"x", 1}}).ok());
  CHECK(s->loadAutosave("wizard")->value().get() == second);

  REQUIRE(s->clearAutosave("wizard").ok());
  CHECK_FALSE(s->loadAutosave("wizard")->has_value());
  CHECK(s->loadAutosave("resident")->value().get() == json{{"x", 1}});
  CHECK(s->clearAutosave("wizard").ok());  // already empty
}

TEST_CASE("autosave: bad slot names are refused; a locked session cannot read or write") {
  TempDir t;
  auto [ws, s] = createUnlocked(t.path / "ws");
  for (const char* bad : {"", "Wizard", "a b", "x/y", "ngõ"}) {
    INFO(bad);
    CHECK(s->saveAutosave(bad, json::object()).error().code == "autosave.slot");
    CHECK(s->loadAutosave(bad).error().code == "autosave.slot");
  }
  CHECK(s->saveAutosave(std::string(65, 'a'), json::object()).error().code == "autosave.slot");
  REQUIRE(s->saveAutosave("wizard", draft()).ok());
  s->lock();
  CHECK(s->loadAutosave("wizard").error().code == "autosave.locked");
  CHECK(s->saveAutosave("wizard", draft()).error().code == "autosave.locked");
}

TEST_CASE("autosave: the database and its WAL never hold the draft in clear") {
  TempDir t;
  const auto dir = t.path / "ws";
  {
    auto [ws, s] = createUnlocked(dir);
    for (int i = 0; i < 5; ++i) {
      json d = draft();
      d["answers"]["child"]["given_name"] = std::string(kMarker) + std::to_string(i);
      REQUIRE(s->saveAutosave("wizard", d).ok());
    }
    REQUIRE(fs::exists(dir / "gocua.db-wal"));  // the writes sit in the WAL while open
    const std::string bytes = diskBytes(dir);
    CHECK(bytes.size() > 4096);
    CHECK(bytes.find(kMarker) == std::string::npos);
    CHECK(bytes.find("birth_registration") == std::string::npos);  // not even the form id
    CHECK(bytes.find("wizard") != std::string::npos);              // the scan does see plaintext columns
    REQUIRE(s->clearAutosave("wizard").ok());
  }
  CHECK(diskBytes(dir).find(kMarker) == std::string::npos);  // after checkpoint and close
}

TEST_CASE("autosave: a blob moved to another slot does not open") {
  TempDir t;
  auto [ws, s] = createUnlocked(t.path / "ws");
  REQUIRE(s->saveAutosave("wizard", draft()).ok());
  REQUIRE(s->saveAutosave("other", json{{"x", 1}}).ok());
  // Copy wizard's sealed bytes over other's, as someone editing the file could.
  REQUIRE(ws->db()
              .exec("UPDATE autosave SET sealed=(SELECT sealed FROM autosave WHERE slot='wizard') "
                    "WHERE slot='other'")
              .ok());
  auto moved = s->loadAutosave("other");
  REQUIRE_FALSE(moved.ok());
  CHECK(moved.error().code == "autosave.damaged");
  CHECK(s->loadAutosave("wizard")->value().get() == draft());  // the original still opens

  // One changed byte is refused too.
  auto row = ws->repo().autosave("wizard");
  REQUIRE(row.ok());
  REQUIRE(row->has_value());
  auto sealed = (*row)->sealed;
  sealed[sealed.size() / 2] ^= 0x01;
  REQUIRE(ws->repo().putAutosave("wizard", (*row)->updatedAt, sealed).ok());
  CHECK(s->loadAutosave("wizard").error().code == "autosave.damaged");
}

TEST_CASE("autosave: survives closing the workspace and is readable by another volunteer") {
  TempDir t;
  const auto dir = t.path / "ws";
  {
    auto [ws, s] = createUnlocked(dir);
    REQUIRE(s->addVolunteer("Minh", "mật khẩu của Minh 2026", kKdf).ok());
    REQUIRE(s->saveAutosave("wizard", draft()).ok());
  }  // closed without clearing: a crash or a closed window
  auto ws = Workspace::open(dir);
  REQUIRE(ws.ok());
  CHECK((*ws)->db().userVersion() == store::latestSchemaVersion());
  auto minh = (*ws)->unlock("Minh", "mật khẩu của Minh 2026");
  REQUIRE(minh.ok());
  auto back = (*minh)->loadAutosave("wizard");
  REQUIRE(back.ok());
  REQUIRE(back->has_value());
  CHECK((*back)->get() == draft());
}

TEST_CASE("getApplication: reads a saved application's answers back") {
  TempDir t;
  auto [ws, s] = createUnlocked(t.path / "ws");
  Errors problems;
  auto r =
      s->addResident({{"full_name", "Nguyễn Văn An"}, {"date_of_birth", "05/03/1990"}, {"sex", "male"}}, &problems);
  REQUIRE(r.ok());
  const auto& forms = shippedForms();
  const auto* form = forms.find("vneid_level2");
  REQUIRE(form != nullptr);
  forms::ValidationReport report;
  json answers = {{"phone", {{"sim_own_name", "no"}}}};
  auto id = s->newApplication(*form, r->id, answers, true, &report);
  REQUIRE(id.ok());
  auto app = s->getApplication(*id);
  REQUIRE(app.ok());
  CHECK(app->get()["form_id"] == "vneid_level2");
  CHECK(app->get()["answers"]["phone"]["sim_own_name"] == "no");
  CHECK(app->get()["answers"]["person"]["full_name"] == "Nguyễn Văn An");  // prefilled at save
  CHECK(s->getApplication(r->id).error().code == "record.not_found");      // a resident, not an application
  CHECK(s->getApplication("nope").error().code == "record.bad_id");
}
