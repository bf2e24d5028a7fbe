// Applies the embedded schema/NNNN_*.sql files in order; see migrations.h.
#include "store/migrations.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/embedded.h"
#include "store/errors.h"

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

std::vector<Migration> migrations(const EmbeddedFile* files, std::size_t count) {
  std::vector<Migration> out;
  for (std::size_t i = 0; i < count; ++i) out.push_back({std::atoi(files[i].name), files[i].content});
  std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.version < b.version; });
  return out;
}

}  // namespace

int latestSchemaVersion(const EmbeddedFile* files, std::size_t count) {
  auto all = migrations(files, count);
  return all.empty() ? 0 : all.back().version;
}

Status migrate(Db& db, const EmbeddedFile* files, std::size_t count) {
  int current = db.userVersion();
  if (current < 0) return Error::make(err::kStoreCorrupt, "", "user_version unreadable");
  if (current > latestSchemaVersion(files, count))
    return Error::make(err::kStoreSchemaTooNew, "", std::to_string(current));
  for (const auto& m : migrations(files, count)) {
    if (m.version <= current) continue;
    auto txn = Txn::begin(db);
    if (!txn) return txn.error();
    GOCUA_TRY(db.exec(m.sql));
    GOCUA_TRY(db.setUserVersion(m.version));
    GOCUA_TRY(txn->commit());
  }
  return {};
}

int latestSchemaVersion() { return latestSchemaVersion(gocua_schema, gocua_schema_count); }

Status migrate(Db& db) { return migrate(db, gocua_schema, gocua_schema_count); }

}  // namespace gocua::store
