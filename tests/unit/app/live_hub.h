// A real commune hub for the app's sync tests: created and unlocked in a temp dir, optionally
// serving HTTP on loopback — on a free port, or on a port fixed before it first serves, so a
// laptop can hold its address while it is down, and it can go down and come back there.
#pragma once

#include <cstdlib>
#include <sstream>

#include "../free_port.h"
#include "app_fixture.h"
#include "sync/hub/endpoint.h"
#include "sync/hub/hub.h"
#include "workspace/demo_data.h"

namespace apptest {

using gocua::test::freeLoopbackPort;

struct LiveHub {
  TempDir dir;
  std::unique_ptr<hub::Hub> hub;
  std::unique_ptr<hub::HubSession> session;
  std::unique_ptr<sync::transport::HubEndpoint> endpoint;
  std::unique_ptr<sync::transport::HubServer> server;
  std::string url;

  // serve: on a free port now. hubUrl: the address the commune profile gives laptops.
  explicit LiveHub(bool serve, std::string hubUrl = {}) {
    ::setenv("GOCUA_FORMS", GOCUA_SOURCE_DIR "/forms", 1);
    hub::CommuneInfo commune{"27001", "Xã Tân Lập", {"Thôn Đông"}, std::move(hubUrl)};
    auto created = hub::Hub::create(dir.path / "hub", commune, "mật khẩu cán bộ xã", vault::interactiveKdf());
    REQUIRE(created.ok());
    hub = std::move(*created);
    auto unlocked = hub->unlock("mật khẩu cán bộ xã");
    REQUIRE(unlocked.ok());
    session = std::move(*unlocked);
    endpoint = hub::makeEndpoint(*session);
    if (serve) up("127.0.0.1:0");
  }
  void up(const std::string& listen) {
    auto started = sync::transport::HubServer::start(listen, *endpoint, dir.path / "incoming");
    REQUIRE(started.ok());
    server = std::move(*started);
    url = "http://" + server->boundAddress();
  }
  void down() {
    if (server) server->stop();
    server.reset();
  }
  std::size_t records() { return hub->records(std::nullopt).value().size(); }
};

inline void enroll(workspace::Session& s, LiveHub& hub) {
  auto request = s.enrollmentRequest();
  REQUIRE(request.ok());
  REQUIRE(hub.session->enroll(*request).ok());
  auto profile = hub.session->profile();
  REQUIRE(profile.ok());
  REQUIRE(s.enroll(*profile).ok());
}

inline int addResidents(workspace::Session& s, int count, std::uint64_t seed) {
  workspace::DemoOptions options;
  options.residents = count;
  options.seed = seed;
  options.today = core::Date{2026, 11, 23};
  std::stringstream ndjson;
  workspace::writeDemoResidentsNdjson(ndjson, options);
  auto imported = s.importResidents(ndjson);
  REQUIRE(imported.ok());
  return imported->imported;
}

}  // namespace apptest
