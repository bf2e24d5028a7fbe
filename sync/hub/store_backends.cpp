// The hub store backends compiled into gocua_hub. A new backend is a folder implementing
// HubStore (as sync/hub/sqlite/) and one line here; the store contract test runs it too.
#include "sync/hub/hub_store.h"
#include "sync/hub/sqlite/sqlite_hub_store.h"

namespace gocua::hub {

std::span<const HubStoreBackend> hubStoreBackends() {
  static const HubStoreBackend all[] = {sqlite::backend()};
  return all;
}

}  // namespace gocua::hub
