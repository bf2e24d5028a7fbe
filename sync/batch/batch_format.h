// The .gcb byte layout, shared by writer and reader. Private to sync/batch (layering_check.sh
// refuses it elsewhere: other modules use batch.h). All integers are little-endian. In file order:
//   cleartext header  kHeaderBytes: "GCB1" | version u16 | commune 5 ASCII digits | device id 32 |
//                                   sequence u64 | batch id 16
//   header signature  64: Ed25519 (device key) over the cleartext header bytes, magic included
//   sealed file key   80: crypto_box_seal(file key 32) to the hub's X25519 public key
//   stream header     24: crypto_secretstream_xchacha20poly1305 header
//   chunks            u32 ciphertext length | ciphertext; plaintext is the zstd stream cut in
//                     64 KiB pieces (the last may be shorter or empty). The first chunk's AD is
//                     BLAKE2b-256(cleartext header); TAG_FINAL only and always on the last chunk.
//   trailer           64: Ed25519 (device key) over BLAKE2b-512(every byte before the trailer)
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "core/result.h"
#include "sync/batch/batch.h"

namespace gocua::sync::batch_detail {

inline constexpr std::array<std::uint8_t, 4> kMagic = {'G', 'C', 'B', '1'};
inline constexpr std::size_t kCommuneCodeBytes = 5;
inline constexpr std::size_t kHeaderBytes = 4 + 2 + kCommuneCodeBytes + 32 + 8 + 16;
inline constexpr std::size_t kSignatureBytes = vault::kSignatureBytes;                          // 64
inline constexpr std::size_t kFileKeyBytes = vault::kStreamKeyBytes;                            // 32
inline constexpr std::size_t kSealedKeyBytes = vault::kSealedBoxOverheadBytes + kFileKeyBytes;  // 80
inline constexpr std::size_t kStreamHeaderBytes = vault::kStreamHeaderBytes;                    // 24
inline constexpr std::size_t kChunkOverhead = vault::kStreamOverheadBytes;                      // 17
static_assert(kSignatureBytes == 64 && kFileKeyBytes == 32 && kSealedKeyBytes == 80 && kStreamHeaderBytes == 24 &&
              kChunkOverhead == 17);  // the file layout above, whatever the library says
inline constexpr std::size_t kChunkPlainBytes = std::size_t{64} << 10;
inline constexpr std::size_t kChunkLengthBytes = 4;

using HeaderBytes = std::array<std::uint8_t, kHeaderBytes>;

HeaderBytes encodeHeader(const BatchHeader& header);
// Layout checks only (magic, version, commune code); signatures are the caller's job.
Result<BatchHeader> decodeHeader(std::span<const std::uint8_t, kHeaderBytes> bytes);

void putU32(std::uint8_t* p, std::uint32_t v);
std::uint32_t getU32(const std::uint8_t* p);

}  // namespace gocua::sync::batch_detail
