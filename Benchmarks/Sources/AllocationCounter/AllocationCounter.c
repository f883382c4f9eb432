#include "AllocationCounter.h"
#include <stddef.h>
#include <stdlib.h>

#if defined(__linux__) && defined(__GLIBC__)
#include <errno.h>
static _Atomic unsigned long long count = 0;
extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);

void *malloc(size_t size) { count++; return __libc_malloc(size); }
void *calloc(size_t n, size_t size) { count++; return __libc_calloc(n, size); }
void *realloc(void *p, size_t size) { count++; return __libc_realloc(p, size); }
int posix_memalign(void **out, size_t alignment, size_t size) {
    count++;
    void *p = __libc_memalign(alignment, size);
    if (!p) return ENOMEM;
    *out = p;
    return 0;
}
void *aligned_alloc(size_t alignment, size_t size) { count++; return __libc_memalign(alignment, size); }
unsigned long long allocation_count(void) { return count; }
int allocation_counting_supported(void) { return 1; }
#else
unsigned long long allocation_count(void) { return 0; }
int allocation_counting_supported(void) { return 0; }
#endif
