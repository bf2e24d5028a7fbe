// Encoding and decoding of the cleartext header, the one part of a batch read before any
// signature is checked, so decodeHeader trusts nothing and names what is wrong.
#include "sync/batch/batch_format.h"
#include "sync/batch/errors.h"

#include <algorithm>
#include <cstring>
#include <istream>

namespace gocua::sync::batch_detail {

namespace {

void putU16(std::uint8_t* p, std::uint16_t v) {
  p[0] = static_cast<std::uint8_t>(v);
  p[1] = static_cast<std::uint8_t>(v >> 8);
}

void putU64(std::uint8_t* p, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) p[i] = static_cast<std::uint8_t>(v >> (8 * i));
}

std::uint64_t getU64(const std::uint8_t* p) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

}  // namespace

void putU32(std::uint8_t* p, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<std::uint8_t>(v >> (8 * i));
}

std::uint32_t getU32(const std::uint8_t* p) {
  return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
         static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}

HeaderBytes encodeHeader(const BatchHeader& header) {
  HeaderBytes out{};
  std::uint8_t* p = out.data();
  std::memcpy(p, kMagic.data(), kMagic.size());
  p += kMagic.size();
  putU16(p, header.version);
  p += 2;
  std::memcpy(p, header.communeCode.data(), kCommuneCodeBytes);
  p += kCommuneCodeBytes;
  std::memcpy(p, header.deviceId.data(), header.deviceId.size());
  p += header.deviceId.size();
  putU64(p, header.sequence);
  p += 8;
  std::memcpy(p, header.batchId.data(), header.batchId.size());
  return out;
}

Result<BatchHeader> decodeHeader(std::span<const std::uint8_t, kHeaderBytes> bytes) {
  const std::uint8_t* p = bytes.data();
  if (!std::equal(kMagic.begin(), kMagic.end(), p)) {
    return Error::make(err::kBatchFormat, {}, "magic");
  }
  p += kMagic.size();
  BatchHeader h;
  h.version = static_cast<std::uint16_t>(p[0] | (p[1] << 8));
  p += 2;
  if (h.version != kBatchFormatVersion) {
    return Error::make(err::kBatchUnknownVersion, {}, "version " + std::to_string(h.version));
  }
  h.communeCode.assign(reinterpret_cast<const char*>(p), kCommuneCodeBytes);
  p += kCommuneCodeBytes;
  if (!isCommuneCode(h.communeCode)) return Error::make(err::kBatchFormat, "communeCode");
  std::memcpy(h.deviceId.data(), p, h.deviceId.size());
  p += h.deviceId.size();
  h.sequence = getU64(p);
  p += 8;
  std::memcpy(h.batchId.data(), p, h.batchId.size());
  return h;
}

}  // namespace gocua::sync::batch_detail

namespace gocua::sync {

bool isCommuneCode(std::string_view code) {
  return code.size() == batch_detail::kCommuneCodeBytes &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Result<BatchHeader> peekBatchHeader(std::istream& in) {
  batch_detail::HeaderBytes hb{};
  in.read(reinterpret_cast<char*>(hb.data()), static_cast<std::streamsize>(hb.size()));
  if (static_cast<std::size_t>(in.gcount()) < hb.size()) return Error::make(err::kBatchFormat, {}, "short header");
  return batch_detail::decodeHeader(hb);
}

}  // namespace gocua::sync
