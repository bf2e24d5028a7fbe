// libFuzzer target for resident and household JSON records (the `resident add/import` input and
// the body format stored in the workspace): any bytes must give a value or errors, never a crash,
// and a resident that parses must survive toJson → parse unchanged.
// Build: clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc tests/fuzz/fuzz_resident.cpp
//          src/core/*.cpp -lutf8proc   (plus a generated catalog, or link build/src/core/libgocua_core.a)
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "core/resident.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gocua::core;
  auto j = nlohmann::json::parse(data, data + size, nullptr, false);
  if (j.is_discarded()) return 0;
  const Date today{2026, 11, 23};
  gocua::Errors problems;
  if (auto r = parseResident(j, today, &problems)) {
    gocua::Errors again;
    auto back = parseResident(toJson(*r), today, &again);
    if (!back || toJson(*back) != toJson(*r)) {
      std::fprintf(stderr, "resident did not survive a round trip\n");
      std::abort();
    }
  } else if (problems.empty()) {
    std::fprintf(stderr, "a refused resident must list its problems\n");
    std::abort();
  }
  (void)parseHousehold(j, &problems);
  return 0;
}
