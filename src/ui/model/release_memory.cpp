#include "ui/model/release_memory.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace gocua::ui {

void releaseFreedMemory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

}  // namespace gocua::ui
