// records list / export and review set.
#include "core/date.h"
#include "hub_cli/context.h"

namespace gocua::hubcli {

void addRecordCommands(CLI::App& app, Action& action) {
  auto* records = app.add_subcommand("records", i18n::tr("hub.cmd.records"));
  records->require_subcommand(1);

  auto* list = records->add_subcommand("list", i18n::tr("hub.cmd.records_list"));
  static std::string procedure, listStatus, village, since;
  list->add_option("--procedure", procedure, i18n::tr("hub.opt.procedure"));
  list->add_option("--status", listStatus, i18n::tr("hub.opt.status_filter"));
  list->add_option("--village", village, i18n::tr("hub.opt.list_village"));
  list->add_option("--since", since, i18n::tr("hub.opt.since"));
  onChosen(list, action, [](Context& ctx) {
    hub::RecordFilter filter;
    if (!procedure.empty()) filter.procedure = procedure;
    if (!listStatus.empty()) filter.status = listStatus;
    if (!since.empty()) {
      auto day = core::parseDate(since);
      if (!day) return fail(day.error());
      filter.since = *day;
    }
    // Only the village is inside the sealed body: only then does listing ask for the passphrase.
    Result<std::vector<hub::RecordInfo>> rows = std::vector<hub::RecordInfo>{};
    if (village.empty()) {
      auto h = ctx.open();
      if (!h) return fail(h.error());
      rows = (*h)->records(filter);
    } else {
      filter.village = village;
      auto session = ctx.unlock();
      if (!session) return fail(session.error());
      auto st = (*session)->forEachRecord(filter, [&rows](const hub::OpenRecord& r) -> Status {
        rows->push_back(r.info);
        return {};
      });
      if (!st) return fail(st.error());
    }
    if (!rows) return fail(rows.error());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : *rows)
      out.push_back({{"id", r.id},
                     {"kind", r.kind},
                     {"procedure", r.procedure.empty() ? nlohmann::json() : nlohmann::json(r.procedure)},
                     {"device", hub::deviceHex(r.device)},
                     {"revision", r.revision},
                     {"review_status", r.reviewStatus ? nlohmann::json(*r.reviewStatus) : nlohmann::json()}});
    return succeed(out);
  });

  auto* exportCmd = records->add_subcommand("export", i18n::tr("hub.cmd.records_export"));
  static std::string format, out, exportProcedure, exportStatus;
  exportCmd->add_option("--format", format, i18n::tr("hub.opt.format"))
      ->required()
      ->check(CLI::IsMember({"xlsx", "csv", "jsonl"}));
  exportCmd->add_option("--out", out, i18n::tr("hub.opt.out"))->required();
  exportCmd->add_option("--procedure", exportProcedure, i18n::tr("hub.opt.procedure"));
  exportCmd->add_option("--status", exportStatus, i18n::tr("hub.opt.status_filter"));
  onUnlocked(exportCmd, action, [](Context&, auto& session) {
    hub::RecordFilter filter;
    if (!exportProcedure.empty()) filter.procedure = exportProcedure;
    if (!exportStatus.empty()) filter.status = exportStatus;
    const auto kind = format == "xlsx"  ? hub::ExportFormat::Xlsx
                      : format == "csv" ? hub::ExportFormat::Csv
                                        : hub::ExportFormat::Jsonl;
    auto n = session.exportRecords(kind, out, filter);
    if (!n) return fail(n.error());
    auto audited = session.audit("records.export", std::filesystem::path(out).filename().string());
    if (!audited) return fail(audited.error());
    return succeed({{"records", *n}, {"format", format}, {"out", out}}, "hub.export.done",
                   {{"count", std::to_string(*n)}});
  });

  auto* review = app.add_subcommand("review", i18n::tr("hub.cmd.review"));
  review->require_subcommand(1);
  auto* set = review->add_subcommand("set", i18n::tr("hub.cmd.review_set"));
  static std::string recordId, status, note;
  set->add_option("RECORD_ID", recordId, i18n::tr("hub.opt.record_id"))->required();
  set->add_option("--status", status, i18n::tr("hub.opt.status"))->required();
  set->add_option("--note", note, i18n::tr("hub.opt.note"));
  onUnlocked(set, action, [](Context&, auto& session) {
    if (auto st = session.setReview(recordId, status, note); !st) return fail(st.error());
    return succeed({{"id", recordId}, {"status", status}}, "hub.review.done");
  });
}

}  // namespace gocua::hubcli
