// libFuzzer target for the hub's key backup file (hub::parseBackupFile, the part of `gocua-hub keys
// restore` that reads the file before any passphrase is tried): arbitrary bytes are refused with
// hub.bad_backup, never a crash or an exception ("format":"1" once aborted the restore). Build by
// hand, e.g.
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc -I. tests/fuzz/fuzz_hub_backup.cpp
//     sync/hub/backup_file.cpp src/core/*.cpp ... -o fuzz_hub_backup
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "sync/hub/backup_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto fields = gocua::hub::parseBackupFile(text);
  if (!fields.ok() && fields.error().code != "hub.bad_backup") std::abort();
  if (fields.ok() &&
      (fields->signPublic.size() != 32 || fields->boxPublic.size() != 32 || fields->recoveryPublic.size() != 32))
    std::abort();
  return 0;
}
