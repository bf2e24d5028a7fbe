// leaflet: a guide from forms/guides as an A4 PDF a trainer hands out or a volunteer leaves at
// the door — a procedure's guide (--procedure, the form id) or the anti-scam card. Needs no
// workspace: guides hold no resident's data.
#include "core/i18n.h"
#include "device_cli/commands.h"
#include "forms/errors.h"
#include "forms/guide_library.h"
#include "print/leaflet.h"
#include "print/pdf_writer.h"

namespace gocua::ctl {

namespace {

constexpr const char* kAntiScamGuide = "anti_scam";

// A procedure is named by its form id ("birth_registration"); a guide's own id is accepted too.
const forms::Guide* findProcedureGuide(const forms::GuideLibrary& library, const std::string& id) {
  const auto* guide = library.forForm(id);
  return guide ? guide : library.find(id);
}

}  // namespace

void addLeafletCommands(CLI::App& app, Action& action) {
  static std::string procedure, out, lang;
  static bool listOnly = false, antiScam = false;
  auto* leaflet = app.add_subcommand("leaflet", i18n::tr("cli.cmd.leaflet"));
  auto* list = leaflet->add_flag("--list", listOnly, i18n::tr("cli.opt.leaflet_list"));
  auto* byProcedure = leaflet->add_option("--procedure", procedure, i18n::tr("cli.opt.leaflet_procedure"));
  auto* card = leaflet->add_flag("--anti-scam", antiScam, i18n::tr("cli.opt.leaflet_anti_scam"));
  auto* to = leaflet->add_option("--out", out, i18n::tr("cli.opt.out"));
  leaflet->add_option("--lang", lang, i18n::tr("cli.opt.leaflet_lang"))->check(CLI::IsMember({"vi", "en"}));
  card->excludes(byProcedure);
  list->excludes(byProcedure)->excludes(card)->excludes(to);
  byProcedure->needs(to);
  card->needs(to);
  onChosen(leaflet, action, [](Context& ctx) {
    const auto library = forms::GuideLibrary::load(ctx.formsDir() / "guides", ctx.forms());
    if (listOnly) {
      nlohmann::json rows = nlohmann::json::array();
      for (const auto& g : library.all())
        rows.push_back({{"id", g.id},
                        {"procedure", g.isCard() ? nlohmann::json() : nlohmann::json(g.form)},
                        {"title", g.title.in(i18n::lang())}});
      return succeed(rows);
    }
    if (procedure.empty() && !antiScam) return fail(Error::make(err::kGuideNotChosen, "leaflet"));
    const forms::Guide* guide = antiScam ? library.find(kAntiScamGuide) : findProcedureGuide(library, procedure);
    if (!guide) return fail(Error::make(err::kGuideUnknown, "guide", antiScam ? kAntiScamGuide : procedure));
    const i18n::Lang inLang = lang.empty() ? i18n::lang() : (lang == "en" ? i18n::Lang::En : i18n::Lang::Vi);
    auto written = print::writePdf(
        [&](const print::Measure& measure) { return print::layoutLeaflet(*guide, inLang, measure); }, out);
    if (!written.ok()) return fail(written.error());
    return succeed({{"guide", guide->id}, {"out", out}});
  });
}

}  // namespace gocua::ctl
