// A text file compiled into the binary by cmake/embed.cmake (catalogs, schema migrations).
#pragma once
#include <cstddef>

namespace gocua {
struct EmbeddedFile {
  const char* name;     // file name without directory, e.g. "core.json"
  const char* content;  // whole file, NUL-terminated
};
}  // namespace gocua
