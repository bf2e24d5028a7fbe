// Duplicates across laptops; see duplicates.h.
#include "sync/hub/duplicates.h"

#include <array>
#include <map>

#include "core/json_read.h"
#include "core/text.h"
#include "vault/primitives.h"
#include "vault/secret.h"

namespace gocua::hub {
namespace {

using Digest = std::array<std::uint8_t, 32>;

struct Seen {
  std::string id;
  DeviceId device;
};

// Pairs each new record with the earlier ones of the same key from other laptops.
void pairUp(std::map<Digest, std::vector<Seen>>& groups, const Digest& key, const Seen& record, const char* reason,
            std::vector<DuplicatePair>& out) {
  auto& group = groups[key];
  for (const auto& earlier : group)
    if (earlier.device != record.device) out.push_back({earlier.id, record.id, reason});
  group.push_back(record);
}

}  // namespace

Result<std::vector<DuplicatePair>> findDuplicates(HubSession& session) {
  std::map<Digest, std::vector<Seen>> byId, byNameAndBirth;
  std::vector<DuplicatePair> out;
  static const RecordFields kFields{{}, {"personal_id", "full_name", "date_of_birth"}};
  auto st = session.forEachRecord({}, kFields, [&](const OpenRecord& r) -> Status {
    if (r.info.kind != "resident") return {};
    const auto body = r.plain.find("body");
    if (body == r.plain.end() || !body->is_object()) return {};
    const Seen record{r.info.id, r.info.device};
    std::string personalId = jsonValue(*body, "personal_id", "");
    if (!personalId.empty()) pairUp(byId, vault::blake2b256(personalId), record, "same_personal_id", out);
    vault::wipe(personalId);
    std::string fullName = jsonValue(*body, "full_name", "");
    std::string name = core::foldKey(fullName);
    vault::wipe(fullName);
    std::string birth = jsonValue(*body, "date_of_birth", "");
    if (!name.empty() && !birth.empty()) {
      std::string key = name + '\n' + birth;
      pairUp(byNameAndBirth, vault::blake2b256(key), record, "same_name_and_birth", out);
      vault::wipe(key);
    }
    vault::wipe(name);
    vault::wipe(birth);
    return {};
  });
  if (!st) return st.error();
  return out;
}

}  // namespace gocua::hub
