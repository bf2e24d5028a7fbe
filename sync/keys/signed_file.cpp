// Framing, signatures and body field helpers shared by the signed files (profile, enrollment
// request, recovery file, receipt). Every
// check here runs on bytes from a USB stick or the network, so nothing throws and nothing
// recurses on attacker-chosen depth.
#include "sync/keys/signed_file.h"

#include <algorithm>
#include <cstdlib>

#include "core/text.h"
#include "sync/keys/keys.h"
#include "vault/primitives.h"

namespace gocua::sync::keys_detail {

namespace {

constexpr std::size_t kSignatureHexChars = 128;

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;  // uppercase refused: one spelling per file keeps the bytes canonical
}

// Bodies are flat objects with at most string arrays (or arrays of flat objects) inside. Refusing
// deeper nesting before nlohmann sees the text keeps its recursive dump and destructor away from a
// 64 KiB "[[[[...".
bool nestingAtMost(std::string_view body, int maxDepth) {
  int depth = 0;
  bool inString = false;
  bool escaped = false;
  for (char c : body) {
    if (inString) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        inString = false;
    } else if (c == '"') {
      inString = true;
    } else if (c == '{' || c == '[') {
      if (++depth > maxDepth) return false;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return true;
}

}  // namespace

bool decodeHex(std::string_view hex, std::span<std::uint8_t> out) {
  if (hex.size() != out.size() * 2) return false;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const int hi = hexValue(hex[2 * i]);
    const int lo = hexValue(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return false;
    out[i] = static_cast<std::uint8_t>(hi << 4 | lo);
  }
  return true;
}

Result<SignedFile> splitSignedFile(std::string_view file, std::string_view kind, const SignedFileCodes& codes,
                                   std::size_t maxBytes) {
  const Error format = Error::make(codes.format);
  if (file.size() > maxBytes) return Error::make(codes.format, {}, "too large");
  const std::string magic = "GOCUA-" + std::string(kind) + " ";
  if (file.substr(0, magic.size()) != magic) return format;
  file.remove_prefix(magic.size());
  const std::size_t eol = file.find('\n');
  if (eol == std::string_view::npos) return format;
  if (file.substr(0, eol) != std::to_string(kSignedFileVersion)) {
    const std::string_view v = file.substr(0, eol);
    const bool number =
        !v.empty() && v.size() <= 9 && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
    return Error::make(number ? codes.unknownVersion : codes.format);
  }
  file.remove_prefix(eol + 1);
  // body "\n" signature "\n", and nothing after: trailing bytes would be unsigned.
  if (file.size() < kSignatureHexChars + 2 || file.back() != '\n') return format;
  const std::string_view sigHex = file.substr(file.size() - 1 - kSignatureHexChars, kSignatureHexChars);
  const std::string_view rest = file.substr(0, file.size() - 1 - kSignatureHexChars);
  if (rest.back() != '\n') return format;
  SignedFile out;
  out.body = rest.substr(0, rest.size() - 1);
  if (out.body.find('\n') != std::string_view::npos) return format;
  if (!decodeHex(sigHex, out.signature)) return format;
  return out;
}

std::string frameSignedFile(std::string_view kind, std::string_view body, const vault::SecretBytes& signSecret) {
  const vault::Signature sig = vault::sign(body, signSecret);
  std::string out = "GOCUA-" + std::string(kind) + " " + std::to_string(kSignedFileVersion) + "\n";
  out.append(body);
  out.push_back('\n');
  out.append(vault::toHex(sig));
  out.push_back('\n');
  return out;
}

bool verifyBody(std::string_view body, const std::array<std::uint8_t, 64>& signature,
                const std::array<std::uint8_t, 32>& publicKey) {
  return vault::verify(signature, body, publicKey);
}

bool parseCanonicalObject(std::string_view body, std::initializer_list<std::string_view> keys, nlohmann::json& out,
                          int maxDepth, std::initializer_list<std::string_view> optionalKeys) {
  if (!nestingAtMost(body, maxDepth)) return false;
  out = nlohmann::json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
  if (out.is_discarded() || !out.is_object()) return false;
  std::size_t optionalPresent = 0;
  for (std::string_view k : optionalKeys) optionalPresent += out.contains(std::string(k)) ? 1 : 0;
  if (out.size() != keys.size() + optionalPresent) return false;
  for (std::string_view k : keys) {
    if (!out.contains(std::string(k))) return false;
  }
  // Re-dumping must give the signed bytes back: no duplicate keys, no spacing variants, no
  // second spelling of the same content.
  return canonicalDump(out) == body;
}

std::string canonicalDump(const nlohmann::json& body) {
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool isFieldText(std::string_view s) {
  // Bytes bound first (cheap), then characters once the text is known to be UTF-8.
  if (s.size() > kMaxFieldChars * 4) return false;
  return core::isValidUtf8(s) && core::codePointCount(s) <= kMaxFieldChars;
}

bool getString(const nlohmann::json& obj, const char* key, std::string& out) {
  const auto& v = obj.at(key);
  if (!v.is_string()) return false;
  out = v.get<std::string>();
  return isFieldText(out);
}

bool getKey(const nlohmann::json& obj, const char* key, std::array<std::uint8_t, 32>& out) {
  const auto& v = obj.at(key);
  if (!v.is_string()) return false;
  return decodeHex(v.get_ref<const std::string&>(), out);
}

bool getStringList(const nlohmann::json& obj, const char* key, std::size_t maxItems, std::vector<std::string>& out) {
  const auto& v = obj.at(key);
  if (!v.is_array() || v.size() > maxItems) return false;
  out.clear();
  for (const auto& item : v) {
    if (!item.is_string()) return false;
    std::string s = item.get<std::string>();
    if (s.size() > kMaxFieldChars * 4 || !core::isValidUtf8(s) || core::codePointCount(s) > kMaxFieldChars) {
      return false;
    }
    out.push_back(std::move(s));
  }
  return true;
}

bool isCleanLabel(std::string_view s) {
  if (s.empty() || s.find('\n') != std::string_view::npos) return false;
  auto nfc = core::toNfc(s);
  if (!nfc.ok() || *nfc != s) return false;
  auto text = core::normalizeText(s, kMaxFieldChars);
  return text.ok() && *text == s;  // equal means already trimmed, no control or bidi characters
}

bool isUtcTimestamp(std::string_view s) {
  static constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:ddZ";
  if (s.size() != kShape.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (kShape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != kShape[i]) return false;
  }
  return true;
}

}  // namespace gocua::sync::keys_detail
