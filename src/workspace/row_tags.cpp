// Row tags over the plaintext columns of each record; see row_tags.h.
#include "workspace/row_tags.h"

#include "core/record_id.h"
#include "core/text.h"
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

// Length-prefixed, so no two different rows give the same associated data.
std::string rowAd(const store::RowFacts& f) {
  std::string ad = "gocua row v1\n";
  ad += std::to_string(f.id.size()) + ":";
  ad.append(reinterpret_cast<const char*>(f.id.data()), f.id.size());
  ad += std::to_string(f.revision) + ";" + std::to_string(f.kind.size()) + ":" + std::string(f.kind);
  ad += std::to_string(f.syncState.size()) + ":" + std::string(f.syncState);
  return ad;
}

std::string place(std::span<const std::uint8_t> id) {
  auto rid = toRecordId(id);
  return "record " + (rid ? core::formatRecordId(*rid) : std::string("?"));
}

}  // namespace

store::Bytes rowTag(const vault::RecordCipher& cipher, const store::RowFacts& facts) {
  return cipher.seal(std::string_view(), bytesOf(rowAd(facts)));
}

bool rowTagMatches(const vault::RecordCipher& cipher, const store::RowFacts& facts, std::span<const std::uint8_t> tag) {
  return !tag.empty() && cipher.open(tag, bytesOf(rowAd(facts))).ok();
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
