// application new/list/validate, forms list/show.
#include <unistd.h>

#include <iostream>

#include "core/i18n.h"
#include "core/json_strict.h"
#include "device_cli/commands.h"
#include "device_cli/errors.h"
#include "vault/secret.h"
#include "workspace/errors.h"

namespace gocua::ctl {
namespace {

nlohmann::json issuesJson(const forms::Form& form, const std::vector<forms::Issue>& issues) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& i : issues)
    out.push_back({{"field", i.field}, {"code", i.code}, {"message", form.message(i, i18n::lang())}});
  return out;
}

int failReport(const forms::Form& form, const forms::ValidationReport& report) {
  printJson({{"errors", issuesJson(form, report.errors)}, {"warnings", issuesJson(form, report.warnings)}});
  for (const auto& i : report.errors) std::cerr << i.field << ": " << form.message(i, i18n::lang()) << "\n";
  return kInvalid;
}

nlohmann::json documentsJson(const std::vector<forms::DocumentItem>& docs) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& d : docs)
    out.push_back({{"id", d.id}, {"title", i18n::lang() == i18n::Lang::En ? d.en : d.vi}, {"required", d.required}});
  return out;
}

Result<const forms::Form*> findForm(Context& ctx, const std::string& id) {
  const auto* form = ctx.forms().find(id);
  if (!form) return Error::make(err::kFormUnknown, "form", id);
  return form;
}

// Answers from --file, else stdin. With optional, an interactive terminal or empty input means
// "no answers yet" (the resident's prefilled fields alone), so the command never waits on a tty.
Result<nlohmann::json> readAnswers(Context& ctx, const std::string& file, bool optional) {
  if (optional && file.empty() && isatty(STDIN_FILENO)) return nlohmann::json::object();
  auto text = ctx.readInput(file);
  if (!text) return text.error();
  if (optional && text->find_first_not_of(" \t\r\n") == std::string::npos) return nlohmann::json::object();
  auto j = core::parseJsonNoDuplicateKeys(*text);
  vault::wipe(*text);
  if (!j) return j.error();
  if (j->is_discarded()) return Error::make(err::kJsonMalformed);
  return std::move(*j);
}

}  // namespace

void addApplicationCommands(CLI::App& app, Action& action) {
  static std::string formId, residentId, file;
  static bool draft = false;

  auto* application = app.add_subcommand("application", i18n::tr("cli.cmd.application"));
  application->require_subcommand(1);

  auto* create = application->add_subcommand("new", i18n::tr("cli.cmd.application_new"));
  create->add_option("--form", formId, i18n::tr("cli.opt.form"))->required();
  create->add_option("--resident", residentId, i18n::tr("cli.opt.resident"))->required();
  create->add_option("--file", file, i18n::tr("cli.opt.file"));
  create->add_flag("--draft", draft, i18n::tr("cli.opt.draft"));
  onChosen(create, action, [](Context& ctx) {
    auto form = findForm(ctx, formId);
    if (!form) return fail(form.error());
    auto session = ctx.unlock();
    if (!session) return fail(session.error());
    // Without --file the answers come from the resident alone (prefilled fields).
    auto answers = readAnswers(ctx, file, /*optional=*/true);
    if (!answers) return fail(answers.error());
    forms::ValidationReport report;
    std::vector<forms::DocumentItem> checklist;
    auto id = (*session)->newApplication(**form, residentId, *answers, draft, &report, &checklist);
    answers->clear();
    if (!id) {
      if (id.error().is(err::kApplicationInvalid)) return failReport(**form, report);
      return fail(id.error());
    }
    printJson({{"id", *id},
               {"status", report.valid() ? "ready" : "draft"},
               {"errors", issuesJson(**form, report.errors)},
               {"warnings", issuesJson(**form, report.warnings)},
               {"documents", documentsJson(checklist)}});
    for (const auto& w : report.warnings) std::cerr << (*form)->message(w, i18n::lang()) << "\n";
    return static_cast<int>(kOk);
  });

  auto* list = application->add_subcommand("list", i18n::tr("cli.cmd.application_list"));
  list->add_option("--resident", residentId, i18n::tr("cli.opt.resident"));
  onUnlocked(list, action, [](Context&, auto& session) {
    nlohmann::json out = nlohmann::json::array();
    auto filter = residentId.empty() ? std::nullopt : std::optional<std::string>(residentId);
    for (const auto& a : session.listApplications(filter))
      out.push_back({{"id", a.id},
                     {"form_id", a.formId},
                     {"form_version", a.formVersion},
                     {"resident_id", a.residentId},
                     {"status", a.status},
                     {"created_at", a.createdAt},
                     {"problems", a.problems}});
    return succeed(out);
  });

  auto* validate = application->add_subcommand("validate", i18n::tr("cli.cmd.application_validate"));
  validate->add_option("--form", formId, i18n::tr("cli.opt.form"))->required();
  validate->add_option("--file", file, i18n::tr("cli.opt.file"));
  onChosen(validate, action, [](Context& ctx) {
    auto form = findForm(ctx, formId);
    if (!form) return fail(form.error());
    auto answers = readAnswers(ctx, file, /*optional=*/false);
    if (!answers) return fail(answers.error());
    auto report = (*form)->validate(*answers, core::today());
    auto checklist = (*form)->checklist(*answers, core::today());
    answers->clear();
    if (!report.valid()) return failReport(**form, report);
    return succeed(
        {{"valid", true}, {"warnings", issuesJson(**form, report.warnings)}, {"documents", documentsJson(checklist)}});
  });

  auto* formsCmd = app.add_subcommand("forms", i18n::tr("cli.cmd.forms"));
  formsCmd->require_subcommand(1);
  auto* formsList = formsCmd->add_subcommand("list", i18n::tr("cli.cmd.forms_list"));
  onChosen(formsList, action, [](Context& ctx) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto* f : ctx.forms().all())
      out.push_back({{"id", f->id()}, {"version", f->version()}, {"title", f->title(i18n::lang())}});
    printJson(out);
    return ctx.forms().problems().empty() ? static_cast<int>(kOk) : static_cast<int>(kOther);
  });
  auto* formsShow = formsCmd->add_subcommand("show", i18n::tr("cli.cmd.forms_show"));
  formsShow->add_option("ID", formId)->required();
  onChosen(formsShow, action, [](Context& ctx) {
    auto form = findForm(ctx, formId);
    if (!form) return fail(form.error());
    return succeed((*form)->definition());
  });
}

}  // namespace gocua::ctl
