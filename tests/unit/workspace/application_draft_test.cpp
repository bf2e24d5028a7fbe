// Drafts may be incomplete or wrong, but not anything at all: answers for sections the form does
// not have, a field of megabytes or a huge answers object are refused even with draft = true, and
// nothing is stored. Real workspace, real forms.
#include <doctest/doctest.h>

#include "forms/registry.h"
#include "workspace/workspace.h"
#include "workspace_fixture.h"

using namespace wstest;

namespace {

bool hasIssue(const forms::ValidationReport& report, const std::string& field, const std::string& code) {
  for (const auto& e : report.errors)
    if (e.field == field && e.code == code) return true;
  return false;
}

}  // namespace

TEST_CASE("draft applications: unknown sections, oversized fields and answers are refused, nothing stored") {
  TempDir t;
  auto [ws, s] = createUnlocked(t.path / "ws");
  Errors problems;
  auto r =
      s->addResident({{"full_name", "Nguyễn Văn An"}, {"date_of_birth", "05/03/1990"}, {"sex", "male"}}, &problems);
  REQUIRE(r.ok());
  const auto& forms = shippedForms();
  const auto* form = forms.find("vneid_level2");
  REQUIRE(form != nullptr);

  forms::ValidationReport report;
  auto unknown = s->newApplication(*form, r->id, {{"phone", {{"sim_own_name", "no"}}}, {"extra", {{"x", "y"}}}},
                                   /*draft=*/true, &report);
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().code == "application.invalid");
  CHECK(hasIssue(report, "extra", "field.unknown"));

  const std::string huge(3'000'000, '1');
  auto bigText = s->newApplication(*form, r->id, {{"status", {{"notes", huge}}}}, true, &report);
  REQUIRE_FALSE(bigText.ok());
  CHECK(hasIssue(report, "status.notes", "text.too_long"));
  auto bigPhone = s->newApplication(*form, r->id, {{"phone", {{"number", huge}}}}, true, &report);
  REQUIRE_FALSE(bigPhone.ok());
  CHECK(hasIssue(report, "phone.number", "text.too_long"));

  json manyChoices = json::array();
  for (int i = 0; i < 100'000; ++i) manyChoices.push_back("vneid");
  auto bigAnswers = s->newApplication(*form, r->id, {{"linking", {{"documents_to_link", manyChoices}}}}, true, &report);
  REQUIRE_FALSE(bigAnswers.ok());
  CHECK(hasIssue(report, "", "answers.too_large"));

  CHECK(s->listApplications(std::nullopt).empty());

  // A draft that is merely wrong is still saved, and an update is held to the same limits.
  auto draft = s->newApplication(*form, r->id, {{"phone", {{"sim_own_name", "maybe"}}}}, true, &report);
  REQUIRE(draft.ok());
  CHECK_FALSE(report.valid());
  auto app = s->getApplication(*draft);
  REQUIRE(app.ok());
  auto update = s->updateApplication(*draft, *form, {{"status", {{"notes", huge}}}}, true,
                                     app->get()["revision"].get<std::int64_t>(), &report);
  REQUIRE_FALSE(update.ok());
  CHECK(hasIssue(report, "status.notes", "text.too_long"));
}
