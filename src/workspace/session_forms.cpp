// Session: the form pack the commune hub published (sync/README.md, "Form packs"). A pack is
// installed only when it is signed by the pinned hub key, names this commune, is newer than the
// installed one and every file in it loads: a laptop never trades working forms for broken ones.
#include "forms/registry.h"
#include "sync/keys/errors.h"
#include "workspace/device_identity.h"
#include "workspace/errors.h"
#include "workspace/workspace.h"

namespace gocua::workspace {

namespace detail {

Result<int> installFormPack(store::Repository& repo, const sync::CommuneProfile& profile, std::string_view packFile) {
  auto pack = sync::readFormPack(packFile, profile.hubSignPublic);
  if (!pack) return pack.error();
  if (pack->communeCode != profile.communeCode) return Error::make(err::kFormpackInvalid, "commune_code");
  auto installed = metaInt(repo, kMetaFormPackVersion, 0);
  if (!installed) return installed.error();
  if (pack->version <= *installed) return 0;
  auto registry = forms::FormRegistry::fromFiles(pack->files);
  if (!registry.problems().empty() || registry.all().empty())
    return Error::make(err::kFormpackInvalid, registry.problems().empty() ? "" : registry.problems().front().file);
  GOCUA_TRY(repo.setMeta(kMetaFormPack, packFile));
  GOCUA_TRY(repo.setMeta(kMetaFormPackVersion, std::to_string(pack->version)));
  return pack->version;
}

}  // namespace detail

using namespace detail;

int Workspace::formPackVersion() {
  auto v = metaInt(repo(), kMetaFormPackVersion, 0);
  return v ? static_cast<int>(*v) : 0;
}

Result<std::optional<forms::FormRegistry>> Workspace::packForms() {
  auto file = repo().meta(kMetaFormPack);
  if (!file) return file.error();
  if (!*file) return std::optional<forms::FormRegistry>();
  auto key = pinnedHubKey(repo());
  if (!key) return key.error();
  if (!*key) return Error::make(err::kSyncNotEnrolled);
  // Checked again on every read: the meta table is on the laptop's disk, not in the vault.
  auto pack = sync::readFormPack(**file, **key);
  if (!pack) return pack.error();
  return std::optional<forms::FormRegistry>(forms::FormRegistry::fromFiles(pack->files));
}

}  // namespace gocua::workspace
