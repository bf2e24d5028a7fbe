// gocua-bench-workspace: the core benchmark of issue 2. 100,000 synthetic residents through the
// resident-import path, then unlock (Argon2id and decrypt+index timed apart), 1,000 searches,
// database size and peak RSS; raw SQLite inserts and XChaCha20-Poly1305 sealing measured in the
// same run as the limits the import cannot beat. Prints one JSON object.
//
// Usage: gocua-bench-workspace [--residents N] [--dir DIR] [--kdf interactive|moderate]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <random>
#include <sstream>

#include "store/db.h"
#include "vault/record_cipher.h"
#include "workspace/demo_data.h"
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
  std::vector<std::string> q;
  std::mt19937_64 rng(42);
  const char* surnames[] = {"nguyen", "tran", "le", "pham", "hoang", "Nguyễn", "Trần Thị", "dang", "đặng"};
  for (int i = 0; i < 1000; ++i) {
    const auto& r = residents[rng() % residents.size()];
    switch (i % 4) {
      case 0: q.push_back(surnames[rng() % std::size(surnames)]); break;
      case 1: q.push_back(r["full_name"].get<std::string>()); break;
      case 2: q.push_back(r.contains("personal_id") ? r["personal_id"].get<std::string>().substr(0, 6 + rng() % 6) : "0380"); break;
      default: q.push_back(r.contains("phone") ? r["phone"].get<std::string>().substr(0, 4 + rng() % 6) : "0912"); break;
    }
  }
  return q;
}

}  // namespace

int main(int argc, char** argv) {
  int count = 100000;
  fs::path dir = fs::temp_directory_path() / "gocua-bench";
  std::string kdfName = "moderate";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--residents")) count = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--dir")) dir = argv[i + 1];
    else if (!std::strcmp(argv[i], "--kdf")) kdfName = argv[i + 1];
  }
  if (auto st = vault::init(); !st) die(st.error());
  const auto kdf = kdfName == "interactive" ? vault::interactiveKdf() : vault::moderateKdf();
  fs::remove_all(dir);
  const std::string pass = "bench passphrase 2026";
  nlohmann::json out;
  out["residents"] = count;
  out["kdf"] = kdfName;

  // Synthetic residents as NDJSON, the exact input of `gocuactl resident import`.
  workspace::DemoOptions options;
  options.residents = count;
  options.seed = 2026;
  options.today = core::today();
  std::stringstream ndjson;
  workspace::writeDemoResidentsNdjson(ndjson, options);
  const std::size_t ndjsonBytes = ndjson.str().size();
  auto residents = workspace::makeDemoResidents(options);

  {
    auto ws = workspace::Workspace::create(dir / "ws", "Bench", pass, true, kdf);
    if (!ws) die(ws.error());
    auto session = (*ws)->unlock("", pass);
    if (!session) die(session.error());
    auto t = Clock::now();
    auto result = (*session)->importResidents(ndjson);
    double s = secondsSince(t);
    if (!result) die(result.error());
    out["import"] = {{"seconds", s}, {"imported", result->imported}, {"rejected", result->rejected.size()},
                     {"residents_per_second", result->imported / s}, {"ndjson_bytes", ndjsonBytes}};
  }
  {
    auto ws = workspace::Workspace::open(dir / "ws");
    if (!ws) die(ws.error());
    workspace::Workspace::UnlockStats stats;
    auto session = (*ws)->unlock("", pass, &stats);
    if (!session) die(session.error());
    out["unlock"] = {{"argon2id_seconds", stats.kdfSeconds}, {"decrypt_index_seconds", stats.indexSeconds},
                     {"records", stats.records}};
    auto queries = makeQueries(residents);
    std::vector<double> ms;
    std::size_t hits = 0;
    for (const auto& q : queries) {
      auto t = Clock::now();
      hits += (*session)->searchResidents(q, 20).size();
      ms.push_back(secondsSince(t) * 1000);
    }
    out["search"] = {{"queries", queries.size()}, {"p50_ms", percentile(ms, 0.5)}, {"p99_ms", percentile(ms, 0.99)},
                     {"max_ms", percentile(ms, 1.0)}, {"avg_hits", static_cast<double>(hits) / queries.size()}};
  }
  out["database_bytes"] = dirSize(dir / "ws");

  // Limits: raw SQLite inserts of same-sized blobs in one transaction, and sealing alone.
  {
    auto db = store::Db::open(dir / "raw.db", true);
    if (!db) die(db.error());
    if (auto st = db->exec("CREATE TABLE r(id BLOB PRIMARY KEY, body BLOB) WITHOUT ROWID"); !st) die(st.error());
    std::vector<std::uint8_t> body(ndjsonBytes / static_cast<std::size_t>(count) + 40, 7);
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
    out["limits"]["sqlite_inserts_per_second"] = count / secondsSince(t);

    vault::RecordCipher cipher(vault::newDataKey());
    std::array<std::uint8_t, 24> ad{};
    t = Clock::now();
    std::size_t total = 0;
    for (int i = 0; i < count; ++i) total += cipher.seal(body, ad).size();
    double s = secondsSince(t);
    out["limits"]["xchacha20_seals_per_second"] = count / s;
    out["limits"]["xchacha20_mb_per_second"] = static_cast<double>(total) / s / 1e6;
  }
  out["peak_rss_mb"] = static_cast<double>(peakRssKiB()) / 1024.0;
  fs::remove_all(dir);
  std::cout << out.dump(2) << "\n";
  return 0;
}
