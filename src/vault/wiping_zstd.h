// zstd contexts whose memory is wiped before it goes back to the heap. zstd keeps the text it
// compresses or decompresses in its own window and buffers; with the default allocator those are
// freed as they are, so a batch's or the index copy's plaintext would stay in freed memory.
#pragma once

#include <cstddef>
#include <memory>

struct ZSTD_CCtx_s;  // ZSTD_CCtx in zstd.h
struct ZSTD_DCtx_s;  // ZSTD_DCtx, which is also ZSTD_DStream

namespace gocua::vault {

struct ZstdCCtxFree {
  void operator()(ZSTD_CCtx_s* ctx) const;
};
struct ZstdDCtxFree {
  void operator()(ZSTD_DCtx_s* ctx) const;
};
using WipingZstdCCtx = std::unique_ptr<ZSTD_CCtx_s, ZstdCCtxFree>;
using WipingZstdDCtx = std::unique_ptr<ZSTD_DCtx_s, ZstdDCtxFree>;

// Empty when out of memory.
WipingZstdCCtx newWipingZstdCCtx();
WipingZstdDCtx newWipingZstdDCtx();

// Blocks the contexts above hold right now: a test's proof that zstd allocates through them.
std::size_t wipingZstdBlocksLive();

}  // namespace gocua::vault
