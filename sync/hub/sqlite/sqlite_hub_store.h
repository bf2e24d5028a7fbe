// The SQLite backend of the hub store: one file hub.db in the data dir (WAL, synchronous=FULL),
// schema by PRAGMA user_version from the embedded schema/NNNN_*.sql. The class stays inside
// sqlite_hub_store.cpp; the hub reaches it only through HubStore and this backend entry.
#pragma once

#include "sync/hub/hub_store.h"

namespace gocua::hub::sqlite {

inline constexpr const char* kDbFile = "hub.db";

const HubStoreBackend& backend();

}  // namespace gocua::hub::sqlite
