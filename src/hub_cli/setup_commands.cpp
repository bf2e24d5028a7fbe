// init (the commune's keys and data dir), profile (the signed .gcp and its fingerprint),
// keys backup (the secret keys under a second passphrase) and keys restore (a new data dir with
// the backed-up keys, after the old machine was lost).
#include <fstream>
#include <iostream>
#include <sstream>

#include "hub_cli/context.h"
#include "hub_cli/errors.h"
#include "sync/hub/communes.h"
#include "sync/hub/errors.h"
#include "vault/keyslot.h"

namespace gocua::hubcli {

namespace {

// "hub.unknown_commune" for a code not on the 2025 list.
Result<hub::AdminUnit> communeFromList(const std::string& code) {
  auto units = hub::loadAdminUnits(hub::defaultAdminUnitsFile());
  if (!units) return units.error();
  auto unit = hub::communeByCode(*units, code);
  if (!unit) return Error::make(err::kHubUnknownCommune, "commune_code");
  return *unit;
}

}  // namespace

void addSetupCommands(CLI::App& app, Action& action) {
  auto* init = app.add_subcommand("init", i18n::tr("hub.cmd.init"));
  static hub::CommuneInfo commune;
  init->add_option("--commune-code", commune.code, i18n::tr("hub.opt.commune_code"))->required();
  init->add_option("--commune-name", commune.name, i18n::tr("hub.opt.commune_name"));  // default: the list's
  init->add_option("--village", commune.villages, i18n::tr("hub.opt.village"));
  init->add_option("--url", commune.hubUrl, i18n::tr("hub.opt.url"));
  onChosen(init, action, [](Context& ctx) {
    // The code must be one of the 2025 list's communes; the name comes from it unless given.
    auto unit = communeFromList(commune.code);
    if (!unit) return fail(unit.error());
    if (commune.name.empty()) commune.name = unit->name;
    auto pass = ctx.passphrase("GOCUA_HUB_PASSPHRASE", "hub.prompt.new_passphrase", true);
    if (!pass) return fail(pass.error());
    auto staff = ctx.staff();
    auto h = hub::Hub::create(ctx.dataDir(), commune, staff.empty() ? hub::kFirstStaffName : staff, *pass,
                              vault::defaultKdfParams());
    vault::wipe(*pass);
    if (!h) return fail(h.error());
    auto key = (*h)->signPublic();
    if (!key) return fail(key.error());
    auto fp = sync::fingerprint(*key);
    return succeed({{"data", ctx.dataDir().string()},
                    {"commune_code", commune.code},
                    {"commune_name", commune.name},
                    {"province", unit->provinceName},
                    {"fingerprint", fp}},
                   "hub.init.done", {{"fingerprint", fp}});
  });

  auto* profile = app.add_subcommand("profile", i18n::tr("hub.cmd.profile"));
  static std::string profileOut;
  profile->add_option("--out", profileOut, i18n::tr("hub.opt.out"))->required();
  onUnlocked(profile, action, [](Context&, auto& session) {
    auto file = session.profile();
    if (!file) return fail(file.error());
    if (auto st = hub::writeFileAtomic(profileOut, *file); !st) return fail(st.error());
    auto fp = sync::fingerprint(session.identity().signPublic);
    auto commune = session.hub().commune();
    return succeed({{"fingerprint", fp},
                    {"commune_code", commune ? commune->code : ""},
                    {"commune_name", commune ? commune->name : ""},
                    {"profile", profileOut}},
                   "hub.profile.done", {{"fingerprint", fp}});
  });

  auto* forms = app.add_subcommand("forms", i18n::tr("hub.cmd.forms"));
  forms->require_subcommand(1);
  auto* publish = forms->add_subcommand("publish", i18n::tr("hub.cmd.forms_publish"));
  static std::string formsDir;
  publish->add_option("--dir", formsDir, i18n::tr("hub.opt.forms_dir"))->required();
  onUnlocked(publish, action, [](Context&, auto& session) {
    auto info = session.publishForms(formsDir);
    if (!info) return fail(info.error());
    return succeed({{"form_pack", info->version}, {"forms", info->forms}}, "hub.forms.published",
                   {{"version", std::to_string(info->version)}, {"count", std::to_string(info->forms)}});
  });

  auto* keys = app.add_subcommand("keys", i18n::tr("hub.cmd.keys"));
  keys->require_subcommand(1);
  auto* backup = keys->add_subcommand("backup", i18n::tr("hub.cmd.keys_backup"));
  static std::string backupOut;
  backup->add_option("--out", backupOut, i18n::tr("hub.opt.out"))->required();
  onUnlocked(backup, action, [](Context& ctx, auto& session) {
    auto pass = ctx.passphrase("GOCUA_HUB_BACKUP_PASSPHRASE", "hub.prompt.backup_passphrase", true);
    if (!pass) return fail(pass.error());
    auto file = session.backup(*pass, vault::defaultKdfParams());
    vault::wipe(*pass);
    if (!file) return fail(file.error());
    if (auto st = hub::writeFileAtomic(backupOut, *file); !st) return fail(st.error());
    return succeed({{"backup", backupOut}}, "hub.backup.done");
  });

  auto* restore = keys->add_subcommand("restore", i18n::tr("hub.cmd.keys_restore"));
  static std::string backupIn;
  static hub::CommuneInfo restored;
  restore->add_option("--in", backupIn, i18n::tr("hub.opt.backup_in"))->required();
  restore->add_option("--commune-name", restored.name, i18n::tr("hub.opt.commune_name"))->required();
  restore->add_option("--village", restored.villages, i18n::tr("hub.opt.village"));
  restore->add_option("--url", restored.hubUrl, i18n::tr("hub.opt.url"));
  onChosen(restore, action, [](Context& ctx) {
    std::ifstream in(backupIn, std::ios::binary);
    if (!in) return fail(Error::make(err::kHubIo, "", "read backup"));
    std::stringstream text;
    text << in.rdbuf();
    auto backupPass = ctx.passphrase("GOCUA_HUB_BACKUP_PASSPHRASE", "hub.prompt.backup_passphrase", false);
    if (!backupPass) return fail(backupPass.error());
    auto pass = ctx.passphrase("GOCUA_HUB_PASSPHRASE", "hub.prompt.new_passphrase", true);
    if (!pass) {
      vault::wipe(*backupPass);
      return fail(pass.error());
    }
    auto h = hub::Hub::restore(ctx.dataDir(), text.str(), *backupPass, restored, *pass, vault::defaultKdfParams());
    vault::wipe(*backupPass);
    vault::wipe(*pass);
    if (!h) return fail(h.error());
    auto key = (*h)->signPublic();
    if (!key) return fail(key.error());
    auto commune = (*h)->commune();
    auto fp = sync::fingerprint(*key);
    return succeed(
        {{"data", ctx.dataDir().string()}, {"commune_code", commune ? commune->code : ""}, {"fingerprint", fp}},
        "hub.restore.done", {{"fingerprint", fp}});
  });
}

}  // namespace gocua::hubcli
