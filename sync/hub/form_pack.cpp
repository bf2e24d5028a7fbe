// Publishing form packs: the forms a hub signs for its laptops, and the registry it checks
// applications against once one is published.
#include <algorithm>

#include "forms/registry.h"
#include "sync/hub/errors.h"
#include "sync/hub/internal.h"

namespace gocua::hub {

using namespace detail;

namespace detail {

Status loadPublishedForms(HubStore& store, HubSession::Impl& impl) {
  auto version = store.meta(kMetaFormPack);
  if (!version) return version.error();
  auto file = store.meta(kMetaFormPackFile);
  if (!file) return file.error();
  if (!*version || !*file) return {};
  impl.formPackVersion = std::atoi(std::string((*version)->begin(), (*version)->end()).c_str());
  impl.formPackFile.assign((*file)->begin(), (*file)->end());
  if (impl.formPackVersion == 0) return {};
  auto pack = sync::readFormPack(impl.formPackFile, impl.identity.signPublic);
  if (!pack) return Error::make(err::kHubDamaged, "form pack");
  impl.forms = forms::FormRegistry::fromFiles(pack->files);
  return {};
}

}  // namespace detail

int HubSession::formPackVersion() const { return impl_->formPackVersion; }

Result<HubSession::FormPackInfo> HubSession::publishForms(const fs::path& dir) {
  std::vector<forms::LoadProblem> problems;
  auto files = forms::FormRegistry::readDir(dir, problems);
  auto registry = forms::FormRegistry::fromFiles(files);
  problems.insert(problems.end(), registry.problems().begin(), registry.problems().end());
  if (!problems.empty()) {
    const auto& p = problems.front();
    return Error::make(err::kHubBadForms, "", p.file + (p.field.empty() ? "" : " " + p.field) + ": " + p.detail);
  }
  if (registry.all().empty()) return Error::make(err::kHubBadForms, "", dir.string() + ": no forms");

  // Above any pack a laptop already has: a hub rebuilt from its key backup starts again at 0,
  // and laptops only install a newer version.
  auto& store = hub_.store();
  auto reported = store.maxDeviceFormPack();
  if (!reported) return reported.error();
  sync::FormPack pack;
  pack.communeCode = impl_->commune.code;
  pack.version = std::max(impl_->formPackVersion, *reported) + 1;
  pack.issuedAt = nowIso();
  pack.files = std::move(files);
  auto signedPack = sync::writeFormPack(pack, impl_->identity);
  if (!signedPack) return Error::make(err::kHubBadForms, "", signedPack.error().code);

  auto st = store.transaction([&]() -> Status {
    GOCUA_TRY(store.setMeta(kMetaFormPack, std::to_string(pack.version)));
    return store.setMeta(kMetaFormPackFile, *signedPack);
  });
  if (!st) return st.error();
  impl_->formPackVersion = pack.version;
  impl_->formPackFile = std::move(*signedPack);
  const std::size_t count = registry.all().size();
  impl_->forms = std::move(registry);
  return FormPackInfo{pack.version, count};
}

}  // namespace gocua::hub
