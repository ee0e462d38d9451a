#ifndef GONGWEN_CALLOCATOR_H
#define GONGWEN_CALLOCATOR_H

#include <stddef.h>

/*
 * glibc's mallopt, which Swift's Glibc module does not carry. Sets the heap-top size above
 * which free() gives memory back to the kernel, and the request size from which malloc maps
 * fresh pages instead of using the heap. Returns 1 when glibc took both, 0 otherwise (and
 * always 0 on a C library without mallopt).
 */
int gongwen_allocator_keep_freed_memory(size_t trim_threshold, size_t mmap_threshold);

#endif
