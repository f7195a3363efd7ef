/* test_stack.c: goroutine stack segments (rt_call_on_new_stack). A C
 * recursion that moves to a new segment whenever its stack runs low must
 * reach depths far beyond one stack, park and be preempted on a segment
 * while other goroutines run, see its bounds restored on return, leave
 * segments by longjmp (rt_stack_unwound), and give every segment back when
 * it returns, exits, or the run ends while it is deep. */
#include "rt_test.h"

#include <stdbool.h>

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

/* ---- the deep recursion ---------------------------------------------------------- */

#define STACK     (64 * 1024) /* the goroutines' own stacks */
#define LOW_WATER 16384       /* below this many bytes left: a new segment */

struct deep {
    int segs;                                         /* segments entered */
    int max_chain;                                    /* most segments live at once */
    int chain;                                        /* segments live now */
    void (*at_bottom)(struct rt *rt, struct deep *d); /* NULL: nothing */
    void *ud;
    jmp_buf *escape; /* at_bottom may longjmp here */
    bool bounds_ok;  /* every return from a segment restored the bounds */
    bool left_ok;    /* each new segment starts with a large rt_stack_left */
};

static long recurse(struct rt *rt, struct deep *d, int n);

struct seg_arg {
    struct rt *rt;
    struct deep *d;
    int n;
    long result;
};

static void seg_fn(void *p)
{
    struct seg_arg *a = p;
    if (rt_stack_left(a->rt) < 32768)
        a->d->left_ok = false;
    a->result = recurse(a->rt, a->d, a->n);
}

static long __attribute__((noinline)) recurse(struct rt *rt, struct deep *d, int n)
{
    volatile char pad[256];
    pad[0] = (char)n;
    pad[255] = 1;
    rt_preempt(rt); /* a preemption point at every level, as the interpreter's */
    if (n == 0) {
        if (d->at_bottom)
            d->at_bottom(rt, d);
        return 0;
    }
    if (rt_stack_left(rt) < LOW_WATER) {
        struct seg_arg a = {rt, d, n, 0};
        size_t before = rt_stack_left(rt);
        d->segs++;
        if (++d->chain > d->max_chain)
            d->max_chain = d->chain;
        assert_true(rt_call_on_new_stack(rt, 32768, seg_fn, &a));
        d->chain--;
        if (rt_stack_left(rt) != before)
            d->bounds_ok = false;
        return a.result + (pad[0] == (char)n ? 0 : 1000000);
    }
    return recurse(rt, d, n - 1) + pad[255] + (pad[0] == (char)n ? 0 : 1000000);
}

static struct rt *seg_rt(size_t stack_max, enum rt_preempt_policy preempt)
{
    struct rt_config cfg = {0};
    cfg.stack_size = STACK;
    cfg.stack_max = stack_max;
    cfg.preempt = preempt;
    cfg.preempt_every = 1;
    struct rt *rt = rt_new(&cfg);
    assert_non_null(rt);
    return rt;
}

/* maps_count counts the process's mappings (/proc/self/maps lines). */
static int maps_count(void)
{
    FILE *f = fopen("/proc/self/maps", "r");
    assert_non_null(f);
    int n = 0, c;
    while ((c = fgetc(f)) != EOF)
        n += c == '\n';
    fclose(f);
    return n;
}

/* mapping_of returns the start and end of the mapping holding addr. */
static bool mapping_of(const void *addr, uintptr_t *lo, uintptr_t *hi)
{
    FILE *f = fopen("/proc/self/maps", "r");
    assert_non_null(f);
    char line[512];
    bool found = false;
    while (fgets(line, sizeof line, f)) {
        unsigned long a, b;
        if (sscanf(line, "%lx-%lx", &a, &b) == 2 && (uintptr_t)addr >= a && (uintptr_t)addr < b) {
            *lo = a;
            *hi = b;
            found = true;
            break;
        }
    }
    fclose(f);
    return found;
}

static bool mapped_exactly(uintptr_t lo, uintptr_t hi)
{
    FILE *f = fopen("/proc/self/maps", "r");
    assert_non_null(f);
    char line[512];
    bool found = false;
    while (fgets(line, sizeof line, f)) {
        unsigned long a, b;
        if (sscanf(line, "%lx-%lx", &a, &b) == 2 && a == lo && b == hi)
            found = true;
    }
    fclose(f);
    return found;
}

static bool starts_with(const char *s, const char *prefix)
{
    return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

/* ---- nested segments ------------------------------------------------------------- */

struct run1 {
    int n;
    long result;
    struct deep d;
};

static void deep_main(struct rt *rt, void *arg)
{
    struct run1 *r = arg;
    r->result = recurse(rt, &r->d, r->n);
}

static void test_nested_segments(void **state)
{
    (void)state;
    struct rt *rt = seg_rt((size_t)256 << 20, RT_PREEMPT_NEVER);
    /* 40,000 frames of about 300 bytes: 12 MB, nearly 200 times the
     * goroutine's own 64 KiB stack. */
    struct run1 r = {.n = 40000, .d = {.bounds_ok = true, .left_ok = true}};
    rt_go(rt, deep_main, &r);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    assert_int_equal(r.result, 40000);
    /* Segments double the goroutine's stack up to 64 MiB each: a handful
     * of them, nested. */
    assert_true(r.d.segs >= 3);
#ifdef UNDER_ASAN
    assert_true(r.d.segs <= 200); /* 256 KiB segments there (stack.c) */
#else
    assert_true(r.d.segs <= 12);
#endif
    assert_int_equal(r.d.max_chain, r.d.segs);
    assert_true(r.d.bounds_ok);
    assert_true(r.d.left_ok);
    rt_free(rt);
}

/* From the host, and with the default configuration (no segments), the call
 * is refused and fn does not run. */
static int refused_ran;
static void refused_fn(void *p)
{
    (void)p;
    refused_ran++;
}

static bool refused_result;
static void refused_main(struct rt *rt, void *arg)
{
    (void)arg;
    refused_result = rt_call_on_new_stack(rt, 4096, refused_fn, NULL);
}

static void test_refused(void **state)
{
    (void)state;
    struct rt *rt = seg_rt(0, RT_PREEMPT_NEVER);
    assert_false(rt_call_on_new_stack(rt, 4096, refused_fn, NULL));
    refused_result = true;
    rt_go(rt, refused_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    assert_false(refused_result);
    assert_int_equal(refused_ran, 0);
    rt_free(rt);
}

/* ---- parking and preemption on a segment ------------------------------------------- */

struct park {
    struct rt_chan *c;
    bool parked;
    struct tlog log;
    long results[4];
    struct deep d[4];
};

static void park_bottom(struct rt *rt, struct deep *d)
{
    struct park *p = d->ud;
    int id = (int)(d - p->d);
    int v = 0;
    bool ok = false;
    tlog(&p->log, "%d parks;", id);
    p->parked = true;
    rt_chan_recv(rt, p->c, &v, &ok);
    tlog(&p->log, "%d got %d;", id, v);
}

static void park_deep_main(struct rt *rt, void *arg)
{
    struct park *p = arg;
    struct deep *d = &p->d[0];
    p->results[0] = recurse(rt, d, 20000);
}

static void park_sender_main(struct rt *rt, void *arg)
{
    struct park *p = arg;
    /* Its own recursion, on its own segments, while the other one waits
     * deep on one of its own; then the value that wakes it. */
    p->results[1] = recurse(rt, &p->d[1], 15000);
    while (!p->parked)
        rt_gosched(rt);
    int v = 42;
    tlog(&p->log, "1 sends;");
    assert_int_equal(rt_chan_send(rt, p->c, &v), RT_OK);
}

static void park_main(struct rt *rt, void *arg)
{
    struct park *p = arg;
    rt_go(rt, park_deep_main, p);
    rt_go(rt, park_sender_main, p);
    while (!p->results[0] || !p->results[1])
        rt_gosched(rt);
}

static void test_park_on_segment(void **state)
{
    (void)state;
    /* Preempted at every point too: each switch checks the stack pointer
     * against the bounds of the segment it runs on. */
    for (int preempt = 0; preempt < 2; preempt++) {
        struct rt *rt = seg_rt((size_t)256 << 20, preempt ? RT_PREEMPT_EVERY : RT_PREEMPT_NEVER);
        struct park *p = calloc(1, sizeof *p);
        assert_non_null(p);
        p->c = rt_chan_new(rt, sizeof(int), 0, "int");
        for (int i = 0; i < 2; i++)
            p->d[i] = (struct deep){.bounds_ok = true, .left_ok = true, .ud = p};
        p->d[0].at_bottom = park_bottom;
        rt_go(rt, park_main, p);
        assert_int_equal(rt_run(rt, -1), RT_EXITED);
        p->log.buf[p->log.len] = 0;
        assert_string_equal(p->log.buf, "0 parks;1 sends;0 got 42;");
        assert_int_equal(p->results[0], 20000);
        assert_int_equal(p->results[1], 15000);
        assert_true(p->d[0].segs >= 2 && p->d[1].segs >= 2);
        assert_true(p->d[0].bounds_ok && p->d[1].bounds_ok);
        rt_chan_release(rt, p->c);
        rt_free(rt);
        free(p);
    }
}

/* Yielding at the bottom of eight goroutines' recursions: they all sit deep
 * on segments at once, switching between them. */
static void yield_bottom(struct rt *rt, struct deep *d)
{
    (void)d;
    for (int i = 0; i < 3; i++)
        rt_gosched(rt);
}

struct many {
    long result[8];
    struct deep d[8];
    int done;
};

struct many_arg {
    struct many *m;
    int i;
};

static void many_one(struct rt *rt, void *arg)
{
    struct many_arg *a = arg;
    a->m->result[a->i] = recurse(rt, &a->m->d[a->i], 10000 + 1000 * a->i);
    a->m->done++;
}

struct many_main_arg {
    struct many *m;
    struct many_arg *args;
};

static void many_main(struct rt *rt, void *arg)
{
    struct many_main_arg *a = arg;
    for (int i = 0; i < 8; i++)
        rt_go(rt, many_one, &a->args[i]);
    while (a->m->done < 8)
        rt_gosched(rt);
}

static void test_many_goroutines_deep(void **state)
{
    (void)state;
    struct rt *rt = seg_rt((size_t)256 << 20, RT_PREEMPT_EVERY);
    struct many m;
    struct many_arg args[8];
    memset(&m, 0, sizeof m);
    for (int i = 0; i < 8; i++) {
        m.d[i] = (struct deep){.bounds_ok = true, .left_ok = true, .at_bottom = yield_bottom};
        args[i] = (struct many_arg){&m, i};
    }
    struct many_main_arg ma = {&m, args};
    rt_go(rt, many_main, &ma);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    for (int i = 0; i < 8; i++) {
        assert_int_equal(m.result[i], 10000 + 1000 * i);
        assert_true(m.d[i].segs >= 2);
        assert_true(m.d[i].bounds_ok);
    }
    rt_free(rt);
}

/* ---- longjmp out of segments --------------------------------------------------------- */

static uintptr_t seen_lo, seen_hi; /* the mapping of the deepest frame */

static void jump_bottom(struct rt *rt, struct deep *d)
{
    (void)rt;
    char here = 0;
    assert_true(mapping_of(&here, &seen_lo, &seen_hi));
    longjmp(*d->escape, 1);
}

struct jump {
    int rounds;
    int landed;
    bool unwound_ok;
    bool left_ok;
    int maps_before, maps_after;
};

static void jump_main(struct rt *rt, void *arg)
{
    struct jump *j = arg;
    size_t left0 = rt_stack_left(rt);
    j->maps_before = maps_count();
    for (volatile int i = 0; i < j->rounds; i++) {
        jmp_buf jb;
        struct deep d = {.at_bottom = jump_bottom, .escape = &jb};
        if (setjmp(jb) == 0) {
            recurse(rt, &d, 6000);
            fail_msg("the recursion returned instead of jumping");
        }
        j->landed++;
        /* Back on the goroutine's own stack: the runtime learns it here. */
        if (!rt_stack_unwound(rt))
            j->unwound_ok = false;
        if (rt_stack_unwound(rt))
            j->unwound_ok = false; /* nothing left the second time */
        if (rt_stack_left(rt) != left0)
            j->left_ok = false;
        /* The deepest segment of the round is gone. */
        if (mapped_exactly(seen_lo, seen_hi))
            j->unwound_ok = false;
    }
    j->maps_after = maps_count();
}

static void test_longjmp_out_of_segments(void **state)
{
    (void)state;
    struct rt *rt = seg_rt((size_t)256 << 20, RT_PREEMPT_EVERY);
    struct jump j = {.rounds = 200, .unwound_ok = true, .left_ok = true};
    rt_go(rt, jump_main, &j);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    assert_int_equal(j.landed, 200);
    assert_true(j.unwound_ok);
    assert_true(j.left_ok);
    /* 200 rounds of several segments each, and not one mapping more. */
    assert_true(j.maps_after <= j.maps_before + 2);
    rt_free(rt);
}

/* A longjmp that the host does not report: the next switch finds the stack
 * pointer off the segment and pops the segments itself. */
static void lazy_main(struct rt *rt, void *arg)
{
    int *out = arg;
    jmp_buf jb;
    struct deep d = {.at_bottom = jump_bottom, .escape = &jb};
    if (setjmp(jb) == 0)
        recurse(rt, &d, 6000);
    rt_gosched(rt); /* a switch: the check there must not call it overflow */
    *out = !mapped_exactly(seen_lo, seen_hi);
}

static void test_longjmp_synced_lazily(void **state)
{
    (void)state;
#ifdef UNDER_ASAN
    /* Under the sanitizer the frames the longjmp abandoned keep their
     * poisoned redzones until rt_stack_unwound cleans them, so the host
     * must call it at once (runtime.h); the lazy path is for plain
     * builds. */
    skip();
#endif
    struct rt *rt = seg_rt((size_t)256 << 20, RT_PREEMPT_NEVER);
    int gone = -1;
    rt_go(rt, lazy_main, &gone);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    assert_int_equal(gone, 1);
    rt_free(rt);
}

/* ---- exits and ends while deep ---------------------------------------------------------- */

static void exit_bottom(struct rt *rt, struct deep *d)
{
    char here = 0;
    (void)d;
    assert_true(mapping_of(&here, &seen_lo, &seen_hi));
    rt_goexit(rt);
}

static void goexit_one(struct rt *rt, void *arg)
{
    struct deep *d = arg;
    recurse(rt, d, 8000);
    fail_msg("rt_goexit returned");
}

static int exit_checked;
static void exit_watch(struct rt *rt, void *arg)
{
    rt_go(rt, goexit_one, arg);
    rt_gosched(rt);
    rt_gosched(rt);
    /* The exited goroutine's segments are released at the switch after
     * its exit. */
    exit_checked = mapped_exactly(seen_lo, seen_hi) ? 0 : 1;
}

static void test_goexit_on_segment(void **state)
{
    (void)state;
    int maps0 = maps_count();
    struct rt *rt = seg_rt((size_t)256 << 20, RT_PREEMPT_NEVER);
    struct deep d = {.at_bottom = exit_bottom};
    exit_checked = -1;
    rt_go(rt, exit_watch, &d);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    assert_int_equal(exit_checked, 1);
    assert_true(d.segs >= 2);
    rt_free(rt);
    assert_true(maps_count() <= maps0 + 2);
}

/* main returns while another goroutine is parked deep on its segments: the
 * run ends, and rt_free gives its segments back. */
static void blocked_bottom(struct rt *rt, struct deep *d)
{
    char here = 0;
    assert_true(mapping_of(&here, &seen_lo, &seen_hi));
    int v;
    rt_chan_recv(rt, d->ud, &v, NULL);
    fail_msg("nothing sends");
}

static void blocked_one(struct rt *rt, void *arg)
{
    recurse(rt, arg, 8000);
}

static void end_main(struct rt *rt, void *arg)
{
    rt_go(rt, blocked_one, arg);
    rt_gosched(rt);
}

static void test_end_while_deep(void **state)
{
    (void)state;
    int maps0 = maps_count();
    struct rt *rt = seg_rt((size_t)256 << 20, RT_PREEMPT_NEVER);
    struct rt_chan *c = rt_chan_new(rt, sizeof(int), 0, "int");
    struct deep d = {.at_bottom = blocked_bottom, .ud = c};
    rt_go(rt, end_main, &d);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    assert_true(d.segs >= 2);
    assert_true(mapped_exactly(seen_lo, seen_hi)); /* still parked on it */
    rt_chan_release(rt, c);
    rt_free(rt);
    assert_false(mapped_exactly(seen_lo, seen_hi));
    assert_true(maps_count() <= maps0 + 2);
}

/* ---- limits ------------------------------------------------------------------------------- */

/* Past cfg.stack_max the runtime refuses a segment; the host's check then
 * reports Go's overflow with the figure it chose to show. */
static long __attribute__((noinline)) recurse_to_limit(struct rt *rt, int *segs, int n);

struct limit_arg {
    struct rt *rt;
    int *segs;
    int n;
};

static void limit_fn(void *p)
{
    struct limit_arg *a = p;
    recurse_to_limit(a->rt, a->segs, a->n);
}

static long __attribute__((noinline)) recurse_to_limit(struct rt *rt, int *segs, int n)
{
    volatile char pad[512];
    pad[0] = (char)n;
    if (rt_stack_left(rt) < LOW_WATER) {
        struct limit_arg a = {rt, segs, n};
        if (!rt_call_on_new_stack(rt, 32768, limit_fn, &a))
            rt_stack_check(rt, SIZE_MAX / 2); /* ends the run */
        (*segs)++;
        return 0;
    }
    return recurse_to_limit(rt, segs, n + 1) + pad[0];
}

static int limit_segs;
static void limit_main(struct rt *rt, void *arg)
{
    (void)arg;
    recurse_to_limit(rt, &limit_segs, 0);
}

static void test_limit_and_shown_figure(void **state)
{
    (void)state;
    int maps0 = maps_count();
    struct rt_config cfg = {0};
    cfg.stack_size = STACK;
    cfg.stack_max = 4 << 20;
    cfg.stack_limit_shown = 1000000000;
    struct rt *rt = rt_new(&cfg);
    assert_non_null(rt);
    rt_go(rt, limit_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_FATAL);
    const char *f = rt_failure_peek(rt);
    assert_non_null(f);
    assert_true(starts_with(f, "runtime: goroutine stack exceeds 1000000000-byte limit\n"
                               "fatal error: stack overflow\n"));
    assert_int_equal(limit_segs, 0); /* no segment call returned */
    rt_free(rt);
    assert_true(maps_count() <= maps0 + 2);
}

/* A C recursion that never checks runs into a segment's guard page: the
 * run ends with the overflow text, the host survives. */
static int __attribute__((noinline)) blind(volatile char *prev, int depth)
{
    volatile char pad[256];
    pad[0] = (char)depth;
    pad[255] = prev ? prev[0] : 0;
    if (depth > (1 << 30))
        return 0;
    return blind(pad, depth + 1) + pad[255];
}

static void blind_fn(void *p)
{
    *(int *)p = blind(NULL, 0);
}

static void blind_main(struct rt *rt, void *arg)
{
    assert_true(rt_call_on_new_stack(rt, 32768, blind_fn, arg));
}

static void test_guard_page_on_segment(void **state)
{
    (void)state;
    struct rt_config cfg = {0};
    cfg.stack_size = STACK;
    cfg.stack_max = 1 << 20;
    struct rt *rt = rt_new(&cfg);
    int out = 0;
    rt_go(rt, blind_main, &out);
    assert_int_equal(rt_run(rt, -1), RT_FATAL);
    assert_true(starts_with(rt_failure_peek(rt),
                            "runtime: goroutine stack exceeds 1048576-byte limit\n"
                            "fatal error: stack overflow\n"));
    rt_free(rt);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nested_segments),
        cmocka_unit_test(test_refused),
        cmocka_unit_test(test_park_on_segment),
        cmocka_unit_test(test_many_goroutines_deep),
        cmocka_unit_test(test_longjmp_out_of_segments),
        cmocka_unit_test(test_longjmp_synced_lazily),
        cmocka_unit_test(test_goexit_on_segment),
        cmocka_unit_test(test_end_while_deep),
        cmocka_unit_test(test_limit_and_shown_figure),
        cmocka_unit_test(test_guard_page_on_segment),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
