#include "office/model/receive_model.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>

#include "core/date.h"
#include "core/i18n.h"
#include "sync/hub/endpoint.h"
#include "sync/transport/address.h"
#include "sync/transport/transport.h"

namespace gocua::office {

namespace transport = sync::transport;

namespace {

constexpr int kDefaultPort = 8080;

// Volunteers of the laptop, else its short id (a laptop the hub no longer lists).
std::string volunteersOf(hub::Hub& hub, const hub::DeviceId& device) {
  auto devices = hub.devices();
  if (devices) {
    for (const auto& d : *devices) {
      if (d.id != device) continue;
      std::string names;
      for (const auto& v : d.volunteers) names += (names.empty() ? "" : ", ") + v;
      if (!names.empty()) return names;
    }
  }
  return hub::deviceHex(device).substr(0, 12);
}

}  // namespace

// Destroyed server first (it waits for an upload in progress), then the endpoint, then the twin.
struct ReceiveModel::Running {
  hub::HubTwin twin;
  std::unique_ptr<transport::HubEndpoint> endpoint;
  std::unique_ptr<transport::HubServer> server;
  ~Running() {
    if (server) server->stop();
  }
};

ReceiveModel::ReceiveModel() = default;
ReceiveModel::~ReceiveModel() { switchOff(); }

std::string defaultListenAddress(const std::string& hubUrl) {
  int port = kDefaultPort;
  if (!hubUrl.empty()) {
    auto parsed = transport::parseHubUrl(hubUrl);
    if (parsed && parsed->port > 0) port = parsed->port;
  }
  return "0.0.0.0:" + std::to_string(port);
}

std::vector<std::string> reachableAddresses(const std::string& bound) {
  auto hp = transport::parseListenAddress(bound);
  if (!hp) return {};
  const std::string port = std::to_string(hp->port);
  if (hp->host != "0.0.0.0" && hp->host != "::") return {"http://" + transport::formatHostPort(*hp)};
  std::vector<std::string> out;
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) == 0) {
    for (const ifaddrs* a = list; a; a = a->ifa_next) {
      if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET) continue;
      if (!(a->ifa_flags & IFF_UP) || (a->ifa_flags & IFF_LOOPBACK)) continue;
      char text[INET_ADDRSTRLEN] = {};
      const auto* in = reinterpret_cast<const sockaddr_in*>(a->ifa_addr);
      if (inet_ntop(AF_INET, &in->sin_addr, text, sizeof text))
        out.push_back("http://" + std::string(text) + ":" + port);
    }
    freeifaddrs(list);
  }
  if (out.empty()) out.push_back("http://127.0.0.1:" + port);
  return out;
}

void ReceiveModel::configure(const std::string& listen) {
  wanted_ = !listen.empty();
  listen_ = listen == "auto" ? "" : listen;
}

void ReceiveModel::afterUnlock(OfficeModel& office) {
  if (wanted_ && !running()) switchOn(office);
}

void ReceiveModel::switchOn(OfficeModel& office) {
  if (running()) return;
  wanted_ = true;
  problem_.clear();
  auto* session = office.session();
  if (!session) {
    problem_ = i18n::tr("office.receive.needs_unlock");
    return;
  }
  auto commune = session->hub().commune();
  if (!commune) {
    problem_ = i18n::message(commune.error());
    return;
  }
  const std::string listen = listen_.empty() ? defaultListenAddress(commune->hubUrl) : listen_;
  auto twin = session->twin();
  if (!twin) {
    problem_ = i18n::message(twin.error());
    return;
  }
  auto running = std::make_unique<Running>();
  running->twin = std::move(*twin);
  hub::Hub& twinHub = *running->twin.hub;
  hub::HubSession& twinSession = *running->twin.session;
  const std::string code = commune->code;
  // On a server thread, under the endpoint's lock: the twin is this thread's alone meanwhile.
  auto observer = [this, &twinHub, &twinSession, code](const std::filesystem::path&, const hub::ImportResult& r) {
    const std::string who = r.device ? volunteersOf(twinHub, *r.device) : std::string();
    const std::string label = r.sequence == 0
                                  ? i18n::tr("office.receive.batch_unnamed")
                                  : i18n::tr("office.receive.batch_label", {{"sequence", std::to_string(r.sequence)}});
    heard(who, summarize(label, r, twinSession, code));
  };
  running->endpoint = hub::makeEndpoint(twinSession, {}, observer);
  auto server = transport::HubServer::start(listen, *running->endpoint, office.hub()->dir() / "incoming");
  if (!server) {
    problem_ =
        i18n::tr("office.receive.cannot_listen", {{"address", listen}, {"reason", i18n::message(server.error())}});
    return;
  }
  running->server = std::move(*server);
  bound_ = running->server->boundAddress();
  addresses_ = reachableAddresses(bound_);
  server_ = std::move(running);
}

void ReceiveModel::switchOff() {
  wanted_ = false;
  server_.reset();
  bound_.clear();
  addresses_.clear();
}

void ReceiveModel::heard(const std::string& volunteers, BatchSummary summary) {
  {
    std::lock_guard lock(mutex_);
    latest_.insert(latest_.begin(), UploadRow{core::nowLocalDisplay(), volunteers, std::move(summary)});
    if (latest_.size() > kLatest) latest_.resize(kLatest);
  }
  ++count_;
  if (wake_) wake_();
}

std::vector<UploadRow> ReceiveModel::latest() const {
  std::lock_guard lock(mutex_);
  return latest_;
}

}  // namespace gocua::office
