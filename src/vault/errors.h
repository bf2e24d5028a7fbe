// Every error code src/vault returns, declared once with its kind (core/result.h: what kinds mean).
// The catalog has "error.<code>" in Vietnamese and English for each: tests/unit/app/error_codes_test.cpp
// reads these declarations, one per line, and checks it.
#pragma once

#include "core/result.h"

namespace gocua::err {

inline constexpr ErrorCode kVaultDamaged{"vault.damaged", ErrorKind::Damaged};
inline constexpr ErrorCode kVaultInit{"vault.init", ErrorKind::Internal};
inline constexpr ErrorCode kVaultKdfOutOfRange{"vault.kdf_out_of_range", ErrorKind::Damaged};
inline constexpr ErrorCode kVaultKdfTooWeak{"vault.kdf_too_weak", ErrorKind::Damaged};
inline constexpr ErrorCode kVaultKeyslotDamaged{"vault.keyslot_damaged", ErrorKind::Damaged};
inline constexpr ErrorCode kVaultOutOfMemory{"vault.out_of_memory", ErrorKind::Internal};
inline constexpr ErrorCode kVaultPassphraseTooShort{"vault.passphrase_too_short", ErrorKind::Invalid};
inline constexpr ErrorCode kVaultPassphraseControlChar{"vault.passphrase_control_char", ErrorKind::Invalid};
inline constexpr ErrorCode kVaultPassphraseOnlySpaces{"vault.passphrase_only_spaces", ErrorKind::Invalid};
inline constexpr ErrorCode kVaultPassphraseRepeated{"vault.passphrase_repeated", ErrorKind::Invalid};
inline constexpr ErrorCode kVaultPassphraseSequence{"vault.passphrase_sequence", ErrorKind::Invalid};
inline constexpr ErrorCode kVaultPassphraseCommon{"vault.passphrase_common", ErrorKind::Invalid};
inline constexpr ErrorCode kVaultWrongPassphrase{"vault.wrong_passphrase", ErrorKind::Locked};

}  // namespace gocua::err
