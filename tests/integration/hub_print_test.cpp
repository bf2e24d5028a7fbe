// gocua-hub print: the prefilled declaration and the appointment list as PDFs whose text
// (pdftotext) holds the resident's name with every diacritic and the record id; an unknown id
// exits 2 and writes nothing; every print is in the audit log.
#ifdef GOCUA_HUB

#include <doctest/doctest.h>

#include <cstdlib>

#include "hub_fixture.h"

using namespace it;

namespace {

const std::string kRequester = "Nguyễn Thị Hoà";

}  // namespace

TEST_CASE("gocua-hub print: a birth registration and the village's appointment list, read back as text") {
  Hub h;
  h.setUp();
  const auto resident = h.sb.addResident({{"full_name", kRequester},
                                          {"date_of_birth", "12/04/1985"},
                                          {"sex", "female"},
                                          {"personal_id", "001185012345"},
                                          {"village", "Thôn 1"}});
  auto birth = sampleAnswers("birth_registration");
  birth["requester"]["full_name"] = kRequester;
  auto made = h.sb.ctl({"application", "new", "--form", "birth_registration", "--resident", resident, "--file", "-"},
                       birth.dump());
  REQUIRE_MESSAGE(made.exitCode == 0, made.describe());
  const std::string birthId = made.parsed()["id"];
  auto vneid = sampleAnswers("vneid_level2");
  vneid["person"]["full_name"] = kRequester;
  vneid["person"]["sex"] = "female";
  vneid["person"]["personal_id"] = "001185012345";
  auto level2 =
      h.sb.ctl({"application", "new", "--form", "vneid_level2", "--resident", resident, "--file", "-"}, vneid.dump());
  REQUIRE_MESSAGE(level2.exitCode == 0, level2.describe());
  auto imported = h.run({"import", h.exportBatch("print.gcb").string()});
  REQUIRE_MESSAGE(imported.exitCode == 0, imported.describe());

  const auto pdf = h.sb.root / "to-khai.pdf";
  auto printed = h.run({"print", birthId, "--out", pdf.string()});
  REQUIRE_MESSAGE(printed.exitCode == 0, printed.describe());
  const auto text = pdfText(pdf);
  CHECK(text.find(kRequester) != std::string::npos);
  CHECK(text.find(birthId) != std::string::npos);
  CHECK(text.find("TỜ KHAI ĐĂNG KÝ KHAI SINH") != std::string::npos);
  CHECK(fs::status(pdf).permissions() == (fs::perms::owner_read | fs::perms::owner_write));

  const auto list = h.sb.root / "hen.pdf";
  auto listed = h.run({"print", "appointments", "--village", "Thôn 1", "--out", list.string()});
  REQUIRE_MESSAGE(listed.exitCode == 0, listed.describe());
  CHECK(listed.parsed()["rows"] == 1);
  const auto listText = pdfText(list);
  CHECK(listText.find(kRequester) != std::string::npos);
  CHECK(listText.find("001185012345") != std::string::npos);
  if (const char* keep = std::getenv("GOCUA_KEEP_PDF")) {  // to look at them: pdftoppm -png -r 80
    fs::copy_file(pdf, fs::path(keep) / "to-khai.pdf", fs::copy_options::overwrite_existing);
    fs::copy_file(list, fs::path(keep) / "hen.pdf", fs::copy_options::overwrite_existing);
  }

  const auto none = h.sb.root / "none.pdf";
  auto unknown = h.run({"print", "00000000-0000-4000-8000-000000000000", "--out", none.string()});
  CHECK(unknown.exitCode == 2);
  CHECK(!fs::exists(none));
  CHECK(unknown.err.find(catalogText("error.hub.record_not_found", "vi")) != std::string::npos);

  auto audit = h.run({"audit"});
  REQUIRE_MESSAGE(audit.exitCode == 0, audit.describe());
  std::size_t prints = 0;
  for (const auto& e : audit.parsed())
    if (e["action"] == "print" || e["action"] == "print.appointments") ++prints;
  CHECK(prints == 2);
}

TEST_CASE("gocua-hub print: death, marriage, CT01 and household health insurance, each under its official title") {
  struct Case {
    const char* form;
    const char* section;
    const char* title;
  };
  const Case cases[] = {{"death_registration", "requester", "TỜ KHAI ĐĂNG KÝ KHAI TỬ"},
                        {"marriage_registration", "bride", "TỜ KHAI ĐĂNG KÝ KẾT HÔN"},
                        {"residence_ct01", "applicant", "TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ"},
                        {"health_insurance_household", "household", "TỜ KHAI THAM GIA BẢO HIỂM Y TẾ"}};
  const std::string name = "Lê Thị Ngọc Diễm";
  Hub h;
  h.setUp();
  const auto resident = h.sb.addResident({{"full_name", name},
                                          {"date_of_birth", "03/09/1990"},
                                          {"sex", "female"},
                                          {"personal_id", "001190012345"},
                                          {"village", "Thôn 1"}});
  std::vector<std::string> ids;
  for (const auto& c : cases) {
    auto answers = sampleAnswers(c.form);
    answers[c.section][std::string(c.section) == "household" ? "head_full_name" : "full_name"] = name;
    auto made =
        h.sb.ctl({"application", "new", "--form", c.form, "--resident", resident, "--file", "-"}, answers.dump());
    REQUIRE_MESSAGE(made.exitCode == 0, c.form, ": ", made.describe());
    ids.push_back(made.parsed()["id"]);
  }
  auto imported = h.run({"import", h.exportBatch("four.gcb").string()});
  REQUIRE_MESSAGE(imported.exitCode == 0, imported.describe());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const auto pdf = h.sb.root / (std::string(cases[i].form) + ".pdf");
    auto printed = h.run({"print", ids[i], "--out", pdf.string()});
    REQUIRE_MESSAGE(printed.exitCode == 0, cases[i].form, ": ", printed.describe());
    const auto text = pdfText(pdf);
    CHECK_MESSAGE(text.find(name) != std::string::npos, cases[i].form);
    CHECK_MESSAGE(text.find(ids[i]) != std::string::npos, cases[i].form);
    CHECK_MESSAGE(text.find(cases[i].title) != std::string::npos, cases[i].form);
    if (const char* keep = std::getenv("GOCUA_KEEP_PDF"))
      fs::copy_file(pdf, fs::path(keep) / pdf.filename(), fs::copy_options::overwrite_existing);
  }
}

TEST_CASE("gocua-hub print key: the commune's key code poster, with the same code as init printed, audited") {
  Hub h;
  auto init = h.run({"init", "--commune-code", "00004", "--village", "Tổ dân phố 1"});
  REQUIRE_MESSAGE(init.exitCode == 0, init.describe());
  const std::string fingerprint = init.parsed()["fingerprint"];
  const auto pdf = h.sb.root / "ma-khoa.pdf";
  auto printed = h.run({"print", "key", "--out", pdf.string()});
  REQUIRE_MESSAGE(printed.exitCode == 0, printed.describe());
  const auto text = pdfText(pdf);
  // The code in two lines of four groups, the commune and its province from the 2025 list.
  CHECK(text.find(fingerprint.substr(0, 19)) != std::string::npos);
  CHECK(text.find(fingerprint.substr(20)) != std::string::npos);
  CHECK(text.find("Phường Ba Đình") != std::string::npos);
  CHECK(text.find("Thành phố Hà Nội") != std::string::npos);
  CHECK(text.find("MÃ KHOÁ CỦA XÃ") != std::string::npos);
  if (const char* keep = std::getenv("GOCUA_KEEP_PDF"))
    fs::copy_file(pdf, fs::path(keep) / pdf.filename(), fs::copy_options::overwrite_existing);
  auto audit = h.run({"audit"});
  REQUIRE_MESSAGE(audit.exitCode == 0, audit.describe());
  bool audited = false;
  for (const auto& e : audit.parsed())
    audited = audited || (e["action"] == "print.key" && e["target"] == "ma-khoa.pdf");
  CHECK(audited);
}

#endif  // GOCUA_HUB
