// The laptop side: resumable upload and status fetch (protocol in sync/README.md, "HTTP").
// Every step asks the hub rather than trusting local memory of what was sent, so a dropped
// connection, a crash or a second attempt days later all resume from what the hub holds.
#include <fstream>
#include <nlohmann/json.hpp>
#include <vector>

#include "sync/transport/errors.h"
#include "sync/transport/hub_request.h"
#include "sync/transport/signing.h"
#include "sync/transport/transport.h"
#include "vault/secret.h"

namespace gocua::sync::transport {
namespace {

using Json = nlohmann::json;

// The hub's answer to anything the client did not plan for, as an error value.
Error unexpected(const HubAnswer& answer, std::string_view step) {
  const std::string where = std::string(step) + ": HTTP " + std::to_string(answer.status);
  switch (answer.status) {
    case 401:
      return Error::make(err::kTransportRefused, "", where);
    case 413:
      return Error::make(err::kTransportTooLarge, "", where);
    case 503:
      return Error::make(err::kTransportBusy, "", where);
    case 422:
      return Error::make(err::kTransportRejected, "", where);
    default:
      break;
  }
  // A hub error code (never resident data) helps whoever reads the detail.
  const Json doc = Json::parse(answer.body, nullptr, false);
  std::string code;
  if (doc.is_object() && doc.contains("error") && doc["error"].is_string()) code = doc["error"].get<std::string>();
  return Error::make(err::kTransportServer, "", code.empty() ? where : where + " (" + code + ")");
}

std::optional<std::uint64_t> offsetOf(const HubAnswer& answer) {
  const Json doc = Json::parse(answer.body, nullptr, false);
  if (!doc.is_object() || !doc.contains("offset") || !doc["offset"].is_number_unsigned()) return std::nullopt;
  return doc["offset"].get<std::uint64_t>();
}

Result<std::uint64_t> askOffset(const HostPort& hub, const DeviceKeys& keys, const std::string& path,
                                const ClientOptions& options) {
  auto answer = sendSigned(hub, keys, "GET", path, {}, options);
  if (!answer) return answer.error();
  if (answer->status != 200) return unexpected(*answer, "offset");
  const auto offset = offsetOf(*answer);
  if (!offset) return Error::make(err::kTransportServer, "", "offset: malformed answer");
  return *offset;
}

Error fileError(const std::string& what) { return Error::make(err::kTransportIo, "file", what); }

Result<std::string> hashFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return fileError("cannot open the batch file");
  vault::Blake2b hash;
  std::vector<char> buf(std::size_t{1} << 16);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    const auto n = static_cast<std::size_t>(in.gcount());
    if (n > 0) hash.update(std::string_view(buf.data(), n));
  }
  if (in.bad()) return fileError("cannot read the batch file");
  return hash.finalHex();
}

Error stoppedByTestHook() {
  return Error::make(err::kTransportUnreachable, "", "stopped after ClientOptions::stopAfterBytes");
}

}  // namespace

Result<UploadResult> uploadBatch(const std::string& hubUrl, const std::filesystem::path& gcbFile,
                                 const std::array<std::uint8_t, 16>& batchId, const DeviceKeys& keys,
                                 const std::function<bool(const UploadProgress&)>& progress,
                                 const ClientOptions& options) {
  auto hub = parseHubUrl(hubUrl);
  if (!hub) return hub.error();
  std::error_code ec;
  const std::uint64_t size = std::filesystem::file_size(gcbFile, ec);
  if (ec) return fileError("cannot read the batch file size: " + ec.message());
  std::ifstream in(gcbFile, std::ios::binary);
  if (!in) return fileError("cannot open the batch file");

  const std::string path = "/v1/uploads/" + vault::toHex(batchId);
  const std::size_t chunk = options.chunkBytes > 0 ? options.chunkBytes : std::size_t{1} << 20;
  auto held = askOffset(*hub, keys, path, options);
  if (!held) return held.error();

  UploadResult result;
  result.resumedFrom = *held;
  std::uint64_t offset = *held;
  bool retriedConflict = false;
  std::string buf;
  while (offset < size) {
    if (result.bytesSent >= options.stopAfterBytes) return stoppedByTestHook();
    const std::uint64_t n = std::min<std::uint64_t>({chunk, size - offset, options.stopAfterBytes - result.bytesSent});
    buf.resize(static_cast<std::size_t>(n));
    in.clear();
    in.seekg(static_cast<std::streamoff>(offset));
    in.read(buf.data(), static_cast<std::streamsize>(n));
    if (static_cast<std::uint64_t>(in.gcount()) != n) return fileError("the batch file changed while sending");

    const std::string target = path + "?offset=" + std::to_string(offset) + "&total=" + std::to_string(size);
    auto answer = sendSigned(*hub, keys, "PUT", target, buf, options);
    if (!answer) return answer.error();
    result.bytesSent += n;
    if (answer->status == 409 && !retriedConflict) {
      // Another attempt moved the hub's offset (an earlier answer lost on the way): ask once.
      retriedConflict = true;
      auto now = askOffset(*hub, keys, path, options);
      if (!now) return now.error();
      offset = *now;
      continue;
    }
    if (answer->status != 200) return unexpected(*answer, "upload");
    const auto next = offsetOf(*answer);
    if (!next || *next != offset + n) return Error::make(err::kTransportServer, "", "upload: unexpected offset");
    offset = *next;
    retriedConflict = false;
    if (progress && !progress(UploadProgress{offset, size}))
      return Error::make(err::kTransportCancelled, "", "cancelled at byte " + std::to_string(offset));
  }
  if (result.bytesSent >= options.stopAfterBytes) return stoppedByTestHook();

  auto hash = hashFile(gcbFile);
  if (!hash) return hash.error();
  const std::string finish = Json{{"size", size}, {"hash", *hash}}.dump();
  auto answer = sendSigned(*hub, keys, "POST", path + "/finish", finish, options);
  if (!answer) return answer.error();
  if (answer->status != 200) return unexpected(*answer, "finish");
  result.receipt = std::move(answer->body);
  return result;
}

Result<std::string> fetchStatus(const std::string& hubUrl, const DeviceKeys& keys, const ClientOptions& options) {
  auto hub = parseHubUrl(hubUrl);
  if (!hub) return hub.error();
  auto answer = sendSigned(*hub, keys, "GET", "/v1/status", {}, options);
  if (!answer) return answer.error();
  if (answer->status != 200) return unexpected(*answer, "status");
  return std::move(answer->body);
}

}  // namespace gocua::sync::transport
