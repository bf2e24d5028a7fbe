// layoutKeyPoster: one page, everything centred and large enough to read from across the desk.
#include "print/key_poster.h"

#include "core/i18n.h"
#include "core/text.h"

namespace gocua::print {

namespace {

constexpr float kTitle = 22.0f;
constexpr float kCode = 30.0f;
constexpr float kBody = 13.0f;
constexpr float kQrSide = 170.0f;

// The paper is the commune's, in Vietnamese whatever the window's language.
std::string text(const char* key, const i18n::Args& args = {}) { return i18n::tr(i18n::Lang::Vi, key, args); }

}  // namespace

std::string keyPosterPayload(const KeyPoster& poster) {
  return "GOCUA-HUB " + poster.communeCode + " " + poster.fingerprint;
}

Result<PageLayout> layoutKeyPoster(const KeyPoster& poster, const Measure& measure) {
  auto commune = core::toNfc(poster.communeName);
  if (!commune) return commune.error();
  auto province = core::toNfc(poster.provinceName);
  if (!province) return province.error();

  PageLayout layout;
  PageCursor cursor(layout, measure, 70);
  cursor.centered(text("print.key_poster.title"), kTitle, true);
  cursor.skip(6);
  cursor.centered(*commune + (province->empty() ? "" : " — " + *province), kBody + 2, true);
  cursor.centered(text("print.key_poster.code_label", {{"code", poster.communeCode}}), kBody, false);
  cursor.skip(24);

  // Four groups of four digits per line, so the code reads in two short lines at a glance.
  std::string first, second;
  int groups = 0;
  for (std::size_t i = 0; i < poster.fingerprint.size(); ++i) {
    if (poster.fingerprint[i] == ' ') ++groups;
    (groups < 4 ? first : second).push_back(poster.fingerprint[i]);
  }
  if (!second.empty() && second.front() == ' ') second.erase(0, 1);
  cursor.centered(first, kCode, true);
  if (!second.empty()) cursor.centered(second, kCode, true);
  cursor.skip(28);

  layout.qrCodes.push_back({0, (kPageWidth - kQrSide) / 2, cursor.y(), kQrSide, keyPosterPayload(poster)});
  cursor.skip(kQrSide + 28);

  for (const char* key : {"print.key_poster.check", "print.key_poster.differs", "print.key_poster.keep"}) {
    cursor.line(text(key), kBody, false);
    cursor.skip(6);
  }
  cursor.skip(18);
  cursor.line(text("print.key_poster.printed", {{"date", core::formatDate(poster.printDate)}}), kBody - 2, false);
  return layout;
}

}  // namespace gocua::print
