// household add, resident add/import/get/search, demo-data.
#include <iostream>
#include <sstream>

#include "core/i18n.h"
#include "core/json_strict.h"
#include "device_cli/commands.h"
#include "vault/json_wipe.h"
#include "vault/secret.h"
#include "workspace/errors.h"

namespace gocua::ctl {

Result<SessionAndObject> unlockAndRead(Context& ctx, const std::string& file) {
  auto session = ctx.unlock();
  if (!session) return session.error();
  auto text = ctx.readInput(file);
  if (!text) return text.error();
  auto j = core::parseJsonNoDuplicateKeys(*text);
  vault::wipe(*text);
  if (!j) return j.error();
  if (j->is_discarded()) return Error::make(err::kJsonMalformed);
  return SessionAndObject{*session, std::move(*j)};
}

int failWrite(const Error& e, const Errors& problems) { return problems.empty() ? fail(e) : failInvalid(problems); }

namespace {

nlohmann::json warningsJson(const std::vector<workspace::Warning>& warnings) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& w : warnings) {
    out.push_back({{"code", w.code}, {"existing_id", w.existingId}, {"message", i18n::tr("warning." + w.code)}});
    std::cerr << i18n::tr("warning." + w.code) << "\n";
  }
  return out;
}

}  // namespace

void addRecordCommands(CLI::App& app, Action& action) {
  static std::string file;

  auto* household = app.add_subcommand("household", i18n::tr("cli.cmd.household"));
  household->require_subcommand(1);
  auto* hAdd = household->add_subcommand("add", i18n::tr("cli.cmd.household_add"));
  hAdd->add_option("--file", file, i18n::tr("cli.opt.file"));
  onChosen(hAdd, action, [](Context& ctx) {
    auto in = unlockAndRead(ctx, file);
    if (!in) return fail(in.error());
    Errors problems;
    auto id = in->session->addHousehold(in->object, &problems);
    vault::wipe(in->object);
    if (!id) return failWrite(id.error(), problems);
    return succeed({{"id", *id}});
  });

  auto* resident = app.add_subcommand("resident", i18n::tr("cli.cmd.resident"));
  resident->require_subcommand(1);
  auto* rAdd = resident->add_subcommand("add", i18n::tr("cli.cmd.resident_add"));
  rAdd->add_option("--file", file, i18n::tr("cli.opt.file"));
  onChosen(rAdd, action, [](Context& ctx) {
    auto in = unlockAndRead(ctx, file);
    if (!in) return fail(in.error());
    Errors problems;
    auto added = in->session->addResident(in->object, &problems);
    vault::wipe(in->object);
    if (!added) return failWrite(added.error(), problems);
    return succeed({{"id", added->id}, {"warnings", warningsJson(added->warnings)}});
  });

  auto* rImport = resident->add_subcommand("import", i18n::tr("cli.cmd.resident_import"));
  rImport->add_option("--file", file, i18n::tr("cli.opt.file"));
  onUnlocked(rImport, action, [](Context& ctx, auto& session) {
    auto text = ctx.readInput(file);
    if (!text) return fail(text.error());
    std::istringstream in(std::move(*text));
    auto result = session.importResidents(in);
    std::string consumed = std::move(in).str();
    vault::wipe(consumed);
    if (!result) return fail(result.error());
    nlohmann::json rejected = nlohmann::json::array();
    for (const auto& r : result->rejected) rejected.push_back({{"line", r.line}, {"errors", errorsJson(r.errors)}});
    printJson({{"imported", result->imported}, {"rejected", rejected}});
    std::cerr << i18n::tr("cli.import.done", {{"imported", std::to_string(result->imported)},
                                              {"rejected", std::to_string(result->rejected.size())}})
              << "\n";
    return static_cast<int>(kOk);
  });

  static std::string id;
  auto* rGet = resident->add_subcommand("get", i18n::tr("cli.cmd.resident_get"));
  rGet->add_option("ID", id)->required();
  onUnlocked(rGet, action, [](Context&, auto& session) {
    auto r = session.getResident(id);
    if (!r) return fail(r.error());
    return succeed(r->get());
  });

  static std::int64_t revision = 0;
  auto* rUpdate = resident->add_subcommand("update", i18n::tr("cli.cmd.resident_update"));
  rUpdate->add_option("ID", id)->required();
  rUpdate->add_option("--revision", revision, i18n::tr("cli.opt.revision"))->required();
  rUpdate->add_option("--file", file, i18n::tr("cli.opt.file"));
  onChosen(rUpdate, action, [](Context& ctx) {
    auto in = unlockAndRead(ctx, file);
    if (!in) return fail(in.error());
    Errors problems;
    auto rev = in->session->updateResident(id, in->object, revision, &problems);
    vault::wipe(in->object);
    if (!rev) return failWrite(rev.error(), problems);
    return succeed({{"id", id}, {"revision", *rev}});
  });

  static std::string query;
  static std::size_t limit = 20;
  auto* rSearch = resident->add_subcommand("search", i18n::tr("cli.cmd.resident_search"));
  rSearch->add_option("QUERY", query)->required();
  rSearch->add_option("--limit", limit, i18n::tr("cli.opt.limit"))->check(CLI::Range(1, 10000));
  onUnlocked(rSearch, action, [](Context&, auto& session) { return succeed(session.searchResidents(query, limit)); });

  static int residents = 0;
  static std::uint64_t seed = 1;
  auto* demo = app.add_subcommand("demo-data", i18n::tr("cli.cmd.demo_data"));
  demo->add_option("--residents", residents, i18n::tr("cli.opt.residents"))->required()->check(CLI::Range(1, 1000000));
  demo->add_option("--seed", seed, i18n::tr("cli.opt.seed"));
  onUnlocked(demo, action, [](Context&, auto& session) {
    auto n = session.addDemoData(residents, seed);
    if (!n) return fail(n.error());
    return succeed({{"imported", *n}});
  });
}

}  // namespace gocua::ctl
