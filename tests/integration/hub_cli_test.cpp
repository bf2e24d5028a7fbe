// gocua-hub's command-line contract: JSON on stdout, catalog messages on stderr (Vietnamese by
// default), exit codes (2 usage, 3 passphrase, 5 rejected, 6 quarantined), and no resident data
// anywhere in the hub's directory or its messages. Batches come from the real gocuactl.
#ifdef GOCUA_HUB

#include <doctest/doctest.h>

#include <set>

#include "harness.h"
#include "hub_fixture.h"

using namespace it;

TEST_CASE("gocua-hub: passphrase and usage exit codes, messages from the catalog") {
  Hub h;
  auto noPass =
      h.run({"init", "--commune-code", "27004", "--commune-name", "Xã"}, {{"GOCUA_HUB_PASSPHRASE", std::nullopt}});
  CHECK(noPass.exitCode == 3);
  CHECK(noPass.err.find(catalogText("error.hub.no_passphrase", "vi")) != std::string::npos);
  CHECK(h.run({"init", "--commune-code", "2700", "--commune-name", "Xã"}).exitCode == 2);
  REQUIRE(h.run({"init", "--commune-code", "27004", "--commune-name", "Xã"}).exitCode == 0);
  auto twice = h.run({"init", "--commune-code", "27004", "--commune-name", "Xã"});
  CHECK(twice.exitCode == 2);
  CHECK(twice.parsed()["errors"][0]["code"] == "hub.exists");
  auto wrong =
      h.run({"profile", "--out", (h.sb.root / "p.gcp").string()}, {{"GOCUA_HUB_PASSPHRASE", "sai mật khẩu rồi"}});
  CHECK(wrong.exitCode == 3);
  auto en = h.run({"profile", "--out", (h.sb.root / "p.gcp").string()},
                  {{"GOCUA_HUB_PASSPHRASE", "sai mật khẩu rồi"}, {"GOCUA_LANG", "en"}});
  CHECK(en.err.find("Error:") != std::string::npos);
  CHECK(h.run({"--no-such-option", "profile"}).exitCode == 2);
  CHECK(h.run({"device", "revoke", "abc"}).exitCode == 2);
  CHECK(h.run({"device", "revoke", std::string(64, 'a')}).exitCode == 2);
  auto profile = h.run({"profile", "--out", (h.sb.root / "p.gcp").string()});
  CHECK(profile.exitCode == 0);
  CHECK(profile.parsed()["fingerprint"].get<std::string>().size() == 39);
  CHECK(fs::exists(h.sb.root / "p.gcp"));
}

TEST_CASE("gocua-hub: init, keys backup and keys restore refuse a weak passphrase with its plain reason") {
  Hub h;
  const std::vector<std::string> initArgs = {"init", "--commune-code", "27004", "--commune-name", "Xã"};
  struct Weak {
    std::string pass, code;
  };
  const std::vector<Weak> weak = {{"12345678", "vault.passphrase_sequence"},
                                  {"aaaaaaaaaa", "vault.passphrase_repeated"},
                                  {"password", "vault.passphrase_common"},
                                  {std::string(8, ' '), "vault.passphrase_only_spaces"},
                                  {"mật khẩu\tcán bộ xã", "vault.passphrase_control_char"},
                                  {"ngắn", "vault.passphrase_too_short"}};
  for (const auto& w : weak) {
    CAPTURE(w.code);
    auto r = h.run(initArgs, {{"GOCUA_HUB_PASSPHRASE", w.pass}});
    CHECK(r.exitCode == 2);
    CHECK(r.parsed()["errors"][0]["code"] == w.code);
    CHECK(r.err.find(catalogText("error." + w.code, "vi")) != std::string::npos);
    CHECK_FALSE(fs::exists(h.dir / "hub.db"));
  }
  // Nothing was left behind by the refusals: a good passphrase still creates the hub.
  auto good = h.run(initArgs);
  REQUIRE_MESSAGE(good.exitCode == 0, good.describe());

  auto backup = (h.sb.root / "keys.gcbk").string();
  auto weakBackup = h.run({"keys", "backup", "--out", backup}, {{"GOCUA_HUB_BACKUP_PASSPHRASE", "12345678"}});
  CHECK(weakBackup.exitCode == 2);
  CHECK(weakBackup.err.find(catalogText("error.vault.passphrase_sequence", "vi")) != std::string::npos);
  CHECK_FALSE(fs::exists(backup));
  const std::string backupPass = "sao lưu khoá của xã 2025";
  auto made = h.run({"keys", "backup", "--out", backup}, {{"GOCUA_HUB_BACKUP_PASSPHRASE", backupPass}});
  REQUIRE_MESSAGE(made.exitCode == 0, made.describe());

  h.dir = h.sb.root / "hub-restored";
  const std::vector<std::string> restoreArgs = {"keys", "restore", "--in", backup, "--commune-name", "Xã"};
  auto weakRestore =
      h.run(restoreArgs, {{"GOCUA_HUB_BACKUP_PASSPHRASE", backupPass}, {"GOCUA_HUB_PASSPHRASE", std::string(8, ' ')}});
  CHECK(weakRestore.exitCode == 2);
  CHECK(weakRestore.err.find(catalogText("error.vault.passphrase_only_spaces", "vi")) != std::string::npos);
  auto restored = h.run(restoreArgs, {{"GOCUA_HUB_BACKUP_PASSPHRASE", backupPass}});
  CHECK_MESSAGE(restored.exitCode == 0, restored.describe());
}

TEST_CASE("gocua-hub: import, replay, review and status-out reach the laptop; quarantine after revoke") {
  Hub h;
  auto device = h.setUp();
  auto list = h.run({"device", "list"}).parsed();
  REQUIRE(list.is_array());
  REQUIRE(list.size() == 1);
  CHECK(list[0]["id"] == device);
  CHECK(list[0]["volunteers"] == json::array({"Lan"}));
  CHECK(list[0]["revoked"].is_null());

  auto gcb = h.exportBatch("b1.gcb");
  auto gcr = h.sb.root / "b1.gcr";
  auto imported = h.run({"import", gcb.string(), "--receipt-out", gcr.string()});
  REQUIRE_MESSAGE(imported.exitCode == 0, imported.describe());
  CHECK(imported.parsed()["status"] == "imported");
  CHECK(imported.parsed()["accepted"] == 1);
  auto firstReceipt = readFile(gcr);
  auto replay = h.run({"import", gcb.string(), "--receipt-out", gcr.string()});
  CHECK(replay.exitCode == 0);
  CHECK(replay.parsed()["status"] == "replay");
  CHECK(readFile(gcr) == firstReceipt);
  REQUIRE(h.sb.ctl({"receipt", "apply", gcr.string()}).exitCode == 0);

  auto records = h.run({"records", "list"}).parsed();
  REQUIRE(records.size() == 1);
  const std::string id = records[0]["id"];
  CHECK(records[0]["kind"] == "resident");
  CHECK(records[0]["device"] == device);
  CHECK(h.run({"review", "set", id, "--status", "maybe"}).exitCode == 2);
  REQUIRE(h.run({"review", "set", id, "--status", "needs_documents", "--note", "Thiếu CCCD"}).exitCode == 0);
  CHECK(h.run({"records", "list"}).parsed()[0]["review_status"] == "needs_documents");
  // Filters: status and received-since from the metadata; the village only with the passphrase.
  CHECK(h.run({"records", "list", "--status", "needs_documents"}).parsed().size() == 1);
  CHECK(h.run({"records", "list", "--status", "new"}).parsed().empty());
  CHECK(h.run({"records", "list", "--status", "xong"}).exitCode == 2);
  CHECK(h.run({"records", "list", "--since", "01/01/2020"}).parsed().size() == 1);
  CHECK(h.run({"records", "list", "--since", "2099-12-31"}).parsed().empty());
  CHECK(h.run({"records", "list", "--since", "hôm qua"}).exitCode == 2);
  CHECK(h.run({"records", "list", "--village", "Thôn 1"}).parsed().size() == 1);
  CHECK(h.run({"records", "list", "--village", "Thôn 9", "--status", "needs_documents"}).parsed().empty());
  auto status = h.sb.root / "status.gcr";
  REQUIRE(h.run({"status-out", "--device", device, "--out", status.string()}).exitCode == 0);
  auto applied = h.sb.ctl({"receipt", "apply", status.string()});
  REQUIRE_MESSAGE(applied.exitCode == 0, applied.describe());
  CHECK(applied.parsed()["status_updates"] == 1);

  auto junk = h.sb.writeFile("junk.gcb", "GCB1 not really a batch");
  auto rejected = h.run({"import", junk.string()});
  CHECK(rejected.exitCode == 5);
  CHECK(rejected.parsed()["status"] == "rejected");

  // A volunteer who forgot the passphrase: the hub opens the laptop's recovery slot.
  auto gcx = h.sb.root / "r.gcx";
  auto rec = h.run({"device", "recovery", device, "--out", gcx.string()});
  REQUIRE_MESSAGE(rec.exitCode == 0, rec.describe());
  CHECK(rec.parsed()["device_id"] == device);
  const std::string code = rec.parsed()["code"];
  CHECK(code.size() == 24);
  auto reset = h.sb.ctl({"passphrase", "reset", "--recovery-file", gcx.string()}, "",
                        {{"GOCUA_RECOVERY_CODE", code}, {"GOCUA_NEW_PASSPHRASE", "mật khẩu mới toanh 2026"}});
  CHECK_MESSAGE(reset.exitCode == 0, reset.describe());
  h.sb.env["GOCUA_PASSPHRASE"] = "mật khẩu mới toanh 2026";
  CHECK(h.stderrLog.find(code) == std::string::npos);

  auto backup = h.sb.root / "keys.backup";
  CHECK(h.run({"keys", "backup", "--out", backup.string()}).exitCode == 3);
  CHECK(h.run({"keys", "backup", "--out", backup.string()}, {{"GOCUA_HUB_BACKUP_PASSPHRASE", "sao lưu khoá 2025"}})
            .exitCode == 0);
  CHECK((fs::status(backup).permissions() & fs::perms::others_read) == fs::perms::none);
  {
    // The office's machine is lost: a new data dir from the backup keeps the same key.
    const auto rebuilt = (h.sb.root / "hub-rebuilt").string();
    std::vector<std::string> restore = {"--data", rebuilt,         "keys",           "restore",
                                        "--in",   backup.string(), "--commune-name", "Xã Thử"};
    auto runIn = [&](const std::vector<std::string>& args, const EnvOverrides& over) {
      std::vector<std::string> argv = {GOCUA_HUB};
      argv.insert(argv.end(), args.begin(), args.end());
      return runProcess(argv, h.env(over), "");
    };
    CHECK(runIn(restore, {{"GOCUA_HUB_BACKUP_PASSPHRASE", "sai mật khẩu sao lưu"}}).exitCode == 3);
    auto rebuiltHub = runIn(restore, {{"GOCUA_HUB_BACKUP_PASSPHRASE", "sao lưu khoá 2025"}});
    REQUIRE_MESSAGE(rebuiltHub.exitCode == 0, rebuiltHub.describe());
    auto oldProfile = h.run({"profile", "--out", (h.sb.root / "old.gcp").string()});
    CHECK(rebuiltHub.parsed()["fingerprint"] == oldProfile.parsed()["fingerprint"]);
    CHECK(rebuiltHub.parsed()["commune_code"] == "27004");
  }

  // Revoked: the next batch is kept aside, never imported.
  REQUIRE(h.run({"device", "revoke", device}).exitCode == 0);
  CHECK_FALSE(h.run({"device", "list"}).parsed()[0]["revoked"].is_null());
  // No recovery file for a revoked laptop (it may be lost or stolen): a warning, no file.
  auto noRecovery = h.run({"device", "recovery", device, "--out", (h.sb.root / "r2.gcx").string()});
  CHECK(noRecovery.exitCode == 1);
  CHECK(noRecovery.err.find(catalogText("error.hub.recovery_revoked", "vi")) != std::string::npos);
  CHECK_FALSE(fs::exists(h.sb.root / "r2.gcx"));
  h.sb.addResident({{"full_name", "Trần Văn Bảo"}, {"date_of_birth", "1950"}, {"sex", "male"}});
  auto late = h.exportBatch("b2.gcb");
  auto q = h.run({"import", late.string()});
  CHECK(q.exitCode == 6);
  CHECK(q.parsed()["status"] == "quarantined");
  auto kept = h.run({"quarantine", "list"}).parsed();
  REQUIRE(kept.size() == 1);
  CHECK(kept[0]["reason"] == "hub.revoked");
  CHECK(fs::exists(h.dir / "quarantine" / kept[0]["file"].get<std::string>()));
  CHECK(h.run({"records", "list"}).parsed().size() == 1);
  // The same batch again keeps no second copy; its receipt tells the laptop it is revoked (exit 7),
  // and from then on the laptop refuses to export until it enrolls again.
  auto lateReceipt = h.sb.root / "b2.gcr";
  CHECK(h.run({"import", late.string(), "--receipt-out", lateReceipt.string()}).exitCode == 6);
  CHECK(h.run({"quarantine", "list"}).parsed().size() == 1);
  auto told = h.sb.ctl({"receipt", "apply", lateReceipt.string()});
  CHECK_MESSAGE(told.exitCode == 7, told.describe());
  CHECK(told.parsed()["revoked"] == true);
  auto refused = h.sb.ctl({"export", "--out", (h.sb.root / "b3.gcb").string()});
  CHECK(refused.exitCode == 7);
  CHECK_FALSE(fs::exists(h.sb.root / "b3.gcb"));
  CHECK(h.sb.ctl({"status"}).parsed()["revoked"] == true);

  // A directory import answers every batch, each receipt beside it.
  auto stick = h.sb.root / "stick";
  fs::create_directories(stick);
  fs::copy_file(gcb, stick / "a.gcb");
  auto dir = h.run({"import", stick.string()});
  CHECK(dir.exitCode == 0);
  CHECK(dir.parsed().is_array());
  CHECK(fs::exists(stick / "a.gcr"));

  auto out = h.sb.root / "export.jsonl";
  auto exported = h.run({"records", "export", "--format", "jsonl", "--out", out.string()});
  REQUIRE(exported.exitCode == 0);
  CHECK(readFile(out).find(kName) != std::string::npos);
  CHECK(h.run({"records", "export", "--format", "xml", "--out", out.string()}).exitCode == 2);

  // Nothing with resident data in the hub's files or its messages.
  std::map<std::string, std::string> needles = {{"name", kName}, {"note", "Thiếu CCCD"}};
  CHECK(scanDir(h.dir, needles).empty());
  CHECK(scanText("stderr", h.stderrLog, needles).empty());
}

TEST_CASE("gocua-hub: records export --format xlsx opens in a spreadsheet reader with Vietnamese headers and dates") {
  Hub h;
  h.setUp();
  auto gcb = h.exportBatch("b1.gcb");
  REQUIRE(h.run({"import", gcb.string()}).exitCode == 0);
  auto out = h.sb.root / "ho-so.xlsx";
  auto exported = h.run({"records", "export", "--format", "xlsx", "--out", out.string()});
  REQUIRE_MESSAGE(exported.exitCode == 0, exported.describe());
  CHECK(exported.parsed()["records"] == 1);
  // Read back as Excel would, with openpyxl: header row, one record row, a real date cell.
  const std::string script = R"(import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
rows = list(ws.iter_rows(values_only=True))
head = [c for c in rows[0]]
row = dict(zip(head, rows[1]))
print(json.dumps({"rows": len(rows), "head": head, "name": row["Họ và tên"],
                  "dob": str(row["Ngày sinh"]), "dob_is_date": hasattr(row["Ngày sinh"], "year"),
                  "frozen": ws.freeze_panes, "filter": ws.auto_filter.ref}, ensure_ascii=False)))";
  // The sandbox has no PATH of its own: Debian's python3 by its path (scripts/setup.sh installs openpyxl).
  auto read = runProcess({"/usr/bin/python3", "-c", script, out.string()}, h.env(), "");
  REQUIRE_MESSAGE(read.exitCode == 0, read.describe());
  auto j = read.parsed();
  CHECK(j["rows"] == 2);
  CHECK(j["head"][0] == "Mã hồ sơ");
  CHECK(j["name"] == kName);  // every diacritic intact
  CHECK(j["dob_is_date"] == true);
  CHECK(j["dob"].get<std::string>().rfind("1990-02-01", 0) == 0);
  CHECK(j["frozen"] == "A2");
  CHECK(j["filter"].get<std::string>().rfind("A1:", 0) == 0);

  // A filter naming no procedure or status: exit 2, nothing written.
  auto never = h.sb.root / "never.xlsx";
  CHECK(h.run({"records", "export", "--format", "xlsx", "--out", never.string(), "--procedure", "khong_co"}).exitCode ==
        2);
  CHECK(h.run({"records", "export", "--format", "xlsx", "--out", never.string(), "--status", "xong"}).exitCode == 2);
  CHECK_FALSE(fs::exists(never));
  // No temp file left beside the export.
  for (const auto& e : fs::directory_iterator(h.sb.root))
    CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
}

TEST_CASE("gocua-hub: an application for one of the next procedures is exported, imported and listed") {
  Hub h;
  h.setUp();
  const auto resident = h.sb.addResident({{"full_name", "Nguyễn Văn An"},
                                          {"date_of_birth", "12/04/1985"},
                                          {"sex", "male"},
                                          {"personal_id", "001085012345"},
                                          {"phone", "0912 345 678"}});
  auto answers = h.sb.writeFile("answers.json", sampleAnswers("civil_status_extract").dump());
  auto created = h.sb.ctl(
      {"application", "new", "--form", "civil_status_extract", "--resident", resident, "--file", answers.string()});
  fs::remove(answers);
  REQUIRE_MESSAGE(created.exitCode == 0, created.describe());
  CHECK(created.parsed()["status"] == "ready");

  auto imported = h.run({"import", h.exportBatch("procs.gcb").string()});
  REQUIRE_MESSAGE(imported.exitCode == 0, imported.describe());
  CHECK(imported.parsed()["accepted"] == 3);  // the two residents and the application
  auto listed = h.run({"records", "list", "--procedure", "civil_status_extract"});
  REQUIRE_MESSAGE(listed.exitCode == 0, listed.describe());
  REQUIRE(listed.parsed().size() == 1);
  CHECK(listed.parsed()[0]["kind"] == "application");
  CHECK(listed.parsed()[0]["procedure"] == "civil_status_extract");
}

TEST_CASE("gocua-hub: staff members with their own passphrases; every action in the audit log") {
  Hub h;
  auto device = h.setUp();  // init and enroll (twice) as the default staff member
  const std::string lanPass = "mật khẩu riêng của chị Lan";
  const EnvOverrides asLan = {{"GOCUA_STAFF", "Chị Lan"}, {"GOCUA_HUB_PASSPHRASE", lanPass}};

  auto list = h.run({"staff", "list"});
  REQUIRE(list.exitCode == 0);
  REQUIRE(list.parsed().size() == 1);
  CHECK(list.parsed()[0]["name"] == "Cán bộ 1");
  CHECK(list.parsed()[0]["added_by"] == "");

  auto noNewPass = h.run({"staff", "add", "Chị Lan"});
  CHECK(noNewPass.exitCode == 3);
  auto added = h.run({"staff", "add", "Chị Lan"}, {{"GOCUA_NEW_PASSPHRASE", lanPass}});
  REQUIRE_MESSAGE(added.exitCode == 0, added.describe());
  CHECK(added.parsed()["added_by"] == "Cán bộ 1");
  auto twice = h.run({"staff", "add", "Chị Lan"}, {{"GOCUA_NEW_PASSPHRASE", lanPass}});
  CHECK(twice.exitCode == 2);
  CHECK(twice.parsed()["errors"][0]["code"] == "hub.staff_exists");

  // Lan's passphrase opens the hub as Lan only (GOCUA_STAFF or --staff), not as the first staff member.
  auto out = h.sb.root / "ho-so.csv";
  auto exported = h.run({"records", "export", "--format", "csv", "--out", out.string()}, asLan);
  REQUIRE_MESSAGE(exported.exitCode == 0, exported.describe());
  CHECK(h.run({"staff", "list"}, {{"GOCUA_HUB_PASSPHRASE", lanPass}}).exitCode == 0);  // no unlock needed
  CHECK(h.run({"profile", "--out", (h.sb.root / "p.gcp").string()}, {{"GOCUA_HUB_PASSPHRASE", lanPass}}).exitCode == 3);
  REQUIRE(h.run({"--staff", "Chị Lan", "device", "revoke", device}, {{"GOCUA_HUB_PASSPHRASE", lanPass}}).exitCode == 0);

  auto unknown = h.run({"--staff", "Anh Tuấn", "audit"});
  CHECK(unknown.exitCode == 2);
  CHECK(unknown.parsed()["errors"][0]["code"] == "hub.unknown_staff");
  CHECK(unknown.err.find(catalogText("error.hub.unknown_staff", "vi")) != std::string::npos);
  CHECK(h.run({"audit", "--since", "hôm qua"}).exitCode == 2);

  auto self = h.run({"staff", "remove", "Chị Lan"}, asLan);
  CHECK(self.exitCode == 2);
  CHECK(self.parsed()["errors"][0]["code"] == "hub.staff_self");
  REQUIRE(h.run({"staff", "remove", "Chị Lan"}).exitCode == 0);
  CHECK(h.run({"audit"}, asLan).exitCode == 2);  // removed: no longer on the staff list

  auto audit = h.run({"audit", "--since", "2000-01-01"});
  REQUIRE_MESSAGE(audit.exitCode == 0, audit.describe());
  std::vector<std::string> lines;
  for (const auto& e : audit.parsed()) {
    CHECK(e["at"].get<std::string>().size() == 20);
    lines.push_back(e["staff"].get<std::string>() + " " + e["action"].get<std::string>() + " " +
                    e["target"].get<std::string>());
  }
  CHECK(lines == std::vector<std::string>{"Cán bộ 1 device.enroll " + device, "Cán bộ 1 device.enroll " + device,
                                          "Cán bộ 1 staff.add Chị Lan", "Chị Lan records.export ho-so.csv",
                                          "Chị Lan device.revoke " + device, "Cán bộ 1 staff.remove Chị Lan"});
  CHECK(h.run({"audit", "--since", "2199-01-01"}).parsed().empty());
  CHECK(h.stderrLog.find(kName) == std::string::npos);
}

TEST_CASE("gocua-hub: init takes the commune from the 2025 list; communes --search folds diacritics") {
  Hub h;
  auto unknown = h.run({"init", "--commune-code", "27001", "--commune-name", "Xã"});
  CHECK(unknown.exitCode == 2);
  CHECK(unknown.parsed()["errors"][0]["code"] == "hub.unknown_commune");
  CHECK(unknown.err.find(catalogText("error.hub.unknown_commune", "vi")) != std::string::npos);
  CHECK_FALSE(fs::exists(h.dir));  // nothing created

  auto found = h.run({"communes", "--search", "ba đinh"});
  REQUIRE(found.exitCode == 0);
  REQUIRE(found.parsed().size() >= 3);
  CHECK(found.parsed()[0]["code"] == "00004");
  CHECK(found.parsed()[0]["name"] == "Phường Ba Đình");
  CHECK(found.parsed()[0]["province"] == "Thành phố Hà Nội");
  CHECK(h.run({"communes", "--search", "không có xã này"}).parsed().empty());

  auto init = h.run({"init", "--commune-code", "00004"});
  REQUIRE_MESSAGE(init.exitCode == 0, init.describe());
  CHECK(init.parsed()["commune_name"] == "Phường Ba Đình");
  CHECK(init.parsed()["province"] == "Thành phố Hà Nội");
  CHECK(h.run({"profile", "--out", (h.sb.root / "p.gcp").string()}).parsed()["commune_name"] == "Phường Ba Đình");
}

TEST_CASE("gocuactl session add/list: a trainer's session is refused as the hub would, synced and counted") {
  Hub h;
  h.setUp();
  const json good = json::parse(R"({"date":"01/12/2026","village":"Thôn 1","place":"Nhà văn hoá thôn",
    "topics":["vneid_install","scam_awareness"],"trainers":["Lan"],
    "attendees":{"female":{"under_18":0,"18_59":12,"60_plus":5},"male":{"under_18":1,"18_59":8,"60_plus":3}},
    "helped":{"vneid_installed":9,"vneid_activated":7,"platform_enrolled":4},"notes":"Bà Hoà cần thêm buổi"})");
  auto added = h.sb.ctl({"session", "add"}, good.dump());
  REQUIRE_MESSAGE(added.exitCode == 0, added.describe());
  const std::string id = added.parsed()["id"];

  json bad = good;
  bad["date"] = "01/01/2099";
  bad["helped"]["vneid_installed"] = 40;
  bad["topics"] = json::array({"crypto_trading"});
  auto refused = h.sb.ctl({"session", "add", "--file", h.sb.writeFile("bad.json", bad.dump()).string()});
  CHECK(refused.exitCode == 2);
  std::set<std::string> codes;
  const json answer = refused.parsed();  // held: a loop over a temporary's member would dangle
  for (const auto& e : answer["errors"]) codes.insert(e["code"].get<std::string>());
  CHECK(codes == std::set<std::string>{"date.future", "skills.unknown_topic", "skills.helped_more_than_attended"});
  CHECK(refused.err.find("nhiều hơn số người tham dự") != std::string::npos);  // Vietnamese by default

  auto listed = h.sb.ctl({"session", "list"}).parsed();
  REQUIRE(listed.size() == 1);
  CHECK(listed[0]["id"] == id);
  CHECK(listed[0]["attended"] == 29);
  CHECK(listed[0]["notes"] == "Bà Hoà cần thêm buổi");
  CHECK(listed[0]["sync_state"] == "unsynced");

  auto imported = h.run({"import", h.exportBatch("s.gcb").string()});
  REQUIRE_MESSAGE(imported.exitCode == 0, imported.describe());
  CHECK(imported.parsed()["accepted"] == 2);  // the resident from setUp and the session
  auto sessions = h.run({"records", "list"}).parsed();
  int seen = 0;
  for (const auto& r : sessions) seen += r["kind"] == "skills_session" && r["id"] == id;
  CHECK(seen == 1);
  CHECK(scanDir(h.dir, {{"note", "Bà Hoà cần thêm buổi"}}).empty());

  // The monthly report (the month the session was held): per village and volunteer, in Excel.
  auto report = h.sb.root / "bao-cao.xlsx";
  CHECK(h.run({"report", "--month", "2026-13", "--out", report.string()}).exitCode == 2);
  CHECK_FALSE(fs::exists(report));
  auto made = h.run({"report", "--month", "2026-12", "--out", report.string()});
  REQUIRE_MESSAGE(made.exitCode == 0, made.describe());
  CHECK(made.parsed()["total"]["sessions"] == 1);
  CHECK(made.parsed()["total"]["trained"] == 29);
  const json sheet = xlsxRows(report);
  CHECK(sheet[0][0] == "Nhóm");
  CHECK(sheet[0][10] == "Người được hướng dẫn");
  // The header, then Thôn 1 (the session), Lan (volunteer), the total.
  REQUIRE(sheet.size() == 4);
  CHECK(sheet[1][0] == "Thôn");
  CHECK(sheet[1][1] == "Thôn 1");
  CHECK(sheet[1][10] == 29);
  CHECK(sheet[2][1] == "Lan");
  CHECK(sheet[3][0] == "Tổng cộng");
  auto audit = h.run({"audit"}).parsed();
  CHECK(audit.back()["action"] == "report");
  // One laptop only: nothing to compare across laptops.
  auto dups = h.run({"duplicates"});
  CHECK(dups.exitCode == 0);
  CHECK(dups.parsed() == json::array());
}

#endif  // GOCUA_HUB
