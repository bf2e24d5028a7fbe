// Internal: the framing shared by the hub's and the device's signed files (profile, enrollment
// request, recovery file, receipt): "GOCUA-<KIND> 1\n" body "\n" hex signature "\n", Ed25519 over
// the body (vault::sign / vault::verify), and the body field helpers. Not installed; only
// sync/*/*.cpp include it.
#pragma once

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

#include "core/result.h"
#include "sync/keys/keys.h"
#include "vault/secret.h"

namespace gocua::sync::keys_detail {

inline constexpr int kSignedFileVersion = 1;

struct SignedFile {
  std::string_view body;
  std::array<std::uint8_t, 64> signature{};
};

// The errors a kind of signed file reports when it is malformed or from another version.
struct SignedFileCodes {
  ErrorCode format, unknownVersion;
};

// kind is "PROFILE", "ENROLL", "RECOVERY" or "RECEIPT". Files over maxBytes are refused before any
// other check. The body is returned as a view into file.
[[nodiscard]] Result<SignedFile> splitSignedFile(std::string_view file, std::string_view kind,
                                                 const SignedFileCodes& codes,
                                                 std::size_t maxBytes = kMaxSignedFileBytes);

// The whole file for body, signed with an Ed25519 secret key (libsodium 64-byte layout).
[[nodiscard]] std::string frameSignedFile(std::string_view kind, std::string_view body,
                                          const vault::SecretBytes& signSecret);

[[nodiscard]] bool verifyBody(std::string_view body, const std::array<std::uint8_t, 64>& signature,
                              const std::array<std::uint8_t, 32>& publicKey);

// Parses body as a JSON object that is exactly its own canonical dump and has exactly the keys
// given (no more, no fewer), plus any of optionalKeys (fields added later, written only when they
// carry something, so older readers keep reading files that do not use them). Arrays and objects
// may nest maxDepth deep, counting the body itself (2: flat object with arrays of strings; 3:
// arrays of flat objects). Never throws.
[[nodiscard]] bool parseCanonicalObject(std::string_view body, std::initializer_list<std::string_view> keys,
                                        nlohmann::json& out, int maxDepth = 2,
                                        std::initializer_list<std::string_view> optionalKeys = {});

// The canonical one-line body: sorted keys (nlohmann's object is a std::map), UTF-8 kept as is.
// Invalid UTF-8 is replaced rather than thrown on; callers validate text before writing.
[[nodiscard]] std::string canonicalDump(const nlohmann::json& body);

// Lowercase hex of exactly out.size() bytes (uppercase refused: one spelling per file).
[[nodiscard]] bool decodeHex(std::string_view hex, std::span<std::uint8_t> out);

// The size bound of every string field: valid UTF-8 of at most kMaxFieldChars characters.
[[nodiscard]] bool isFieldText(std::string_view s);
// Field readers: false when the member has the wrong type or breaks the size bound.
[[nodiscard]] bool getString(const nlohmann::json& obj, const char* key, std::string& out);
[[nodiscard]] bool getKey(const nlohmann::json& obj, const char* key, std::array<std::uint8_t, 32>& out);
[[nodiscard]] bool getStringList(const nlohmann::json& obj, const char* key, std::size_t maxItems,
                                 std::vector<std::string>& out);

// Text rules shared by the files. (Commune codes: sync::isCommuneCode in
// sync/batch/batch.h, the one rule for every file that names a commune.)
// A display label (commune, village): valid UTF-8 already in NFC, trimmed, 1..200 characters,
// no control characters (newline included) and no bidi overrides.
[[nodiscard]] bool isCleanLabel(std::string_view s);
// "YYYY-MM-DDTHH:MM:SSZ" with digits in place (ranges are the writer's business).
[[nodiscard]] bool isUtcTimestamp(std::string_view s);

}  // namespace gocua::sync::keys_detail
