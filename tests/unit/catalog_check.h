// Test helper shared by the module suites: every error code a module can return must have
// catalog text in Vietnamese and English, and the two must differ (a copy is a missed translation).
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "core/i18n.h"

template <class Codes>
void checkCatalogCoversErrors(const Codes& codes) {
  for (const auto& code : codes) {
    const std::string key = std::string("error.") + code;
    INFO(key);
    CHECK(gocua::i18n::has(key));
    const auto vi = gocua::i18n::tr(gocua::i18n::Lang::Vi, key);
    const auto en = gocua::i18n::tr(gocua::i18n::Lang::En, key);
    CHECK(vi != key);
    CHECK(en != key);
    CHECK(vi != en);
  }
}
