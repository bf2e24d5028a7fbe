// releaseFreedMemory really hands freed heap pages back to the system (it was once compiled to
// nothing: the glibc test ran before any header had defined __GLIBC__).
#include "ui/model/release_memory.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <vector>

#include <doctest/doctest.h>

// Under AddressSanitizer its own allocator holds the memory: nothing to see there.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GOCUA_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define GOCUA_ASAN 1
#endif

#if defined(__GLIBC__) && !defined(GOCUA_ASAN)

namespace {

long residentKiB() {
  std::ifstream statm("/proc/self/statm");
  long size = 0, resident = 0;
  statm >> size >> resident;
  return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

}  // namespace

TEST_CASE("releaseFreedMemory returns freed heap pages that glibc would otherwise keep") {
  // 64 MiB in small blocks (a list of residents), every 512th kept in use: the freed runs sit
  // between blocks still held, so glibc cannot shrink the heap by itself.
  std::vector<char*> blocks;
  blocks.reserve(256 * 1024);
  for (int i = 0; i < 256 * 1024; ++i) {
    blocks.push_back(static_cast<char*>(std::malloc(256)));
    std::memset(blocks.back(), 1, 256);
  }
  std::vector<char*> kept;
  for (std::size_t i = 0; i < blocks.size(); ++i) (i % 512 == 511 ? kept.push_back(blocks[i]) : std::free(blocks[i]));
  const long before = residentKiB();
  gocua::ui::releaseFreedMemory();
  const long after = residentKiB();
  INFO("resident before " << before << " KiB, after " << after << " KiB");
  CHECK(before - after > 32 * 1024);
  for (char* b : kept) std::free(b);
}
#endif
