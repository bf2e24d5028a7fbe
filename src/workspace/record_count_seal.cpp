#include "workspace/record_count_seal.h"

#include <charconv>
#include <fstream>
#include <sstream>
#include <string_view>

#include "vault/secret.h"
#include "workspace/durable_file.h"
#include "workspace/errors.h"

namespace gocua::workspace::detail {
namespace {

// Binds the sealed text to its purpose, so no other sealed value can be copied in its place.
constexpr std::string_view kCountAd = "gocua record count v1";

std::span<const std::uint8_t> adBytes() {
  return {reinterpret_cast<const std::uint8_t*>(kCountAd.data()), kCountAd.size()};
}

}  // namespace

Result<std::optional<RecordCount>> readRecordCount(const std::filesystem::path& dir,
                                                   const vault::RecordCipher& cipher) {
  std::ifstream in(dir / kRecordCountFile, std::ios::binary);
  if (!in) return std::optional<RecordCount>();
  std::stringstream text;
  text << in.rdbuf();
  auto sealed = vault::fromHex(text.str());
  auto plain = sealed ? cipher.open(*sealed, adBytes()) : Result<std::string>(Error::make(err::kWorkspaceDamaged));
  // "count" or "count lost", decimal.
  RecordCount rc{-1, 0};
  if (plain) {
    const char* p = plain->data();
    const char* end = p + plain->size();
    auto first = std::from_chars(p, end, rc.count);
    if (first.ec != std::errc())
      rc.count = -1;
    else if (first.ptr != end) {
      auto second = *first.ptr == ' ' ? std::from_chars(first.ptr + 1, end, rc.lost) : first;
      if (second.ec != std::errc() || second.ptr != end || rc.lost < 0) rc.count = -1;
    }
  }
  if (rc.count < 0) return Error::make(err::kWorkspaceDamaged, "", kRecordCountFile);
  return std::optional<RecordCount>(rc);
}

Status writeRecordCount(const std::filesystem::path& dir, const vault::RecordCipher& cipher, RecordCount count) {
  auto text = std::to_string(count.count);
  if (count.lost > 0) text += " " + std::to_string(count.lost);
  return writeFileDurably(dir / kRecordCountFile, vault::toHex(cipher.seal(text, adBytes())));
}

}  // namespace gocua::workspace::detail
