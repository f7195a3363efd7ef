/* test_scale.c: a million goroutines parked on one channel, then all
 * released, without error (100,000 under the sanitizers, which multiply
 * the memory of every stack). Also the limit on goroutines. */
#include "rt_test.h"

#if defined(__SANITIZE_ADDRESS__)
#define SCALE_N 100000
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SCALE_N 100000
#endif
#endif
#ifndef SCALE_N
#define SCALE_N 1000000
#endif

#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#endif
#endif
#ifndef RUNNING_ON_VALGRIND
#define RUNNING_ON_VALGRIND 0
#endif

/* Under valgrind (meson test --setup valgrind) every instruction costs ~50
 * times more: 20,000 goroutines there. */
static int scale_n = SCALE_N;

static struct rt_chan *ch;
static struct rt_waitgroup wg;
static int64_t sum;

static void parked(struct rt *rt, void *arg)
{
    int64_t v;
    bool ok;
    rt_chan_recv(rt, ch, &v, &ok);
    assert_true(ok);
    sum += v;
    rt_wg_add(rt, &wg, -1);
}

static void scale_main(struct rt *rt, void *arg)
{
    ch = rt_chan_new(rt, sizeof(int64_t), 0, "int");
    memset(&wg, 0, sizeof wg);
    rt_wg_add(rt, &wg, scale_n);
    for (int i = 0; i < scale_n; i++)
        rt_go(rt, parked, NULL);
    /* Let every goroutine run and park on ch. */
    rt_sleep(rt, 1);
    struct rt_snapshot *s = rt_snapshot_new(rt);
    assert_int_equal(s->ng, scale_n + 1);
    assert_int_equal(s->chans[0].nreceivers, scale_n);
    assert_int_equal(s->gs[scale_n].reason, RT_WAIT_CHAN_RECV);
    rt_snapshot_free(s);
    for (int64_t i = 1; i <= scale_n; i++)
        assert_int_equal(rt_chan_send(rt, ch, &i), RT_OK);
    rt_wg_wait(rt, &wg);
}

static void test_million_parked_then_released(void **state)
{
    if (RUNNING_ON_VALGRIND)
        scale_n = 20000;
    printf("# %d goroutines\n", scale_n);
    struct rt *rt = trt_new(1, 1);
    sum = 0;
    rt_go(rt, scale_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    assert_int_equal(sum, (int64_t)scale_n * (scale_n + 1) / 2);
    assert_int_equal(rt_counters(rt).created, (uint64_t)scale_n + 1);
    assert_int_equal(rt_counters(rt).exited, (uint64_t)scale_n);
    rt_free(rt);
}

/* Goroutines abandoned when main returns are released by rt_free, with the
 * host's data hook; a goroutine limit ends the run with a fatal error. */
static int freed;

static void count_free(void *ud, struct rt_g *g, void *data)
{
    freed += *(int *)data;
}

static int one = 1;

static void count_g(void *ud, struct rt_g *g)
{
    (*(int *)ud)++;
    assert_true(rt_g_id(g) == 1 || rt_g_data(g) == &one);
}

static void abandoned(struct rt *rt, void *arg)
{
    rt_g_set_data(rt_current(rt), &one);
    rt_chan_recv(rt, NULL, NULL, NULL);
}

static void spawn_many(struct rt *rt, void *arg)
{
    for (int i = 0; i < (int)(intptr_t)arg; i++)
        rt_go(rt, abandoned, NULL);
    rt_gosched(rt);
}

static void test_abandoned_and_limit(void **state)
{
    struct rt_config cfg = {0};
    cfg.hooks.g_free = count_free;
    cfg.max_goroutines = 11;
    struct rt *rt = rt_new(&cfg);
    freed = 0;
    rt_go(rt, spawn_many, (void *)10);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    /* The host's GC walks the goroutines still alive (main included). */
    int live = 0;
    rt_g_each(rt, count_g, &live);
    assert_int_equal(live, 11);
    rt_free(rt);
    assert_int_equal(freed, 10);
    rt = rt_new(&cfg);
    struct rt_g *g = rt_go(rt, spawn_many, (void *)11);
    rt_g_set_label(g, "main.main");
    assert_int_equal(rt_run(rt, -1), RT_FATAL);
    const char *want = "fatal error: too many goroutines\n\ngoroutine 1 [running]:\nmain.main()\n\n"
                       "goroutine 5 [runnable]:\n";
    assert_memory_equal(rt_failure_peek(rt), want, strlen(want));
    rt_free(rt);
}

/* Two runtimes in one process, stepped alternately, do not interfere. */
static void counter_main(struct rt *rt, void *arg)
{
    int *n = arg;
    struct rt_chan *c = rt_chan_new(rt, sizeof(int), 0, "int");
    rt_go(rt, parked, NULL); /* uses the global ch: never released here */
    for (int i = 0; i < 50; i++) {
        (*n)++;
        rt_sleep(rt, 10);
    }
    (void)c;
}

static void test_two_runtimes(void **state)
{
    int na = 0, nb = 0;
    struct rt *a = trt_new(1, 1), *b = trt_new(2, 2);
    ch = NULL;
    rt_go(a, counter_main, &na);
    rt_go(b, counter_main, &nb);
    enum rt_status sa = RT_RUNNING, sb = RT_RUNNING;
    while (sa == RT_RUNNING || sb == RT_RUNNING) {
        sa = rt_run(a, 3);
        sb = rt_run(b, 2);
    }
    assert_int_equal(sa, RT_EXITED);
    assert_int_equal(sb, RT_EXITED);
    assert_int_equal(na, 50);
    assert_int_equal(nb, 50);
    assert_int_equal(rt_now(a), 500);
    assert_int_equal(rt_now(b), 500);
    rt_free(a);
    rt_free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_million_parked_then_released),
        cmocka_unit_test(test_abandoned_and_limit),
        cmocka_unit_test(test_two_runtimes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
