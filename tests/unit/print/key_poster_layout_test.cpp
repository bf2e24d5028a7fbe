// The commune's key code poster: the commune and province, the code in two lines of four groups,
// one QR code holding the commune code and the key code, all on one page.
#include <doctest/doctest.h>

#include "print/key_poster.h"
#include "print/pdf_writer.h"

using namespace gocua;

TEST_CASE("key poster: the code in two lines, a QR code with it, one page") {
  const print::KeyPoster poster{"Phường Ba Đình", "Thành phố Hà Nội", "00004",
                                "0A1B 2C3D 4E5F 6071 8293 A4B5 C6D7 E8F9", core::Date{2026, 12, 6}};
  auto layout = print::layoutKeyPoster(poster);
  REQUIRE(layout.ok());
  CHECK(layout->pages == 1);
  std::vector<std::string> texts;
  for (const auto& t : layout->texts) {
    texts.push_back(t.text);
    CHECK(t.page == 0);
    CHECK(t.y < print::kPageHeight - print::kMargin);
  }
  auto has = [&](const std::string& s) { return std::find(texts.begin(), texts.end(), s) != texts.end(); };
  CHECK(has("0A1B 2C3D 4E5F 6071"));
  CHECK(has("8293 A4B5 C6D7 E8F9"));
  CHECK(has("Phường Ba Đình — Thành phố Hà Nội"));
  REQUIRE(layout->qrCodes.size() == 1);
  CHECK(layout->qrCodes[0].payload == "GOCUA-HUB 00004 0A1B 2C3D 4E5F 6071 8293 A4B5 C6D7 E8F9");
  bool dated = false;
  for (const auto& t : texts) dated = dated || t.find("06/12/2026") != std::string::npos;
  CHECK(dated);

  auto pdf = print::renderPdf([&](const print::Measure& m) { return print::layoutKeyPoster(poster, m); });
  REQUIRE(pdf.ok());
  CHECK(pdf->rfind("%PDF", 0) == 0);
}

TEST_CASE("key poster: a name that is not UTF-8 is refused") {
  const print::KeyPoster poster{"X\xff", "", "00004", "0A1B", core::Date{2026, 12, 6}};
  CHECK_FALSE(print::layoutKeyPoster(poster).ok());
}
