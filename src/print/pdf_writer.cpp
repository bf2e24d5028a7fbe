// renderPdf: libharu draws the layout; libqrencode makes the QR modules. Both C handles are held
// by unique_ptr so every return path frees them.
#include "print/pdf_writer.h"

#include <hpdf.h>
#include <qrencode.h>

#include <cstdlib>
#include <memory>

#include "core/durable_write.h"
#include "print/errors.h"

namespace gocua::print {

namespace {

struct DocFree {
  void operator()(HPDF_Doc d) const { HPDF_Free(d); }
};
using Doc = std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocFree>;
struct QrFree {
  void operator()(QRcode* q) const { QRcode_free(q); }
};
using Qr = std::unique_ptr<QRcode, QrFree>;

// libharu reports through a callback and returns an error status as well; the status is what we
// check, so the callback only has to exist (without one libharu would longjmp nowhere).
void ignoreHaruError(HPDF_STATUS, HPDF_STATUS, void*) {}

std::string fontDir() {
  if (const char* dir = std::getenv("GOCUA_FONT_DIR"); dir && *dir) return dir;
  return "/usr/share/fonts/truetype/noto";
}

struct Fonts {
  HPDF_Font regular = nullptr, bold = nullptr;
  HPDF_Font of(bool isBold) const { return isBold ? bold : regular; }
};

Result<Fonts> loadFonts(HPDF_Doc pdf) {
  if (HPDF_UseUTFEncodings(pdf) != HPDF_OK) return Error::make(err::kPrintPdf, "", "utf encodings");
  HPDF_SetCurrentEncoder(pdf, "UTF-8");
  Fonts fonts;
  for (bool bold : {false, true}) {
    const std::string path = fontDir() + (bold ? "/NotoSans-Bold.ttf" : "/NotoSans-Regular.ttf");
    const char* name = HPDF_LoadTTFontFromFile(pdf, path.c_str(), HPDF_TRUE);
    HPDF_Font font = name ? HPDF_GetFont(pdf, name, "UTF-8") : nullptr;
    if (!font) return Error::make(err::kPrintFont, "", path);
    (bold ? fonts.bold : fonts.regular) = font;
  }
  return fonts;
}

Status drawQr(HPDF_Page page, const QrMark& mark) {
  Qr qr(QRcode_encodeString(mark.payload.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
  if (!qr) return Error::make(err::kPrintPdf, "", "qrencode");
  const int n = qr->width;
  const float module = mark.side / static_cast<float>(n);
  const float top = kPageHeight - mark.y;
  HPDF_Page_SetRGBFill(page, 0, 0, 0);
  for (int row = 0; row < n; ++row)
    for (int col = 0; col < n; ++col)
      if (qr->data[row * n + col] & 1)  // bit 0: a dark module
        HPDF_Page_Rectangle(page, mark.x + module * col, top - module * (row + 1), module, module);
  HPDF_Page_Fill(page);
  return {};
}

}  // namespace

Result<std::string> renderPdf(const LayoutBuilder& build) {
  Doc pdf(HPDF_New(ignoreHaruError, nullptr));
  if (!pdf) return Error::make(err::kPrintPdf, "", "HPDF_New");
  HPDF_SetCompressionMode(pdf.get(), HPDF_COMP_ALL);
  auto fonts = loadFonts(pdf.get());
  if (!fonts) return fonts.error();
  auto layout = build([&](std::string_view text, float size, bool bold) {
    HPDF_TextWidth w = HPDF_Font_TextWidth(fonts->of(bold), reinterpret_cast<const HPDF_BYTE*>(text.data()),
                                           static_cast<HPDF_UINT>(text.size()));
    return static_cast<float>(w.width) * size / 1000.0f;
  });
  if (!layout) return layout.error();

  std::vector<HPDF_Page> pages;
  for (int i = 0; i < layout->pages; ++i) {
    HPDF_Page page = HPDF_AddPage(pdf.get());
    if (!page) return Error::make(err::kPrintPdf, "", "HPDF_AddPage");
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    pages.push_back(page);
  }
  for (const auto& mark : layout->qrCodes) GOCUA_TRY(drawQr(pages.at(static_cast<std::size_t>(mark.page)), mark));
  for (const auto& t : layout->texts) {
    HPDF_Page page = pages.at(static_cast<std::size_t>(t.page));
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, fonts->of(t.bold), t.size);
    HPDF_Page_TextOut(page, t.x, kPageHeight - t.y, t.text.c_str());
    HPDF_Page_EndText(page);
  }
  if (HPDF_SaveToStream(pdf.get()) != HPDF_OK) return Error::make(err::kPrintPdf, "", "HPDF_SaveToStream");
  std::string bytes(HPDF_GetStreamSize(pdf.get()), '\0');
  auto size = static_cast<HPDF_UINT32>(bytes.size());
  if (HPDF_ReadFromStream(pdf.get(), reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size) != HPDF_OK &&
      size != bytes.size())
    return Error::make(err::kPrintPdf, "", "HPDF_ReadFromStream");
  bytes.resize(size);
  return bytes;
}

Status writePdf(const LayoutBuilder& build, const std::filesystem::path& out) {
  auto bytes = renderPdf(build);
  if (!bytes) return bytes.error();
  if (core::writeFileDurably(out, *bytes)) return Error::make(err::kPrintIo, "", out.filename().string());
  return {};
}

}  // namespace gocua::print
