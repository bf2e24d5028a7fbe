// The commune's key code as an A4 poster for the one-stop desk: the commune, the code in large
// type, a QR code of it, and what a volunteer checks when a laptop joins the commune (the code the
// laptop shows must be the same). Staff print it once, right after the hub is made.
#pragma once

#include <string>

#include "core/date.h"
#include "core/result.h"
#include "print/layout.h"

namespace gocua::print {

struct KeyPoster {
  std::string communeName, provinceName, communeCode;
  std::string fingerprint;  // sync::fingerprint: 8 groups of 4 hex digits
  core::Date printDate;
};

// The QR code's text: "GOCUA-HUB <commune code> <fingerprint>".
std::string keyPosterPayload(const KeyPoster& poster);

// Errors: "text.invalid_utf8" when a name is not valid UTF-8.
Result<PageLayout> layoutKeyPoster(const KeyPoster& poster, const Measure& measure = estimateWidth);

}  // namespace gocua::print
