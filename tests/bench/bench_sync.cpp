// gocua-bench-sync: the sync benchmarks of issues 3 and 13. N synthetic residents in an enrolled
// workspace; export (time, batch size against the NDJSON it carries) against the peers a user
// could script without GoCua (`sqlcipher enc.db 'select body from r' | zstd -3 | age -r KEY`, the
// encrypted-at-rest one the target is held to, and the same from plain `sqlite3` for
// information), the hub's import of the batch (`gocua-hub import` as a process: wall time and
// peak RSS), and a whole `sync` over loopback against `gocua-hub serve` (export, upload, import,
// receipt and apply; the server's peak RSS), and the floors under those figures measured in the
// same run (sync_limits.h). Prints one JSON object with the targets and whether each was met.
//
// Usage: gocua-bench-sync --hub-bin PATH [--residents N] [--dir DIR]
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "store/db.h"
#include "sync/batch/batch.h"
#include "sync/client/client.h"
#include "sync_limits.h"
#include "vault/keyslot.h"
#include "workspace/demo_data.h"
#include "workspace/workspace.h"

using namespace gocua;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using nlohmann::json;

namespace {

const std::string kPass = "bench passphrase 2026";
const std::string kHubPass = "bench hub passphrase 2026";

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

[[noreturn]] void die(const std::string& what) {
  std::cerr << "bench-sync: " << what << "\n";
  std::exit(1);
}
[[noreturn]] void die(const Error& e) { die(e.code + " " + e.detail); }

struct Child {
  int status = 0;
  double seconds = 0;
  long maxRssKiB = 0;
  double cpuSeconds = 0;  // user + system, the target's own
  std::string out;
};

// Linux keeps a process's peak RSS across exec, so a child forked straight from this (large)
// benchmark would report the benchmark's own size. Children are therefore started by a fresh,
// small copy of this program ("--measured FD target args..."): it forks the target, waits, and
// writes the target's own peak RSS to FD. A long-running server is measured from /proc (VmHWM,
// which belongs to the memory image made by exec).
int measuredMain(int statsFd, char** argv) {
  pid_t pid = ::fork();
  if (pid == 0) {
    ::execv(argv[0], argv);
    ::_exit(127);
  }
  int status = 0;
  rusage usage{};
  ::wait4(pid, &status, 0, &usage);
  const double cpu = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                     static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  const std::string stats = std::to_string(usage.ru_maxrss) + " " + std::to_string(cpu) + "\n";
  if (::write(statsFd, stats.data(), stats.size()) < 0) return 126;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 125;
}

// CPU seconds (user + system) a running process has used so far, from /proc.
double cpuSecondsOf(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto close = stat.rfind(')');  // the command name may hold spaces
  if (close == std::string::npos) return 0;
  std::istringstream fields(stat.substr(close + 2));
  std::string field;
  long ticks = 0;
  for (int i = 3; i <= 15 && fields >> field; ++i)  // utime and stime are fields 14 and 15
    if (i >= 14) ticks += std::stol(field);
  return static_cast<double>(ticks) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

double cores() { return std::max(1u, std::thread::hardware_concurrency()); }

double ownCpuSeconds() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

long peakRssKiB(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  return 0;
}

// Runs argv with extra environment, capturing stdout; wall time and the child's own peak RSS.
Child run(const std::vector<std::string>& argv, const std::vector<std::string>& extraEnv) {
  int pipeFd[2], statsFd[2];
  if (::pipe(pipeFd) != 0 || ::pipe(statsFd) != 0) die("pipe");
  auto start = Clock::now();
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(pipeFd[1], 1);
    ::close(pipeFd[0]);
    ::close(statsFd[0]);
    for (const auto& e : extraEnv) ::putenv(const_cast<char*>(e.c_str()));
    const std::string fd = std::to_string(statsFd[1]);
    std::vector<char*> args{const_cast<char*>("/proc/self/exe"), const_cast<char*>("--measured"),
                            const_cast<char*>(fd.c_str())};
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  ::close(pipeFd[1]);
  ::close(statsFd[1]);
  Child c;
  char buf[4096];
  ssize_t n;
  while ((n = ::read(pipeFd[0], buf, sizeof buf)) > 0) c.out.append(buf, static_cast<std::size_t>(n));
  ::close(pipeFd[0]);
  ::waitpid(pid, &c.status, 0);
  c.seconds = secondsSince(start);
  std::string stats;
  while ((n = ::read(statsFd[0], buf, sizeof buf)) > 0) stats.append(buf, static_cast<std::size_t>(n));
  ::close(statsFd[0]);
  std::istringstream(stats) >> c.maxRssKiB >> c.cpuSeconds;
  return c;
}

std::vector<std::string> hubEnv() { return {"GOCUA_HUB_PASSPHRASE=" + kHubPass, "GOCUA_KDF=interactive"}; }

// Runs a shell pipeline; its wall time, less the same command's fixed start (and key derivation)
// measured on its own, as a user would see it per export.
double pipelineSeconds(const std::string& cmd, const std::string& fixedCmd) {
  auto start = Clock::now();
  if (std::system(fixedCmd.c_str()) != 0) die("peer start: " + fixedCmd);
  const double fixed = secondsSince(start);
  start = Clock::now();
  if (std::system(cmd.c_str()) != 0) die("peer pipeline: " + cmd);
  return std::max(0.0, secondsSince(start) - fixed);
}

// The peers: the same records as JSON in an SQLite table, read out and piped through zstd and
// age. The one held to the target keeps them encrypted at rest as GoCua does (SQLCipher, Debian's
// sqlcipher); the plaintext one is printed for information.
json peers(const fs::path& dir, const std::vector<std::string>& bodies) {
  fs::path db = dir / "plain.db", encrypted = dir / "sqlcipher.db";
  {
    auto plain = store::Db::open(db, true);
    if (!plain) die(plain.error());
    (void)plain->exec("CREATE TABLE r(body TEXT)");
    (void)plain->exec("BEGIN");
    auto st = plain->prepare("INSERT INTO r(body) VALUES(?1)");
    if (!st) die(st.error());
    for (const auto& b : bodies) {
      if (auto ok = st->bind(1, b).run(); !ok) die(ok.error());
      st->reset();
    }
    (void)plain->exec("COMMIT");
  }
  const std::string keyPragma = "PRAGMA key='bench-peer-passphrase';";
  if (std::system(("sqlcipher '" + db.string() + "' \"ATTACH DATABASE '" + encrypted.string() +
                   "' AS enc KEY 'bench-peer-passphrase'; SELECT sqlcipher_export('enc'); DETACH DATABASE enc;\"" +
                   " > /dev/null")
                      .c_str()) != 0)
    die("sqlcipher_export");
  fs::path key = dir / "age.key";
  if (std::system(("age-keygen -o '" + key.string() + "' 2>/dev/null").c_str()) != 0) die("age-keygen");
  std::string recipient;
  {
    std::ifstream in(key);
    std::string line;
    while (std::getline(in, line))
      if (line.rfind("# public key: ", 0) == 0) recipient = line.substr(14);
  }
  const std::string tail = " | zstd -3 -q | age -r " + recipient + " > '";
  const std::string plainCmd =
      "sqlite3 '" + db.string() + "' 'select body from r'" + tail + (dir / "plain.age").string() + "'";
  const std::string plainFixed = "sqlite3 '" + db.string() + "' 'select count(*) from sqlite_master' > /dev/null";
  const std::string cipherCmd = "sqlcipher -cmd \"" + keyPragma + "\" '" + encrypted.string() +
                                "' 'select body from r'" + tail + (dir / "sqlcipher.age").string() + "'";
  const std::string cipherFixed = "sqlcipher -cmd \"" + keyPragma + "\" '" + encrypted.string() +
                                  "' 'select count(*) from sqlite_master' > /dev/null";
  json out;
  out["plain"] = {{"seconds", pipelineSeconds(plainCmd, plainFixed)}, {"bytes", fs::file_size(dir / "plain.age")}};
  out["sqlcipher"] = {{"seconds", pipelineSeconds(cipherCmd, cipherFixed)},
                      {"bytes", fs::file_size(dir / "sqlcipher.age")}};
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 3 && !std::strcmp(argv[1], "--measured")) return measuredMain(std::atoi(argv[2]), argv + 3);
  int count = 100000;
  fs::path dir = fs::temp_directory_path() / "gocua-bench-sync";
  std::string hubBin;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--residents"))
      count = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--dir"))
      dir = argv[i + 1];
    else if (!std::strcmp(argv[i], "--hub-bin"))
      hubBin = argv[i + 1];
  }
  if (hubBin.empty()) die("--hub-bin PATH is required");
  if (auto st = vault::init(); !st) die(st.error());
  fs::remove_all(dir);
  fs::create_directories(dir);
  json out = {{"residents", count}};

  // Hub and an enrolled laptop with N residents (KDF at the floor: it is not what is measured).
  fs::path hubDir = dir / "hub";
  auto initHub = run(
      {hubBin, "--data", hubDir.string(), "init", "--commune-code", "27004", "--commune-name", "Xã Bench"}, hubEnv());
  if (initHub.status != 0) die("gocua-hub init");
  auto ws = workspace::Workspace::create(dir / "ws", "Bench", kPass, false, vault::interactiveKdf());
  if (!ws) die(ws.error());
  auto session = (*ws)->unlock("", kPass);
  if (!session) die(session.error());
  auto request = (*session)->enrollmentRequest();
  if (!request) die(request.error());
  std::ofstream(dir / "req.gcq") << *request;
  auto enroll = run({hubBin, "--data", hubDir.string(), "device", "enroll", (dir / "req.gcq").string(), "--profile-out",
                     (dir / "xa.gcp").string()},
                    hubEnv());
  if (enroll.status != 0) die("gocua-hub device enroll");
  std::stringstream profile;
  profile << std::ifstream(dir / "xa.gcp").rdbuf();
  if (auto e = (*session)->enroll(profile.str()); !e) die(e.error());

  workspace::DemoOptions options;
  options.residents = count;
  options.seed = 2026;
  options.today = core::today();
  std::stringstream ndjson;
  workspace::writeDemoResidentsNdjson(ndjson, options);
  std::vector<std::string> bodies;
  {
    std::string line;
    std::istringstream lines(ndjson.str());
    while (std::getline(lines, line)) bodies.push_back(line);
  }
  auto imported = (*session)->importResidents(ndjson);
  if (!imported) die(imported.error());

  // Export.
  fs::path batch = dir / "batch.gcb";
  const double exportCpuBefore = ownCpuSeconds();
  auto start = Clock::now();
  auto exported = (*session)->exportBatch(batch);
  double exportSeconds = secondsSince(start);
  const double exportCpu = ownCpuSeconds() - exportCpuBefore;
  if (!exported) die(exported.error());
  std::uint64_t ndjsonBytes = 0;
  for (const auto& b : bodies) ndjsonBytes += b.size() + 1;
  out["export"] = {{"seconds", exportSeconds},
                   {"cpu_seconds", exportCpu},
                   {"records", exported->records},
                   {"batch_bytes", exported->bytes},
                   {"resident_ndjson_bytes", ndjsonBytes},
                   {"ratio_to_ndjson", static_cast<double>(exported->bytes) / static_cast<double>(ndjsonBytes)}};
  auto peerResult = peers(dir, bodies);
  out["peer_sqlcipher_zstd_age"] = peerResult["sqlcipher"];
  out["peer_sqlite_zstd_age"] = peerResult["plain"];
  out["export_vs_encrypted_peer"] = exportSeconds / peerResult["sqlcipher"]["seconds"].get<double>();
  out["export_vs_plain_peer"] = exportSeconds / peerResult["plain"]["seconds"].get<double>();  // for information

  // Hub import of that batch, as staff would run it.
  auto hubImport =
      run({hubBin, "--data", hubDir.string(), "import", batch.string(), "--receipt-out", (dir / "batch.gcr").string()},
          hubEnv());
  if (hubImport.status != 0) die("gocua-hub import: " + hubImport.out);
  // The same process's start and staff-key unlock alone (an audit query for a day to come), which
  // issue 13 holds apart from the import itself.
  auto unlockOnly = run({hubBin, "--data", hubDir.string(), "audit", "--since", "31/12/2099"}, hubEnv());
  if (unlockOnly.status != 0) die("gocua-hub audit: " + unlockOnly.out);
  const double importOnly = std::max(1e-3, hubImport.seconds - unlockOnly.seconds);
  out["hub_import"] = {
      {"seconds", hubImport.seconds},
      {"start_and_unlock_seconds", unlockOnly.seconds},
      {"records_per_second", static_cast<double>(exported->records) / importOnly},
      {"records_per_second_unlock_included", static_cast<double>(exported->records) / hubImport.seconds},
      {"peak_rss_mib", hubImport.maxRssKiB / 1024.0},
      {"cpu_seconds", hubImport.cpuSeconds},
      {"start_and_unlock_cpu_seconds", unlockOnly.cpuSeconds},
      {"summary", json::parse(hubImport.out, nullptr, false)}};

  // The laptop applies the hub's receipt, as a volunteer back from the office would.
  {
    std::stringstream receipt;
    receipt << std::ifstream(dir / "batch.gcr").rdbuf();
    auto applied = (*session)->applyReceipt(receipt.str());
    if (!applied) die(applied.error());
    if (applied->synced != exported->records) die("receipt acknowledged " + std::to_string(applied->synced));
  }

  // End to end over loopback: new records on the laptop, `sync` against `gocua-hub serve`.
  std::stringstream more;
  options.seed = 2027;
  workspace::writeDemoResidentsNdjson(more, options);
  // Same generator, other seed: personal IDs may collide with the first set; those lines are
  // refused as duplicates and simply not counted.
  auto second = (*session)->importResidents(more);
  if (!second) die(second.error());
  int serverPipe[2];
  if (::pipe(serverPipe) != 0) die("pipe");
  pid_t server = ::fork();
  if (server == 0) {
    ::dup2(serverPipe[1], 1);
    ::close(serverPipe[0]);
    static const std::vector<std::string> env = hubEnv();  // putenv keeps the pointers
    for (const auto& e : env) ::putenv(const_cast<char*>(e.c_str()));
    ::execl(hubBin.c_str(), hubBin.c_str(), "--data", hubDir.c_str(), "serve", "--listen", "127.0.0.1:0", nullptr);
    ::_exit(127);
  }
  ::close(serverPipe[1]);
  std::string line;
  char c;
  while (::read(serverPipe[0], &c, 1) == 1 && c != '\n') line += c;
  auto listening = json::parse(line, nullptr, false);
  if (!listening.is_object()) die("serve did not start: " + line);
  // When each stage began, from the progress the app shows: where the seconds go.
  json stages = json::object();
  const double hubCpuBefore = cpuSecondsOf(server), laptopCpuBefore = ownCpuSeconds();
  start = Clock::now();
  auto synced = sync::syncWithHub(**session, "http://" + listening["listening"].get<std::string>(),
                                  [&](const sync::SyncProgress& p) {
                                    static const char* names[] = {"export", "upload", "receipt", "status"};
                                    const char* name = names[static_cast<int>(p.stage)];
                                    if (!stages.contains(name)) stages[name] = secondsSince(start);
                                    // the last byte sent: what follows until the receipt is the hub's import
                                    if (p.stage == sync::SyncProgress::Stage::Upload && p.total > 0 &&
                                        p.done == p.total && !stages.contains("uploaded"))
                                      stages["uploaded"] = secondsSince(start);
                                    return true;
                                  });
  double syncSeconds = secondsSince(start);
  const double laptopCpu = ownCpuSeconds() - laptopCpuBefore, hubCpu = cpuSecondsOf(server) - hubCpuBefore;
  const long serverPeakKiB = peakRssKiB(server);
  ::kill(server, SIGTERM);
  int serverStatus = 0;
  ::waitpid(server, &serverStatus, 0);
  ::close(serverPipe[0]);
  if (!synced) die(synced.error());
  out["sync_loopback"] = {{"seconds", syncSeconds},
                          {"records", synced->exported.records},
                          {"bytes", synced->exported.bytes},
                          {"acknowledged", synced->batchReceipt.synced},
                          {"stage_started_at", stages},
                          {"server_peak_rss_mib", serverPeakKiB / 1024.0},
                          // Both ends share this machine's cores: the work they did, and the
                          // seconds it needs at the very least with every core busy throughout.
                          {"cpu_seconds", {{"laptop", laptopCpu}, {"hub", hubCpu}}},
                          {"cpu_bound_seconds", (laptopCpu + hubCpu) / cores()}};

  const double peakMb = std::max(out["hub_import"]["peak_rss_mib"].get<double>(),
                                 out["sync_loopback"]["server_peak_rss_mib"].get<double>()) *
                        1.048576;
  // What the same records cost SQLite, the parse, sealing and compression alone: the floors the
  // figures above cannot go below on this machine (sync_limits.h).
  out["limits"] = bench::measureSyncLimits({dir, hubDir / "hub.db", dir / "ws" / "gocua.db", bodies,
                                            peerResult["sqlcipher"]["seconds"].get<double>(),
                                            static_cast<std::size_t>(exported->bytes)});

  // Issue 13's targets. The hub import is held to its target with the process's start and the
  // staff key's unlock left out, as the issue asks; the figure with them is printed beside it.
  out["targets"] = {{"export_vs_encrypted_peer", 0.5},
                    {"ratio_to_ndjson", 0.25},
                    {"hub_import_records_per_second", 150000},
                    {"hub_peak_rss_mb", 150},
                    {"sync_loopback_seconds", 2.0}};
  out["met"] = {{"export_vs_encrypted_peer", out["export_vs_encrypted_peer"].get<double>() <= 0.5},
                {"ratio_to_ndjson", out["export"]["ratio_to_ndjson"].get<double>() <= 0.25},
                {"hub_import_records_per_second", out["hub_import"]["records_per_second"].get<double>() >= 150000},
                {"hub_peak_rss_mb", peakMb <= 150},
                {"sync_loopback_seconds", out["sync_loopback"]["seconds"].get<double>() <= 2.0}};

  if (!std::getenv("GOCUA_BENCH_KEEP")) fs::remove_all(dir);
  std::cout << out.dump(2) << "\n";
  return 0;
}
