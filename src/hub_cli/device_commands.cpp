// device enroll / list / revoke / recovery.
#include <fstream>

#include "hub_cli/context.h"
#include "sync/hub/errors.h"
#include "vault/secret.h"

namespace gocua::hubcli {

namespace {

Result<std::string> readSmallFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::make(err::kHubIo, "file", std::filesystem::path(path).filename().string());
  // Signed files are at most 64 KiB; read one byte more so the parser sees an oversize file.
  std::string data(sync::kMaxSignedFileBytes + 1, '\0');
  in.read(data.data(), static_cast<std::streamsize>(data.size()));
  data.resize(static_cast<std::size_t>(in.gcount()));
  return data;
}

}  // namespace

void addDeviceCommands(CLI::App& app, Action& action) {
  auto* device = app.add_subcommand("device", i18n::tr("hub.cmd.device"));
  device->require_subcommand(1);

  auto* enroll = device->add_subcommand("enroll", i18n::tr("hub.cmd.device_enroll"));
  static std::string requestFile, profileOut;
  enroll->add_option("FILE", requestFile, i18n::tr("hub.opt.gcq"))->required();
  enroll->add_option("--profile-out", profileOut, i18n::tr("hub.opt.profile_out"));
  onChosen(enroll, action, [](Context& ctx) {
    auto data = readSmallFile(requestFile);
    if (!data) return fail(data.error());
    auto session = ctx.unlock();
    if (!session) return fail(session.error());
    auto id = (*session)->enroll(*data);
    if (!id) return fail(id.error());
    if (!profileOut.empty()) {
      auto profile = (*session)->profile();
      if (!profile) return fail(profile.error());
      if (auto st = hub::writeFileAtomic(profileOut, *profile); !st) return fail(st.error());
    }
    return succeed({{"device_id", hub::deviceHex(*id)}}, "hub.enroll.done",
                   {{"fingerprint", sync::fingerprint((*session)->identity().signPublic)}});
  });

  auto* list = device->add_subcommand("list", i18n::tr("hub.cmd.device_list"));
  onChosen(list, action, [](Context& ctx) {
    auto h = ctx.open();
    if (!h) return fail(h.error());
    auto devices = (*h)->devices();
    if (!devices) return fail(devices.error());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& d : *devices)
      out.push_back({{"id", hub::deviceHex(d.id)},
                     {"volunteers", d.volunteers},
                     {"workspace_id", d.workspaceId},
                     {"enrolled", d.enrolledAt},
                     {"revoked", d.revokedAt ? nlohmann::json(*d.revokedAt) : nlohmann::json()},
                     {"recovery_slot", d.hasRecoverySlot},
                     {"last_sequence", d.lastSequence}});
    return succeed(out);
  });

  static std::string deviceId;
  auto* revoke = device->add_subcommand("revoke", i18n::tr("hub.cmd.device_revoke"));
  revoke->add_option("DEVICE_ID", deviceId, i18n::tr("hub.opt.device_id"))->required();
  onChosen(revoke, action, [](Context& ctx) {
    auto id = hub::parseDeviceId(deviceId);
    if (!id) return fail(id.error());
    auto session = ctx.unlock();  // audited: who revoked
    if (!session) return fail(session.error());
    if (auto st = (*session)->revoke(*id); !st) return fail(st.error());
    return succeed({{"device_id", deviceId}, {"revoked", true}}, "hub.revoke.done");
  });

  auto* recovery = device->add_subcommand("recovery", i18n::tr("hub.cmd.device_recovery"));
  static std::string recoveryOut;
  recovery->add_option("DEVICE_ID", deviceId, i18n::tr("hub.opt.device_id"))->required();
  recovery->add_option("--out", recoveryOut, i18n::tr("hub.opt.out"))->required();
  onChosen(recovery, action, [](Context& ctx) {
    auto id = hub::parseDeviceId(deviceId);
    if (!id) return fail(id.error());
    auto session = ctx.unlock();
    if (!session) return fail(session.error());
    auto made = (*session)->recovery(*id);
    if (!made) return fail(made.error());
    if (auto st = hub::writeFileAtomic(recoveryOut, made->second); !st) {
      vault::wipe(made->first.code);
      return fail(st.error());
    }
    printJson({{"device_id", hub::deviceHex(*id)}, {"code", made->first.code}});
    say("hub.recovery.done");
    vault::wipe(made->first.code);
    return static_cast<int>(kOk);
  });
}

}  // namespace gocua::hubcli
