// Every declared error code of every module, read from the errors.h files themselves (so a new
// module's codes are checked without being listed anywhere): one declaration per line, unique,
// with Vietnamese and English text, and mapped to the exit code its kind promises.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "../catalog_check.h"
#include "cli/errors.h"
#include "cli/output.h"
#include "core/errors.h"
#include "hub_cli/errors.h"
#include "store/errors.h"
#include "sync/hub/errors.h"
#include "vault/errors.h"
#include "workspace/errors.h"

using namespace gocua;

namespace {

struct Declared {
  std::string header;
  std::string code;
  std::string kind;
};

// Each errors.h below src/ and sync/, every line that declares an ErrorCode.
std::vector<Declared> declaredCodes() {
  static const std::regex kLine(R"re(^inline constexpr ErrorCode k\w+\{"([a-z0-9_.]+)", ErrorKind::(\w+)\};$)re");
  std::vector<Declared> out;
  for (const char* dir : {"src", "sync"}) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(std::string(GOCUA_SOURCE_DIR) + "/" + dir)) {
      if (e.path().filename() != "errors.h") continue;
      std::ifstream in(e.path());
      for (std::string line; std::getline(in, line);) {
        if (line.find("ErrorCode k") == std::string::npos) continue;
        std::smatch m;
        INFO(e.path().string() << ": " << line);
        REQUIRE(std::regex_match(line, m, kLine));  // a declaration this test could not read
        out.push_back({e.path().string(), m[1], m[2]});
      }
    }
  }
  return out;
}

}  // namespace

TEST_CASE("every declared error code is unique and has Vietnamese and English text") {
  const std::vector<std::string> kinds = {"Invalid", "Locked", "Duplicate", "Conflict", "NotFound", "Refused",
                                          "Damaged", "Io",     "Busy",      "Internal", "Revoked"};
  std::map<std::string, std::string> seen;
  const auto declared = declaredCodes();
  for (const Declared& d : declared) {
    INFO(d.header << ": " << d.code);
    CHECK(seen.emplace(d.code, d.header).second);
    CHECK(std::find(kinds.begin(), kinds.end(), d.kind) != kinds.end());
    checkCatalogCoversErrors(std::array{d.code});
  }
  CHECK(declared.size() > 150);
}

TEST_CASE("the code reader sees the constants the modules compile") {
  const auto declared = declaredCodes();
  for (const ErrorCode& c : {err::kPersonalIdFormat, err::kVaultWrongPassphrase, err::kHubNoPassphrase,
                             err::kCliNoPassphrase, err::kStoreIo, err::kSyncRevoked}) {
    INFO(c.code);
    CHECK(std::any_of(declared.begin(), declared.end(), [&](const Declared& d) { return d.code == c.code; }));
  }
}

TEST_CASE("exit codes follow the kind, whatever the code is called") {
  const ErrorCode invalid{"x.renamed", ErrorKind::Invalid};
  CHECK(cli::exitCodeFor(Error::make(invalid)) == cli::kInvalid);
  CHECK(cli::exitCodeFor(Error::make(err::kRecordConflict)) == cli::kInvalid);
  CHECK(cli::exitCodeFor(Error::make(err::kVaultWrongPassphrase)) == cli::kLocked);
  CHECK(cli::exitCodeFor(Error::make(err::kCliNoPassphrase)) == cli::kLocked);
  CHECK(cli::exitCodeFor(Error::make(err::kHubNoPassphrase)) == cli::kLocked);
  CHECK(cli::exitCodeFor(Error::make(err::kResidentDuplicate)) == cli::kDuplicate);
  CHECK(cli::exitCodeFor(Error::make(err::kStoreIo)) == cli::kOther);
  CHECK(cli::exitCodeFor(Error::make(err::kRecordDamaged)) == cli::kOther);
  CHECK(cli::exitCodeFor(Error::make(err::kSyncTraining)) == cli::kOther);
  CHECK(cli::exitCodeFor(Error::make(err::kSyncRevoked)) == cli::kRevoked);
  CHECK(cli::kRevoked == 7);  // documented in README.md; 5 and 6 are gocua-hub import's
  // A code carried as text (a stored rejection reason) is shown, never decides an exit code.
  CHECK(cli::exitCodeFor(Error::fromText("personal_id.format")) == cli::kOther);
  CHECK(Error::make(err::kPersonalIdFormat, "x").is(err::kPersonalIdFormat));
  CHECK(Error::like(Error::make(err::kTextTooLong, "a", "5"), "b").kind == ErrorKind::Invalid);
}
