// libFuzzer target for the hub's payload checks (sync/hub/payload.h): every line of the input goes
// through parseManifest and checkRecordLine, as lines of a decrypted batch would. Nothing may
// crash, throw or recurse without bound; an accepted record must name its id and a revision ≥ 1.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/date.h"
#include "forms/registry.h"
#include "sync/hub/payload.h"

using namespace gocua;

namespace {

const forms::FormRegistry& registry() {
  static const forms::FormRegistry r = forms::FormRegistry::load(GOCUA_SOURCE_DIR "/forms");
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const core::Date today{2026, 11, 23};
  std::size_t start = 0;
  while (start <= bytes.size()) {
    const std::size_t end = std::min(bytes.find('\n', start), bytes.size());
    const std::string_view line = bytes.substr(start, end - start);
    (void)hub::detail::parseManifest(line);
    const auto r = hub::detail::checkRecordLine(line, registry(), today);
    if (r.reason.empty() && (r.idText.empty() || r.revision < 1 || r.kind.empty())) std::abort();
    start = end + 1;
  }
  return 0;
}
