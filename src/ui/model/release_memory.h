// After a lock has freed the residents' data, the freed heap pages are given back to the system:
// glibc keeps them otherwise, and the next unlock's Argon2id (256 MiB, mapped separately) would
// count on top of them in the peak resident set. A no-op off glibc.
#pragma once

namespace gocua::ui {

void releaseFreedMemory();

}  // namespace gocua::ui
