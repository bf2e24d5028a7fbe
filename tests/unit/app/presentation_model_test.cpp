// Presentation mode's model on the shipped guides: the pages of a procedure (cover, each step,
// what to bring, the facts) and of the anti-scam card (its warnings first, "who to tell"), paging
// that stops at both ends, and a damaged guide listed as a problem while the others still show.
#include "app/model/presentation_model.h"

#include <algorithm>

#include "app_fixture.h"
#include "core/i18n.h"
#include "forms/guide_library.h"

using namespace apptest;
using gocua::app::PresentationModel;
using gocua::app::PresentationPage;

namespace {

const forms::Guide& shippedGuide(const app::AppModel& model, const std::string& id) {
  static std::vector<forms::Guide> keep;  // the guides outlive the library that read them
  const auto library = forms::GuideLibrary::load(fs::path(GOCUA_SOURCE_DIR) / "forms" / "guides", model.forms());
  const auto* guide = library.find(id);
  REQUIRE(guide != nullptr);
  keep.push_back(*guide);
  return keep.back();
}

std::size_t indexOf(const PresentationModel& m, const std::string& id) {
  const auto& e = m.entries();
  const auto it = std::find_if(e.begin(), e.end(), [&](const PresentationModel::Entry& x) { return x.id == id; });
  REQUIRE(it != e.end());
  return static_cast<std::size_t>(it - e.begin());
}

}  // namespace

TEST_CASE("presentation: a procedure's pages are its title, one step each, what to bring, then the facts") {
  UnlockedApp a(true);
  const auto& guide = shippedGuide(a.model, "birth_registration");
  const auto pages = app::presentationPages(guide, i18n::Lang::Vi);
  REQUIRE(pages.size() == 1 + guide.steps.size() + 2);
  CHECK(pages[0].heading.empty());
  CHECK(pages[0].lines == std::vector<std::string>{guide.title.vi});
  for (std::size_t i = 0; i < guide.steps.size(); ++i) {
    const auto& page = pages[1 + i];
    CHECK(page.heading == "Bước " + std::to_string(i + 1) + "/" + std::to_string(guide.steps.size()));
    CHECK(page.lines == std::vector<std::string>{guide.steps[i].vi});
    CHECK_FALSE(page.warning);
  }
  const auto& bring = pages[pages.size() - 2];
  CHECK(bring.heading == i18n::tr(i18n::Lang::Vi, "app.present.documents"));
  REQUIRE(bring.lines.size() == guide.documents.size());
  CHECK(bring.numbered);
  CHECK(bring.lines.front() == guide.documents.front().vi);
  const auto& facts = pages.back();
  REQUIRE(facts.lines.size() == 3);
  CHECK_FALSE(facts.numbered);
  CHECK(facts.lines[0] == "Thời hạn: " + guide.deadline->vi);
  CHECK(facts.lines[1] == "Lệ phí: " + guide.fee->vi);
  CHECK(facts.lines[2] == "Nộp ở đâu: " + guide.where->vi);

  const auto english = app::presentationPages(guide, i18n::Lang::En);
  REQUIRE(english.size() == pages.size());
  CHECK(english[1].heading == "Step 1/" + std::to_string(guide.steps.size()));
  CHECK(english[1].lines[0] == guide.steps[0].en);
}

TEST_CASE("presentation: the anti-scam card shows what scammers say first, then what to do, then who to tell") {
  UnlockedApp a(true);
  const auto& card = shippedGuide(a.model, "anti_scam");
  const auto pages = app::presentationPages(card, i18n::Lang::Vi);
  REQUIRE(card.warnings.size() >= 3);
  for (std::size_t i = 0; i < card.warnings.size(); ++i) {
    CHECK(pages[1 + i].warning);
    CHECK(pages[1 + i].lines[0] == card.warnings[i].vi);
  }
  CHECK_FALSE(pages[1 + card.warnings.size()].warning);
  CHECK(pages[1 + card.warnings.size()].lines[0] == card.steps[0].vi);
  CHECK(pages.back().heading == "Báo cho ai");  // a card sends people to the police, not to file anything
  CHECK(pages.back().lines == std::vector<std::string>{card.where->vi});
}

TEST_CASE("presentation: paging stops at the first and last page; Esc ends it; every guide is offered") {
  UnlockedApp a(true);
  PresentationModel m;
  m.open(a.model);
  CHECK(m.loadProblems().empty());
  CHECK(m.entries().size() >= 7);
  CHECK_FALSE(m.presenting());
  CHECK_FALSE(m.start(m.entries().size()));
  REQUIRE(m.start(indexOf(m, "vneid_level2")));
  CHECK(m.presenting());
  CHECK(m.guideId() == "vneid_level2");
  CHECK(m.page() == 0);
  m.previous();
  CHECK(m.page() == 0);
  m.next();
  CHECK(m.page() == 1);
  CHECK(m.progress() == "2 / " + std::to_string(m.pageCount()));
  CHECK(m.current().heading.rfind("Bước 1/", 0) == 0);
  for (std::size_t i = 0; i < m.pageCount() + 3; ++i) m.next();
  CHECK(m.page() == m.pageCount() - 1);
  m.first();
  CHECK(m.page() == 0);
  m.last();
  CHECK(m.page() == m.pageCount() - 1);
  m.stop();
  CHECK_FALSE(m.presenting());
  CHECK_FALSE(m.holdsPlaintext());
}

TEST_CASE("presentation: a damaged guide is named as a problem and the others are still offered") {
  TempDir tmp;
  const fs::path forms = tmp.path / "forms";
  fs::copy(fs::path(GOCUA_SOURCE_DIR) / "forms", forms, fs::copy_options::recursive);
  writeAll(forms / "guides" / "death_registration.json", "{\"id\": \"death_registration\", ");
  app::AppModel model(app::AppOptions{tmp.path / "workspace", forms, tmp.path / "settings.json"});
  model.start();
  PresentationModel m;
  m.open(model);
  REQUIRE(m.loadProblems().size() == 1);
  CHECK(m.loadProblems()[0].rfind("death_registration.json: ", 0) == 0);
  CHECK(m.entries().size() >= 6);
  CHECK(std::none_of(m.entries().begin(), m.entries().end(),
                     [](const PresentationModel::Entry& e) { return e.id == "death_registration"; }));
}

TEST_CASE("presentation: a guide's leaflet is written into the chosen folder as one PDF; a missing folder says why") {
  UnlockedApp a(true);
  PresentationModel m;
  m.open(a.model);
  const fs::path out = a.tmp.path / "stick";
  fs::create_directories(out);
  m.leafletFolder = ui::FolderPicker({{}, a.tmp.path});
  m.leafletFolder.path = out.string();
  REQUIRE(m.writeLeaflet(indexOf(m, "anti_scam")));
  CHECK_FALSE(m.leafletError());
  CHECK(m.leafletMessage().find("anti_scam.pdf") != std::string::npos);
  const std::string pdf = readAll(out / "anti_scam.pdf");
  CHECK(pdf.rfind("%PDF-", 0) == 0);
  CHECK(std::distance(fs::directory_iterator(out), fs::directory_iterator()) == 1);  // no temp file left

  m.leafletFolder.path = (a.tmp.path / "no such folder").string();
  CHECK_FALSE(m.writeLeaflet(indexOf(m, "anti_scam")));
  CHECK(m.leafletError());
  CHECK_FALSE(m.leafletMessage().empty());
  CHECK_FALSE(m.writeLeaflet(m.entries().size()));
}
