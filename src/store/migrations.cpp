// Applies the embedded schema/NNNN_*.sql files in order; see migrations.h.
#include "store/migrations.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/embedded.h"

namespace gocua {
extern const EmbeddedFile gocua_schema[];
extern const std::size_t gocua_schema_count;
}  // namespace gocua

namespace gocua::store {
namespace {

struct Migration {
  int version;
  const char* sql;
};

std::vector<Migration> migrations() {
  std::vector<Migration> out;
  for (std::size_t i = 0; i < gocua_schema_count; ++i)
    out.push_back({std::atoi(gocua_schema[i].name), gocua_schema[i].content});
  std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.version < b.version; });
  return out;
}

}  // namespace

int latestSchemaVersion() {
  auto all = migrations();
  return all.empty() ? 0 : all.back().version;
}

Status migrate(Db& db) {
  int current = db.userVersion();
  if (current < 0) return Error::make("store.corrupt", "", "user_version unreadable");
  if (current > latestSchemaVersion()) return Error::make("store.schema_too_new", "", std::to_string(current));
  for (const auto& m : migrations()) {
    if (m.version <= current) continue;
    auto txn = Txn::begin(db);
    if (!txn) return txn.error();
    GOCUA_TRY(db.exec(m.sql));
    GOCUA_TRY(db.setUserVersion(m.version));
    GOCUA_TRY(txn->commit());
  }
  return {};
}

}  // namespace gocua::store
