// PageCursor: the line-by-line writer both layouts share (wrapping, page breaks).
#include "print/layout.h"

#include <algorithm>
#include <utility>

namespace gocua::print {

namespace {

constexpr float kBottom = kPageHeight - kMargin;

std::size_t codepoints(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace

std::string communeInText(std::string_view name) {
  for (auto [upper, lower] : {std::pair{"Xã ", "xã "}, {"Phường ", "phường "}, {"Đặc khu ", "đặc khu "}})
    if (name.starts_with(upper)) return lower + std::string(name.substr(std::string_view(upper).size()));
  return std::string(name);
}

float estimateWidth(std::string_view text, float size, bool bold) {
  return static_cast<float>(codepoints(text)) * size * (bold ? 0.6f : 0.55f);
}

void addPageMarks(PageLayout& layout, const Measure& measure, std::string_view recordId) {
  constexpr float kNumberSize = 9, kIdSize = 6, kSmallQr = 40;
  const std::string total = std::to_string(layout.pages);
  for (int page = 0; page < layout.pages; ++page) {
    if (layout.pages > 1) {
      const std::string number = "Trang " + std::to_string(page + 1) + "/" + total;
      layout.texts.push_back(
          {page, (kPageWidth - measure(number, kNumberSize, false)) / 2, kPageHeight - 26, kNumberSize, false, number});
    }
    if (page == 0 || recordId.empty()) continue;  // the first page has the large code at the top
    const float qrX = kPageWidth - kMargin - kSmallQr;
    layout.qrCodes.push_back({page, qrX, kBottom + 8, kSmallQr, std::string(recordId)});
    layout.texts.push_back({page, qrX - 6 - measure(recordId, kIdSize, false), kBottom + 8 + kSmallQr, kIdSize, false,
                            std::string(recordId)});
  }
}

PageCursor::PageCursor(PageLayout& layout, Measure measure, float top)
    : layout_(layout), measure_(std::move(measure)), y_(top) {}

std::vector<std::string> PageCursor::wrap(std::string_view text, float size, bool bold, float width) const {
  std::vector<std::string> lines;
  std::string current;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t space = text.find(' ', pos);
    if (space == std::string_view::npos) space = text.size();
    std::string_view word = text.substr(pos, space - pos);
    std::string candidate = current.empty() ? std::string(word) : current + " " + std::string(word);
    if (!current.empty() && measure_(candidate, size, bold) > width) {
      lines.push_back(std::move(current));
      current = std::string(word);
    } else {
      current = std::move(candidate);
    }
    pos = space + 1;
  }
  if (!current.empty() || lines.empty()) lines.push_back(std::move(current));
  return lines;
}

void PageCursor::keep(float needed) {
  if (y_ + needed <= kBottom) return;
  ++page_;
  layout_.pages = page_ + 1;
  y_ = kMargin;
}

void PageCursor::line(std::string_view text, float size, bool bold, float left, float right, float hang) {
  const float lead = size * kLeading;
  auto pieces = wrap(text, size, bold, right - left - hang);
  keep(lead * static_cast<float>(std::min<std::size_t>(pieces.size(), 3)));  // a short item never splits
  bool first = true;
  for (auto& piece : pieces) {
    keep(lead);
    y_ += lead;
    layout_.texts.push_back({page_, first ? left : left + hang, y_, size, bold, std::move(piece)});
    first = false;
  }
}

void PageCursor::centered(std::string_view text, float size, bool bold) {
  const float lead = size * kLeading;
  for (auto& piece : wrap(text, size, bold, kPageWidth - 2 * kMargin)) {
    keep(lead);
    y_ += lead;
    const float x = (kPageWidth - measure_(piece, size, bold)) / 2;
    layout_.texts.push_back({page_, x, y_, size, bold, std::move(piece)});
  }
}

void PageCursor::place(std::string_view text, float x, float size, bool bold, float yOffset) {
  layout_.texts.push_back({page_, x, y_ + yOffset, size, bold, std::string(text)});
}

}  // namespace gocua::print
