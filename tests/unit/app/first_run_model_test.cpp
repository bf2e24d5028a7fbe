// First run against a real settings file and a real workspace directory: the language step, the
// passphrase hints, creating + unlocking off the UI thread, and the strength scorer's cases.
#include "app/model/first_run_model.h"

#include "app_fixture.h"
#include "core/errors.h"
#include "core/i18n.h"
#include "ui/model/passphrase_strength.h"
#include "vault/errors.h"
#include "workspace/errors.h"

using namespace apptest;
using gocua::app::FirstRunModel;
using gocua::app::Screen;
using gocua::ui::scorePassphrase;
using gocua::ui::Strength;

namespace {

struct FreshApp {
  TempDir tmp;
  app::AppModel model{optionsIn(tmp.path)};
  FreshApp() {
    model.start();
    REQUIRE(model.screen() == Screen::FirstRun);
  }
};

struct LangGuard {  // the language is process-wide: put Vietnamese back whatever happens
  ~LangGuard() { i18n::setLang(i18n::Lang::Vi); }
};

}  // namespace

TEST_CASE("first run: the language step applies and saves the language, then shows the workspace step") {
  LangGuard guard;
  FreshApp a;
  FirstRunModel m;
  m.open(a.model);
  CHECK(m.step() == FirstRunModel::Step::Language);
  CHECK(m.language(a.model) == i18n::Lang::Vi);  // Tiếng Việt by default

  m.chooseLanguage(a.model, i18n::Lang::En);
  CHECK(i18n::lang() == i18n::Lang::En);
  CHECK(m.step() == FirstRunModel::Step::Language);  // choosing is not moving on
  m.next(a.model);
  CHECK(m.step() == FirstRunModel::Step::Workspace);
  auto saved = app::loadSettings(a.model.options().settingsFile);
  REQUIRE(saved.ok());
  CHECK(saved->lang == i18n::Lang::En);
  CHECK(saved->languageChosen);

  FirstRunModel again;  // the next start skips the question
  again.open(a.model);
  CHECK(again.step() == FirstRunModel::Step::Workspace);
  again.back();
  CHECK(again.step() == FirstRunModel::Step::Language);
}

TEST_CASE("first run: short, weak and mismatched passphrases and a bad name are explained, and block creating") {
  FreshApp a;
  FirstRunModel m;
  m.open(a.model);
  m.next(a.model);
  m.volunteer = "Lan";
  m.volunteerLeft();
  CHECK(m.volunteerError().empty());

  m.passphrase = "1234567";
  CHECK(m.passphraseError() == i18n::message(Error::make(err::kVaultPassphraseTooShort)));
  CHECK_FALSE(m.canCreate());

  m.passphrase = "12345678";  // long enough, but a run of digits: refused by the shared rule
  CHECK(m.passphraseError() == i18n::message(Error::make(err::kVaultPassphraseSequence)));
  CHECK(m.strength().level == Strength::Weak);
  CHECK(i18n::tr(m.strength().labelKey) == "yếu");
  m.confirm = m.passphrase;
  CHECK_FALSE(m.canCreate());
  m.confirm.clear();

  m.passphrase = "0912837465";  // accepted, but the meter says weak
  CHECK(m.passphraseError().empty());
  CHECK(m.strength().level == Strength::Weak);

  m.passphrase = "mây trắng bay qua đồi 2026";
  CHECK(m.strength().level == Strength::Strong);
  CHECK(i18n::tr(m.strength().labelKey) == "mạnh");
  m.confirm = "mây trắng bay qua đồi 2027";
  CHECK(m.confirmError() == i18n::tr("app.first_run.mismatch"));
  CHECK_FALSE(m.canCreate());
  m.confirm = "mây trắng";  // still typing: no complaint yet
  CHECK(m.confirmError().empty());
  CHECK_FALSE(m.canCreate());
  m.confirm = m.passphrase;
  CHECK(m.confirmError().empty());
  CHECK(m.canCreate());

  m.volunteer = "Lan 2";  // digits are not part of a name
  m.volunteerLeft();
  CHECK(m.volunteerError() == i18n::message(Error::make(err::kNameInvalidChar)));
  CHECK_FALSE(m.canCreate());
}

TEST_CASE("first run: create makes the workspace off the UI thread, unlocks it and lands Home; secrets wiped") {
  FreshApp a;
  FirstRunModel m;
  m.open(a.model);
  m.next(a.model);
  m.volunteer = "  nguyễn   thị Lan ";
  m.volunteerLeft();
  CHECK(m.volunteer == "nguyễn thị Lan");
  const std::string pass = "mây trắng bay qua đồi 2026";
  m.passphrase = pass;
  m.confirm = pass;
  m.training = true;
  REQUIRE(m.canCreate());
  m.create(a.model);
  CHECK(m.passphrase.empty());
  CHECK(m.confirm.empty());
  m.finish(a.model, 5.0);
  CHECK(m.error().empty());
  CHECK(a.model.screen() == Screen::Home);
  REQUIRE(a.model.session() != nullptr);
  CHECK(a.model.session()->volunteer() == "nguyễn thị Lan");
  CHECK(a.model.training());

  // The workspace is really on disk under the options' directory and opens with that passphrase.
  a.model.lock();
  auto ws = workspace::Workspace::open(a.model.options().workspaceDir);
  REQUIRE(ws.ok());
  CHECK((*ws)->training());
  CHECK((*ws)->unlock("nguyễn thị Lan", pass).ok());
}

TEST_CASE("first run: a workspace already there is reported plainly and nothing is adopted") {
  FreshApp a;
  makeWorkspace(a.tmp.path);
  FirstRunModel m;
  m.open(a.model);
  m.volunteer = "Hoa";
  m.passphrase = m.confirm = "mây trắng bay qua đồi 2026";
  m.create(a.model);
  m.finish(a.model, 1.0);
  CHECK(m.error() == i18n::message(Error::make(err::kWorkspaceExists)));
  CHECK(a.model.screen() == Screen::FirstRun);
  CHECK(a.model.session() == nullptr);
}

TEST_CASE("passphrase strength: length, variety and the usual guesses") {
  struct Case {
    const char* pass;
    const char* name;
    Strength level;
    const char* reason;
  };
  const Case cases[] = {
      // Refused by the shared rule (vault::checkPassphrase): the meter gives the refusal's reason.
      {"abc", "", Strength::Weak, "error.vault.passphrase_too_short"},
      {"12345678", "", Strength::Weak, "error.vault.passphrase_sequence"},
      {"aaaaaaaaaaaa", "", Strength::Weak, "error.vault.passphrase_repeated"},
      {"abcabcabcabc", "", Strength::Weak, "error.vault.passphrase_repeated"},
      {"        ", "", Strength::Weak, "error.vault.passphrase_only_spaces"},
      {"mây trắng\tbay qua đồi", "", Strength::Weak, "error.vault.passphrase_control_char"},
      {"mật khẩu 123", "", Strength::Weak, "error.vault.passphrase_common"},
      {"Password1", "", Strength::Weak, "error.vault.passphrase_common"},
      // Accepted, but the meter still says weak and why.
      {"abab1abab1", "", Strength::Weak, "ui.strength_reason.pattern"},
      {"0912837465", "", Strength::Weak, "ui.strength_reason.digits"},
      {"Matkhau@2024", "", Strength::Weak, "ui.strength_reason.common"},
      {"Lan@1990x", "Nguyễn Thị Lan", Strength::Weak, "ui.strength_reason.name"},
      {"Tr4ng-xanh", "", Strength::Medium, "ui.strength_reason.longer"},
      {"hoa mai vàng", "", Strength::Medium, ""},
      {"mây trắng bay qua đồi 2026", "", Strength::Strong, ""},
      {"Cây-Đa-Đầu-Làng#1975xyz", "", Strength::Strong, ""},
  };
  for (const auto& c : cases) {
    INFO(c.pass);
    auto hint = scorePassphrase(c.pass, c.name);
    CHECK(hint.level == c.level);
    CHECK(hint.reasonKey == c.reason);
    CHECK(i18n::has(hint.labelKey));
    if (!hint.reasonKey.empty()) CHECK(i18n::has(hint.reasonKey));
  }
  CHECK(scorePassphrase("mây trắng bay qua đồi 2026").score > scorePassphrase("Tr4ng-xanh").score);
}
