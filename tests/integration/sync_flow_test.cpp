// The whole sync flow with the real binaries, as a commune would run it: hub init → enrollment by
// USB stick → residents → export → hub import → review → receipt → needs-documents shown on the
// laptop; replay by USB; then the same over HTTP with `gocua-hub serve` on loopback. Ends with a
// scan of the hub, the workspace, $TMPDIR and every stderr for residents' data in clear.
#ifdef GOCUA_HUB

#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "harness.h"

using namespace it;

namespace {

const std::string kHubPass = "mật khẩu cán bộ xã 2026";

// The hub CLI with the sandbox's environment plus the staff passphrase.
RunResult hub(Sandbox& sb, const fs::path& data, const std::vector<std::string>& args, std::string* stderrLog) {
  std::vector<std::string> argv = {GOCUA_HUB, "--data", data.string()};
  argv.insert(argv.end(), args.begin(), args.end());
  Env env = sb.env;
  env.erase("GOCUA_PASSPHRASE");
  env["GOCUA_HUB_PASSPHRASE"] = kHubPass;
  auto r = runProcess(argv, env, "", 120);
  *stderrLog += r.err;
  return r;
}

// `gocua-hub serve` in the background: started, its {"listening":...} line read, killed at the end.
class Server {
 public:
  Server(Sandbox& sb, const fs::path& data) {
    int out[2];
    REQUIRE(::pipe(out) == 0);
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      ::setsid();
      ::dup2(out[1], 1);
      int devnull = ::open("/dev/null", O_RDWR);
      ::dup2(devnull, 0);
      ::dup2(devnull, 2);
      ::close(out[0]);
      std::vector<std::string> env;
      for (const auto& [k, v] : sb.env)
        if (k != "GOCUA_PASSPHRASE") env.push_back(k + "=" + v);
      env.push_back("GOCUA_HUB_PASSPHRASE=" + kHubPass);
      std::vector<char*> envp, argv;
      for (auto& e : env) envp.push_back(e.data());
      envp.push_back(nullptr);
      std::vector<std::string> args = {GOCUA_HUB, "--data", data.string(), "serve", "--listen", "127.0.0.1:0"};
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execve(argv[0], argv.data(), envp.data());
      ::_exit(127);
    }
    ::close(out[1]);
    std::string line;
    char c;
    while (::read(out[0], &c, 1) == 1 && c != '\n') line += c;
    ::close(out[0]);
    auto j = json::parse(line, nullptr, false);
    REQUIRE_MESSAGE(j.is_object(), "serve printed: " << line);
    address = j["listening"].get<std::string>();
  }
  ~Server() {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
  std::string address;

 private:
  pid_t pid_ = -1;
};

}  // namespace

TEST_CASE("sync end to end: enroll, export, import, review, receipt, needs-documents; replay; HTTP") {
  Sandbox sb;
  std::string hubErr;
  sb.init("Lan");
  fs::path hubDir = sb.root / "hub", usb = sb.root / "usb";
  fs::create_directories(usb);

  auto init = hub(sb, hubDir,
                  {"init", "--commune-code", "27004", "--commune-name", "Xã Tân Lập", "--village", "Thôn Đông",
                   "--village", "Thôn Tây"},
                  &hubErr);
  REQUIRE_MESSAGE(init.exitCode == 0, init.describe());

  // Enrollment, both ways on the stick.
  auto request = sb.ctl({"enroll-request", "--out", (usb / "lan.gcq").string()});
  REQUIRE_MESSAGE(request.exitCode == 0, request.describe());
  auto enrolled =
      hub(sb, hubDir, {"device", "enroll", (usb / "lan.gcq").string(), "--profile-out", (usb / "xa.gcp").string()},
          &hubErr);
  REQUIRE_MESSAGE(enrolled.exitCode == 0, enrolled.describe());
  std::string deviceId = enrolled.parsed()["device_id"].get<std::string>();
  auto joined = sb.ctl({"enroll", "--profile", (usb / "xa.gcp").string()});
  REQUIRE_MESSAGE(joined.exitCode == 0, joined.describe());
  auto posted = hub(sb, hubDir, {"profile", "--out", (sb.root / "poster.gcp").string()}, &hubErr);
  REQUIRE_MESSAGE(posted.exitCode == 0, posted.describe());
  CHECK(joined.parsed()["fingerprint"] == posted.parsed()["fingerprint"]);
  CHECK(joined.parsed()["commune"] == "Xã Tân Lập");

  // Three residents at the door.
  json an = {{"full_name", "Nguyễn Văn An"},  {"date_of_birth", "05/03/1990"}, {"sex", "male"},
             {"personal_id", "001090123456"}, {"phone", "0912345678"},         {"village", "Thôn Đông"}};
  json binh = {{"full_name", "Trần Thị Bình"},
               {"date_of_birth", "06/04/1990"},
               {"sex", "female"},
               {"personal_id", "001190123457"},
               {"village", "Thôn Tây"}};
  json cuong = {{"full_name", "Lê Văn Cường"},
                {"date_of_birth", "07/05/1985"},
                {"sex", "male"},
                {"personal_id", "001085123458"},
                {"village", "Thôn Đông"}};
  std::string idAn = sb.addResident(an), idBinh = sb.addResident(binh);
  sb.addResident(cuong);

  // USB: export, hub import of the folder (receipt beside the batch), review, receipt back.
  auto exported = sb.ctl({"export", "--out", (usb / "lan-1.gcb").string()});
  REQUIRE_MESSAGE(exported.exitCode == 0, exported.describe());
  CHECK(exported.parsed()["records"] == 3);
  CHECK(exported.parsed()["sequence"] == 1);
  auto imported = hub(sb, hubDir, {"import", usb.string()}, &hubErr);
  REQUIRE_MESSAGE(imported.exitCode == 0, imported.describe());
  REQUIRE(fs::exists(usb / "lan-1.gcr"));
  std::string firstReceipt = readFile(usb / "lan-1.gcr");

  auto list = hub(sb, hubDir, {"records", "list"}, &hubErr);
  REQUIRE_MESSAGE(list.exitCode == 0, list.describe());
  CHECK(list.parsed().size() == 3);
  auto review =
      hub(sb, hubDir,
          {"review", "set", idBinh, "--status", "needs_documents", "--note", "Thiếu bản sao giấy khai sinh"}, &hubErr);
  REQUIRE_MESSAGE(review.exitCode == 0, review.describe());

  auto applied = sb.ctl({"receipt", "apply", (usb / "lan-1.gcr").string()});
  REQUIRE_MESSAGE(applied.exitCode == 0, applied.describe());
  CHECK(applied.parsed()["synced"] == 3);

  auto statusOut =
      hub(sb, hubDir, {"status-out", "--device", deviceId, "--out", (usb / "status.gcr").string()}, &hubErr);
  REQUIRE_MESSAGE(statusOut.exitCode == 0, statusOut.describe());
  auto statusApplied = sb.ctl({"receipt", "apply", (usb / "status.gcr").string()});
  REQUIRE_MESSAGE(statusApplied.exitCode == 0, statusApplied.describe());
  auto status = sb.ctl({"status"});
  REQUIRE_MESSAGE(status.exitCode == 0, status.describe());
  auto s = status.parsed();
  CHECK(s["synced"] == 3);
  CHECK(s["unsynced"] == 0);
  REQUIRE(s["needs_documents"].size() == 1);
  CHECK(s["needs_documents"][0]["id"] == idBinh);
  CHECK(s["needs_documents"][0]["name"] == "Trần Thị Bình");
  CHECK(s["needs_documents"][0]["note"] == "Thiếu bản sao giấy khai sinh");

  // Replay by USB: the same receipt, nothing new at the hub.
  fs::remove(usb / "lan-1.gcr");
  auto replay = hub(sb, hubDir,
                    {"import", (usb / "lan-1.gcb").string(), "--receipt-out", (usb / "replay.gcr").string()}, &hubErr);
  CHECK_MESSAGE(replay.exitCode == 0, replay.describe());
  CHECK(readFile(usb / "replay.gcr") == firstReceipt);
  CHECK(hub(sb, hubDir, {"records", "list"}, &hubErr).parsed().size() == 3);

  // A tampered receipt marks nothing.
  std::string bad = firstReceipt;
  bad[bad.size() / 2] ^= 1;
  auto tampered = sb.ctl({"receipt", "apply", sb.writeFile("bad.gcr", bad).string()});
  CHECK(tampered.exitCode != 0);

  // The office publishes its own form pack (a broken file first: refused, nothing published).
  fs::path officeForms = sb.root / "forms-xa";
  fs::copy(sourceDir() / "forms", officeForms, fs::copy_options::recursive);
  std::ofstream(officeForms / "broken.json") << "{\"id\": ";
  auto refusedPack = hub(sb, hubDir, {"forms", "publish", "--dir", officeForms.string()}, &hubErr);
  CHECK_MESSAGE(refusedPack.exitCode == 2, refusedPack.describe());
  fs::remove(officeForms / "broken.json");
  auto birth = json::parse(readFile(officeForms / "birth_registration.json"));
  birth["title"]["vi"] = "Đăng ký khai sinh (mẫu của xã Tân Lập)";
  std::ofstream(officeForms / "birth_registration.json", std::ios::trunc) << birth.dump(2);
  auto published = hub(sb, hubDir, {"forms", "publish", "--dir", officeForms.string()}, &hubErr);
  REQUIRE_MESSAGE(published.exitCode == 0, published.describe());
  CHECK(published.parsed()["form_pack"] == 1);

  // HTTP: two new residents, one `sync`.
  {
    Server server(sb, hubDir);
    json dung = {{"full_name", "Phạm Thị Dung"},
                 {"date_of_birth", "08/06/1992"},
                 {"sex", "female"},
                 {"personal_id", "001192123459"},
                 {"village", "Thôn Tây"}};
    json em = {{"full_name", "Hoàng Văn Em"},
               {"date_of_birth", "09/07/1975"},
               {"sex", "male"},
               {"personal_id", "001075123450"},
               {"village", "Thôn Đông"}};
    sb.addResident(dung);
    sb.addResident(em);
    auto synced = sb.ctl({"sync", "--hub", "http://" + server.address});
    REQUIRE_MESSAGE(synced.exitCode == 0, synced.describe());
    auto j = synced.parsed();
    CHECK(j["export"]["records"] == 2);
    CHECK(j["receipt"]["synced"] == 2);
    CHECK(j["receipt"]["batch_status"] == "imported");
    CHECK(j["receipt"]["form_pack"] == 1);  // the pack came with the receipt and is installed
    // Nothing new: a second sync sends no batch and still fetches the review status.
    auto idle = sb.ctl({"sync", "--hub", "http://" + server.address});
    REQUIRE_MESSAGE(idle.exitCode == 0, idle.describe());
    CHECK(idle.parsed()["export"]["records"] == 0);
  }
  CHECK(hub(sb, hubDir, {"records", "list"}, &hubErr).parsed().size() == 5);
  auto finalStatus = sb.ctl({"status"}).parsed();
  CHECK(finalStatus["synced"] == 5);
  auto shown = sb.ctl({"forms", "show", "birth_registration"});
  REQUIRE_MESSAGE(shown.exitCode == 0, shown.describe());
  CHECK(shown.parsed()["title"]["vi"] == "Đăng ký khai sinh (mẫu của xã Tân Lập)");

  // No resident data in clear anywhere but the exports a person asks for (none here).
  std::map<std::string, std::string> needles;
  for (const auto& r : {an, binh, cuong}) {
    std::string name = r["full_name"];
    needles["name " + name] = nfc(name);
    needles["nfd " + name] = nfd(name);
    needles["id " + name] = r["personal_id"];
  }
  needles["phone"] = "0912345678";
  needles["note"] = "Thiếu bản sao giấy khai sinh";
  for (const auto& dir : {hubDir, sb.workspace, sb.tmp, usb}) {
    auto leaks = scanDir(dir, needles);
    for (const auto& l : leaks) FAIL_CHECK("leak of " << l.what << " in " << l.where);
  }
  for (const auto& l : scanText("stderr", sb.allStderr() + hubErr, needles))
    FAIL_CHECK("leak of " << l.what << " in " << l.where);
}

#endif  // GOCUA_HUB
