// Small shared helpers of gocua_hub: time, hex, associated data, hashing, private dirs.
#include "sync/hub/internal.h"

#include <sys/stat.h>

#include <ctime>
#include <fstream>

#include "sync/hub/errors.h"
#include "vault/primitives.h"

namespace gocua::hub::detail {
namespace fs = std::filesystem;

std::string hex(std::span<const std::uint8_t> bytes) { return vault::toHex(bytes); }

Result<std::vector<std::uint8_t>> unhex(std::string_view text) {
  // Either case, even length, nothing else: what sodium_hex2bin accepted here before.
  auto out = vault::fromHex(text);
  if (!out) return Error::make(err::kHubBadHex);
  return std::move(*out);
}

std::array<std::uint8_t, 28> noteAd(std::span<const std::uint8_t, 16> id, std::int64_t revision) {
  std::array<std::uint8_t, 28> ad{'n', 'o', 't', 'e'};
  const auto record = vault::recordAd(id, revision);
  std::copy(record.begin(), record.end(), ad.begin() + 4);
  return ad;
}

Result<std::array<std::uint8_t, 32>> fileHash(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::make(err::kHubIo, "", "open for hash");
  vault::Blake2b hash;
  std::vector<char> buf(std::size_t{1} << 16);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    auto n = in.gcount();
    if (n > 0) hash.update(std::string_view(buf.data(), std::size_t(n)));
  }
  if (in.bad()) return Error::make(err::kHubIo, "", "read for hash");
  return hash.final<32>();
}

Status ensurePrivateDir(const fs::path& dir) {
  std::error_code ec;
  if (fs::is_directory(dir, ec)) return {};
  if (!fs::create_directories(dir, ec) && ec) return Error::make(err::kHubIo, "", "create directory");
  if (::chmod(dir.c_str(), 0700) != 0) return Error::make(err::kHubIo, "", "chmod directory");
  return {};
}

}  // namespace gocua::hub::detail
