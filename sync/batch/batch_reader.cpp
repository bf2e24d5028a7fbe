// readBatchHeader and readBatch: the hub's side. Every length and tag comes from an untrusted file,
// so each read is bounded, checks follow the order promised in batch.h, and decompressed records
// stay in one wiped buffer until the trailer signature has verified.
#include <zstd.h>

#include <algorithm>
#include <cstring>
#include <istream>
#include <vector>

#include "sync/batch/batch_format.h"
#include "sync/batch/errors.h"

namespace gocua::sync {

using namespace batch_detail;

namespace {

// A level-3 writer never needs more than a 2 MiB window; refusing bigger ones keeps a hostile
// frame from making the hub allocate up to zstd's default 128 MiB before the first byte.
constexpr int kMaxWindowLog = 24;

struct ZstdDCtx {
  ZSTD_DCtx* ctx = ZSTD_createDCtx();
  ZstdDCtx() = default;
  ZstdDCtx(const ZstdDCtx&) = delete;
  ZstdDCtx& operator=(const ZstdDCtx&) = delete;
  ~ZstdDCtx() { ZSTD_freeDCtx(ctx); }
};

// Reads from the stream and feeds the file hash, so the trailer check covers exactly the bytes
// that were parsed.
class HashedInput {
 public:
  explicit HashedInput(std::istream& in) : in_(in) {}

  // Returns how many bytes were read; fewer than n means the file ended.
  std::size_t read(std::uint8_t* p, std::size_t n) {
    in_.read(reinterpret_cast<char*>(p), static_cast<std::streamsize>(n));
    const auto got = static_cast<std::size_t>(in_.gcount());
    hash_.update({p, got});
    return got;
  }

  std::array<std::uint8_t, vault::kHashMaxBytes> digest() { return hash_.final<vault::kHashMaxBytes>(); }

 private:
  std::istream& in_;
  vault::Blake2b hash_{vault::kHashMaxBytes};
};

Error truncated(const char* where) { return Error::make(err::kBatchTruncated, {}, where); }

struct VerifiedHeader {
  BatchHeader header;
  HeaderBytes bytes;
};

Result<VerifiedHeader> readVerifiedHeader(HashedInput& in) {
  HeaderBytes hb{};
  const std::size_t got = in.read(hb.data(), hb.size());
  if (got < hb.size()) {
    const std::size_t n = std::min(got, kMagic.size());
    if (!std::equal(hb.begin(), hb.begin() + static_cast<std::ptrdiff_t>(n), kMagic.begin()) || got < kMagic.size()) {
      return Error::make(err::kBatchFormat, {}, "short header");
    }
    return truncated("header");
  }
  auto header = decodeHeader(hb);
  if (!header.ok()) return header.error();
  std::array<std::uint8_t, kSignatureBytes> sig{};
  if (in.read(sig.data(), sig.size()) < sig.size()) return truncated("header signature");
  if (!vault::verify(sig, hb, header->deviceId)) {
    return Error::make(err::kBatchBadSignature, {}, "header");
  }
  return VerifiedHeader{std::move(header).value(), hb};
}

// Decompressed records, held until the trailer verifies. Caps are checked before each append.
class PlainSink {
 public:
  explicit PlainSink(const BatchLimits& limits) : limits_(limits) {}
  ~PlainSink() {
    vault::wipe(data_);
    vault::wipe(out_);
  }
  PlainSink(const PlainSink&) = delete;
  PlainSink& operator=(const PlainSink&) = delete;

  bool ready() const { return dctx_.ctx != nullptr; }

  void configure() { ZSTD_DCtx_setParameter(dctx_.ctx, ZSTD_d_windowLogMax, kMaxWindowLog); }

  Status feed(const std::uint8_t* p, std::size_t n) {
    ZSTD_inBuffer in{p, n, 0};
    // Loop also while output filled up: zstd may hold decoded bytes back for the next call.
    for (;;) {
      ZSTD_outBuffer o{out_.data(), out_.size(), 0};
      const std::size_t before = in.pos;
      const std::size_t ret = ZSTD_decompressStream(dctx_.ctx, &o, &in);
      if (ZSTD_isError(ret)) return Error::make(err::kBatchDamaged, {}, ZSTD_getErrorName(ret));
      // An empty call after the frame's end reports "want a new frame header"; only input that
      // was actually consumed can reopen a frame.
      if (ret == 0) {
        frameDone_ = true;
      } else if (in.pos != before) {
        frameDone_ = false;
      }
      GOCUA_TRY(append(o.pos));
      if (in.pos == in.size && o.pos < o.size) return {};
    }
  }

  // The writer ends every record with '\n' and closes the zstd frame.
  bool complete() const { return frameDone_ && (data_.empty() || data_.back() == '\n'); }

  Status deliver(const std::function<Status(std::string_view)>& onLine) const {
    std::string_view rest = data_;
    while (!rest.empty()) {
      const std::size_t nl = rest.find('\n');
      GOCUA_TRY(onLine(rest.substr(0, nl)));
      rest.remove_prefix(nl + 1);
    }
    return {};
  }

 private:
  Status append(std::size_t n) {
    if (n > limits_.maxDecompressedBytes - data_.size()) {
      return Error::make(err::kBatchTooLarge, {}, "decompressed size");
    }
    const char* p = reinterpret_cast<const char*>(out_.data());
    for (std::size_t i = 0; i < n; ++i) {
      if (p[i] == '\n') {
        lineLength_ = 0;
      } else if (++lineLength_ > limits_.maxLineBytes) {
        return Error::make(err::kBatchTooLarge, {}, "line length");
      }
    }
    // Grow by doubling within the cap so the buffer is not reallocated (and old copies left
    // unwiped) on every chunk.
    if (data_.size() + n > data_.capacity()) {
      std::string bigger;
      bigger.reserve(std::min(limits_.maxDecompressedBytes, std::max(data_.capacity() * 2, data_.size() + n)));
      bigger.assign(data_);
      vault::wipe(data_);
      data_ = std::move(bigger);
    }
    data_.append(p, n);
    return {};
  }

  BatchLimits limits_;
  ZstdDCtx dctx_;
  std::string data_;
  std::vector<std::uint8_t> out_ = std::vector<std::uint8_t>(ZSTD_DStreamOutSize());
  std::size_t lineLength_ = 0;
  bool frameDone_ = false;
};

}  // namespace

Result<BatchHeader> readBatchHeader(std::istream& in) {
  if (!vault::init().ok()) return Error::make(err::kBatchCrypto, {}, "sodium_init");
  HashedInput hashed(in);
  auto vh = readVerifiedHeader(hashed);
  if (!vh.ok()) return vh.error();
  return std::move(vh->header);
}

Status readBatch(std::istream& in, const HubKeys& hub, const std::function<Status(std::string_view line)>& onLine,
                 BatchLimits limits) {
  if (!vault::init().ok()) return Error::make(err::kBatchCrypto, {}, "sodium_init");
  HashedInput hashed(in);
  auto vh = readVerifiedHeader(hashed);
  if (!vh.ok()) return vh.error();

  std::array<std::uint8_t, kSealedKeyBytes> sealed{};
  if (hashed.read(sealed.data(), sealed.size()) < sealed.size()) return truncated("file key");
  vault::SecretBytes fileKey(kFileKeyBytes);
  if (!vault::openSealedBox({fileKey.data(), fileKey.size()}, sealed, hub)) {
    return Error::make(err::kBatchNotForThisHub);
  }

  std::array<std::uint8_t, kStreamHeaderBytes> streamHeader{};
  if (hashed.read(streamHeader.data(), streamHeader.size()) < streamHeader.size()) {
    return truncated("stream header");
  }
  vault::SecretStreamPull stream;  // wipes its state on every way out
  if (!stream.init(streamHeader, fileKey)) {
    return Error::make(err::kBatchDamaged, {}, "stream header");
  }

  const auto headerHash = vault::blake2b256(vh->bytes);

  PlainSink sink(limits);
  if (!sink.ready()) return Error::make(err::kBatchCrypto, {}, "ZSTD_createDCtx");
  sink.configure();
  std::vector<std::uint8_t> cipher;
  std::vector<std::uint8_t> plain(kChunkPlainBytes);
  struct PlainWiper {
    std::vector<std::uint8_t>& v;
    ~PlainWiper() { vault::wipe(v); }
  } plainWiper{plain};

  for (bool first = true;; first = false) {
    std::array<std::uint8_t, kChunkLengthBytes> len{};
    if (hashed.read(len.data(), len.size()) < len.size()) return truncated("chunk length");
    const std::uint32_t clen = getU32(len.data());
    if (clen < kChunkOverhead || clen > kChunkPlainBytes + kChunkOverhead) {
      return Error::make(err::kBatchDamaged, {}, "chunk length");
    }
    cipher.resize(clen);
    if (hashed.read(cipher.data(), clen) < clen) return truncated("chunk");
    const auto chunk =
        stream.pull(plain, cipher, first ? std::span<const std::uint8_t>(headerHash) : std::span<const std::uint8_t>());
    if (!chunk) return Error::make(err::kBatchDamaged, {}, "chunk authentication");
    const bool final = chunk->tag == vault::StreamTag::Final;
    // Only full MESSAGE chunks and one FINAL are written; anything else is not ours.
    if (!final && (chunk->tag != vault::StreamTag::Message || chunk->length != kChunkPlainBytes)) {
      return Error::make(err::kBatchDamaged, {}, "chunk tag");
    }
    GOCUA_TRY(sink.feed(plain.data(), chunk->length));
    if (final) break;
  }
  if (!sink.complete()) return Error::make(err::kBatchDamaged, {}, "payload incomplete");

  const auto digest = hashed.digest();
  std::array<std::uint8_t, kSignatureBytes> trailer{};
  in.read(reinterpret_cast<char*>(trailer.data()), static_cast<std::streamsize>(trailer.size()));
  if (static_cast<std::size_t>(in.gcount()) < trailer.size()) return truncated("trailer");
  if (in.peek() != std::char_traits<char>::eof()) return Error::make(err::kBatchTrailingData);
  if (!vault::verify(trailer, digest, vh->header.deviceId)) {
    return Error::make(err::kBatchBadSignature, {}, "trailer");
  }
  return sink.deliver(onLine);
}

}  // namespace gocua::sync
