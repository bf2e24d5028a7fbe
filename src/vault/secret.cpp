// SecretBytes on sodium_malloc, wipe(), the data key and hex output. sodium_init is run through a
// function-local static so every entry point can rely on it without ordering rules for callers.
#include "vault/secret.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <new>
#include <utility>

#include "vault/errors.h"
#include "vault/internal.h"

namespace gocua::vault {

namespace detail {
bool sodiumReady() {
  // sodium_init returns 0 on first success and 1 when already initialised; -1 is the only failure.
  static const bool ready = sodium_init() >= 0;
  return ready;
}
}  // namespace detail

Status init() {
  if (!detail::sodiumReady()) return Error::make(err::kVaultInit, "", "sodium_init failed");
  return {};
}

SecretBytes::SecretBytes(std::size_t n) : size_(n) {
  if (n == 0) return;  // nothing to guard; keeps moved-from and empty objects allocation-free
  // sodium_malloc depends on the page size that sodium_init records.
  if (!detail::sodiumReady()) throw std::bad_alloc();
  ptr_ = static_cast<std::uint8_t*>(sodium_malloc(n));
  if (ptr_ == nullptr) throw std::bad_alloc();
  // sodium_malloc fills with 0xdb garbage on purpose; the contract here is zero-filled.
  sodium_memzero(ptr_, n);
}

void randomBytes(std::span<std::uint8_t> out) {
  // Ids and nonces are needed 200,000 times per 100,000-record import; one getrandom() call per
  // 4 KiB instead of per value keeps the kernel out of the hot path. Each byte is used once.
  // Large requests (and keys, which use SecretBytes::random) go straight to the system.
  constexpr std::size_t kPool = 4096;
  thread_local std::array<std::uint8_t, kPool> pool{};
  thread_local std::size_t used = kPool;
  (void)init();
  if (out.size() > kPool / 4) {
    randombytes_buf(out.data(), out.size());
    return;
  }
  if (kPool - used < out.size()) {
    randombytes_buf(pool.data(), pool.size());
    used = 0;
  }
  std::memcpy(out.data(), pool.data() + used, out.size());
  sodium_memzero(pool.data() + used, out.size());
  used += out.size();
}

void SecretBytes::makeReadOnly() {
  if (ptr_ != nullptr) sodium_mprotect_readonly(ptr_);
}

SecretBytes SecretBytes::random(std::size_t n) {
  SecretBytes s(n);
  if (n != 0) randombytes_buf(s.ptr_, n);
  return s;
}

SecretBytes SecretBytes::copyOf(std::span<const std::uint8_t> bytes) {
  SecretBytes s(bytes.size());
  if (!bytes.empty()) std::copy(bytes.begin(), bytes.end(), s.ptr_);
  return s;
}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept
    : ptr_(std::exchange(other.ptr_, nullptr)), size_(std::exchange(other.size_, 0)) {}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept {
  if (this != &other) {
    sodium_free(ptr_);
    ptr_ = std::exchange(other.ptr_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

// sodium_free restores write access, checks the canary and zeroes before unmapping.
SecretBytes::~SecretBytes() { sodium_free(ptr_); }

void wipe(std::string& s) {
  s.resize(s.capacity());
  sodium_memzero(s.data(), s.size());
  s.clear();
}

void reserveWiping(std::string& s, std::size_t size) {
  if (size <= s.capacity()) return;
  std::string bigger;
  bigger.reserve(std::max(size, 2 * s.capacity()));
  bigger.assign(s);
  wipe(s);
  s = std::move(bigger);
}

void wipe(std::vector<std::uint8_t>& v) {
  v.resize(v.capacity());
  sodium_memzero(v.data(), v.size());
  v.clear();
}

void wipe(char* bytes, std::size_t size) { sodium_memzero(bytes, size); }

SecretBytes newDataKey() { return SecretBytes::random(kDataKeyBytes); }

std::string toHex(std::span<const std::uint8_t> bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (std::uint8_t b : bytes) {
    out.push_back(digits[b >> 4]);
    out.push_back(digits[b & 0x0f]);
  }
  return out;
}

std::optional<std::vector<std::uint8_t>> fromHex(std::string_view hex) {
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  if (hex.size() % 2 != 0) return std::nullopt;
  std::vector<std::uint8_t> out(hex.size() / 2);
  for (std::size_t i = 0; i < out.size(); ++i) {
    int hi = digit(hex[2 * i]), lo = digit(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out[i] = static_cast<std::uint8_t>(hi << 4 | lo);
  }
  return out;
}

}  // namespace gocua::vault
