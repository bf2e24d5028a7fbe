// Every declared error code of every module (the errors.h files; tests/lint/error_code_check.sh
// makes sure each one is included here): unique, named after its module's catalog key, with
// Vietnamese and English text, and mapped to the exit code its kind promises.
#include <doctest/doctest.h>

#include <map>
#include <span>
#include <string>

#include "../catalog_check.h"
#include "app/model/errors.h"
#include "app/ui/errors.h"
#include "cli/errors.h"
#include "cli/output.h"
#include "core/errors.h"
#include "device_cli/errors.h"
#include "forms/errors.h"
#include "hub_cli/errors.h"
#include "print/errors.h"
#include "store/errors.h"
#include "sync/batch/errors.h"
#include "sync/client/errors.h"
#include "sync/hub/errors.h"
#include "sync/keys/errors.h"
#include "sync/receipt/errors.h"
#include "sync/transport/errors.h"
#include "vault/errors.h"
#include "workspace/errors.h"

using namespace gocua;

namespace {

const std::map<std::string, std::span<const ErrorCode>>& declaredLists() {
  static const std::map<std::string, std::span<const ErrorCode>> lists = {
      {"core", err::kCoreCodes},
      {"vault", err::kVaultCodes},
      {"store", err::kStoreCodes},
      {"forms", err::kFormsCodes},
      {"batch", err::kBatchCodes},
      {"keys", err::kKeysCodes},
      {"receipt", err::kReceiptCodes},
      {"transport", err::kTransportCodes},
      {"workspace", err::kWorkspaceCodes},
      {"hub", err::kHubCodes},
      {"print", err::kPrintCodes},
      {"client", err::kClientCodes},
      {"cli", err::kCliCodes},
      {"device_cli", err::kDeviceCliCodes},
      {"hub_cli", err::kHubCliCodes},
      {"app_model", err::kAppModelCodes},
      {"app_ui", err::kAppUiCodes},
  };
  return lists;
}

}  // namespace

TEST_CASE("every declared error code is unique and has Vietnamese and English text") {
  std::map<std::string, std::string> seen;
  std::size_t total = 0;
  for (const auto& entry : declaredLists()) {
    const std::string& module = entry.first;  // not a structured binding: INFO captures it
    for (const ErrorCode& c : entry.second) {
      INFO(module << ": " << c.code);
      CHECK(seen.emplace(c.code, module).second);
      checkCatalogCoversErrors(std::array{c.code});
      ++total;
    }
  }
  CHECK(total > 100);
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
