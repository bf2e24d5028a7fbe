// The hub side of the HTTP transport: what sync/transport's HubServer calls for an authenticated
// device. The server runs several threads; the hub has one SQLite connection and one session, so
// every call is serialised by one mutex.
#pragma once

#include <memory>

#include "sync/hub/hub.h"
#include "sync/transport/transport.h"

namespace gocua::hub {

[[nodiscard]] std::unique_ptr<sync::transport::HubEndpoint> makeEndpoint(HubSession& session,
                                                                         ImportOptions options = {});

}  // namespace gocua::hub
