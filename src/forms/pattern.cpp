// Pattern: std::regex behind a small interface. GCC 12 with -fsanitize reports a false
// -Wmaybe-uninitialized inside libstdc++'s regex automaton (std::function moved from a
// temporary state); it is confined to this file and silenced here only.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include "forms/pattern.h"
#include "forms/errors.h"

#include <regex>

namespace gocua::forms {

struct Pattern::Impl {
  std::regex re;
};

Result<Pattern> Pattern::compile(std::string_view source) {
  try {
    auto impl = std::make_shared<Impl>();
    impl->re = std::regex(source.begin(), source.end(), std::regex::ECMAScript);
    Pattern p;
    p.impl_ = std::move(impl);
    p.source_ = std::string(source);
    return p;
  } catch (const std::exception& e) {
    return Error::make(err::kFormBadPattern, {}, std::string("pattern does not compile: ") + e.what());
  }
}

bool Pattern::matches(std::string_view text) const {
  if (!impl_) return false;
  try {
    return std::regex_match(text.begin(), text.end(), impl_->re);
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace gocua::forms
