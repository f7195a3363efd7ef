/* rt_test.h: helpers the runtime tests share: a log that goroutines append
 * to (so tests assert the exact interleaving), and a runtime built from a
 * seed and a P count. Header-only; each test program includes it once. */
#ifndef CHANLAB_RT_TEST_H
#define CHANLAB_RT_TEST_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <setjmp.h>
#include <cmocka.h>

#include "runtime.h"

/* A text log; tests compare it with an exact expected string. */
struct tlog {
    char buf[1 << 16];
    size_t len;
};

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static inline void
tlog(struct tlog *l, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(l->buf + l->len, sizeof l->buf - l->len, fmt, ap);
    va_end(ap);
    if (n > 0 && (size_t)n < sizeof l->buf - l->len)
        l->len += (size_t)n;
}

static inline struct rt *trt_new(uint64_t seed, int procs)
{
    struct rt_config cfg = {0};
    cfg.seed = seed;
    cfg.procs = procs;
    struct rt *rt = rt_new(&cfg);
    assert_non_null(rt);
    return rt;
}

/* trt_seed returns $RT_SEED when set (to replay a randomized test), else
 * def; the test prints the seed it uses. */
static inline uint64_t trt_seed(uint64_t def)
{
    const char *s = getenv("RT_SEED");
    uint64_t seed = s ? strtoull(s, NULL, 10) : def;
    printf("# seed %llu (set RT_SEED to replay)\n", (unsigned long long)seed);
    return seed;
}

#endif
