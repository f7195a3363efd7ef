/* test_timer.c: virtual time details: AfterFunc callbacks run by the
 * scheduler (spawning goroutines, sending without blocking), Stop and
 * Reset with Go 1.23's no-stale-value guarantee, tickers dropping ticks a
 * slow reader misses, Sleep(0), releasing timers and channels, and the
 * clock never moving while something can run. */
#include "rt_test.h"

static struct tlog L;

static struct rt *fresh(void)
{
    memset(&L, 0, sizeof L);
    return trt_new(5, 1);
}

/* ---- AfterFunc --------------------------------------------------------------- */

static struct rt_chan *note;

static void spawned(struct rt *rt, void *arg)
{
    tlog(&L, "spawned g%lld at %lld\n", (long long)rt_g_id(rt_current(rt)), (long long)rt_now(rt));
}

static void after(struct rt *rt, struct rt_timer *t, void *arg)
{
    assert_null(rt_current(rt));
    int v = (int)(intptr_t)arg;
    bool done;
    assert_int_equal(rt_chan_trysend(rt, note, &v, &done), RT_OK);
    tlog(&L, "callback %d at %lld sent %d\n", v, (long long)rt_now(rt), done);
    rt_go(rt, spawned, NULL);
}

static void after_main(struct rt *rt, void *arg)
{
    note = rt_chan_new(rt, sizeof(int), 1, "int");
    rt_after_func(rt, 50, after, (void *)1);
    struct rt_timer *t2 = rt_after_func(rt, 70, after, (void *)2);
    struct rt_timer *t3 = rt_after_func(rt, 60, after, (void *)3);
    assert_true(rt_timer_stop(rt, t3));
    assert_false(rt_timer_stop(rt, t3));
    int v;
    rt_chan_recv(rt, note, &v, NULL);
    tlog(&L, "main got %d at %lld\n", v, (long long)rt_now(rt));
    rt_sleep(rt, 100);
    assert_false(rt_timer_reset(rt, t2, 10)); /* fired already: not pending */
    rt_sleep(rt, 20);
    rt_chan_recv(rt, note, &v, NULL);
    tlog(&L, "main got %d at %lld\n", v, (long long)rt_now(rt));
}

static void test_after_func(void **state)
{
    struct rt *rt = fresh();
    rt_go(rt, after_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    /* The goroutine a callback starts goes to runnext, ahead of main,
     * which the callback's send had readied just before. */
    assert_string_equal(L.buf, "callback 1 at 50 sent 1\nspawned g5 at 50\nmain got 1 at 50\n"
                               "callback 2 at 70 sent 1\nspawned g6 at 70\n"
                               "callback 2 at 160 sent 0\nspawned g7 at 160\n"
                               "main got 2 at 170\n");
    rt_free(rt);
}

/* ---- Stop and Reset drop stale values ------------------------------------------------- */

static void stale_main(struct rt *rt, void *arg)
{
    struct rt_timer *t = rt_timer_new(rt, 10);
    struct rt_chan *c = rt_timer_chan(t);
    assert_int_equal(rt_chan_cap(c), 0); /* Go 1.23: timer channels read 0 */
    rt_sleep(rt, 20);                    /* it fired: a value waits in the channel */
    assert_int_equal(rt_chan_len(c), 0);
    assert_false(rt_timer_stop(rt, t));
    bool ok, done;
    int64_t when = -1;
    rt_chan_tryrecv(rt, c, &when, &ok, &done);
    assert_false(done); /* the stale value is gone */
    assert_false(rt_timer_reset(rt, t, 5));
    rt_sleep(rt, 2);
    assert_true(rt_timer_reset(rt, t, 30)); /* pending: moved to 22 + 30 */
    rt_chan_recv(rt, c, &when, &ok);
    assert_int_equal(when, 52);
    assert_int_equal(rt_now(rt), 52);
    rt_timer_release(rt, t);
}

static void test_stop_reset_drop_stale_values(void **state)
{
    struct rt *rt = fresh();
    rt_go(rt, stale_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    rt_free(rt);
}

/* ---- tickers ------------------------------------------------------------------------- */

static void ticker_main(struct rt *rt, void *arg)
{
    assert_null(rt_ticker_new(rt, 0));
    struct rt_timer *tk = rt_ticker_new(rt, 10);
    int64_t when;
    rt_chan_recv(rt, rt_timer_chan(tk), &when, NULL);
    tlog(&L, "tick %lld\n", (long long)when);
    rt_sleep(rt, 35); /* misses ticks at 20, 30, 40: one is kept */
    rt_chan_recv(rt, rt_timer_chan(tk), &when, NULL);
    tlog(&L, "tick %lld at %lld\n", (long long)when, (long long)rt_now(rt));
    rt_chan_recv(rt, rt_timer_chan(tk), &when, NULL);
    tlog(&L, "tick %lld\n", (long long)when);
    rt_timer_reset(rt, tk, 100);
    rt_chan_recv(rt, rt_timer_chan(tk), &when, NULL);
    tlog(&L, "tick %lld\n", (long long)when);
    rt_chan_recv(rt, rt_timer_chan(tk), &when, NULL);
    tlog(&L, "tick %lld\n", (long long)when);
    rt_timer_stop(rt, tk);
}

static void test_ticker_drops_missed_ticks(void **state)
{
    struct rt *rt = fresh();
    rt_go(rt, ticker_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    assert_string_equal(L.buf, "tick 10\ntick 20 at 45\ntick 50\ntick 150\ntick 250\n");
    rt_free(rt);
}

/* ---- the clock waits for runnable goroutines -------------------------------------------- */

static void busy(struct rt *rt, void *arg)
{
    for (int i = 0; i < 5; i++) {
        tlog(&L, "busy %d at %lld\n", i, (long long)rt_now(rt));
        rt_sleep(rt, 0); /* Sleep(0) returns at once */
        rt_gosched(rt);
    }
}

static void clock_main(struct rt *rt, void *arg)
{
    rt_go(rt, busy, NULL);
    rt_sleep(rt, 1);
    tlog(&L, "main at %lld\n", (long long)rt_now(rt));
    struct rt_chan *c = rt_chan_new(rt, sizeof(int), 4, "int");
    int v = 1;
    rt_chan_send(rt, c, &v);
    rt_chan_release(rt, c); /* no waiters: freed at once */
    struct rt_snapshot *s = rt_snapshot_new(rt);
    assert_int_equal(s->nchans, 0);
    assert_int_equal(s->ntimers, 0);
    assert_int_equal(s->next_timer, -1);
    rt_snapshot_free(s);
}

static void test_clock_waits_for_runnable(void **state)
{
    struct rt *rt = fresh();
    rt_go(rt, clock_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    assert_string_equal(L.buf, "busy 0 at 0\nbusy 1 at 0\nbusy 2 at 0\nbusy 3 at 0\nbusy 4 at 0\n"
                               "main at 1\n");
    rt_free(rt);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_after_func),
        cmocka_unit_test(test_stop_reset_drop_stale_values),
        cmocka_unit_test(test_ticker_drops_missed_ticks),
        cmocka_unit_test(test_clock_waits_for_runnable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
