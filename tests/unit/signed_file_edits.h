// Test helper for the signed text files (profiles, requests, receipts, recovery files): a header
// line, a JSON body, and a last line of 128 hex digits signing the body. Edits a test makes to
// see that a reader refuses on shape alone, even when the signature is good again.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "vault/primitives.h"
#include "vault/secret.h"

namespace gocua::test {

// Re-signs the body of an edited file (one whose framing is intact) with secret: what a hub or
// device that signs whatever it is handed would produce.
inline std::string resignedBody(const std::string& file, const vault::SecretBytes& secret) {
  const std::size_t start = file.find('\n') + 1;
  const std::size_t end = file.size() - 130;
  const auto sig = vault::sign(std::string_view(file).substr(start, end - start), secret);
  return file.substr(0, end) + "\n" + vault::toHex(sig) + "\n";
}

// Replaces the first occurrence of from in file (which must be there).
inline std::string replaced(std::string file, const std::string& from, const std::string& to) {
  const auto at = file.find(from);
  REQUIRE(at != std::string::npos);
  return file.replace(at, from.size(), to);
}

}  // namespace gocua::test
