// Shared helpers of the workspace sources; see records_internal.h.
#include "workspace/workspace.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <future>
#include <sstream>
#include <unordered_map>

#include "core/parallel.h"
#include "core/resident.h"
#include "core/text.h"
#include "store/migrations.h"
#include "vault/record_cipher.h"
#include "vault/secret.h"
#include "workspace/demo_data.h"
#include "workspace/errors.h"
#include "workspace/records_internal.h"

namespace gocua::workspace {
namespace fs = std::filesystem;
using nlohmann::json;

namespace detail {

core::RecordId newRecordId() {
  std::array<std::uint8_t, 16> bytes{};
  vault::randomBytes(bytes);
  auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count();
  return core::makeRecordId(static_cast<std::uint64_t>(millis), bytes);
}

// vault::recordAd for an id read from a row: one that is not 16 bytes (a damaged row) is cut or
// zero-padded to 16, so its body simply fails to open.
std::array<std::uint8_t, 24> associatedData(std::span<const std::uint8_t> id, std::int64_t revision) {
  std::array<std::uint8_t, 16> fixed{};
  std::copy_n(id.begin(), std::min<std::size_t>(id.size(), fixed.size()), fixed.begin());
  return vault::recordAd(fixed, revision);
}

std::span<const std::uint8_t> span(const core::RecordId& id) { return {id.data(), id.size()}; }

store::KeyslotRow toRow(std::string_view volunteer, const vault::Keyslot& k) {
  store::KeyslotRow row;
  row.volunteer = std::string(volunteer);
  row.opslimit = static_cast<std::int64_t>(k.params.opslimit);
  row.memlimit = static_cast<std::int64_t>(k.params.memlimit);
  row.salt = k.salt;
  row.nonce = k.nonce;
  row.wrapped = k.wrapped;
  row.createdAt = nowIso();
  return row;
}

vault::Keyslot fromRow(const store::KeyslotRow& row) {
  vault::Keyslot k;
  k.params.opslimit = static_cast<std::uint64_t>(row.opslimit);
  k.params.memlimit = static_cast<std::size_t>(row.memlimit);
  k.salt = row.salt;
  k.nonce = row.nonce;
  k.wrapped = row.wrapped;
  return k;
}

Result<std::string> volunteerName(std::string_view name) {
  auto n = core::normalizeName(name);
  if (!n) return Error::make(err::kVolunteerName, "volunteer", n.error().code);
  return *n;
}

std::optional<core::RecordId> toRecordId(std::span<const std::uint8_t> bytes) {
  if (bytes.size() != 16) return std::nullopt;
  core::RecordId id{};
  std::copy(bytes.begin(), bytes.end(), id.begin());
  return id;
}

}  // namespace detail

}  // namespace gocua::workspace
