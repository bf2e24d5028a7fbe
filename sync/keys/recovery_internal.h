// Internal to the recovery code: the code's normal form and the .gcx body parser, shared by the
// slot/code file and the recovery-file file, and reachable by the fuzz replay (the signature check
// in front of it would otherwise keep mutated bodies away from the parser).
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "sync/keys/keys.h"

namespace gocua::sync::keys_detail {

inline constexpr std::size_t kRecoveryCodeChars = 20;
inline constexpr std::string_view kRecoveryAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford base32

// The bytes Argon2id sees: uppercase, dashes and spaces removed, Crockford's read-aloud look-alikes
// folded (O→0, I and L→1). False unless exactly 20 alphabet characters remain. out holds the code
// (a secret): the caller wipes it.
[[nodiscard]] bool normaliseRecoveryCode(std::string_view code, std::string& out);

// The JSON body of a .gcx, shape and content: "recovery.format" when anything is off (the
// signature has already been checked by the caller).
[[nodiscard]] Result<RecoveryFile> parseRecoveryBody(std::string_view body);

}  // namespace gocua::sync::keys_detail
