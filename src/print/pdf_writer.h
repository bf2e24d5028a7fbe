// Draws a PageLayout into an A4 PDF with libharu: Noto Sans (regular and bold) embedded, UTF-8
// text, QR codes from libqrencode. The font directory is GOCUA_FONT_DIR, else
// /usr/share/fonts/truetype/noto (fonts-noto-core).
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "core/result.h"
#include "print/layout.h"

namespace gocua::print {

// Builds the layout with the embedded font's real glyph widths (layoutDeclaration and
// layoutAppointments take this Measure), so wrapping matches what is drawn.
using LayoutBuilder = std::function<Result<PageLayout>(const Measure&)>;

// The PDF bytes. "print.font" when a font does not load, "print.pdf" when libharu or libqrencode
// fails; the builder's own error as it is.
Result<std::string> renderPdf(const LayoutBuilder& build);

// renderPdf, then temp beside out → fsync → rename (core/durable_write.h); "print.io" on failure,
// and out untouched.
Status writePdf(const LayoutBuilder& build, const std::filesystem::path& out);

}  // namespace gocua::print
