// Secure memory for key material: SecretBytes lives in sodium_malloc memory (guard pages, mlocked,
// excluded from core dumps) and is zeroed on destruction; wipe() zeroes ordinary buffers that held
// secrets. Call init() once at start-up; every other vault function also initialises lazily, so a
// forgotten init() costs nothing worse than a later failure report.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace gocua::vault {

// Initialises libsodium once (thread-safe; later calls are cheap). Error "vault.init" when the
// library cannot start (no usable random source).
[[nodiscard]] Status init();

// Key material in guarded, locked memory. Move-only: a copy would be a second secret to wipe.
// A moved-from SecretBytes is empty (size 0, data nullptr).
// Allocation failure throws std::bad_alloc, as operator new would; nothing else throws.
class SecretBytes {
 public:
  explicit SecretBytes(std::size_t n);  // zero-filled
  [[nodiscard]] static SecretBytes random(std::size_t n);
  [[nodiscard]] static SecretBytes copyOf(std::span<const std::uint8_t> bytes);

  SecretBytes(SecretBytes&& other) noexcept;
  SecretBytes& operator=(SecretBytes&& other) noexcept;
  SecretBytes(const SecretBytes&) = delete;
  SecretBytes& operator=(const SecretBytes&) = delete;
  ~SecretBytes();

  std::uint8_t* data() { return ptr_; }
  const std::uint8_t* data() const { return ptr_; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::span<const std::uint8_t> view() const { return {ptr_, size_}; }
  // From now on any write faults (sodium_mprotect_readonly), for keys that are set once and then
  // only read. Destruction and moves still work.
  void makeReadOnly();

 private:
  std::uint8_t* ptr_ = nullptr;
  std::size_t size_ = 0;
};

// Zero the bytes (including spare capacity, which may hold an older, longer secret), then clear.
void wipe(std::string& s);
void wipe(std::vector<std::uint8_t>& v);
// Zero a stretch of a longer buffer (one entry of an arena) that stays in use.
void wipe(char* bytes, std::size_t size);
// Makes room in s for at least size bytes, keeping its text, without leaving the old buffer's
// plaintext in freed memory (a plain append that outgrows the capacity copies and frees it
// unwiped). Grows at least twofold, so appending stays cheap.
void reserveWiping(std::string& s, std::size_t size);

// The workspace data key: random, kDataKeyBytes long, never stored unwrapped.
constexpr std::size_t kDataKeyBytes = 32;
[[nodiscard]] SecretBytes newDataKey();

// Fills out with bytes from the system CSPRNG, for values that are random but not secret
// (record ids, nonces): no guarded allocation per call, which matters 100,000 times per import.
void randomBytes(std::span<std::uint8_t> out);

// A span over the bytes of text, for ad and plaintext built from strings.
inline std::span<const std::uint8_t> bytesOf(std::string_view text) {
  return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

// Lowercase hex, for fingerprints and logs of public values (never of secrets).
[[nodiscard]] std::string toHex(std::span<const std::uint8_t> bytes);
// The bytes of lowercase or uppercase hex; nullopt on an odd length or a non-hex digit.
[[nodiscard]] std::optional<std::vector<std::uint8_t>> fromHex(std::string_view hex);

}  // namespace gocua::vault
