// Xuất danh sách on a real hub: what the hub holds by procedure, the file named after the choice,
// Excel / CSV / JSONL written in the background with its count, audited as `gocua-hub records
// export` is; a missing folder refuses and writes nothing.
#include "office_fixture.h"

using namespace officetest;

namespace {

// Two residents, two birth registrations (one accepted) and a residence registration.
void receiveApplications(DeskFixture& f) {
  const auto birth = sampleAnswers("birth_registration");
  const auto ct01 = sampleAnswers("residence_ct01");
  f.import(
      makeBatch(f.device, 1,
                {residentLine(1, 1, "Trần Thị Bình"), residentLine(2, 1, "Lò Văn Pấng", {{"village", "Thôn 2"}}),
                 applicationLine(10, "birth_registration", birth, 1),
                 applicationLine(11, "birth_registration", birth, 2), applicationLine(12, "residence_ct01", ct01, 2)},
                f.hubBox()));
  REQUIRE(f.session->setReview(uuid(11), "accepted", "").ok());
}

std::size_t filesIn(const fs::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

}  // namespace

TEST_CASE("export: the procedures at the hub, the file name from the choice") {
  DeskFixture f;
  f.unlock();
  receiveApplications(f);
  f.desk.goExport();
  CHECK(f.desk.model.screen() == Screen::Export);
  auto& e = f.desk.exports;
  REQUIRE(e.procedures().size() == 2);
  for (const auto& [id, title] : e.procedures()) CHECK(title == f.session->form(id)->title(i18n::lang()));
  CHECK(e.fileStem("2026-12-05") == "danh-sach-tat-ca-2026-12-05");
  e.status = "accepted";  // ignored without a procedure
  CHECK(e.fileStem("2026-12-05") == "danh-sach-tat-ca-2026-12-05");
  e.procedure = "birth_registration";
  CHECK(e.fileStem("2026-12-05") == "danh-sach-birth_registration-accepted-2026-12-05");
  CHECK(std::string(exportExtension(hub::ExportFormat::Csv)) == ".csv");
}

TEST_CASE("export: everything as Excel, one procedure's accepted ones as CSV, in the background, audited") {
  DeskFixture f;
  f.unlock();
  receiveApplications(f);
  f.desk.goExport();
  auto& e = f.desk.exports;
  e.folder.path = f.stick.string();
  REQUIRE(e.canStart());
  e.start(f.desk.model);
  e.finish(f.desk.model);
  CHECK_FALSE(f.desk.model.busy());
  CHECK(e.error().empty());
  CHECK(e.lastCount() == 5);
  CHECK(e.progress() == std::pair<std::size_t, std::size_t>{5, 5});
  CHECK(e.lastFile().parent_path() == f.stick);
  CHECK(e.lastFile().extension() == ".xlsx");
  CHECK(readAll(e.lastFile()).rfind("PK", 0) == 0);
  CHECK(f.desk.model.notice().text.find(e.lastFile().string()) != std::string::npos);

  e.procedure = "birth_registration";
  e.status = "accepted";
  e.format = hub::ExportFormat::Csv;
  e.start(f.desk.model);
  e.finish(f.desk.model);
  CHECK(e.lastCount() == 1);
  const std::string csv = readAll(e.lastFile());
  CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);  // Excel reads UTF-8 by its byte-order mark
  CHECK(csv.find(uuid(11)) != std::string::npos);
  CHECK(csv.find(uuid(10)) == std::string::npos);
  auto audit = f.hub->auditLog("");
  REQUIRE(audit.ok());
  CHECK(audit->back().action == "records.export");
  CHECK(audit->back().target == e.lastFile().filename().string());

  e.format = hub::ExportFormat::Jsonl;  // the same choice again: a new name, the first file kept
  e.start(f.desk.model);
  e.finish(f.desk.model);
  CHECK(e.lastFile().extension() == ".jsonl");
  CHECK(filesIn(f.stick) == 3);
}

TEST_CASE("export: a folder that is not there refuses and writes nothing; lock forgets the choice") {
  DeskFixture f;
  f.unlock();
  receiveApplications(f);
  f.desk.goExport();
  auto& e = f.desk.exports;
  e.folder.path = (f.home.path / "missing").string();
  CHECK_FALSE(e.canStart());
  e.start(f.desk.model);
  CHECK_FALSE(e.busy());
  CHECK(e.error() == i18n::message(Error::fromText("folder.missing")));
  CHECK_FALSE(f.desk.model.busy());
  CHECK(e.lastFile().empty());

  e.procedure = "residence_ct01";
  f.desk.lock();
  CHECK(e.procedure.empty());
  CHECK(e.procedures().empty());
  CHECK_FALSE(f.desk.holdsPlaintext());
}
