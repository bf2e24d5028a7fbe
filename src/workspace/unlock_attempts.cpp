#include "workspace/unlock_attempts.h"

#include <algorithm>
#include <charconv>
#include <string>

namespace gocua::workspace {

namespace {

constexpr const char* kMetaFailures = "unlock_failures";
constexpr const char* kMetaLastFailure = "unlock_last_failure";
constexpr std::int64_t kFirstDelaySeconds = 30;
constexpr std::int64_t kMaxDelaySeconds = 15 * 60;

std::int64_t parseOrZero(const std::optional<std::string>& text) {
  if (!text) return 0;
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
  return ec == std::errc() && end == text->data() + text->size() && v > 0 ? v : 0;
}

}  // namespace

Result<UnlockAttempts> readUnlockAttempts(store::Repository& repo) {
  auto failures = repo.meta(kMetaFailures);
  if (!failures) return failures.error();
  auto last = repo.meta(kMetaLastFailure);
  if (!last) return last.error();
  UnlockAttempts a;
  a.failures = static_cast<int>(std::min<std::int64_t>(parseOrZero(*failures), 1'000'000));
  a.lastFailureUnix = parseOrZero(*last);
  return a;
}

Status recordUnlockFailure(store::Repository& repo, const UnlockAttempts& before, std::int64_t nowUnix) {
  GOCUA_TRY(repo.setMeta(kMetaFailures, std::to_string(before.failures + 1)));
  return repo.setMeta(kMetaLastFailure, std::to_string(nowUnix));
}

Status clearUnlockFailures(store::Repository& repo) {
  GOCUA_TRY(repo.setMeta(kMetaFailures, "0"));
  return repo.setMeta(kMetaLastFailure, "0");
}

std::int64_t unlockDelaySeconds(int failures) {
  if (failures < kFreeUnlockAttempts) return 0;
  const int doublings = std::min(failures - kFreeUnlockAttempts, 5);
  return std::min(kFirstDelaySeconds << doublings, kMaxDelaySeconds);
}

std::int64_t unlockWaitSeconds(const UnlockAttempts& attempts, std::int64_t nowUnix) {
  const std::int64_t delay = unlockDelaySeconds(attempts.failures);
  if (delay == 0) return 0;
  const std::int64_t elapsed = nowUnix - attempts.lastFailureUnix;
  if (elapsed < 0) return delay;
  return std::max<std::int64_t>(0, delay - elapsed);
}

}  // namespace gocua::workspace
