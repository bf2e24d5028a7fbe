// Little-endian fields appended to a byte string, and read back with bounds checks from a string
// or from a stream that arrives in pieces: the format of the sealed index copy
// (index_snapshot.h). Plain integers and length-prefixed strings only.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "vault/secret.h"

namespace gocua::workspace::bytes {

// Every append makes room with vault::reserveWiping: the bytes are residents' data, and an append
// that outgrows the capacity would free the old copy unwiped.
inline void append(std::string& out, const char* data, std::size_t size) {
  vault::reserveWiping(out, out.size() + size);
  out.append(data, size);
}

template <class T>
void put(std::string& out, T value) {
  static_assert(std::is_unsigned_v<T>);
  char little[sizeof(T)];
  for (std::size_t i = 0; i < sizeof(T); ++i) little[i] = static_cast<char>((value >> (8 * i)) & 0xff);
  append(out, little, sizeof(T));
}

// An array of plain little-endian structs as it lies in memory (no padding: see its users).
template <class T>
void putArray(std::string& out, const std::vector<T>& items) {
  static_assert(std::is_trivially_copyable_v<T> && std::has_unique_object_representations_v<T>);
  static_assert(std::endian::native == std::endian::little);
  put(out, static_cast<std::uint32_t>(items.size()));
  if (!items.empty()) append(out, reinterpret_cast<const char*>(items.data()), items.size() * sizeof(T));
}

inline void putText(std::string& out, std::string_view text) {
  put(out, static_cast<std::uint32_t>(text.size()));
  append(out, text.data(), text.size());
}

// Reads from the front. Every read after a failed one fails too, so a caller checks ok() once at
// the end instead of after each field.
class Reader {
 public:
  // Fills out with up to max more bytes; 0 at the end (or on damage, after calling fail()).
  using Source = std::function<std::size_t(char* out, std::size_t max)>;
  // The longest text a streamed reader takes; longer is damage.
  static constexpr std::size_t kMaxText = 64 * 1024;

  explicit Reader(std::string_view whole) : view_(whole), total_(whole.size()) {}
  // total: how many bytes the source will give in all (it bounds counts, as for a whole string).
  Reader(Source source, std::size_t total) : source_(std::move(source)), window_(4 * kMaxText), total_(total) {}
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;
  ~Reader() { vault::wipe(window_.data(), window_.size()); }  // it held residents' data

  template <class T>
  T get() {
    static_assert(std::is_unsigned_v<T>);
    const char* p = take(sizeof(T));
    if (!p) return 0;
    T value = 0;
    for (std::size_t i = 0; i < sizeof(T); ++i) value |= static_cast<T>(static_cast<unsigned char>(p[i])) << (8 * i);
    return value;
  }
  std::string text() {
    const auto n = get<std::uint32_t>();
    if (source_ && n > kMaxText) return fail(), std::string();
    const char* p = take(n);
    return p ? std::string(p, n) : std::string();
  }
  // A count of items each at least itemBytes long: refused when the rest cannot hold them, so a
  // damaged count cannot make the caller reserve gigabytes.
  std::size_t count(std::size_t itemBytes) {
    const auto n = get<std::uint32_t>();
    if (itemBytes && n > (total_ - consumed()) / itemBytes) ok_ = false;
    return ok_ ? n : 0;
  }
  // What putArray wrote; the caller checks each item's values.
  template <class T>
  std::vector<T> array() {
    static_assert(std::is_trivially_copyable_v<T> && std::has_unique_object_representations_v<T>);
    std::vector<T> items(count(sizeof(T)));
    auto* out = reinterpret_cast<char*>(items.data());
    std::size_t n = items.size() * sizeof(T);
    while (n > 0 && ok_) {
      if (at_ == view_.size() && !refill(1)) return ok_ = false, std::vector<T>();
      const std::size_t k = std::min(view_.size() - at_, n);
      std::memcpy(out, view_.data() + at_, k);
      at_ += k;
      out += k;
      n -= k;
    }
    return items;
  }
  bool ok() const { return ok_; }
  // Everything read, and nothing left over.
  bool atEnd() {
    if (!ok_ || consumed() != total_) return false;
    if (!source_) return true;
    char extra;
    return source_(&extra, 1) == 0 && ok_;
  }
  void fail() { ok_ = false; }

 private:
  std::size_t consumed() const { return before_ + at_; }
  // n bytes from the front, or nullptr (and failed).
  const char* take(std::size_t n) {
    if (!ok_) return nullptr;
    if (n > view_.size() - at_ && !refill(n)) return ok_ = false, nullptr;
    const char* p = view_.data() + at_;
    at_ += n;
    return p;
  }
  // Moves what is left to the window's front and reads until n bytes are there.
  bool refill(std::size_t n) {
    if (!source_ || n > window_.size()) return false;
    const std::size_t left = view_.size() - at_;
    if (left > 0) std::memmove(window_.data(), view_.data() + at_, left);  // the first view is empty (null)
    before_ += at_;
    at_ = 0;
    std::size_t have = left;
    while (have < n) {
      const std::size_t got = source_(window_.data() + have, window_.size() - have);
      if (got == 0) break;
      have += got;
    }
    view_ = std::string_view(window_.data(), have);
    return have >= n && ok_;
  }

  Source source_;
  std::vector<char> window_;
  std::string_view view_;
  std::size_t at_ = 0, before_ = 0, total_ = 0;
  bool ok_ = true;
};

}  // namespace gocua::workspace::bytes
