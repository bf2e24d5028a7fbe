// Shared by the transport suites: a fake hub endpoint that records what it imported, a temp dir,
// deterministic device keys and batch bytes, and a server on 127.0.0.1 port 0.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "../temp_dir.h"
#include "sync/batch/batch.h"
#include "sync/transport/address.h"
#include "sync/transport/hub_request.h"
#include "sync/transport/signing.h"
#include "sync/transport/transport.h"
#include "vault/secret.h"

namespace transport_test {

namespace fs = std::filesystem;
using namespace gocua;
using namespace gocua::sync;
using namespace gocua::sync::transport;

inline DeviceKeys deviceFromSeed(std::uint8_t v) {
  std::array<std::uint8_t, 32> s{};
  s.fill(v);
  return DeviceKeys::fromSeed(s);
}

inline std::array<std::uint8_t, 16> batchId(std::uint8_t v) {
  std::array<std::uint8_t, 16> id{};
  for (std::size_t i = 0; i < id.size(); ++i) id[i] = static_cast<std::uint8_t>(v + i);
  return id;
}

// Pseudo-random bytes: incompressible, reproducible, fast even in a sanitizer build.
inline std::string bytes(std::size_t n, std::uint32_t seed) {
  std::mt19937_64 gen(seed);
  std::string out(n, '\0');
  for (std::size_t i = 0; i < n; i += 8) {
    const std::uint64_t word = gen();
    for (std::size_t j = 0; j < 8 && i + j < n; ++j) out[i + j] = static_cast<char>(word >> (8 * j));
  }
  return out;
}

inline std::string readFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::error_code ec;
  std::string out(static_cast<std::size_t>(fs::file_size(p, ec)), '\0');
  if (ec) return {};
  in.read(out.data(), static_cast<std::streamsize>(out.size()));
  return out;
}

inline void writeFile(const fs::path& p, const std::string& data) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
}

using TempDir = gocua::test::TempDir;

struct Imported {
  DeviceId device{};
  std::string bytes;
  fs::path path;
};

// Records imports; "in flight" = a known device made a request and its upload is not imported yet.
class FakeEndpoint : public HubEndpoint {
 public:
  void enroll(const DeviceKeys& k) {
    std::lock_guard<std::mutex> g(mutex_);
    known_.insert(k.publicKey);
  }
  bool deviceKnown(const DeviceId& device) override {
    std::lock_guard<std::mutex> g(mutex_);
    if (!known_.count(device)) return false;
    if (trackInFlight && !done_.count(device)) {
      inFlight_.insert(device);
      maxInFlight_ = std::max(maxInFlight_, inFlight_.size());
    }
    return true;
  }
  Result<std::string> importUploaded(const DeviceId& device, const fs::path& gcbFile) override {
    std::string data = readFile(gcbFile);
    std::lock_guard<std::mutex> g(mutex_);
    if (failImport) return Error::fromText("hub.store", "", "disk I/O error", ErrorKind::Io);
    if (busyImports > 0) {
      --busyImports;
      return Error::fromText("store.busy", "", "database is locked", ErrorKind::Busy);
    }
    inFlight_.erase(device);
    done_.insert(device);
    imported_.push_back(Imported{device, data, gcbFile});
    return "RECEIPT:" + blake2b256Hex(data);
  }
  Result<std::string> statusReceipt(const DeviceId& device) override { return "STATUS:" + vault::toHex(device); }

  std::vector<Imported> imported() {
    std::lock_guard<std::mutex> g(mutex_);
    return imported_;
  }
  std::size_t maxInFlight() {
    std::lock_guard<std::mutex> g(mutex_);
    return maxInFlight_;
  }

  bool failImport = false;
  int busyImports = 0;  // this many imports answer "busy" (a desk import holds the database)
  bool trackInFlight = false;

 private:
  std::mutex mutex_;
  std::set<DeviceId> known_, inFlight_, done_;
  std::size_t maxInFlight_ = 0;
  std::vector<Imported> imported_;
};

// A running hub with one enrolled device, files under a temp dir.
struct Hub {
  TempDir tmp;
  FakeEndpoint endpoint;
  DeviceKeys device = deviceFromSeed(1);
  fs::path incoming = tmp.path / "hub" / "incoming";
  std::unique_ptr<HubServer> server;

  explicit Hub(ServerLimits limits = {}) {
    endpoint.enroll(device);
    auto s = HubServer::start("127.0.0.1:0", endpoint, incoming, limits);
    REQUIRE(s.ok());
    server = std::move(*s);
  }
  std::string url() const { return "http://" + server->boundAddress(); }
  HostPort hostPort() const {
    auto hp = parseHubUrl(url());
    REQUIRE(hp.ok());
    return *hp;
  }
  fs::path partFor(const DeviceKeys& k, const std::array<std::uint8_t, 16>& id) const {
    return incoming / (vault::toHex(k.publicKey) + "-" + vault::toHex(id) + ".part");
  }
  fs::path batchFile(const std::string& name, const std::string& data) const {
    const fs::path p = tmp.path / name;
    writeFile(p, data);
    return p;
  }
  // Every .part file under the temp root: they may only live in incoming/.
  std::vector<fs::path> strayParts() const {
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(tmp.path))
      if (e.path().extension() == ".part" && e.path().parent_path() != incoming) out.push_back(e.path());
    return out;
  }
};

inline ClientOptions smallChunks(std::size_t chunk) {
  ClientOptions o;
  o.chunkBytes = chunk;
  o.timeoutSeconds = 10;
  return o;
}

}  // namespace transport_test
