/* test_pct.c: PCT scheduling (cfg.sched == RT_SCHED_PCT) on plain C
 * goroutines: the same seed gives the same trace bit for bit, seeds give
 * different schedules, the highest-priority goroutine runs until it blocks
 * or a change point demotes it, spinning goroutines still make progress,
 * and PCT with depth 2 finds an ordering bug that needs one preemption at
 * one point among ~150, which Go's own order never shows. */
#include "rt_test.h"

static struct rt *pct_new(uint64_t seed, int depth, uint64_t steps, int procs)
{
    struct rt_config cfg = {0};
    cfg.seed = seed;
    cfg.procs = procs;
    cfg.sched = RT_SCHED_PCT;
    cfg.pct_depth = depth;
    cfg.pct_steps = steps;
    cfg.trace_capacity = 1 << 16;
    struct rt *rt = rt_new(&cfg);
    assert_non_null(rt);
    return rt;
}

/* trace_text returns every event of rt as lines (caller frees). */
static char *trace_text(const struct rt *rt)
{
    static struct rt_event ev[1 << 16];
    size_t n = rt_trace_read(rt, 0, ev, 1 << 16);
    assert_true(n < (1 << 16));
    size_t cap = n * 80 + 1, len = 0;
    char *s = malloc(cap);
    s[0] = 0;
    for (size_t i = 0; i < n; i++) {
        char line[160];
        rt_event_format(&ev[i], line, sizeof line);
        size_t l = strlen(line);
        if (len + l + 2 > cap) {
            cap = 2 * cap + l + 2;
            s = realloc(s, cap);
        }
        memcpy(s + len, line, l);
        s[len + l] = '\n';
        len += l + 1;
        s[len] = 0;
    }
    return s;
}

/* ---- a mixed program: channels, a mutex, preemption points ------------------------ */

static struct tlog L;

struct mixed {
    struct rt_chan *c;
    struct rt_mutex mu;
    struct rt_waitgroup wg;
    int counter;
};

static void mixed_worker(struct rt *rt, void *arg)
{
    struct mixed *m = arg;
    int64_t id = rt_g_id(rt_current(rt));
    for (int i = 0; i < 5; i++) {
        rt_preempt(rt);
        rt_mutex_lock(rt, &m->mu);
        int t = m->counter;
        rt_preempt(rt);
        m->counter = t + 1;
        rt_mutex_unlock(rt, &m->mu);
        int64_t v = id * 100 + i;
        rt_chan_send(rt, m->c, &v);
    }
    rt_wg_add(rt, &m->wg, -1);
}

static void mixed_main(struct rt *rt, void *arg)
{
    struct mixed *m = arg;
    m->c = rt_chan_new(rt, sizeof(int64_t), 2, "int");
    rt_wg_add(rt, &m->wg, 4);
    for (int i = 0; i < 4; i++)
        rt_go(rt, mixed_worker, m);
    for (int i = 0; i < 20; i++) {
        int64_t v;
        rt_preempt(rt);
        rt_chan_recv(rt, m->c, &v, NULL);
        tlog(&L, "%lld ", (long long)v);
    }
    rt_wg_wait(rt, &m->wg);
}

static void many_worker(struct rt *rt, void *arg)
{
    struct mixed *m = arg;
    for (int i = 0; i < 20; i++) {
        rt_preempt(rt);
        rt_mutex_lock(rt, &m->mu);
        int t = m->counter;
        rt_preempt(rt);
        m->counter = t + 1;
        rt_mutex_unlock(rt, &m->mu);
    }
    rt_wg_add(rt, &m->wg, -1);
}

static void many_main(struct rt *rt, void *arg)
{
    struct mixed *m = arg;
    rt_wg_add(rt, &m->wg, 100);
    for (int i = 0; i < 100; i++)
        rt_go(rt, many_worker, m);
    rt_wg_wait(rt, &m->wg);
}

/* run_mixed runs the mixed program and returns its trace and order. */
static char *run_mixed(uint64_t seed, int depth, int procs, char *order, size_t size)
{
    struct mixed m;
    memset(&m, 0, sizeof m);
    memset(&L, 0, sizeof L);
    struct rt *rt = pct_new(seed, depth, 100, procs);
    rt_go(rt, mixed_main, &m);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    assert_int_equal(m.counter, 20); /* the mutex kept every update */
    assert_true(L.len < size);
    memcpy(order, L.buf, L.len + 1);
    char *t = trace_text(rt);
    rt_free(rt);
    return t;
}

static void test_same_seed_same_trace(void **state)
{
    for (int procs = 1; procs <= 2; procs++) {
        for (uint64_t seed = 1; seed <= 20; seed++) {
            char o1[512], o2[512];
            char *a = run_mixed(seed, 3, procs, o1, sizeof o1);
            char *b = run_mixed(seed, 3, procs, o2, sizeof o2);
            assert_string_equal(a, b);
            assert_string_equal(o1, o2);
            free(a);
            free(b);
        }
    }
}

static void test_seeds_give_different_schedules(void **state)
{
    char orders[40][512];
    size_t distinct = 0;
    for (uint64_t seed = 0; seed < 40; seed++) {
        char *t = run_mixed(seed, 3, 1, orders[seed], sizeof orders[seed]);
        free(t);
        bool seen = false;
        for (uint64_t j = 0; j < seed; j++)
            seen = seen || strcmp(orders[j], orders[seed]) == 0;
        distinct += !seen;
    }
    printf("# %zu distinct receive orders in 40 seeds\n", distinct);
    assert_true(distinct >= 10);
}

/* Many goroutines on 1 to 4 Ps: every update survives (the mutex holds
 * under any PCT schedule) and the trace is a function of the seed. */
static void test_many_goroutines_any_procs(void **state)
{
    for (int procs = 1; procs <= 4; procs++) {
        for (uint64_t seed = 100; seed < 105; seed++) {
            char *t[2];
            for (int k = 0; k < 2; k++) {
                struct mixed m;
                memset(&m, 0, sizeof m);
                struct rt *rt = pct_new(seed, 5, 400, procs);
                rt_go(rt, many_main, &m);
                assert_int_equal(rt_run(rt, -1), RT_EXITED);
                assert_int_equal(m.counter, 100 * 20);
                t[k] = trace_text(rt);
                rt_free(rt);
            }
            assert_string_equal(t[0], t[1]);
            free(t[0]);
            free(t[1]);
        }
    }
}

/* ---- priorities ---------------------------------------------------------------------- */

static void stepper(struct rt *rt, void *arg)
{
    int64_t id = rt_g_id(rt_current(rt));
    for (int i = 0; i < 10; i++) {
        tlog(&L, "%lld", (long long)id);
        rt_preempt(rt);
    }
    rt_wg_add(rt, arg, -1);
}

static void steppers_main(struct rt *rt, void *arg)
{
    static struct rt_waitgroup wg;
    memset(&wg, 0, sizeof wg);
    rt_wg_add(rt, &wg, 4);
    for (int i = 0; i < 4; i++)
        rt_go(rt, stepper, &wg);
    rt_wg_wait(rt, &wg);
}

/* runs counts the maximal runs of equal characters in s. */
static int runs(const char *s)
{
    int n = 0;
    for (size_t i = 0; s[i]; i++)
        n += i == 0 || s[i] != s[i - 1];
    return n;
}

static void test_highest_priority_runs_until_done(void **state)
{
    /* depth 1: no change points. The four never block: each runs its ten
     * steps in one stretch, in priority order. */
    for (uint64_t seed = 0; seed < 20; seed++) {
        memset(&L, 0, sizeof L);
        struct rt *rt = pct_new(seed, 1, 100, 1);
        rt_go(rt, steppers_main, NULL);
        assert_int_equal(rt_run(rt, -1), RT_EXITED);
        assert_int_equal(strlen(L.buf), 40);
        assert_int_equal(runs(L.buf), 4);
        rt_free(rt);
    }
    /* depth 4: three change points among the first 40 steps; each one
     * interrupts at most one stretch. */
    int most = 0;
    for (uint64_t seed = 0; seed < 50; seed++) {
        memset(&L, 0, sizeof L);
        struct rt *rt = pct_new(seed, 4, 40, 1);
        rt_go(rt, steppers_main, NULL);
        assert_int_equal(rt_run(rt, -1), RT_EXITED);
        int r = runs(L.buf);
        assert_true(r >= 4 && r <= 4 + 3);
        most = r > most ? r : most;
        rt_free(rt);
    }
    assert_int_equal(most, 7);
}

/* ---- progress for spinning goroutines ------------------------------------------------------ */

static int32_t flag;

static void spin_setter(struct rt *rt, void *arg)
{
    for (int i = 0; i < 10; i++)
        rt_preempt(rt);
    rt_atomic_store32(rt, &flag, 1);
}

static void spin_gosched(struct rt *rt, void *arg)
{
    while (!rt_atomic_load32(rt, &flag))
        rt_gosched(rt);
}

static void spin_busy(struct rt *rt, void *arg)
{
    while (!rt_atomic_load32(rt, &flag))
        rt_preempt(rt);
}

static void spin_main(struct rt *rt, void *arg)
{
    rt_entry_fn *spinner = arg ? spin_busy : spin_gosched;
    rt_go(rt, spinner, NULL);
    rt_go(rt, spinner, NULL);
    rt_go(rt, spin_setter, NULL);
    spinner(rt, NULL);
}

static void test_spinners_make_progress(void **state)
{
    for (intptr_t k = 0; k < 2; k++) {
        for (uint64_t seed = 0; seed < 30; seed++) {
            flag = 0;
            struct rt_config cfg = {0};
            cfg.seed = seed;
            cfg.sched = RT_SCHED_PCT;
            cfg.trace_off = true;
            struct rt *rt = rt_new(&cfg);
            rt_go(rt, spin_main, (void *)k); /* 1: busy spinning */
            enum rt_status st = rt_run(rt, 10000000);
            if (st != RT_EXITED)
                printf("# kind %d seed %llu: %d, flag %d\n", (int)k, (unsigned long long)seed, st,
                       flag);
            assert_int_equal(st, RT_EXITED);
            rt_free(rt);
        }
    }
}

/* ---- the bug PCT finds -------------------------------------------------------------------- */

/* a opens a window at its 61st preemption point (x = 1) and closes it at
 * the next (x = 0). b looks at x once, right at its start, and when the
 * window is open runs 50 more steps and finds it still open: the bug. It
 * needs b to start inside a's one-step window and run its 50 steps before a
 * takes one more: one preemption at one point among ~100, then none. */
struct window {
    int x;
    bool bug;
    struct rt_waitgroup wg;
};

static void window_a(struct rt *rt, void *arg)
{
    struct window *w = arg;
    for (int i = 0; i < 100; i++) {
        rt_preempt(rt);
        if (i == 60) {
            w->x = 1;
            rt_preempt(rt);
            w->x = 0;
        }
    }
    rt_wg_add(rt, &w->wg, -1);
}

static void window_b(struct rt *rt, void *arg)
{
    struct window *w = arg;
    rt_preempt(rt);
    if (w->x == 1) {
        for (int i = 0; i < 50; i++)
            rt_preempt(rt);
        w->bug = w->x == 1;
    }
    rt_wg_add(rt, &w->wg, -1);
}

static void window_main(struct rt *rt, void *arg)
{
    struct window *w = arg;
    rt_wg_add(rt, &w->wg, 2);
    rt_go(rt, window_a, w);
    rt_go(rt, window_b, w);
    rt_wg_wait(rt, &w->wg);
}

/* window_bug runs the program once; returns whether b saw the bug. */
static bool window_bug(const struct rt_config *cfg)
{
    struct window w;
    memset(&w, 0, sizeof w);
    struct rt *rt = rt_new(cfg);
    rt_go(rt, window_main, &w);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    rt_free(rt);
    return w.bug;
}

static void test_pct_finds_what_go_order_misses(void **state)
{
    int go = 0, rnd = 0, pct = 0;
    uint64_t first = 0;
    for (uint64_t seed = 1; seed <= 1000; seed++) {
        struct rt_config cfg = {0};
        cfg.seed = seed;
        cfg.trace_off = true;
        go += window_bug(&cfg);
        cfg.preempt = RT_PREEMPT_RANDOM;
        cfg.preempt_prob = 0.1;
        rnd += window_bug(&cfg);
        cfg.preempt = RT_PREEMPT_NEVER;
        cfg.sched = RT_SCHED_PCT;
        cfg.pct_depth = 2;
        cfg.pct_steps = 100;
        bool bug = window_bug(&cfg);
        if (bug && !first)
            first = seed;
        pct += bug;
    }
    printf("# bug found in 1000 seeds: Go order %d, random preemption (p = 0.1) %d, "
           "PCT depth 2 over 100 steps %d (first at seed %llu)\n",
           go, rnd, pct, (unsigned long long)first);
    assert_int_equal(go, 0);
    assert_true(pct >= 1);
    assert_true(pct > rnd);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_seed_same_trace),
        cmocka_unit_test(test_seeds_give_different_schedules),
        cmocka_unit_test(test_many_goroutines_any_procs),
        cmocka_unit_test(test_highest_priority_runs_until_done),
        cmocka_unit_test(test_spinners_make_progress),
        cmocka_unit_test(test_pct_finds_what_go_order_misses),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
