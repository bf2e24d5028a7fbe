// gocua-bench-workspace: the core benchmark of issue 2. 100,000 synthetic residents through the
// resident-import path, then unlock (Argon2id and decrypt+index timed apart; the import's lock
// leaves the sealed index copy that unlock opens, and a second unlock without it times the full
// load), 1,000 searches
// (and 500 of the kinds issue 11 added: phone without 0, last digits, date of birth, a typo;
// and the 1,000 again as Home asks, every hit counted),
// database size and peak RSS; raw SQLite inserts and XChaCha20-Poly1305 sealing measured in the
// same run as the limits the import cannot beat. Prints one JSON object.
//
// Usage: gocua-bench-workspace [--residents N] [--dir DIR] [--kdf interactive|moderate]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>

#include "core/errors.h"
#include "core/text.h"
#include "store/db.h"
#include "vault/record_cipher.h"
#include "workspace/demo_data.h"
#include "workspace/errors.h"
#include "workspace/index_snapshot.h"
#include "workspace/workspace.h"

using namespace gocua;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

long peakRssKiB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

std::uintmax_t dirSize(const fs::path& dir) {
  std::uintmax_t total = 0;
  for (auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file()) total += e.file_size();
  return total;
}

[[noreturn]] void die(const Error& e) {
  std::cerr << "bench: " << e.code << " " << e.detail << "\n";
  std::exit(1);
}

// 1,000 queries a volunteer would type: common surnames, full names, ID prefixes, phones.
std::vector<std::string> makeQueries(const std::vector<nlohmann::json>& residents) {
  if (residents.empty()) return {};
  std::vector<std::string> q;
  std::mt19937_64 rng(42);
  const char* surnames[] = {"nguyen", "tran", "le", "pham", "hoang", "Nguyễn", "Trần Thị", "dang", "đặng"};
  for (int i = 0; i < 1000; ++i) {
    const auto& r = residents[rng() % residents.size()];
    switch (i % 4) {
      case 0:
        q.push_back(surnames[rng() % std::size(surnames)]);
        break;
      case 1:
        q.push_back(r["full_name"].get<std::string>());
        break;
      case 2:
        q.push_back(r.contains("personal_id") ? r["personal_id"].get<std::string>().substr(0, 6 + rng() % 6) : "0380");
        break;
      default:
        q.push_back(r.contains("phone") ? r["phone"].get<std::string>().substr(0, 4 + rng() % 6) : "0912");
        break;
    }
  }
  return q;
}

// 500 queries of the kinds issue 11 added: a phone without its 0, the last 4-6 digits of a phone
// or ID number, a full date of birth (d/m/yyyy), and a full name with one letter left out.
std::vector<std::string> makeNewKindQueries(const std::vector<nlohmann::json>& residents) {
  if (residents.empty()) return {};
  std::vector<std::string> q;
  std::mt19937_64 rng(43);
  for (int i = 0; i < 500; ++i) {
    const auto& r = residents[rng() % residents.size()];
    const std::string phone = r.contains("phone") ? r["phone"].get<std::string>() : "0912345678";
    const std::string id = r.contains("personal_id") ? r["personal_id"].get<std::string>() : "001090123456";
    switch (i % 4) {
      case 0:
        q.push_back(phone.substr(1));
        break;
      case 1: {
        const std::string& digits = rng() % 2 ? phone : id;
        q.push_back(digits.substr(digits.size() - (4 + rng() % 3)));
        break;
      }
      case 2: {
        std::string dob = r["date_of_birth"].get<std::string>();
        if (dob.size() == 10 && dob[0] == '0') dob.erase(0, 1);  // d/mm/yyyy as often written
        q.push_back(dob);
        break;
      }
      default: {
        // The second letter of the first word of 6+ letters left out ("Nuyễn Văn An").
        std::string name = r["full_name"].get<std::string>();
        for (std::size_t i = 0; i < name.size();) {
          const std::size_t end = std::min(name.find(' ', i), name.size());
          if (core::foldKey(name.substr(i, end - i)).size() >= 6 && static_cast<unsigned char>(name[i + 1]) < 0x80) {
            name.erase(i + 1, 1);
            break;
          }
          i = end + 1;
        }
        q.push_back(name);
        break;
      }
    }
  }
  return q;
}

// Runs this program again for one phase, so each phase's peak RSS is its own.
nlohmann::json runPhase(const std::string& self, const std::vector<std::string>& args) {
  std::string cmd = "'" + self + "'";
  for (const auto& a : args) cmd += " '" + a + "'";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) die(Error::make(err::kIo, "", "popen"));
  std::string text;
  char buf[4096];
  while (std::size_t n = fread(buf, 1, sizeof buf, p)) text.append(buf, n);
  if (pclose(p) != 0) die(Error::make(err::kInternal, "", "phase failed: " + args[1]));
  return nlohmann::json::parse(text);
}

std::vector<nlohmann::json> sampleResidents(const fs::path& ndjson, std::size_t every) {
  std::vector<nlohmann::json> out;
  std::ifstream in(ndjson);
  std::string line;
  for (std::size_t i = 0; std::getline(in, line); ++i)
    if (i % every == 0) out.push_back(nlohmann::json::parse(line));
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  int count = 100000;
  fs::path dir = fs::temp_directory_path() / "gocua-bench";
  std::string kdfName = "moderate";
  std::string phase;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--residents"))
      count = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--dir"))
      dir = argv[i + 1];
    else if (!std::strcmp(argv[i], "--kdf"))
      kdfName = argv[i + 1];
    else if (!std::strcmp(argv[i], "--phase"))
      phase = argv[i + 1];
  }
  if (auto st = vault::init(); !st) die(st.error());
  const auto kdf = kdfName == "interactive" ? vault::interactiveKdf() : vault::moderateKdf();
  const std::string pass = "bench passphrase 2026";
  const fs::path ndjsonFile = dir / "residents.ndjson";
  nlohmann::json out;

  if (phase.empty()) {
    // Orchestrate: generate the input, then import and unlock+search in their own processes.
    fs::remove_all(dir);
    fs::create_directories(dir);
    workspace::DemoOptions options;
    options.residents = count;
    options.seed = 2026;
    options.today = core::today();
    {
      std::ofstream f(ndjsonFile, std::ios::binary);
      workspace::writeDemoResidentsNdjson(f, options);
    }
    std::string self = fs::read_symlink("/proc/self/exe");
    std::vector<std::string> common = {"--dir", dir.string(), "--kdf", kdfName, "--residents", std::to_string(count)};
    auto with = [&](const char* ph) {
      std::vector<std::string> a = {"--phase", ph};
      a.insert(a.end(), common.begin(), common.end());
      return a;
    };
    out["residents"] = count;
    out["kdf"] = kdfName;
    out["import"] = runPhase(self, with("import"));
    out["unlock_search"] = runPhase(self, with("search"));
    out["unlock_full_load"] = runPhase(self, with("full_unlock"));
    out["limits"] = runPhase(self, with("limits"));
    // Issue 13 asks unlock (decrypt + index) ≤ 0.3 s; issue 11 search p99 ≤ 1 ms.
    const auto& u = out["unlock_search"];
    out["targets"] = {{"decrypt_index_seconds", 0.3},
                      {"search_p99_ms", 1.0},
                      {"import_residents_per_second", 50000},
                      {"peak_rss_mb", 300}};
    out["met"] = {{"decrypt_index_seconds", u["decrypt_index_seconds"].get<double>() <= 0.3},
                  {"search_p99_ms", u["search_p99_ms"].get<double>() <= 1.0},
                  {"import_residents_per_second", out["import"]["residents_per_second"].get<double>() >= 50000},
                  {"peak_rss_mb", std::max({out["import"]["peak_rss_mb"].get<double>(), u["peak_rss_mb"].get<double>(),
                                            out["unlock_full_load"]["peak_rss_mb"].get<double>()}) <= 300}};
    if (!std::getenv("GOCUA_BENCH_KEEP")) fs::remove_all(dir);
    std::cout << out.dump(2) << "\n";
    return 0;
  }

  if (phase == "import") {
    auto ws = workspace::Workspace::create(dir / "ws", "Bench", pass, true, kdf);
    if (!ws) die(ws.error());
    auto session = (*ws)->unlock("", pass);
    if (!session) die(session.error());
    std::ifstream in(ndjsonFile, std::ios::binary);
    auto t = Clock::now();
    auto result = (*session)->importResidents(in);
    double s = secondsSince(t);
    if (!result) die(result.error());
    // The lock seals the index copy the next unlock opens (index_snapshot.h): a cost the
    // volunteer now pays when the app locks instead of at the unlock.
    t = Clock::now();
    (*session)->lock();
    const double lockSeconds = secondsSince(t);
    out = {{"seconds", s},
           {"lock_seconds", lockSeconds},
           {"imported", result->imported},
           {"rejected", result->rejected.size()},
           {"residents_per_second", result->imported / s},
           {"ndjson_bytes", fs::file_size(ndjsonFile)},
           {"peak_rss_mb", static_cast<double>(peakRssKiB()) / 1024.0}};
  } else if (phase == "search") {
    auto queries = makeQueries(sampleResidents(ndjsonFile, std::max(1, count / 2000)));
    auto ws = workspace::Workspace::open(dir / "ws");
    if (!ws) die(ws.error());
    workspace::Workspace::UnlockStats stats;
    auto session = (*ws)->unlock("", pass, &stats);
    if (!session) die(session.error());
    std::vector<double> ms, newMs;
    std::size_t hits = 0, newHits = 0;
    for (const auto& q : queries) {
      auto t = Clock::now();
      hits += (*session)->searchResidents(q, 20).size();
      ms.push_back(secondsSince(t) * 1000);
    }
    const auto newQueries = makeNewKindQueries(sampleResidents(ndjsonFile, std::max(1, count / 2000)));
    for (const auto& q : newQueries) {
      auto t = Clock::now();
      newHits += (*session)->searchResidents(q, 20).size();
      newMs.push_back(secondsSince(t) * 1000);
    }
    // Home asks for every hit too (the true count and the counts per village), which lifts the
    // candidate cap: what a volunteer waits for at each keystroke.
    std::vector<double> homeMs;
    std::vector<std::uint32_t> everyHit;
    for (const auto& q : queries) {
      auto t = Clock::now();
      (*session)->index().search(q, 200, &everyHit);
      homeMs.push_back(secondsSince(t) * 1000);
    }
    out = {{"argon2id_seconds", stats.kdfSeconds},
           {"decrypt_index_seconds", stats.indexSeconds},
           // The import's lock left the sealed index copy this unlock opened (index_snapshot.h).
           {"decrypt_index_from_snapshot", stats.fromSnapshot},
           {"records", stats.records},
           {"search_queries", queries.size()},
           {"search_p50_ms", percentile(ms, 0.5)},
           {"search_p99_ms", percentile(ms, 0.99)},
           {"search_max_ms", percentile(ms, 1.0)},
           {"search_avg_hits", static_cast<double>(hits) / static_cast<double>(queries.size())},
           {"search_every_hit_p50_ms", percentile(homeMs, 0.5)},
           {"search_every_hit_p99_ms", percentile(homeMs, 0.99)},
           {"search_new_kinds_queries", newQueries.size()},
           {"search_new_kinds_p50_ms", percentile(newMs, 0.5)},
           {"search_new_kinds_p99_ms", percentile(newMs, 0.99)},
           {"search_new_kinds_avg_hits", static_cast<double>(newHits) / static_cast<double>(newQueries.size())},
           {"database_bytes", dirSize(dir / "ws")},
           {"peak_rss_mb", static_cast<double>(peakRssKiB()) / 1024.0}};
  } else if (phase == "full_unlock") {
    // Without the index copy: every record decrypted and indexed, as after a crash or after
    // another process wrote to the workspace.
    fs::remove(dir / "ws" / workspace::detail::kIndexSnapshotFile);
    auto ws = workspace::Workspace::open(dir / "ws");
    if (!ws) die(ws.error());
    workspace::Workspace::UnlockStats stats;
    auto session = (*ws)->unlock("", pass, &stats);
    if (!session) die(session.error());
    if (stats.fromSnapshot) die(Error::make(err::kInternal, "", "the index copy was still opened"));
    out = {{"decrypt_index_seconds", stats.indexSeconds},
           {"records", stats.records},
           {"peak_rss_mb", static_cast<double>(peakRssKiB()) / 1024.0}};
  } else if (phase == "limits") {
    // Raw SQLite inserts of same-sized blobs in one transaction, and sealing alone.
    fs::remove(dir / "raw.db");
    auto db = store::Db::open(dir / "raw.db", true);
    if (!db) die(db.error());
    if (auto st = db->exec("CREATE TABLE r(id BLOB PRIMARY KEY, body BLOB)"); !st) die(st.error());
    std::vector<std::uint8_t> body(fs::file_size(ndjsonFile) / static_cast<std::size_t>(count) + 40, 7);
    std::mt19937_64 rng(1);
    auto t = Clock::now();
    (void)db->exec("BEGIN");
    auto st = db->prepare("INSERT INTO r VALUES(?1, ?2)");
    if (!st) die(st.error());
    for (int i = 0; i < count; ++i) {
      std::uint64_t id[2] = {rng(), rng()};
      st->bind(1, std::span<const std::uint8_t>(reinterpret_cast<std::uint8_t*>(id), 16)).bind(2, body);
      if (auto r = st->run(); !r) die(r.error());
    }
    (void)db->exec("COMMIT");
    out["sqlite_inserts_per_second"] = count / secondsSince(t);
    vault::RecordCipher cipher(vault::newDataKey());
    std::array<std::uint8_t, 24> ad{};
    t = Clock::now();
    std::size_t total = 0;
    for (int i = 0; i < count; ++i) total += cipher.seal(body, ad).size();
    double s = secondsSince(t);
    out["xchacha20_seals_per_second"] = count / s;
    out["xchacha20_mb_per_second"] = static_cast<double>(total) / s / 1e6;
  } else {
    die(Error::make(err::kInternal, "", "unknown phase " + phase));
  }
  std::cout << out.dump() << "\n";
  return 0;
}
