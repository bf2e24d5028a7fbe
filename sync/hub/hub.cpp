// Hub: creating and opening the data dir, keys at rest, unlocking. The hub's secret keys
// (sign 64 || box 32 || recovery 32 bytes) are sealed under the hub data key, which is wrapped
// under the staff passphrase; public keys and commune details sit in clear in meta.
#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "core/text.h"
#include "sync/hub/errors.h"
#include "sync/hub/internal.h"
#include "vault/keyslot.h"

namespace gocua::hub {

using namespace detail;
using nlohmann::json;

namespace {

constexpr std::string_view kSecretsAd = "gocua-hub-secrets-1";
constexpr std::size_t kSecretsBytes = 64 + 32 + 32;

std::span<const std::uint8_t> bytes(std::string_view s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

std::string text(const Blob& b) { return std::string(b.begin(), b.end()); }

template <std::size_t N>
bool toArray(const std::optional<Blob>& b, std::array<std::uint8_t, N>& out) {
  if (!b || b->size() != N) return false;
  std::memcpy(out.data(), b->data(), N);
  return true;
}

// The backend whose store dir holds, or nullptr when dir holds no hub.
const HubStoreBackend* backendIn(const fs::path& dir) {
  for (const auto& b : hubStoreBackends())
    if (b.holds(dir)) return &b;
  return nullptr;
}

}  // namespace

fs::path defaultHubDir() {
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return fs::path(xdg) / "gocua" / "hub";
  const char* home = std::getenv("HOME");
  return fs::path(home ? home : ".") / ".local" / "share" / "gocua" / "hub";
}

std::string deviceHex(const DeviceId& id) { return hex(id); }

Result<DeviceId> parseDeviceId(std::string_view text) {
  auto raw = unhex(text);
  if (!raw || raw->size() != 32) return Error::make(err::kHubBadDeviceId);
  DeviceId id{};
  std::memcpy(id.data(), raw->data(), 32);
  return id;
}

// [SECTION] Hub

Hub::Hub(fs::path dir, std::unique_ptr<HubStore> store) : dir_(std::move(dir)), store_(std::move(store)) {}
Hub::~Hub() = default;

Result<std::unique_ptr<Hub>> Hub::create(const fs::path& dir, const CommuneInfo& commune, std::string_view passphrase,
                                         const vault::KdfParams& kdf) {
  return create(dir, commune, passphrase, kdf, sync::HubIdentity::generate());
}

Result<std::unique_ptr<Hub>> Hub::create(const fs::path& dir, const CommuneInfo& commune, std::string_view passphrase,
                                         const vault::KdfParams& kdf, sync::HubIdentity identity) {
  return createHub(dir, commune, kFirstStaffName, passphrase, kdf, std::move(identity));
}

Result<std::unique_ptr<Hub>> Hub::create(const fs::path& dir, const CommuneInfo& commune, std::string_view firstStaff,
                                         std::string_view passphrase, const vault::KdfParams& kdf) {
  return createHub(dir, commune, firstStaff, passphrase, kdf, sync::HubIdentity::generate());
}

Result<std::unique_ptr<Hub>> Hub::createHub(const fs::path& dir, const CommuneInfo& communeIn,
                                            std::string_view firstStaff, std::string_view passphrase,
                                            const vault::KdfParams& kdf, sync::HubIdentity identity) {
  GOCUA_TRY(vault::init());
  if (backendIn(dir)) return Error::make(err::kHubExists);

  // Normalise and check the commune details by signing a profile with them (the reader's rules).
  CommuneInfo commune = communeIn;
  auto name = core::normalizeText(commune.name, sync::kMaxFieldChars);
  if (!name) return Error::make(err::kHubInvalid, "commune_name", name.error().code);
  commune.name = *name;
  for (auto& v : commune.villages) {
    auto n = core::normalizeText(v, sync::kMaxFieldChars);
    if (!n) return Error::make(err::kHubInvalid, "village", n.error().code);
    v = *n;
  }
  sync::CommuneProfile probe{commune.code,
                             commune.name,
                             commune.villages,
                             commune.hubUrl,
                             identity.signPublic,
                             identity.box.publicKey,
                             identity.recovery.publicKey,
                             0,
                             nowIso(),
                             {}};
  if (auto p = sync::writeProfile(probe, identity); !p) return Error::make(err::kHubInvalid, "", p.error().detail);
  auto staffName = core::normalizeText(firstStaff, sync::kMaxFieldChars);
  if (!staffName || staffName->empty()) return Error::make(err::kHubInvalid, "staff");

  auto dataKey = vault::newDataKey();
  auto slot = vault::wrapDataKey(dataKey, passphrase, kdf);
  if (!slot) return slot.error();

  GOCUA_TRY(ensurePrivateDir(dir));
  GOCUA_TRY(ensurePrivateDir(dir / kQuarantineDir));
  GOCUA_TRY(ensurePrivateDir(dir / kIncomingDir));
  auto store = hubStoreBackends().front().open(dir, true);
  if (!store) return store.error();

  vault::SecretBytes secrets(kSecretsBytes);
  std::memcpy(secrets.data(), identity.signSecret.data(), 64);
  std::memcpy(secrets.data() + 64, identity.box.secretKey.data(), 32);
  std::memcpy(secrets.data() + 96, identity.recovery.secretKey.data(), 32);
  vault::RecordCipher cipher(dataKey);
  auto sealed = cipher.seal(secrets.view(), bytes(kSecretsAd));

  auto& s = **store;
  auto written = s.transaction([&]() -> Status {
    GOCUA_TRY(s.setMeta("commune_code", commune.code));
    GOCUA_TRY(s.setMeta("commune_name", commune.name));
    GOCUA_TRY(s.setMeta("villages", json(commune.villages).dump()));
    GOCUA_TRY(s.setMeta("hub_url", commune.hubUrl));
    GOCUA_TRY(s.setMeta("form_pack", "0"));
    GOCUA_TRY(s.setMeta("sign_public", identity.signPublic));
    GOCUA_TRY(s.setMeta("box_public", identity.box.publicKey));
    GOCUA_TRY(s.setMeta("recovery_public", identity.recovery.publicKey));
    GOCUA_TRY(s.insertStaff({*staffName, vault::encodeKeyslot(*slot), nowIso(), ""}));
    GOCUA_TRY(s.setMeta("secrets", sealed));
    GOCUA_TRY(s.setMeta("created_at", nowIso()));
    return {};
  });
  if (!written) return written.error();
  return std::unique_ptr<Hub>(new Hub(dir, std::move(*store)));
}

Result<std::unique_ptr<Hub>> Hub::open(const fs::path& dir) {
  GOCUA_TRY(vault::init());
  const auto* backend = backendIn(dir);
  if (!backend) return Error::make(err::kHubNotInitialised);
  auto store = backend->open(dir, false);
  if (!store) return store.error();
  auto code = (*store)->meta("commune_code");
  if (!code) return code.error();
  if (!*code) return Error::make(err::kHubNotInitialised);
  GOCUA_TRY(ensurePrivateDir(dir / kQuarantineDir));
  GOCUA_TRY(ensurePrivateDir(dir / kIncomingDir));
  return std::unique_ptr<Hub>(new Hub(dir, std::move(*store)));
}

Result<CommuneInfo> Hub::commune() {
  CommuneInfo c;
  for (auto [key, out] : {std::pair{"commune_code", &c.code}, {"commune_name", &c.name}, {"hub_url", &c.hubUrl}}) {
    auto v = store_->meta(key);
    if (!v) return v.error();
    if (!*v) return Error::make(err::kHubDamaged, key);
    *out = text(**v);
  }
  auto villages = store_->meta("villages");
  if (!villages) return villages.error();
  if (*villages) {
    auto j = json::parse(text(**villages), nullptr, false);
    if (j.is_array())
      for (auto& v : j)
        if (v.is_string()) c.villages.push_back(v.get<std::string>());
  }
  return c;
}

Result<std::array<std::uint8_t, 32>> Hub::signPublic() {
  auto v = store_->meta("sign_public");
  if (!v) return v.error();
  std::array<std::uint8_t, 32> key{};
  if (!toArray(*v, key)) return Error::make(err::kHubDamaged, "sign_public");
  return key;
}

Result<std::unique_ptr<HubSession>> Hub::unlock(std::string_view passphrase) {
  auto staff = store_->staff();
  if (!staff) return staff.error();
  if (staff->empty()) return Error::make(err::kHubDamaged, "keyslot");
  return unlock(staff->front().name, passphrase);
}

Result<std::unique_ptr<HubSession>> Hub::unlock(std::string_view staffName, std::string_view passphrase) {
  auto staff = store_->staff();
  if (!staff) return staff.error();
  auto member = std::find_if(staff->begin(), staff->end(), [&](const StaffRow& r) { return r.name == staffName; });
  if (member == staff->end()) return Error::make(err::kHubUnknownStaff, "staff");
  auto sealed = store_->meta("secrets");
  if (!sealed) return sealed.error();
  if (!*sealed) return Error::make(err::kHubDamaged, "secrets");
  auto slot = vault::decodeKeyslot(member->keyslot);
  if (!slot) return slot.error();
  auto dataKey = vault::unwrapDataKey(*slot, passphrase);
  if (!dataKey) return dataKey.error();

  sync::HubIdentity id;
  auto publicKey = [&](const char* key, std::array<std::uint8_t, 32>& out) {
    auto v = store_->meta(key);
    return v.ok() && toArray(*v, out);
  };
  if (!publicKey("sign_public", id.signPublic) || !publicKey("box_public", id.box.publicKey) ||
      !publicKey("recovery_public", id.recovery.publicKey))
    return Error::make(err::kHubDamaged, "public keys");
  {
    vault::RecordCipher cipher(*dataKey);
    auto plain = cipher.open(**sealed, bytes(kSecretsAd));
    if (!plain) return Error::make(err::kHubDamaged, "secrets");
    if (plain->size() != kSecretsBytes) {
      vault::wipe(*plain);
      return Error::make(err::kHubDamaged, "secrets");
    }
    std::memcpy(id.signSecret.data(), plain->data(), 64);
    std::memcpy(id.box.secretKey.data(), plain->data() + 64, 32);
    std::memcpy(id.recovery.secretKey.data(), plain->data() + 96, 32);
    vault::wipe(*plain);
  }
  // The secret key's second half is the public key: a mismatch means a damaged or mixed-up file.
  if (std::memcmp(id.signSecret.data() + 32, id.signPublic.data(), 32) != 0)
    return Error::make(err::kHubDamaged, "sign key");

  auto commune = this->commune();
  if (!commune) return commune.error();
  auto impl = std::make_unique<HubSession::Impl>(
      std::move(id), std::move(*dataKey), forms::FormRegistry::load(forms::defaultFormsDir()), std::move(*commune));
  impl->staff = member->name;
  GOCUA_TRY(detail::loadPublishedForms(*store_, *impl));
  return std::unique_ptr<HubSession>(new HubSession(*this, std::move(impl)));
}

// [SECTION] HubSession basics

HubSession::HubSession(Hub& hub, std::unique_ptr<Impl> impl) : hub_(hub), impl_(std::move(impl)) {}
void Hub::releaseMemory() { store_->releaseMemory(); }

HubSession::~HubSession() = default;

const sync::HubIdentity& HubSession::identity() const { return impl_->identity; }

Result<HubTwin> HubSession::twin() {
  auto hub = Hub::open(hub_.dir());
  if (!hub) return hub.error();
  const auto& mine = impl_->identity;
  sync::HubIdentity id;
  id.signPublic = mine.signPublic;
  id.signSecret = vault::SecretBytes::copyOf(mine.signSecret.view());
  id.box.publicKey = mine.box.publicKey;
  id.box.secretKey = vault::SecretBytes::copyOf(mine.box.secretKey.view());
  id.recovery.publicKey = mine.recovery.publicKey;
  id.recovery.secretKey = vault::SecretBytes::copyOf(mine.recovery.secretKey.view());
  auto impl = std::make_unique<Impl>(std::move(id), vault::SecretBytes::copyOf(impl_->dataKey.view()),
                                     forms::FormRegistry::load(forms::defaultFormsDir()), impl_->commune);
  impl->staff = impl_->staff;
  GOCUA_TRY(detail::loadPublishedForms((*hub)->store(), *impl));
  HubTwin twin;
  twin.session = std::unique_ptr<HubSession>(new HubSession(**hub, std::move(impl)));
  twin.hub = std::move(*hub);
  return twin;
}

}  // namespace gocua::hub
