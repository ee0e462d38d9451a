#include "CAllocator.h"

#include <stdlib.h> /* defines __GLIBC__ on glibc */

#if defined(__GLIBC__)
#include <malloc.h>

int gongwen_allocator_keep_freed_memory(size_t trim_threshold, size_t mmap_threshold) {
    int trim = mallopt(M_TRIM_THRESHOLD, (int)trim_threshold);
    int mmap = mallopt(M_MMAP_THRESHOLD, (int)mmap_threshold);
    return trim == 1 && mmap == 1;
}
#else
int gongwen_allocator_keep_freed_memory(size_t trim_threshold, size_t mmap_threshold) {
    (void)trim_threshold;
    (void)mmap_threshold;
    return 0;
}
#endif
