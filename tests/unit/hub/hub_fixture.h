// Shared fixture of the hub tests: a hub in a temp dir with a fixed identity, an enrolled device
// with fixed keys, and batch files made with the real BatchWriter.
#pragma once

#include <doctest/doctest.h>

#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../file_bytes.h"
#include "../fixed_keys.h"
#include "../temp_dir.h"
#include "sync/batch/batch.h"
#include "sync/hub/hub.h"
#include "sync/keys/keys.h"
#include "sync/receipt/receipt.h"
#include "vault/keyslot.h"

namespace hubtest {

namespace fs = std::filesystem;
using namespace gocua;
using nlohmann::json;

using fixedkeys::seed;

// Enum names as std::string: doctest would otherwise pick sync::toString by ADL and fail to build.
template <class E>
std::string name(E e) {
  return std::string(sync::toString(e));
}

inline const char* kPassphrase = "mật khẩu cán bộ 2025";
inline const char* kCommune = "27001";

using TempDir = gocua::test::TempDir;

inline sync::HubIdentity testIdentity() { return sync::HubIdentity::fromSeed(seed(11), seed(12), seed(13)); }

using gocua::test::readAll;
using gocua::test::writeAll;

struct Device {
  sync::DeviceKeys keys;
  sync::DeviceBoxKeys box;
  explicit Device(std::uint8_t n)
      : keys(sync::DeviceKeys::fromSeed(seed(n))), box(sync::DeviceBoxKeys::fromSeed(seed(n + 100))) {}

  std::string request() const {
    sync::EnrollmentRequest r{keys.publicKey, box.publicKey, {"Lan"}, "ws-test-1", "2026-11-23T10:00:00Z"};
    auto file = sync::writeEnrollmentRequest(r, keys);
    REQUIRE(file.ok());
    return *file;
  }
};

inline std::string uuid(int n) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "0193a000-0000-7000-8000-%012d", n);
  return buf;
}

inline std::string residentLine(int n, int revision = 1, const std::string& name = "Nguyễn Văn An",
                                const json& extra = json::object()) {
  json body = {{"full_name", name}, {"date_of_birth", "01/02/1990"}, {"sex", "male"}, {"village", "Thôn 1"}};
  for (auto it = extra.begin(); it != extra.end(); ++it) body[it.key()] = it.value();
  json line = {{"type", "record"},
               {"id", uuid(n)},
               {"kind", "resident"},
               {"revision", revision},
               {"form_id", nullptr},
               {"form_version", nullptr},
               {"created_at", "2026-11-20T10:00:00Z"},
               {"updated_at", "2026-11-20T10:00:00Z"},
               {"volunteer", "Lan"},
               {"body", body}};
  return line.dump();
}

// A skills session held in Thôn 1 by Lan (17 women), patched by patch (merge_patch on the body).
inline std::string sessionLine(int n, const json& patch = json::object()) {
  json body = {{"date", "20/11/2026"},
               {"village", "Thôn 1"},
               {"place", "Nhà văn hoá thôn"},
               {"topics", {"vneid_install", "scam_awareness"}},
               {"trainers", {"Lan"}},
               {"attendees", {{"female", {{"under_18", 0}, {"18_59", 12}, {"60_plus", 5}}}}},
               {"helped", {{"vneid_installed", 9}, {"vneid_activated", 7}, {"platform_enrolled", 4}}},
               {"notes", ""},
               {"created_at", "2026-11-20T10:00:00Z"},
               {"created_by", "Lan"}};
  body.merge_patch(patch);
  json line = {{"type", "record"},
               {"id", uuid(n)},
               {"kind", "skills_session"},
               {"revision", 1},
               {"form_id", nullptr},
               {"form_version", nullptr},
               {"created_at", "2026-11-20T10:00:00Z"},
               {"updated_at", "2026-11-20T10:00:00Z"},
               {"volunteer", "Lan"},
               {"body", body}};
  return line.dump();
}

inline std::string manifestLine(std::size_t records, const std::string& recoverySlotHex = "") {
  json m = {{"type", "manifest"},
            {"format", 1},
            {"workspace_id", "ws-test-1"},
            {"volunteers", {"Lan"}},
            {"created_at", "2026-11-23T10:00:00Z"},
            {"records", records},
            {"form_pack", 0}};
  if (!recoverySlotHex.empty()) m["recovery_slot"] = recoverySlotHex;
  return m.dump();
}

inline std::string makeBatch(const Device& d, std::uint64_t sequence, const std::vector<std::string>& records,
                             const std::array<std::uint8_t, 32>& hubBox, const std::string& commune = kCommune,
                             std::uint8_t batchTag = 0, const std::string& manifest = "") {
  sync::BatchHeader h;
  h.communeCode = commune;
  h.deviceId = d.keys.publicKey;
  h.sequence = sequence;
  h.batchId.fill(batchTag);
  h.batchId[0] = static_cast<std::uint8_t>(sequence);
  std::ostringstream out;
  auto w = sync::BatchWriter::create(out, h, d.keys, hubBox);
  REQUIRE(w.ok());
  REQUIRE(w->add(manifest.empty() ? manifestLine(records.size()) : manifest).ok());
  for (const auto& r : records) REQUIRE(w->add(r).ok());
  REQUIRE(w->finish().ok());
  return out.str();
}

// Undoes schemas v6 and v5 (sqlite/schema/0005_import_indexes.sql) on hub.db, for tests of older hubs.
inline constexpr const char* kBackToSchemaV4 =
    "DROP INDEX audit_target; DROP INDEX review_device; ALTER TABLE review DROP COLUMN device; "
    "DROP INDEX record_procedure; "
    "CREATE INDEX record_device ON record(device); CREATE INDEX record_procedure ON record(procedure);";

// A hub with one enrolled device, unlocked.
struct Fixture {
  TempDir tmp;
  std::unique_ptr<hub::Hub> hub;
  std::unique_ptr<hub::HubSession> session;
  Device device{1};
  int files = 0;

  Fixture() {
    ::setenv("GOCUA_FORMS", GOCUA_SOURCE_DIR "/forms", 1);
    hub::CommuneInfo c{kCommune, "Xã Thử Nghiệm", {"Thôn 1", "Thôn 2"}, "http://127.0.0.1:8080"};
    auto h = hub::Hub::create(tmp.path / "hub", c, kPassphrase, vault::interactiveKdf(), testIdentity());
    REQUIRE_MESSAGE(h.ok(), h.error().code);
    hub = std::move(*h);
    auto s = hub->unlock(kPassphrase);
    REQUIRE_MESSAGE(s.ok(), s.error().code);
    session = std::move(*s);
    auto id = session->enroll(device.request());
    REQUIRE_MESSAGE(id.ok(), id.error().code);
  }

  const std::array<std::uint8_t, 32>& hubBox() const { return session->identity().box.publicKey; }

  fs::path file(const std::string& bytes) {
    auto p = tmp.path / ("batch-" + std::to_string(++files) + ".gcb");
    writeAll(p, bytes);
    return p;
  }

  hub::ImportResult import(const std::string& bytes) {
    auto r = session->importFile(file(bytes));
    REQUIRE_MESSAGE(r.ok(), r.error().code);
    return *r;
  }

  sync::Receipt receipt(const std::string& bytes, const Device& d) {
    auto r = sync::readReceipt(bytes, session->identity().signPublic, d.keys.publicKey, kCommune);
    REQUIRE_MESSAGE(r.ok(), r.error().code);
    return *r;
  }

  std::int64_t recordCount() {
    auto n = hub->records(std::nullopt);
    REQUIRE(n.ok());
    return static_cast<std::int64_t>(n->size());
  }
};

}  // namespace hubtest
