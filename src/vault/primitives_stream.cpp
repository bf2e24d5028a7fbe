// primitives.h, part 3: BLAKE2b (one-shot and streaming) and secretstream. The streaming states
// live in opaque storage in the header; the static_asserts keep that storage big enough.
#include <sodium.h>

#include "vault/internal.h"
#include "vault/primitives.h"

namespace gocua::vault {

using detail::requireSize;
using detail::requireSodium;

namespace {

crypto_generichash_state* hashState(unsigned char* storage) {
  return reinterpret_cast<crypto_generichash_state*>(storage);
}
crypto_secretstream_xchacha20poly1305_state* streamState(unsigned char* storage) {
  return reinterpret_cast<crypto_secretstream_xchacha20poly1305_state*>(storage);
}

bool hashKeyOk(std::span<const std::uint8_t> key) {
  return key.empty() || (key.size() >= kHashKeyMinBytes && key.size() <= kHashKeyMaxBytes);
}
bool hashOutOk(std::size_t n) { return n >= kHashMinBytes && n <= kHashMaxBytes; }

}  // namespace

// [SECTION] Hashes

void hashInto(std::span<std::uint8_t> out, std::span<const std::uint8_t> in, std::span<const std::uint8_t> key) {
  requireSize(hashOutOk(out.size()) && hashKeyOk(key), "hashInto");
  crypto_generichash(out.data(), out.size(), in.data(), in.size(), key.empty() ? nullptr : key.data(), key.size());
}

std::array<std::uint8_t, kHashBytes> blake2b256(std::span<const std::uint8_t> in) {
  std::array<std::uint8_t, kHashBytes> out{};
  hashInto(out, in);
  return out;
}

std::array<std::uint8_t, kHashBytes> blake2b256(std::string_view in) {
  return blake2b256(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(in.data()), in.size()));
}

static_assert(sizeof(crypto_generichash_state) <= sizeof(unsigned char[384]));
static_assert(alignof(crypto_generichash_state) <= 64);

Blake2b::Blake2b(std::size_t outBytes, std::span<const std::uint8_t> key) : outBytes_(outBytes), state_{} {
  requireSize(hashOutOk(outBytes) && hashKeyOk(key), "Blake2b");
  requireSodium();  // generichash picks its implementation (SSE, AVX2) at sodium_init
  crypto_generichash_init(hashState(state_), key.empty() ? nullptr : key.data(), key.size(), outBytes);
}

Blake2b::~Blake2b() { sodium_memzero(state_, sizeof state_); }

Blake2b& Blake2b::update(std::span<const std::uint8_t> bytes) {
  crypto_generichash_update(hashState(state_), bytes.data(), bytes.size());
  return *this;
}

Blake2b& Blake2b::update(std::string_view bytes) {
  crypto_generichash_update(hashState(state_), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return *this;
}

void Blake2b::finalInto(std::span<std::uint8_t> out) {
  requireSize(out.size() == outBytes_, "Blake2b::finalInto");
  crypto_generichash_final(hashState(state_), out.data(), out.size());
}

std::string Blake2b::finalHex() {
  std::array<std::uint8_t, kHashMaxBytes> digest{};
  finalInto(std::span<std::uint8_t>(digest.data(), outBytes_));
  return toHex(std::span<const std::uint8_t>(digest.data(), outBytes_));
}

// [SECTION] Streams

static_assert(sizeof(crypto_secretstream_xchacha20poly1305_state) <= 64);
static_assert(alignof(crypto_secretstream_xchacha20poly1305_state) <= 16);
static_assert(crypto_secretstream_xchacha20poly1305_TAG_MESSAGE == 0);

SecretStreamPush::~SecretStreamPush() { sodium_memzero(state_, sizeof state_); }

std::array<std::uint8_t, kStreamHeaderBytes> SecretStreamPush::init(const SecretBytes& key) {
  requireSize(key.size() == kStreamKeyBytes, "SecretStreamPush::init");
  requireSodium();
  std::array<std::uint8_t, kStreamHeaderBytes> header{};
  crypto_secretstream_xchacha20poly1305_init_push(streamState(state_), header.data(), key.data());
  return header;
}

void SecretStreamPush::push(std::span<std::uint8_t> out, std::span<const std::uint8_t> plain,
                            std::span<const std::uint8_t> ad, StreamTag tag) {
  requireSize(out.size() == plain.size() + kStreamOverheadBytes && tag != StreamTag::Other, "SecretStreamPush::push");
  unsigned long long len = 0;
  const std::uint8_t t = tag == StreamTag::Final ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                                                 : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
  crypto_secretstream_xchacha20poly1305_push(streamState(state_), out.data(), &len, plain.data(), plain.size(),
                                             ad.empty() ? nullptr : ad.data(), ad.size(), t);
}

SecretStreamPull::~SecretStreamPull() { sodium_memzero(state_, sizeof state_); }

bool SecretStreamPull::init(std::span<const std::uint8_t, kStreamHeaderBytes> header, const SecretBytes& key) {
  requireSize(key.size() == kStreamKeyBytes, "SecretStreamPull::init");
  if (!detail::sodiumReady()) return false;
  return crypto_secretstream_xchacha20poly1305_init_pull(streamState(state_), header.data(), key.data()) == 0;
}

std::optional<SecretStreamPull::Chunk> SecretStreamPull::pull(std::span<std::uint8_t> out,
                                                              std::span<const std::uint8_t> chunk,
                                                              std::span<const std::uint8_t> ad) {
  requireSize(chunk.size() < kStreamOverheadBytes || out.size() >= chunk.size() - kStreamOverheadBytes,
              "SecretStreamPull::pull");
  unsigned long long len = 0;
  unsigned char tag = 0;
  if (crypto_secretstream_xchacha20poly1305_pull(streamState(state_), out.data(), &len, &tag, chunk.data(),
                                                 chunk.size(), ad.empty() ? nullptr : ad.data(), ad.size()) != 0)
    return std::nullopt;
  Chunk c;
  c.length = static_cast<std::size_t>(len);
  c.tag = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL     ? StreamTag::Final
          : tag == crypto_secretstream_xchacha20poly1305_TAG_MESSAGE ? StreamTag::Message
                                                                     : StreamTag::Other;
  return c;
}

}  // namespace gocua::vault
