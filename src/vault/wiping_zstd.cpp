// zstd contexts over an allocator that wipes each block before freeing it; see wiping_zstd.h.
#define ZSTD_STATIC_LINKING_ONLY  // ZSTD_customMem and the *_advanced constructors
#include "vault/wiping_zstd.h"

#include <sodium.h>
#include <zstd.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace gocua::vault {

namespace {

// Each block starts with its size, so free knows how much to wipe; the header keeps malloc's
// alignment for what follows.
constexpr std::size_t kHeader = alignof(std::max_align_t);
static_assert(kHeader >= sizeof(std::size_t));

std::atomic<std::size_t> blocksLive{0};

void* wipingAlloc(void*, std::size_t size) {
  if (size > SIZE_MAX - kHeader) return nullptr;
  auto* block = static_cast<unsigned char*>(std::malloc(size + kHeader));
  if (!block) return nullptr;
  *reinterpret_cast<std::size_t*>(block) = size;
  blocksLive.fetch_add(1, std::memory_order_relaxed);
  return block + kHeader;
}

void wipingFree(void*, void* address) {
  if (!address) return;
  auto* block = static_cast<unsigned char*>(address) - kHeader;
  sodium_memzero(block, *reinterpret_cast<std::size_t*>(block) + kHeader);
  blocksLive.fetch_sub(1, std::memory_order_relaxed);
  std::free(block);
}

constexpr ZSTD_customMem kWipingMem{wipingAlloc, wipingFree, nullptr};

}  // namespace

void ZstdCCtxFree::operator()(ZSTD_CCtx_s* ctx) const { ZSTD_freeCCtx(ctx); }
void ZstdDCtxFree::operator()(ZSTD_DCtx_s* ctx) const { ZSTD_freeDCtx(ctx); }

WipingZstdCCtx newWipingZstdCCtx() { return WipingZstdCCtx(ZSTD_createCCtx_advanced(kWipingMem)); }
WipingZstdDCtx newWipingZstdDCtx() { return WipingZstdDCtx(ZSTD_createDCtx_advanced(kWipingMem)); }

std::size_t wipingZstdBlocksLive() { return blocksLive.load(std::memory_order_relaxed); }

}  // namespace gocua::vault
