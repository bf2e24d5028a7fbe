// Small shared helpers of gocua_hub: time, hex, associated data, hashing, private dirs.
#include "sync/hub/internal.h"
#include "sync/hub/errors.h"

#include <sodium.h>
#include <sys/stat.h>

#include <ctime>
#include <fstream>

namespace gocua::hub::detail {
namespace fs = std::filesystem;

std::string nowIso() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string hex(std::span<const std::uint8_t> bytes) { return vault::toHex(bytes); }

Result<std::vector<std::uint8_t>> unhex(std::string_view text) {
  std::vector<std::uint8_t> out(text.size() / 2);
  std::size_t len = 0;
  if (text.size() % 2 != 0 ||
      sodium_hex2bin(out.data(), out.size(), text.data(), text.size(), nullptr, &len, nullptr) != 0 ||
      len != out.size())
    return Error::make(err::kHubBadHex);
  return out;
}

namespace {
void putLe64(std::uint8_t* p, std::int64_t v) {
  for (int i = 0; i < 8; ++i) p[i] = static_cast<std::uint8_t>(static_cast<std::uint64_t>(v) >> (8 * i));
}
}  // namespace

std::array<std::uint8_t, 24> recordAd(std::span<const std::uint8_t, 16> id, std::int64_t revision) {
  std::array<std::uint8_t, 24> ad{};
  std::copy(id.begin(), id.end(), ad.begin());
  putLe64(ad.data() + 16, revision);
  return ad;
}

std::array<std::uint8_t, 28> noteAd(std::span<const std::uint8_t, 16> id, std::int64_t revision) {
  std::array<std::uint8_t, 28> ad{'n', 'o', 't', 'e'};
  std::copy(id.begin(), id.end(), ad.begin() + 4);
  putLe64(ad.data() + 20, revision);
  return ad;
}

Result<std::array<std::uint8_t, 32>> fileHash(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::make(err::kHubIo, "", "open for hash");
  crypto_generichash_state st;
  crypto_generichash_init(&st, nullptr, 0, 32);
  std::vector<char> buf(std::size_t{1} << 16);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    auto n = in.gcount();
    if (n > 0) crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(buf.data()), std::size_t(n));
  }
  if (in.bad()) return Error::make(err::kHubIo, "", "read for hash");
  std::array<std::uint8_t, 32> out{};
  crypto_generichash_final(&st, out.data(), out.size());
  return out;
}

Status ensurePrivateDir(const fs::path& dir) {
  std::error_code ec;
  if (fs::is_directory(dir, ec)) return {};
  if (!fs::create_directories(dir, ec) && ec) return Error::make(err::kHubIo, "", "create directory");
  if (::chmod(dir.c_str(), 0700) != 0) return Error::make(err::kHubIo, "", "chmod directory");
  return {};
}

}  // namespace gocua::hub::detail
