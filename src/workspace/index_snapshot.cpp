// The sealed copy of what an unlock loads; see index_snapshot.h.
#include "workspace/index_snapshot.h"

#include <zstd.h>

#include <algorithm>
#include <cstdio>
#include <memory>

#include "core/durable_write.h"
#include "vault/primitives.h"
#include "vault/secret.h"
#include "vault/wiping_zstd.h"
#include "workspace/errors.h"
#include "workspace/snapshot_bytes.h"

namespace gocua::workspace::detail {
namespace {

// Binds the sealed stream key to its purpose, so no other sealed value can stand in for it.
constexpr std::string_view kKeyAd = "gocua index snapshot v1";
constexpr std::uint32_t kFormat = 1;
constexpr std::size_t kChunk = 64 * 1024;  // compressed bytes per stream chunk
constexpr std::size_t kSealedKeyBytes = vault::kStreamKeyBytes + vault::RecordCipher::kOverheadBytes;
// Level 1: a third of the size, for a fraction of a stronger level's time at every lock.
constexpr int kZstdLevel = 1;

std::span<const std::uint8_t> keyAd() { return vault::bytesOf(kKeyAd); }

void putApplications(std::string& out, const std::vector<ApplicationInfo>& applications) {
  bytes::put(out, static_cast<std::uint32_t>(applications.size()));
  for (const auto& a : applications) {
    for (const std::string* s : {&a.id, &a.formId, &a.residentId, &a.status, &a.createdAt}) bytes::putText(out, *s);
    bytes::put(out, static_cast<std::uint32_t>(a.formVersion));
    bytes::put(out, static_cast<std::uint32_t>(a.problems));
  }
}

std::vector<ApplicationInfo> readApplications(bytes::Reader& in) {
  std::vector<ApplicationInfo> applications(in.count(5 * 4 + 8));
  for (auto& a : applications) {
    for (std::string* s : {&a.id, &a.formId, &a.residentId, &a.status, &a.createdAt}) *s = in.text();
    a.formVersion = static_cast<int>(in.get<std::uint32_t>());
    a.problems = static_cast<int>(in.get<std::uint32_t>());
  }
  return applications;
}

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

// The file's plaintext, piece by piece: a chunk read, opened, and decompressed into what the
// reader asks for. Any damage ends it early (the reader then sees too few bytes) and is kept.
class PlaintextSource {
 public:
  PlaintextSource(File file, const vault::SecretBytes& key,
                  std::span<const std::uint8_t, vault::kStreamHeaderBytes> header)
      : file_(std::move(file)), zstd_(vault::newWipingZstdDCtx()) {
    ok_ = zstd_ && pull_.init(header, key);
  }
  ~PlaintextSource() { vault::wipe(plain_); }

  // Up to max bytes; 0 at the end or on damage.
  std::size_t read(char* out, std::size_t max) {
    ZSTD_outBuffer o{out, max, 0};
    while (ok_ && o.pos == 0) {
      if (in_.pos == in_.size && !final_ && !nextChunk()) break;
      const auto r = ZSTD_decompressStream(zstd_.get(), &o, &in_);
      if (ZSTD_isError(r)) ok_ = false;
      if (r == 0) frameDone_ = true;  // a call after the end asks for a next frame: not a reset
      if (o.pos == 0 && in_.pos == in_.size && final_) break;  // nothing more will come
    }
    return ok_ ? o.pos : 0;
  }
  // The stream ended where its last chunk said, and the zstd frame with it.
  bool whole() const { return ok_ && final_ && frameDone_ && in_.pos == in_.size; }
  // The plaintext length the zstd frame declares (read from the first chunk); 0 if unknown.
  std::size_t declaredSize() {
    if (!ok_ || (in_.size == 0 && !nextChunk())) return 0;
    const auto n = ZSTD_getFrameContentSize(plain_.data(), in_.size);
    if (n == ZSTD_CONTENTSIZE_ERROR || n == ZSTD_CONTENTSIZE_UNKNOWN) return ok_ = false, 0;
    return static_cast<std::size_t>(n);
  }

 private:
  bool nextChunk() {
    std::uint8_t lengthBytes[4];
    if (std::fread(lengthBytes, 1, 4, file_.get()) != 4) return ok_ = false;
    const std::size_t n =
        lengthBytes[0] | (lengthBytes[1] << 8) | (lengthBytes[2] << 16) | (std::size_t(lengthBytes[3]) << 24);
    if (n <= vault::kStreamOverheadBytes || n > kChunk + vault::kStreamOverheadBytes) return ok_ = false;
    sealed_.resize(n);
    if (std::fread(sealed_.data(), 1, n, file_.get()) != n) return ok_ = false;
    plain_.resize(n - vault::kStreamOverheadBytes);
    auto chunk = pull_.pull(plain_, sealed_, {});
    if (!chunk || chunk->tag == vault::StreamTag::Other) return ok_ = false;
    final_ = chunk->tag == vault::StreamTag::Final;
    in_ = ZSTD_inBuffer{plain_.data(), chunk->length, 0};
    return true;
  }

  File file_;
  vault::WipingZstdDCtx zstd_;  // its window holds the plaintext
  vault::SecretStreamPull pull_;
  std::vector<std::uint8_t> sealed_, plain_;  // plain_: compressed residents' data, wiped
  ZSTD_inBuffer in_{nullptr, 0, 0};
  bool ok_ = false, final_ = false, frameDone_ = false;
};

}  // namespace

Result<RowsFingerprint> rowsFingerprint(store::Repository& repo) {
  vault::Blake2b hash;
  std::string row;  // one row's fields, each with its length first so no split passes for another
  auto st = repo.forEachRowFingerprint([&](std::int64_t seq, const store::RowFacts& facts, auto rowTag, auto sealed) {
    row.clear();
    bytes::put(row, static_cast<std::uint64_t>(seq));
    bytes::put(row, static_cast<std::uint64_t>(facts.revision));
    bytes::putText(row, std::string_view(reinterpret_cast<const char*>(facts.id.data()), facts.id.size()));
    bytes::putText(row, facts.kind);
    bytes::putText(row, facts.syncState);
    bytes::putText(row, std::string_view(reinterpret_cast<const char*>(rowTag.data()), rowTag.size()));
    bytes::put(row, static_cast<std::uint32_t>(sealed.size()));
    hash.update(row).update(sealed);
  });
  if (!st) return st.error();
  return hash.final<32>();
}

std::optional<IndexSnapshot> readIndexSnapshot(const std::filesystem::path& dir, const vault::RecordCipher& cipher) {
  File file(std::fopen((dir / kIndexSnapshotFile).c_str(), "rbe"));
  if (!file) return std::nullopt;
  std::uint8_t head[kSealedKeyBytes + vault::kStreamHeaderBytes];
  if (std::fread(head, 1, sizeof head, file.get()) != sizeof head) return std::nullopt;
  auto keyText = cipher.open(std::span<const std::uint8_t>(head, kSealedKeyBytes), keyAd());
  if (!keyText || keyText->size() != vault::kStreamKeyBytes) return std::nullopt;
  auto key = vault::SecretBytes::copyOf(vault::bytesOf(*keyText));
  vault::wipe(*keyText);
  PlaintextSource source(
      std::move(file), key,
      std::span<const std::uint8_t, vault::kStreamHeaderBytes>(head + kSealedKeyBytes, vault::kStreamHeaderBytes));
  const std::size_t total = source.declaredSize();
  if (total == 0) return std::nullopt;
  bytes::Reader in([&source](char* out, std::size_t max) { return source.read(out, max); }, total);

  if (in.get<std::uint32_t>() != kFormat) return std::nullopt;
  IndexSnapshot snapshot;
  for (auto& b : snapshot.rows) b = in.get<std::uint8_t>();
  snapshot.households = static_cast<std::size_t>(in.get<std::uint64_t>());
  snapshot.applications = readApplications(in);
  auto index = SearchIndex::readFrom(in);
  if (!index || !in.atEnd() || !source.whole()) {
    for (auto& a : snapshot.applications) vault::wipe(a.residentId);
    return std::nullopt;  // the partial index wipes itself
  }
  snapshot.index = std::move(*index);
  return snapshot;
}

Status writeIndexSnapshot(const std::filesystem::path& dir, const vault::RecordCipher& cipher,
                          const RowsFingerprint& rows, const SearchIndex& index,
                          const std::vector<ApplicationInfo>& applications, std::size_t households) {
  std::string plain;
  bytes::put(plain, kFormat);
  bytes::append(plain, reinterpret_cast<const char*>(rows.data()), rows.size());
  bytes::put(plain, static_cast<std::uint64_t>(households));
  putApplications(plain, applications);
  index.writeTo(plain);
  std::string compressed(ZSTD_compressBound(plain.size()), '\0');
  auto cctx = vault::newWipingZstdCCtx();  // ZSTD_compress's own context would be freed unwiped
  if (!cctx) {
    vault::wipe(plain);
    return Error::make(err::kSyncIo, "out", "zstd");
  }
  const auto n =
      ZSTD_compressCCtx(cctx.get(), compressed.data(), compressed.size(), plain.data(), plain.size(), kZstdLevel);
  vault::wipe(plain);
  if (ZSTD_isError(n)) {
    vault::wipe(compressed);
    return Error::make(err::kSyncIo, "out", "zstd");
  }
  compressed.resize(n);

  const auto key = vault::SecretBytes::random(vault::kStreamKeyBytes);
  const auto sealedKey = cipher.seal(key.view(), keyAd());
  vault::SecretStreamPush push;
  const auto header = push.init(key);
  std::string file(reinterpret_cast<const char*>(sealedKey.data()), sealedKey.size());
  file.append(reinterpret_cast<const char*>(header.data()), header.size());
  std::vector<std::uint8_t> out;
  for (std::size_t at = 0; at < compressed.size() || at == 0; at += kChunk) {
    const std::size_t len = std::min(kChunk, compressed.size() - at);
    const bool last = at + len >= compressed.size();
    out.resize(len + vault::kStreamOverheadBytes);
    push.push(out, vault::bytesOf(std::string_view(compressed).substr(at, len)), {},
              last ? vault::StreamTag::Final : vault::StreamTag::Message);
    bytes::put(file, static_cast<std::uint32_t>(out.size()));
    file.append(reinterpret_cast<const char*>(out.data()), out.size());
    if (last) break;
  }
  vault::wipe(compressed);
  // Durable, so that a power cut leaves the old copy or the new one, never a torn one.
  if (core::writeFileDurably(dir / kIndexSnapshotFile, file, core::DurableWrite{.readBack = false, .at = {}}))
    return Error::make(err::kSyncIo, "out", kIndexSnapshotFile);
  return {};
}

}  // namespace gocua::workspace::detail
