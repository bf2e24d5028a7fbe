// Internal to the workspace: the recovery files this laptop has already used (their ids), sealed
// under the data key so that deleting or editing the record with sqlite3 does not make a used
// file work again. It exists from enrollment on (or the first unlock after an update); a reset
// refuses when it is missing or does not open. Someone holding the recovery file and its code
// holds the data key, so this stops reuse on this workspace, not a determined attacker.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "store/repository.h"
#include "vault/record_cipher.h"

namespace gocua::workspace::detail {

// The used ids (hex); "recovery.state_damaged" when the sealed record is missing or does not open.
Result<std::vector<std::string>> usedRecoveryIds(store::Repository& repo, const vault::RecordCipher& cipher);
// Replaces the sealed record (call inside the caller's transaction).
Status storeUsedRecoveryIds(store::Repository& repo, const vault::RecordCipher& cipher,
                            const std::vector<std::string>& ids);
// Writes the sealed record when there is none yet, carrying over the plaintext list an older
// GoCua kept in meta "recovery.used" (at enrollment and unlock).
Status sealLegacyRecoveryUsed(store::Repository& repo, const vault::RecordCipher& cipher);

}  // namespace gocua::workspace::detail
