// After a lock has freed the residents' data, the freed heap pages are given back to the system:
// glibc keeps them otherwise, and the next unlock's Argon2id (256 MiB, mapped separately) would
// count on top of them in the peak resident set. A no-op off glibc.
#pragma once

namespace gocua::ui {

void releaseFreedMemory();

// Called once at start: fixed thresholds instead of glibc's sliding ones. Freeing one large block
// (the residents' list) otherwise raises the point above which glibc returns freed memory to
// 64 MiB per heap, and what the lock freed, or the frames drawn since, stays in the process
// until the next unlock adds Argon2id's memory on top.
void returnFreedMemoryPromptly();

}  // namespace gocua::ui
