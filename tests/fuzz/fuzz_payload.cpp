// libFuzzer target for the hub's payload checks (sync/hub/payload.h): every line of the input goes
// through parseManifest and checkRecordLine, as lines of a decrypted batch would. Nothing may
// crash, throw or recurse without bound; an accepted record must name its id and a revision ≥ 1.
// The import's own reader (RecordLineReader, simdjson) must give the same verdict on every line.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/date.h"
#include "forms/registry.h"
#include "sync/hub/payload.h"
#include "sync/hub/record_line_reader.h"

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
    static hub::detail::RecordLineReader reader;
    const std::string padded = std::string(line) + std::string(hub::detail::kRecordLinePadding, '\0');
    const auto fast = reader.check(std::string_view(padded).substr(0, line.size()), registry(), today);
    if (fast.reason != r.reason || fast.idText != r.idText || fast.id != r.id || fast.kind != r.kind ||
        fast.revision != r.revision || fast.procedure != r.procedure || fast.formVersion != r.formVersion)
      std::abort();
    start = end + 1;
  }
  return 0;
}
