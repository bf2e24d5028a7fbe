#include "app/model/presentation_model.h"

#include <string>

#include "forms/guide_library.h"
#include "print/leaflet.h"
#include "print/pdf_writer.h"

namespace gocua::app {

namespace {

using print::whereKey;

std::string numbered(const std::string& key, std::size_t index, std::size_t count, i18n::Lang lang) {
  return i18n::tr(lang, key, {{"n", std::to_string(index + 1)}, {"count", std::to_string(count)}});
}

}  // namespace

std::vector<PresentationPage> presentationPages(const forms::Guide& guide, i18n::Lang lang) {
  std::vector<PresentationPage> pages;
  pages.push_back({{}, {guide.title.in(lang)}, false});  // the cover: the title alone, in large type
  // A card warns first: what the scammer says is what the room will hear on the phone.
  for (std::size_t i = 0; i < guide.warnings.size(); ++i)
    pages.push_back(
        {numbered("app.present.warning", i, guide.warnings.size(), lang), {guide.warnings[i].in(lang)}, true});
  for (std::size_t i = 0; i < guide.steps.size(); ++i)
    pages.push_back({numbered("app.present.step", i, guide.steps.size(), lang), {guide.steps[i].in(lang)}, false});
  if (!guide.documents.empty()) {
    PresentationPage bring{i18n::tr(lang, "app.present.documents"), {}, false, true};
    for (const auto& d : guide.documents) bring.lines.push_back(d.in(lang));
    pages.push_back(std::move(bring));
  }
  // Deadline, fee and where to go on one page, each labelled; a lone fact (a card's "where to
  // report") takes its label as the heading.
  std::vector<std::pair<std::string, std::string>> facts;
  if (guide.deadline) facts.emplace_back(i18n::tr(lang, "print.leaflet.deadline"), guide.deadline->in(lang));
  if (guide.fee) facts.emplace_back(i18n::tr(lang, "print.leaflet.fee"), guide.fee->in(lang));
  if (guide.where) facts.emplace_back(i18n::tr(lang, whereKey(guide)), guide.where->in(lang));
  if (facts.size() == 1) pages.push_back({facts[0].first, {facts[0].second}, false});
  if (facts.size() > 1) {
    PresentationPage page{i18n::tr(lang, "app.present.facts"), {}, false};
    for (const auto& [label, text] : facts) page.lines.push_back(label + ": " + text);
    pages.push_back(std::move(page));
  }
  return pages;
}

std::vector<std::string> presentationTexts(const AppModel& app) {
  std::vector<std::string> texts;
  const auto library = forms::GuideLibrary::load(app.options().formsDir / "guides", app.forms());
  for (const auto& guide : library.all())
    for (const auto lang : {i18n::Lang::Vi, i18n::Lang::En})
      for (const auto& page : presentationPages(guide, lang)) {
        texts.push_back(page.heading);
        texts.insert(texts.end(), page.lines.begin(), page.lines.end());
      }
  return texts;
}

void PresentationModel::open(const AppModel& app) {
  reset();
  const auto library = forms::GuideLibrary::load(app.options().formsDir / "guides", app.forms());
  for (const auto& p : library.problems())
    loadProblems_.push_back(p.file + ": " + i18n::tr("error." + p.code, {{"detail", p.detail}}));
  guides_ = library.all();
  for (const auto& g : guides_) entries_.push_back({g.id, g.title.in(i18n::lang())});
  leafletFolder.refresh();
}

bool PresentationModel::writeLeaflet(std::size_t index) {
  if (index >= guides_.size()) return false;
  const auto& guide = guides_[index];
  const std::filesystem::path file = leafletFolder.folder() / (guide.id + ".pdf");
  auto written = print::writePdf(
      [&](const print::Measure& measure) { return print::layoutLeaflet(guide, i18n::lang(), measure); }, file);
  leafletError_ = !written.ok();
  leafletMessage_ = written.ok() ? i18n::tr("app.present.leaflet_written",
                                            {{"file", file.filename().string()}, {"folder", leafletFolder.path}})
                                 : i18n::message(written.error());
  return written.ok();
}

bool PresentationModel::start(std::size_t index) {
  if (index >= guides_.size()) return false;
  pages_ = presentationPages(guides_[index], i18n::lang());
  guideId_ = guides_[index].id;
  page_ = 0;
  return true;
}

void PresentationModel::next() {
  if (page_ + 1 < pages_.size()) ++page_;
}

void PresentationModel::previous() {
  if (page_ > 0) --page_;
}

std::string PresentationModel::progress() const {
  return std::to_string(page_ + 1) + " / " + std::to_string(pages_.size());
}

}  // namespace gocua::app
