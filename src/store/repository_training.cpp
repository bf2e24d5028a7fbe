// The training workspace's one-click reset: practice records go, volunteers and keys stay.
#include "store/repository.h"

namespace gocua::store {

Status Repository::clearPracticeData() {
  for (const char* sql : {"DELETE FROM record_history", "DELETE FROM id_index", "DELETE FROM record",
                          "DELETE FROM record_body", "DELETE FROM audit", "DELETE FROM batch", "DELETE FROM autosave"})
    GOCUA_TRY(db_->exec(sql));
  return {};
}

}  // namespace gocua::store
