// The hub side of the HTTP transport: what sync/transport's HubServer calls for an authenticated
// device. The server runs several threads; the hub has one SQLite connection and one session, so
// every call is serialised by one mutex.
#pragma once

#include <functional>
#include <memory>

#include "sync/hub/hub.h"
#include "sync/transport/transport.h"

namespace gocua::hub {

// Hears every upload the hub imported (whatever it decided), on the server thread, while the
// endpoint's mutex is held: keep it short. The desk shows the latest uploads from it.
using UploadObserver = std::function<void(const fs::path& gcbFile, const ImportResult& result)>;

[[nodiscard]] std::unique_ptr<sync::transport::HubEndpoint> makeEndpoint(HubSession& session,
                                                                         ImportOptions options = {},
                                                                         UploadObserver observer = {});

}  // namespace gocua::hub
