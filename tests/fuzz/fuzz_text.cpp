// libFuzzer target for the core text parsers: every function that takes residents' typing or
// imported bytes must neither crash nor break its own invariants on arbitrary input.
// Build (not wired into CMake by default):
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc tests/fuzz/fuzz_text.cpp
//     src/core/text.cpp src/core/date.cpp src/core/phone.cpp src/core/personal_id.cpp -lutf8proc
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/personal_id.h"
#include "core/phone.h"
#include "core/text.h"

using namespace gocua::core;

// Invariants are checked with abort() so they fire in release builds too; the line says which.
#define require(cond)                                                             \
  do {                                                                            \
    if (!(cond)) {                                                                \
      std::fprintf(stderr, "invariant failed at line %d: %s\n", __LINE__, #cond); \
      std::abort();                                                               \
    }                                                                             \
  } while (0)

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const bool valid = isValidUtf8(in);

  auto nfc = toNfc(in);
  require(nfc.ok() == valid);
  if (nfc.ok()) {
    require(isValidUtf8(nfc.value()));
    require(toNfc(nfc.value()).value() == nfc.value());  // NFC is idempotent
  }

  const std::string key = foldKey(in);
  require(isValidUtf8(key));
  if (!valid) require(key.empty());
  if (valid) {
    require(foldKey(key) == key);  // folding a key changes nothing
    require(foldKey(nfc.value()) == key);
    require(key.empty() || (key.front() != ' ' && key.back() != ' '));
  }

  auto name = normalizeName(in);
  if (name.ok()) {
    require(!name.value().empty());
    require(normalizeName(name.value()).value() == name.value());
    require(codePointCount(name.value()) <= 100);
  }
  auto text = normalizeText(in, 200);
  if (text.ok()) require(normalizeText(text.value(), 200).value() == text.value());

  for (auto precision : {DatePrecision::Day, DatePrecision::Month, DatePrecision::Year}) {
    auto date = parseDate(in, precision);
    if (date.ok()) {
      require(date->precision() >= precision);
      auto again = parseDate(formatDate(date.value()), precision);
      require(again.ok() && again.value() == date.value());
      (void)ageOn(date.value(), Date{2025, 7, 1});
      (void)daysBetween(date.value(), Date{2025, 7, 1});
    }
  }

  auto phone = normalizePhone(in);
  if (phone.ok()) {
    require(phone->size() == 10 && !carrierOf(phone.value()).empty());
    require(normalizePhone(phone.value()).value() == phone.value());
  }

  const Date birth{1900 + static_cast<int>(size % 300), 0, 0};
  const Sex sex = size % 2 ? Sex::Female : Sex::Male;
  (void)validatePersonalId(in);
  (void)validatePersonalId(in, birth, sex);
  (void)birthProvinceName(in);
  (void)parseSex(in);
  return 0;
}
