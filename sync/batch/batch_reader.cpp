// readBatchHeader and readBatch: the hub's side. Every length and tag comes from an untrusted file,
// so each read is bounded, checks follow the order promised in batch.h, and no record leaves the
// reader before the trailer signature has verified.
#include <zstd.h>

#include <algorithm>
#include <cstring>
#include <istream>
#include <vector>

#include "sync/batch/batch_format.h"
#include "sync/batch/errors.h"
#include "vault/wiping_zstd.h"

namespace gocua::sync {

using namespace batch_detail;

namespace {

// A level-3 writer never needs more than a 2 MiB window; refusing bigger ones keeps a hostile
// frame from making the hub allocate up to zstd's default 128 MiB before the first byte.
constexpr int kMaxWindowLog = 24;

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

// Decompressed records, checked against the caps as they come; on the delivering pass also cut
// into lines for onLine. Only a line that spans two output blocks is copied (into carry_), so the
// plaintext in memory is one output block and one line, whatever the batch's size.
class PlainSink {
 public:
  // onLine null: check only.
  PlainSink(const BatchLimits& limits, const std::function<Status(std::string_view)>* onLine)
      : limits_(limits), onLine_(onLine) {}
  ~PlainSink() {
    vault::wipe(carry_);
    vault::wipe(out_);
  }
  PlainSink(const PlainSink&) = delete;
  PlainSink& operator=(const PlainSink&) = delete;

  bool ready() const { return dctx_.get() != nullptr; }

  void configure() { ZSTD_DCtx_setParameter(dctx_.get(), ZSTD_d_windowLogMax, kMaxWindowLog); }

  Status feed(const std::uint8_t* p, std::size_t n) {
    ZSTD_inBuffer in{p, n, 0};
    // Loop also while output filled up: zstd may hold decoded bytes back for the next call.
    for (;;) {
      ZSTD_outBuffer o{out_.data(), out_.size(), 0};
      const std::size_t before = in.pos;
      const std::size_t ret = ZSTD_decompressStream(dctx_.get(), &o, &in);
      if (ZSTD_isError(ret)) return Error::make(err::kBatchDamaged, {}, ZSTD_getErrorName(ret));
      // An empty call after the frame's end reports "want a new frame header"; only input that
      // was actually consumed can reopen a frame.
      if (ret == 0) {
        frameDone_ = true;
      } else if (in.pos != before) {
        frameDone_ = false;
      }
      GOCUA_TRY(take(o.pos));
      if (in.pos == in.size && o.pos < o.size) return {};
    }
  }

  // The writer ends every record with '\n' and closes the zstd frame.
  bool complete() const { return frameDone_ && lineLength_ == 0; }

 private:
  Status take(std::size_t n) {
    if (n > limits_.maxDecompressedBytes - total_) return Error::make(err::kBatchTooLarge, {}, "decompressed size");
    total_ += n;
    std::string_view block(reinterpret_cast<const char*>(out_.data()), n);
    while (!block.empty()) {
      const std::size_t nl = block.find('\n');
      const std::size_t len = nl == std::string_view::npos ? block.size() : nl;
      if (len > limits_.maxLineBytes - lineLength_) return Error::make(err::kBatchTooLarge, {}, "line length");
      lineLength_ += len;
      if (nl == std::string_view::npos) {
        if (onLine_) carry_.append(block);
        return {};
      }
      if (onLine_) GOCUA_TRY(deliver(block.substr(0, nl)));
      lineLength_ = 0;
      block.remove_prefix(nl + 1);
    }
    return {};
  }

  Status deliver(std::string_view tail) {
    if (carry_.empty()) return (*onLine_)(tail);
    carry_.append(tail);
    auto st = (*onLine_)(carry_);
    vault::wipe(carry_);
    return st;
  }

  BatchLimits limits_;
  const std::function<Status(std::string_view)>* onLine_;
  vault::WipingZstdDCtx dctx_ = vault::newWipingZstdDCtx();  // its window holds the records
  std::string carry_;
  std::vector<std::uint8_t> out_ = std::vector<std::uint8_t>(ZSTD_DStreamOutSize());
  std::size_t total_ = 0;
  std::size_t lineLength_ = 0;
  bool frameDone_ = false;
};

// Opens the chunks of one pass in file order: authenticates each in its place in the stream,
// checks its tag and feeds its plaintext to the sink.
class ChunkOpener {
 public:
  ChunkOpener(const BatchLimits& limits, const std::function<Status(std::string_view)>* onLine,
              std::span<const std::uint8_t> headerHash)
      : sink_(limits, onLine), headerHash_(headerHash) {}
  ~ChunkOpener() { vault::wipe(plain_); }
  ChunkOpener(const ChunkOpener&) = delete;
  ChunkOpener& operator=(const ChunkOpener&) = delete;

  Status init(std::span<const std::uint8_t, kStreamHeaderBytes> streamHeader, const vault::SecretBytes& fileKey) {
    if (!sink_.ready()) return Error::make(err::kBatchCrypto, {}, "ZSTD_createDCtx");
    sink_.configure();
    if (!stream_.init(streamHeader, fileKey)) return Error::make(err::kBatchDamaged, {}, "stream header");
    return {};
  }

  // True after the final chunk.
  Result<bool> open(std::span<const std::uint8_t> cipher) {
    const auto chunk = stream_.pull(plain_, cipher, first_ ? headerHash_ : std::span<const std::uint8_t>());
    first_ = false;
    if (!chunk) return Error::make(err::kBatchDamaged, {}, "chunk authentication");
    const bool final = chunk->tag == vault::StreamTag::Final;
    // Only full MESSAGE chunks and one FINAL are written; anything else is not ours.
    if (!final && (chunk->tag != vault::StreamTag::Message || chunk->length != kChunkPlainBytes)) {
      return Error::make(err::kBatchDamaged, {}, "chunk tag");
    }
    GOCUA_TRY(sink_.feed(plain_.data(), chunk->length));
    return final;
  }

  bool complete() const { return sink_.complete(); }

 private:
  vault::SecretStreamPull stream_;  // wipes its state on every way out
  PlainSink sink_;
  std::vector<std::uint8_t> plain_ = std::vector<std::uint8_t>(kChunkPlainBytes);
  std::span<const std::uint8_t> headerHash_;
  bool first_ = true;
};

}  // namespace

Result<BatchHeader> readBatchHeader(std::istream& in) {
  if (!vault::init().ok()) return Error::make(err::kBatchCrypto, {}, "sodium_init");
  HashedInput hashed(in);
  auto vh = readVerifiedHeader(hashed);
  if (!vh.ok()) return vh.error();
  return std::move(vh->header);
}

// Two passes over the chunks. The first reads the file, authenticates and decompresses every chunk
// against the caps and verifies the trailer, keeping only the ciphertext (a fifth of the NDJSON);
// the second decrypts and decompresses the kept chunks again and hands each line to onLine as it
// comes. So nothing reaches onLine from a file that fails anywhere, errors come in file order as
// before, and the plaintext is never held whole (a 100,000-record batch: 23 MB of NDJSON).
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
  const auto headerHash = vault::blake2b256(vh->bytes);

  // The chunks as in the file (length, ciphertext), kept for the second pass.
  std::vector<std::uint8_t> chunks;
  {
    ChunkOpener checker(limits, nullptr, headerHash);
    GOCUA_TRY(checker.init(streamHeader, fileKey));
    for (bool final = false; !final;) {
      std::array<std::uint8_t, kChunkLengthBytes> len{};
      if (hashed.read(len.data(), len.size()) < len.size()) return truncated("chunk length");
      const std::uint32_t clen = getU32(len.data());
      if (clen < kChunkOverhead || clen > kChunkPlainBytes + kChunkOverhead) {
        return Error::make(err::kBatchDamaged, {}, "chunk length");
      }
      const std::size_t at = chunks.size();
      chunks.resize(at + len.size() + clen);
      std::copy(len.begin(), len.end(), chunks.begin() + static_cast<std::ptrdiff_t>(at));
      std::uint8_t* cipher = chunks.data() + at + len.size();
      if (hashed.read(cipher, clen) < clen) return truncated("chunk");
      auto opened = checker.open({cipher, clen});
      if (!opened) return opened.error();
      final = *opened;
    }
    if (!checker.complete()) return Error::make(err::kBatchDamaged, {}, "payload incomplete");
  }

  const auto digest = hashed.digest();
  std::array<std::uint8_t, kSignatureBytes> trailer{};
  in.read(reinterpret_cast<char*>(trailer.data()), static_cast<std::streamsize>(trailer.size()));
  if (static_cast<std::size_t>(in.gcount()) < trailer.size()) return truncated("trailer");
  if (in.peek() != std::char_traits<char>::eof()) return Error::make(err::kBatchTrailingData);
  if (!vault::verify(trailer, digest, vh->header.deviceId)) {
    return Error::make(err::kBatchBadSignature, {}, "trailer");
  }

  ChunkOpener reader(limits, &onLine, headerHash);
  GOCUA_TRY(reader.init(streamHeader, fileKey));
  for (std::size_t pos = 0; pos < chunks.size();) {
    const std::uint32_t clen = getU32(chunks.data() + pos);
    pos += kChunkLengthBytes;
    auto opened = reader.open({chunks.data() + pos, clen});
    if (!opened) return opened.error();
    pos += clen;
  }
  return {};
}

}  // namespace gocua::sync
