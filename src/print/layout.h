// A printed page as plain data: text runs and QR codes at positions on A4 pages (points, origin
// at the page's top-left corner, y growing down). The declaration and appointment-list layouts
// build it; pdf_writer.h draws it. Kept apart so the layout is tested without a PDF library.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace gocua::print {

inline constexpr float kPageWidth = 595.0f;  // A4 in points
inline constexpr float kPageHeight = 842.0f;
inline constexpr float kMargin = 56.0f;   // 2 cm
inline constexpr float kLeading = 1.45f;  // line height as a multiple of the font size

struct TextRun {
  int page = 0;
  float x = 0, y = 0;  // left end of the baseline
  float size = 11;
  bool bold = false;
  std::string text;  // NFC UTF-8
};

struct QrMark {
  int page = 0;
  float x = 0, y = 0, side = 0;  // top-left corner and side of the square
  std::string payload;
};

struct PageLayout {
  int pages = 1;
  std::vector<TextRun> texts;
  std::vector<QrMark> qrCodes;
};

// "Xã Thử" → "xã Thử" inside a sentence ("Uỷ ban nhân dân xã Thử"), as the paper writes it.
std::string communeInText(std::string_view communeName);

// Width of text in points at this size: the PDF writer measures with the real font; tests and
// the estimate below use an average glyph width.
using Measure = std::function<float(std::string_view text, float size, bool bold)>;
float estimateWidth(std::string_view text, float size, bool bold);

// Footer marks, added once a layout is complete: "Trang 2/3" centred under every page of a
// document longer than one page, and — when recordId is given — a small QR code with the id in the
// bottom-right corner of every page after the first, so a page that comes loose still finds its
// record. Both sit in the bottom margin, below any text the cursor writes.
void addPageMarks(PageLayout& layout, const Measure& measure, std::string_view recordId = {});

// Writes lines top-down, wrapping long ones at spaces and starting a new page at the bottom margin.
class PageCursor {
 public:
  explicit PageCursor(PageLayout& layout, Measure measure, float top = kMargin);

  float y() const { return y_; }
  void skip(float points) { y_ += points; }
  // One text line (wrapped within [left, right]); continuation lines start at left + hang.
  void line(std::string_view text, float size, bool bold, float left = kMargin, float right = kPageWidth - kMargin,
            float hang = 0);
  void centered(std::string_view text, float size, bool bold);
  // Text placed at x on the current line without moving down (table cells); returns its lines.
  std::vector<std::string> wrap(std::string_view text, float size, bool bold, float width) const;
  void place(std::string_view text, float x, float size, bool bold, float yOffset = 0);
  // Starts a new page when fewer than `needed` points remain.
  void keep(float needed);
  float measure(std::string_view text, float size, bool bold) const { return measure_(text, size, bold); }

 private:
  PageLayout& layout_;
  Measure measure_;
  float y_;
  int page_ = 0;
};

}  // namespace gocua::print
