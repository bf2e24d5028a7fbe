// HubEndpoint over a HubSession; see endpoint.h. A refused upload still gets a signed answer (a
// "rejected" receipt) because the device is known: the laptop shows the reason instead of retrying.
#include "sync/hub/endpoint.h"

#include <fstream>
#include <mutex>

#include "sync/batch/batch.h"

#include "sync/hub/errors.h"
#include "sync/hub/internal.h"

namespace gocua::hub {

namespace {

class Endpoint final : public sync::transport::HubEndpoint {
 public:
  Endpoint(HubSession& session, ImportOptions options, UploadObserver observer)
      : session_(session), options_(options), observer_(std::move(observer)) {}

  bool deviceKnown(const sync::transport::DeviceId& device) override {
    std::lock_guard lock(mutex_);
    auto row = session_.hub().store().device(device);
    return row.ok() && row->has_value();
  }

  Result<std::string> importUploaded(const sync::transport::DeviceId& device, const fs::path& gcbFile) override {
    std::lock_guard lock(mutex_);
    // A device uploads its own batches only: another device's file is not imported on its behalf.
    {
      std::ifstream in(gcbFile, std::ios::binary);
      auto layout = sync::peekBatchHeader(in);
      if (layout && layout->deviceId != device) return Error::make(err::kHubForeignRecord, "", "uploader");
    }
    auto res = session_.importFile(gcbFile, options_);
    if (!res) return res.error();
    if (observer_) observer_(gcbFile, *res);
    const bool ours = res->device && *res->device == device;
    if (!res->receipt.empty() && ours) return std::move(res->receipt);
    // A refused batch that names its uploader gets a signed "rejected" answer; anything else
    // (junk, another device's file) has no batch to answer for and becomes an HTTP error.
    const bool named = res->sequence != 0 && res->batchId != std::array<std::uint8_t, 16>{};
    if (ours && named) return session_.rejectedReceipt(device, res->sequence, res->batchId, res->reason);
    if (res->reason.empty()) return Error::make(err::kHubBadManifest, "", "upload refused");
    return Error::fromText(res->reason, "", "upload refused", ErrorKind::Invalid);
  }

  Result<std::string> statusReceipt(const sync::transport::DeviceId& device) override {
    std::lock_guard lock(mutex_);
    return session_.statusReceipt(device);
  }

 private:
  HubSession& session_;
  ImportOptions options_;
  UploadObserver observer_;
  std::mutex mutex_;
};

}  // namespace

std::unique_ptr<sync::transport::HubEndpoint> makeEndpoint(HubSession& session, ImportOptions options,
                                                           UploadObserver observer) {
  return std::make_unique<Endpoint>(session, options, std::move(observer));
}

}  // namespace gocua::hub
