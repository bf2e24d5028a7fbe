// Wrong passphrases leave a trace: the workspace counts failed unlocks (plaintext meta rows, so the
// count survives a restart and needs no key) until the next successful one, which reports them.
// After kFreeUnlockAttempts failures each further try must wait, longer each time. The waiting is
// a refusal measured against the clock of the last failure, never a sleep.
#pragma once

#include <cstdint>

#include "core/result.h"
#include "store/repository.h"

namespace gocua::workspace {

inline constexpr int kFreeUnlockAttempts = 5;

struct UnlockAttempts {
  int failures = 0;                  // wrong passphrases since the last successful unlock
  std::int64_t lastFailureUnix = 0;  // seconds since the epoch
};

// Missing or unreadable rows count as no failures (a workspace made before this existed).
Result<UnlockAttempts> readUnlockAttempts(store::Repository& repo);
Status recordUnlockFailure(store::Repository& repo, const UnlockAttempts& before, std::int64_t nowUnix);
Status clearUnlockFailures(store::Repository& repo);

// Seconds to wait after `failures` wrong tries: 0 up to kFreeUnlockAttempts, then 30 s doubling
// with each further failure, at most 15 minutes.
std::int64_t unlockDelaySeconds(int failures);
// Seconds still to wait at nowUnix (0: may try). A clock set back before the last failure waits
// the full delay, not longer.
std::int64_t unlockWaitSeconds(const UnlockAttempts& attempts, std::int64_t nowUnix);

}  // namespace gocua::workspace
