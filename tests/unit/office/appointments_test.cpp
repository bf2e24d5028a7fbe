// The police's VNeID level-2 list from the window: the village chosen from the commune's, the PDF
// written into the export folder in the background, audited as `gocua-hub print appointments`.
#include "core/i18n.h"
#include "office_fixture.h"
#include "ui/model/errors.h"

using namespace officetest;

TEST_CASE("appointments: one village's list as a PDF in the chosen folder, audited; an empty village says so") {
  DeskFixture f;
  f.unlock();
  f.import(makeBatch(
      f.device, 1,
      {residentLine(1, 1, "Hà Thị Ngọc Ánh"), applicationLine(2, "vneid_level2", sampleAnswers("vneid_level2"), 1)},
      f.hubBox()));
  f.desk.goExport();
  auto& a = f.desk.appointments;
  CHECK(a.villages() == std::vector<std::string>{"Thôn 1", "Thôn 2"});
  CHECK(a.village == "Thôn 1");
  CHECK(a.fileStem("2026-12-06") == "lich-hen-vneid-thon-1-2026-12-06");
  CHECK(a.canPrint(f.stick));

  a.print(f.desk.model, f.stick);
  CHECK(f.desk.model.busy());  // no other screen, no idle lock while it prints
  a.finish(f.desk.model);
  CHECK_FALSE(f.desk.model.busy());
  REQUIRE_MESSAGE(a.error().empty(), a.error());
  CHECK(a.lastRows() == 1);
  CHECK(a.lastFile().parent_path() == f.stick);
  CHECK(a.lastFile().extension() == ".pdf");
  CHECK(readAll(a.lastFile()).rfind("%PDF", 0) == 0);
  CHECK(f.desk.model.notice().text ==
        i18n::tr("office.appointments.printed",
                 {{"village", "Thôn 1"}, {"count", "1"}, {"file", a.lastFile().string()}}));
  auto audit = f.hub->auditLog("");
  REQUIRE(audit.ok());
  CHECK(audit->back().action == "print.appointments");
  CHECK(audit->back().target == a.lastFile().filename().string());
  CHECK(audit->back().staff == f.session->staffName());

  a.village = "Thôn 2";
  a.print(f.desk.model, f.stick);
  a.finish(f.desk.model);
  CHECK(a.lastRows() == 0);
  CHECK(f.desk.model.notice().text.rfind(
            i18n::tr("office.appointments.printed_empty",
                     {{"village", "Thôn 2"}, {"count", "0"}, {"file", a.lastFile().string()}}),
            0) == 0);
  CHECK(fs::exists(a.lastFile()));
}

TEST_CASE("appointments: a folder that is not there refuses and writes nothing; lock forgets") {
  DeskFixture f;
  f.unlock();
  f.desk.goExport();
  auto& a = f.desk.appointments;
  const auto missing = f.home.path / "missing";
  CHECK_FALSE(a.canPrint(missing));
  a.print(f.desk.model, missing);
  CHECK_FALSE(f.desk.model.busy());
  CHECK(a.error() == i18n::message(Error::make(err::kFolderMissing)));
  CHECK_FALSE(fs::exists(missing));
  f.desk.lock();
  CHECK(a.villages().empty());
  CHECK(a.error().empty());
}
