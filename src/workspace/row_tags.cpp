// Row tags over the plaintext columns of each record; see row_tags.h.
#include "workspace/row_tags.h"

#include <charconv>

#include "core/record_id.h"
#include "core/text.h"
#include "vault/primitives.h"
#include "vault/secret.h"
#include "workspace/errors.h"
#include "workspace/records_internal.h"

namespace gocua::workspace::detail {
namespace {

constexpr const char* kMetaRowsMarker = "integrity.rows";
constexpr std::string_view kMarkerAd = "gocua integrity rows v1";

std::span<const std::uint8_t> bytesOf(std::string_view s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

void appendNumber(std::string& out, std::int64_t n) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  out.append(digits, end);
}

// The facts a tag covers, length-prefixed so no two different rows give the same bytes:
// "gocua row v1\n" len(id) ":" id revision ";" len(kind) ":" kind len(state) ":" state.
std::string rowFacts(const store::RowFacts& f) {
  std::string out;
  out.reserve(64 + f.id.size() + f.kind.size() + f.syncState.size());
  out += "gocua row v1\n";
  appendNumber(out, static_cast<std::int64_t>(f.id.size()));
  out += ':';
  out.append(reinterpret_cast<const char*>(f.id.data()), f.id.size());
  appendNumber(out, f.revision);
  out += ';';
  appendNumber(out, static_cast<std::int64_t>(f.kind.size()));
  out += ':';
  out += f.kind;
  appendNumber(out, static_cast<std::int64_t>(f.syncState.size()));
  out += ':';
  out += f.syncState;
  return out;
}

std::string place(std::span<const std::uint8_t> id) {
  auto rid = toRecordId(id);
  return "record " + (rid ? core::formatRecordId(*rid) : std::string("?"));
}

}  // namespace

store::Bytes rowTag(const vault::RecordCipher& cipher, const store::RowFacts& facts) {
  const auto tag = cipher.factsTag(bytesOf(rowFacts(facts)));
  return store::Bytes(tag.begin(), tag.end());
}

bool rowTagMatches(const vault::RecordCipher& cipher, const store::RowFacts& facts, std::span<const std::uint8_t> tag) {
  const std::string bytes = rowFacts(facts);
  if (tag.size() == kRowTagBytes) return vault::constantTimeEqual(tag, cipher.factsTag(bytesOf(bytes)));
  // A row last written before tags were keyed hashes: a seal of nothing with the facts as
  // associated data. It stays valid until the row is next written.
  return tag.size() == vault::RecordCipher::kOverheadBytes && cipher.open(tag, bytesOf(bytes)).ok();
}

Status writeRowsMarker(store::Repository& repo, const vault::RecordCipher& cipher) {
  return repo.setMeta(kMetaRowsMarker, vault::toHex(cipher.seal(std::string_view("1"), bytesOf(kMarkerAd))));
}

Result<bool> rowsMarker(store::Repository& repo, const vault::RecordCipher& cipher) {
  auto hex = repo.meta(kMetaRowsMarker);
  if (!hex) return hex.error();
  if (!*hex) return false;
  auto sealed = vault::fromHex(**hex);
  if (!sealed || !cipher.open(*sealed, bytesOf(kMarkerAd)))
    return Error::make(err::kWorkspaceDamaged, "", "integrity marker");
  return true;
}

Status tagLegacyRows(store::Repository& repo, const vault::RecordCipher& cipher, bool legacyAllowed) {
  auto marked = rowsMarker(repo, cipher);
  if (!marked || *marked || !legacyAllowed) return {};
  std::vector<std::pair<store::Bytes, store::Bytes>> tags;
  GOCUA_TRY(repo.forEachRowTag([&](const store::RowFacts& f, std::span<const std::uint8_t> tag) -> Status {
    if (tag.empty()) tags.emplace_back(store::Bytes(f.id.begin(), f.id.end()), rowTag(cipher, f));
    return {};
  }));
  for (const auto& [id, tag] : tags) GOCUA_TRY(repo.setRowTag(id, tag));
  return writeRowsMarker(repo, cipher);
}

Result<RowTagDamage> findRowTagDamage(store::Repository& repo, const vault::RecordCipher& cipher, std::size_t limit,
                                      bool purgedOnly) {
  RowTagDamage out;
  GOCUA_TRY(repo.forEachRowTag(
      [&](const store::RowFacts& f, std::span<const std::uint8_t> tag) -> Status {
        if (rowTagMatches(cipher, f, tag)) return {};
        if (out.places.size() < limit) out.places.push_back(place(f.id));
        ++out.count;
        return {};
      },
      purgedOnly));
  return out;
}

Status checkRowTags(store::Repository& repo, const vault::RecordCipher& cipher, bool purgedOnly) {
  auto marked = rowsMarker(repo, cipher);
  if (!marked) return marked.error();
  if (!*marked) return Error::make(err::kWorkspaceDamaged, "", "integrity marker");
  auto damage = findRowTagDamage(repo, cipher, 1, purgedOnly);
  if (!damage) return damage.error();
  if (damage->count > 0) return Error::make(err::kWorkspaceDamaged, "", damage->places.front());
  return {};
}

}  // namespace gocua::workspace::detail
