// HubServer over cpp-httplib: routes, request authentication and the upload rules of
// sync/README.md ("HTTP"). Bodies are streamed (never held whole in memory): a PUT body goes
// straight into the part file while it is hashed for the signature check, and is cut back off
// if the signature then fails. Nothing here logs; answers carry codes, never resident data.
#include <httplib.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "sync/transport/address.h"
#include "sync/transport/errors.h"
#include "sync/transport/signing.h"
#include "sync/transport/transport.h"
#include "sync/transport/upload_store.h"
#include "vault/secret.h"

namespace gocua::sync::transport {
namespace {

using Json = nlohmann::json;

constexpr std::size_t kMaxFinishBody = 4096;
constexpr time_t kSocketTimeoutSeconds = 20;  // per read/write; a slow village link still trickles

// Feeds the body to a receiver, whether httplib already read it (plain handler) or streams it.
using BodySource = std::function<bool(const httplib::ContentReceiver&)>;

void answerJson(httplib::Response& res, int status, const Json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

void answerError(httplib::Response& res, int status, const std::string& code) {
  answerJson(res, status, Json{{"error", code}});
}

RequestAuth authFrom(const httplib::Request& req) {
  return RequestAuth{req.get_header_value(std::string(kDeviceHeader)), req.get_header_value(std::string(kTimeHeader)),
                     req.get_header_value(std::string(kSignatureHeader))};
}

std::optional<std::uint64_t> parseOffset(const httplib::Request& req) {
  if (req.get_param_value_count("offset") != 1) return std::nullopt;
  const std::string text = req.get_param_value("offset");
  if (text.empty() || text.size() > 19) return std::nullopt;
  std::uint64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return v;
}

// httplib listens with a backlog of 5: twenty laptops connecting at once would see dropped SYNs
// and one-second retransmit stalls. Linux lets listen() be called again to raise it.
class WideBacklogServer : public httplib::Server {
 public:
  void widenBacklog() {
    const socket_t sock = svr_sock_;
    if (sock != INVALID_SOCKET) ::listen(sock, SOMAXCONN);
  }
};

class HttpHubServer final : public HubServer {
 public:
  HttpHubServer(HubEndpoint& endpoint, std::unique_ptr<UploadStore> store, ServerLimits limits)
      : endpoint_(endpoint), store_(std::move(store)), limits_(limits) {}
  ~HttpHubServer() override { stop(); }

  Status start(const HostPort& where) {
    const std::size_t threads = limits_.threads == 0 ? 1 : limits_.threads;
    server_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    // SO_REUSEADDR only: httplib's default SO_REUSEPORT would let a second hub share the port.
    server_.set_socket_options([](socket_t sock) {
      int yes = 1;
      setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    });
    server_.set_payload_max_length(static_cast<std::size_t>(limits_.maxBatchBytes));
    // One request per connection, so a laptop cannot park on a worker thread between chunks.
    server_.set_keep_alive_max_count(1);
    server_.set_read_timeout(kSocketTimeoutSeconds);
    server_.set_write_timeout(kSocketTimeoutSeconds);
    server_.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr) { answerError(res, 500, "internal"); });
    routes();

    int port = where.port;
    if (port == 0) {
      port = server_.bind_to_any_port(where.host);
      if (port < 0) return Error::make(err::kTransportListen, "listen", "cannot bind " + formatHostPort(where));
    } else if (!server_.bind_to_port(where.host, port)) {
      return Error::make(err::kTransportListen, "listen", "cannot bind " + formatHostPort(where));
    }
    server_.widenBacklog();
    bound_ = HostPort{where.host, port};
    listener_ = std::thread([this] {
      server_.listen_after_bind();
      listenReturned_ = true;
    });
    // httplib's stop() is a no-op until the accept loop runs: wait for it so stop() always works.
    while (!server_.is_running() && !listenReturned_) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return {};
  }

  std::string boundAddress() const override { return formatHostPort(bound_); }

  void stop() override {
    std::lock_guard<std::mutex> guard(stopMutex_);
    if (!listener_.joinable()) return;
    server_.stop();
    listener_.join();
  }

 private:
  void routes() {
    const std::string upload = R"(/v1/uploads/([^/]*))";
    server_.Get(upload, [this](const httplib::Request& req, httplib::Response& res) {
      guarded(res, [&] { handleOffset(req, res); });
    });
    server_.Put(
        upload, [this](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
          guarded(res, [&] { handlePut(req, res, [&](const httplib::ContentReceiver& r) { return reader(r); }); });
        });
    server_.Put(upload, [this](const httplib::Request& req, httplib::Response& res) {
      guarded(res, [&] { handlePut(req, res, bufferedBody(req)); });
    });
    const std::string finish = upload + "/finish";
    server_.Post(
        finish, [this](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
          guarded(res, [&] { handleFinish(req, res, [&](const httplib::ContentReceiver& r) { return reader(r); }); });
        });
    server_.Post(finish, [this](const httplib::Request& req, httplib::Response& res) {
      guarded(res, [&] { handleFinish(req, res, bufferedBody(req)); });
    });
    server_.Get("/v1/status", [this](const httplib::Request& req, httplib::Response& res) {
      guarded(res, [&] { handleStatus(req, res); });
    });
  }

  static BodySource bufferedBody(const httplib::Request& req) {
    return [&req](const httplib::ContentReceiver& r) { return r(req.body.data(), req.body.size()); };
  }

  // No exception may reach httplib: it would put e.what() in a response header.
  template <class F>
  static void guarded(httplib::Response& res, F&& f) {
    try {
      f();
    } catch (...) {
      answerError(res, 500, "internal");
    }
  }

  // The device, if it is enrolled; the signature is checked separately once the body is hashed.
  std::optional<DeviceId> knownDevice(const RequestAuth& auth) {
    const auto device = parseLowerHex<32>(auth.device);
    if (!device || !endpoint_.deviceKnown(*device)) return std::nullopt;
    return device;
  }

  std::optional<DeviceId> authenticate(const httplib::Request& req, std::string_view bodyHashHex) {
    const RequestAuth auth = authFrom(req);
    if (!verifyRequest(auth, req.method, req.target, bodyHashHex)) return std::nullopt;
    return knownDevice(auth);
  }

  // GET /v1/uploads/<id>: {"offset": held}. Takes the upload's lock, so a PUT in progress is
  // never reported half-written.
  void handleOffset(const httplib::Request& req, httplib::Response& res) {
    const auto device = authenticate(req, blake2b256Hex(req.body));
    if (!device) return answerError(res, 401, "refused");
    const auto batch = parseLowerHex<16>(req.matches[1].str());
    if (!batch) return answerError(res, 400, "bad_request");
    UploadLease lease(*store_, *device, *batch);
    const auto held = lease.held();
    if (!held) return answerError(res, 500, held.error().code);
    answerJson(res, 200, Json{{"offset", *held}});
  }

  // PUT /v1/uploads/<id>?offset=K. The body is always read to its end (hashed for the
  // signature) so the laptop gets a clean answer instead of a reset connection.
  void handlePut(const httplib::Request& req, httplib::Response& res, const BodySource& body) {
    const RequestAuth auth = authFrom(req);
    const auto device = knownDevice(auth);
    const auto batch = parseLowerHex<16>(req.matches[1].str());
    const auto offset = parseOffset(req);

    std::optional<UploadLease> lease;
    std::optional<PartAppender> appender;
    std::uint64_t held = 0;
    Status failure;
    if (device && batch && offset) {
      lease.emplace(*store_, *device, *batch);
      auto h = lease->held();
      if (!h) failure = h.error();
      held = h ? *h : 0;
      if (h && *offset == held) {
        auto a = lease->append(held);
        if (a)
          appender.emplace(std::move(*a));
        else
          failure = a.error();
      }
    }

    vault::Blake2b hash;
    bool overCap = false;
    const bool complete = body([&](const char* data, std::size_t n) {
      const std::span<const std::uint8_t> bytes(reinterpret_cast<const std::uint8_t*>(data), n);
      hash.update(bytes);
      if (!appender || !failure.ok()) return true;
      if (appender->end() + n > limits_.maxBatchBytes) {
        overCap = true;
        appender.reset();  // cut back: the request as a whole is refused
        return true;
      }
      if (auto w = appender->write(bytes); !w.ok()) failure = w;
      return true;
    });
    if (!complete) {
      // Dropped connection or over httplib's payload cap (it set 413): keep nothing.
      appender.reset();
      return answerError(res, res.status == 413 ? 413 : 400, res.status == 413 ? "too_large" : "bad_request");
    }
    if (!device || !verifyRequest(auth, req.method, req.target, hash.finalHex())) {
      appender.reset();
      return answerError(res, 401, "refused");
    }
    if (!batch || !offset) return answerError(res, 400, "bad_request");
    if (overCap) return answerError(res, 413, "too_large");
    if (!failure.ok()) return answerError(res, 500, failure.error().code);
    if (!appender) return answerJson(res, 409, Json{{"offset", held}});
    if (auto c = appender->commit(); !c.ok()) return answerError(res, 500, c.error().code);
    answerJson(res, 200, Json{{"offset", appender->end()}});
  }

  // POST /v1/uploads/<id>/finish {"size":N,"hash":"<hex>"}: check the held bytes, hand them to
  // the endpoint, answer its receipt. A mismatch drops the part so the next try starts clean.
  void handleFinish(const httplib::Request& req, httplib::Response& res, const BodySource& body) {
    std::string text;
    bool tooLong = false;
    vault::Blake2b hash;
    const bool complete = body([&](const char* data, std::size_t n) {
      hash.update(std::string_view(data, n));
      if (text.size() + n > kMaxFinishBody)
        tooLong = true;
      else
        text.append(data, n);
      return true;
    });
    if (!complete) return answerError(res, res.status == 413 ? 413 : 400, "bad_request");
    const auto device = authenticate(req, hash.finalHex());
    if (!device) return answerError(res, 401, "refused");
    const auto batch = parseLowerHex<16>(req.matches[1].str());
    if (!batch || tooLong) return answerError(res, 400, "bad_request");
    const Json doc = Json::parse(text, nullptr, false);
    if (!doc.is_object() || !doc.contains("size") || !doc["size"].is_number_unsigned() || !doc.contains("hash") ||
        !doc["hash"].is_string())
      return answerError(res, 400, "bad_request");
    const auto size = doc["size"].get<std::uint64_t>();
    const auto wantHash = doc["hash"].get<std::string>();

    UploadLease lease(*store_, *device, *batch);
    const auto held = lease.sizeAndHash();
    if (!held) return answerJson(res, 422, Json{{"error", "rejected"}, {"offset", 0}});
    if (held->first != size || held->second != wantHash) {
      lease.remove();
      return answerJson(res, 422, Json{{"error", "rejected"}, {"offset", 0}});
    }
    auto receipt = endpoint_.importUploaded(*device, lease.path());
    // The part stays on an endpoint error: the laptop can ask again without re-sending.
    if (!receipt) return answerError(res, 500, receipt.error().code);
    lease.remove();
    res.status = 200;
    res.set_content(*receipt, "application/octet-stream");
  }

  void handleStatus(const httplib::Request& req, httplib::Response& res) {
    const auto device = authenticate(req, blake2b256Hex(req.body));
    if (!device) return answerError(res, 401, "refused");
    auto receipt = endpoint_.statusReceipt(*device);
    if (!receipt) return answerError(res, 500, receipt.error().code);
    res.status = 200;
    res.set_content(*receipt, "application/octet-stream");
  }

  HubEndpoint& endpoint_;
  std::unique_ptr<UploadStore> store_;
  ServerLimits limits_;
  WideBacklogServer server_;
  HostPort bound_;
  std::thread listener_;
  std::atomic<bool> listenReturned_{false};
  std::mutex stopMutex_;
};

}  // namespace

Result<std::unique_ptr<HubServer>> HubServer::start(const std::string& listen, HubEndpoint& endpoint,
                                                    const std::filesystem::path& incomingDir, ServerLimits limits) {
  auto where = parseListenAddress(listen);
  if (!where) return where.error();
  if (auto init = vault::init(); !init.ok()) return Error::make(err::kTransportListen, "", "libsodium did not start");
  auto store = UploadStore::open(incomingDir);
  if (!store) return store.error();
  auto server = std::make_unique<HttpHubServer>(endpoint, std::move(*store), limits);
  if (auto started = server->start(*where); !started.ok()) return started.error();
  return std::unique_ptr<HubServer>(std::move(server));
}

}  // namespace gocua::sync::transport
