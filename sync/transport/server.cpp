// HubServer over cpp-httplib: routes, request authentication and the upload rules of
// sync/README.md ("HTTP"). Every request is authenticated on its headers alone (the signature
// covers the declared body hash) before the hub reads, hashes, inflates or stores a byte of its
// body; GuardedServer caps connections and the time and bytes a client gets before that. Bodies
// are streamed (never held whole in memory): a PUT body goes straight into the part file and is
// cut back off if it turns out not to match the hash that was signed. Nothing here logs; answers
// carry codes, never resident data.
#include <httplib.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "sync/transport/address.h"
#include "sync/transport/errors.h"
#include "sync/transport/guarded_server.h"
#include "sync/transport/signing.h"
#include "sync/transport/transport.h"
#include "sync/transport/upload_store.h"
#include "vault/secret.h"

namespace gocua::sync::transport {
namespace {

using Json = nlohmann::json;

constexpr std::size_t kMaxFinishBody = 4096;
constexpr std::uint64_t kMaxDrainedBody = std::uint64_t{4} << 20;
constexpr auto kJanitorInterval = std::chrono::minutes(10);

// Feeds the body to a receiver, whether httplib already read it (plain handler) or streams it.
using BodySource = std::function<bool(const httplib::ContentReceiver&)>;

void answerJson(httplib::Response& res, int status, const Json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

void answerError(httplib::Response& res, int status, const std::string& code) {
  answerJson(res, status, Json{{"error", code}});
}

// The hub's own failure: 503 when it is only busy (its database held by a desk import), so the
// laptop waits and asks again as it does at the connection cap; 500 for anything else.
void answerFailure(httplib::Response& res, const Error& e) {
  answerError(res, e.kind == ErrorKind::Busy ? 503 : 500, e.code);
}

RequestAuth authFrom(const httplib::Request& req) {
  return RequestAuth{req.get_header_value(std::string(kDeviceHeader)), req.get_header_value(std::string(kTimeHeader)),
                     req.get_header_value(std::string(kSignatureHeader)),
                     req.get_header_value(std::string(kBodyHashHeader))};
}

std::optional<std::uint64_t> parseDecimal(const std::string& text) {
  if (text.empty() || text.size() > 19) return std::nullopt;
  std::uint64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return v;
}

std::optional<std::uint64_t> queryNumber(const httplib::Request& req, const char* name) {
  if (req.get_param_value_count(name) != 1) return std::nullopt;
  return parseDecimal(req.get_param_value(name));
}

std::optional<std::uint64_t> contentLength(const httplib::Request& req) {
  if (!req.has_header("Content-Length")) return std::nullopt;
  return parseDecimal(req.get_header_value("Content-Length"));
}

bool isBodyMethod(const std::string& method) { return method == "PUT" || method == "POST"; }

class HttpHubServer final : public HubServer {
 public:
  HttpHubServer(HubEndpoint& endpoint, std::unique_ptr<UploadStore> store, ServerLimits limits)
      : endpoint_(endpoint), store_(std::move(store)), limits_(limits), server_(limits) {}
  ~HttpHubServer() override { stop(); }

  Status start(const HostPort& where) {
    // SO_REUSEADDR only: httplib's default SO_REUSEPORT would let a second hub share the port.
    server_.set_socket_options([](socket_t sock) {
      int yes = 1;
      setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    });
    server_.set_payload_max_length(static_cast<std::size_t>(limits_.maxBatchBytes));
    server_.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr) { answerError(res, 500, "internal"); });
    server_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      return admitted(req, res) ? httplib::Server::HandlerResponse::Unhandled
                                : httplib::Server::HandlerResponse::Handled;
    });
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
    janitor_ = std::thread([this] { sweepPartsUntilStopped(); });
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
    if (janitor_.joinable()) {
      {
        std::lock_guard<std::mutex> lock(janitorMutex_);
        stopping_ = true;
      }
      janitorWake_.notify_all();
      janitor_.join();
    }
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
    const std::string finish = upload + "/finish";
    server_.Post(
        finish, [this](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
          guarded(res, [&] { handleFinish(req, res, [&](const httplib::ContentReceiver& r) { return reader(r); }); });
        });
    server_.Get("/v1/status", [this](const httplib::Request& req, httplib::Response& res) {
      guarded(res, [&] { handleStatus(req, res); });
    });
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

  // Before routing, so before httplib reads any body: the framing the hub accepts, then the
  // signature over the declared body hash, then the device. Only then may the body take time.
  bool admitted(const httplib::Request& req, httplib::Response& res) {
    try {
      // Compressed bodies would be inflated by httplib before anyone looked at them.
      if (req.has_header("Content-Encoding") && req.get_header_value("Content-Encoding") != "identity") {
        answerError(res, 415, "unsupported_encoding");
        return false;
      }
      if (req.has_header("Transfer-Encoding")) {
        answerError(res, 411, "length_required");
        return false;
      }
      const auto length = contentLength(req);
      std::string bodyHash;
      if (isBodyMethod(req.method)) {
        if (!length) {
          answerError(res, 411, "length_required");
          return false;
        }
        bodyHash = req.get_header_value(std::string(kBodyHashHeader));
        if (!parseLowerHex<32>(bodyHash)) {
          // Signed but without the hash: a laptop older than this hub (sync/README.md, "HTTP").
          const bool signedRequest = req.has_header(std::string(kSignatureHeader));
          answerError(res, signedRequest ? 400 : 401, signedRequest ? "body_hash_required" : "refused");
          return false;
        }
      } else {
        if (req.has_header("Content-Length") && length != std::uint64_t{0}) {
          answerError(res, 400, "bad_request");
          return false;
        }
        bodyHash = emptyBodyHash_;
      }
      const RequestAuth auth = authFrom(req);
      if (!verifyRequest(auth, req.method, req.target, bodyHash) || !knownDevice(auth)) {
        answerError(res, 401, "refused");
        return false;
      }
      GuardedServer::allowBody();
      return true;
    } catch (...) {
      answerError(res, 500, "internal");
      return false;
    }
  }

  // The device, if it is enrolled. Routes call it after admitted() checked the signature.
  std::optional<DeviceId> knownDevice(const RequestAuth& auth) {
    const auto device = parseLowerHex<32>(auth.device);
    if (!device || !endpoint_.deviceKnown(*device)) return std::nullopt;
    return device;
  }

  // GET /v1/uploads/<id>: {"offset": held}. Takes the upload's lock, so a PUT in progress is
  // never reported half-written.
  void handleOffset(const httplib::Request& req, httplib::Response& res) {
    const auto device = knownDevice(authFrom(req));
    if (!device) return answerError(res, 401, "refused");
    const auto batch = parseLowerHex<16>(req.matches[1].str());
    if (!batch) return answerError(res, 400, "bad_request");
    UploadLease lease(*store_, *device, *batch);
    const auto held = lease.held();
    if (!held) return answerFailure(res, held.error());
    answerJson(res, 200, Json{{"offset", *held}});
  }

  // PUT /v1/uploads/<id>?offset=K&total=N. The signature was checked on the headers; the body
  // is read to its end (so the laptop gets a clean answer, not a reset connection) and must hash
  // to what was signed, else the bytes it added are cut back off.
  void handlePut(const httplib::Request& req, httplib::Response& res, const BodySource& body) {
    const RequestAuth auth = authFrom(req);
    const auto device = knownDevice(auth);
    if (!device) return answerError(res, 401, "refused");
    const auto batch = parseLowerHex<16>(req.matches[1].str());
    const auto offset = queryNumber(req, "offset");
    const auto total = queryNumber(req, "total");
    const std::uint64_t length = contentLength(req).value_or(0);
    // Refusals before the part is touched still read a chunk-sized body, so the laptop reads the
    // answer instead of a reset connection.
    const auto refuse = [&](int status, const char* code) {
      if (length <= kMaxDrainedBody) (void)body([](const char*, std::size_t) { return true; });
      answerError(res, status, code);
    };
    if (!batch || !offset || !total) return refuse(400, "bad_request");
    // The part never grows past the batch size the laptop declared, nor past the hub's cap.
    if (*total > limits_.maxBatchBytes || *offset > *total || length > *total - *offset)
      return refuse(413, "too_large");

    UploadLease lease(*store_, *device, *batch);
    auto held = lease.held();
    if (!held) return answerFailure(res, held.error());
    const bool newPart = *held == 0 && *offset == 0 && length > 0;
    if (newPart && store_->partsOf(*device) >= limits_.maxPartsPerDevice) return refuse(429, "too_many_uploads");
    std::optional<PartAppender> appender;
    Status failure;
    if (*offset == *held && length > 0) {
      auto a = lease.append(*held);
      if (a)
        appender.emplace(std::move(*a));
      else
        failure = a.error();
    }

    vault::Blake2b hash;
    const bool complete = body([&](const char* data, std::size_t n) {
      const std::span<const std::uint8_t> bytes(reinterpret_cast<const std::uint8_t*>(data), n);
      hash.update(bytes);
      if (appender && failure.ok()) {
        if (auto w = appender->write(bytes); !w.ok()) failure = w;
      }
      return true;
    });
    const auto dropAppended = [&] {
      appender.reset();  // cut back to where this request started
      if (newPart) lease.removeIfEmpty();
    };
    if (!complete) {
      dropAppended();  // dropped connection: keep nothing
      return answerError(res, 400, "bad_request");
    }
    if (hash.finalHex() != auth.bodyHash) {
      dropAppended();
      return answerError(res, 401, "refused");
    }
    if (!failure.ok()) {
      dropAppended();
      return answerFailure(res, failure.error());
    }
    if (*offset != *held) return answerJson(res, 409, Json{{"offset", *held}});
    if (!appender) return answerJson(res, 200, Json{{"offset", *held}});  // an empty body
    if (auto c = appender->commit(); !c.ok()) return answerFailure(res, c.error());
    answerJson(res, 200, Json{{"offset", appender->end()}});
  }

  // POST /v1/uploads/<id>/finish {"size":N,"hash":"<hex>"}: check the held bytes, hand them to
  // the endpoint, answer its receipt. A mismatch drops the part so the next try starts clean.
  void handleFinish(const httplib::Request& req, httplib::Response& res, const BodySource& body) {
    const RequestAuth auth = authFrom(req);
    const auto device = knownDevice(auth);
    if (!device) return answerError(res, 401, "refused");
    const auto batch = parseLowerHex<16>(req.matches[1].str());
    if (!batch || contentLength(req).value_or(0) > kMaxFinishBody) return answerError(res, 400, "bad_request");
    std::string text;
    vault::Blake2b hash;
    const bool complete = body([&](const char* data, std::size_t n) {
      hash.update(std::string_view(data, n));
      text.append(data, n);
      return text.size() <= kMaxFinishBody;
    });
    if (!complete) return answerError(res, 400, "bad_request");
    if (hash.finalHex() != auth.bodyHash) return answerError(res, 401, "refused");
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
    if (!receipt) return answerFailure(res, receipt.error());
    lease.remove();
    res.status = 200;
    res.set_content(*receipt, "application/octet-stream");
  }

  void handleStatus(const httplib::Request& req, httplib::Response& res) {
    const auto device = knownDevice(authFrom(req));
    if (!device) return answerError(res, 401, "refused");
    auto receipt = endpoint_.statusReceipt(*device);
    if (!receipt) return answerFailure(res, receipt.error());
    res.status = 200;
    res.set_content(*receipt, "application/octet-stream");
  }

  // Unfinished uploads a laptop never came back for (or empty ones) are removed at start and
  // every few minutes, so abandoned parts cannot pile up in incoming/.
  void sweepPartsUntilStopped() {
    std::unique_lock<std::mutex> lock(janitorMutex_);
    while (!stopping_) {
      lock.unlock();
      store_->expire(limits_.partMaxAge, limits_.emptyPartMaxAge);
      lock.lock();
      janitorWake_.wait_for(lock, kJanitorInterval, [this] { return stopping_; });
    }
  }

  HubEndpoint& endpoint_;
  std::unique_ptr<UploadStore> store_;
  ServerLimits limits_;
  GuardedServer server_;
  const std::string emptyBodyHash_ = blake2b256Hex("");
  HostPort bound_;
  std::thread listener_;
  std::atomic<bool> listenReturned_{false};
  std::mutex stopMutex_;
  std::thread janitor_;
  std::mutex janitorMutex_;
  std::condition_variable janitorWake_;
  bool stopping_ = false;
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
