// A text field's `pattern`: an ECMAScript regular expression the whole answer must match.
// Wrapped so <regex> (heavy, and the source of a GCC 12 false warning) stays in pattern.cpp.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"

namespace gocua::forms {

class Pattern {
 public:
  // Error "form.bad_pattern" (detail: the library's reason) when source does not compile.
  static Result<Pattern> compile(std::string_view source);

  // True when the whole of text matches. A match the regex engine gives up on (complexity
  // limits) counts as no match, so a pathological pattern cannot throw into the validator.
  bool matches(std::string_view text) const;
  const std::string& source() const { return source_; }

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;
  std::string source_;
};

}  // namespace gocua::forms
