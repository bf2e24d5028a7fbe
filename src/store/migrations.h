// Schema migrations by PRAGMA user_version. Migrations are the embedded files
// src/store/schema/NNNN_*.sql; file N takes a database from version N-1 to N, in one transaction.
#pragma once

#include <cstddef>

#include "core/embedded.h"
#include "core/result.h"
#include "store/db.h"

namespace gocua::store {

// The version a fully migrated database has.
int latestSchemaVersion();

// Applies every migration above the database's user_version. Errors: "store.schema_too_new"
// when the file was written by a newer GoCua (we never downgrade), or the failing step's error.
Status migrate(Db& db);

// The same for another database kind (the hub) with its own embedded NNNN_*.sql files.
int latestSchemaVersion(const EmbeddedFile* files, std::size_t count);
Status migrate(Db& db, const EmbeddedFile* files, std::size_t count);

}  // namespace gocua::store
