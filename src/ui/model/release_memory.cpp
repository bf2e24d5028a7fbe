#include "ui/model/release_memory.h"

#include <cstdlib>  // defines __GLIBC__ (through <features.h>), tested below: without it both are no-ops

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace gocua::ui {

void releaseFreedMemory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

void returnFreedMemoryPromptly() {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 1 << 20);  // blocks from 1 MiB up are mapped apart and unmapped when freed
  mallopt(M_TRIM_THRESHOLD, 4 << 20);  // a heap's free top beyond 4 MiB goes back at once
#endif
}

}  // namespace gocua::ui
