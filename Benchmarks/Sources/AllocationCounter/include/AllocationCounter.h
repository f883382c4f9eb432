#ifndef ALLOCATION_COUNTER_H
#define ALLOCATION_COUNTER_H
/// Number of malloc, calloc, realloc, posix_memalign and aligned_alloc calls so far
/// (0 where interposition is not supported).
unsigned long long allocation_count(void);
/// Whether allocation_count() really counts on this platform.
int allocation_counting_supported(void);
#endif
