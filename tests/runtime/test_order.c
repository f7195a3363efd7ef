/* test_order.c: Go's scheduling order at GOMAXPROCS=1. Each test mirrors a
 * small Go program (quoted above it) and expects exactly what Go 1.23
 * prints for it with GOMAXPROCS=1 (checked with the real toolchain). */
#include "rt_test.h"

static struct tlog L;

static void run_main(rt_entry_fn *fn, void *arg)
{
    memset(&L, 0, sizeof L);
    struct rt *rt = trt_new(1, 1);
    rt_go(rt, fn, arg);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    rt_free(rt);
}

/* go a(); go b(); runtime.Gosched(); close(c): receivers wake in Go's
 * order (closechan readies a gList stack: the last queued runs first). */
static struct rt_chan *close_c, *close_done;

static void close_rx(struct rt *rt, void *arg)
{
    int v = 7;
    bool ok = true;
    rt_chan_recv(rt, close_c, &v, &ok);
    tlog(&L, "r %d %d %s\n", (int)(intptr_t)arg, v, ok ? "true" : "false");
    bool t = true;
    rt_chan_send(rt, close_done, &t);
}

static void close_main(struct rt *rt, void *arg)
{
    close_c = rt_chan_new(rt, sizeof(int), 0, "int");
    close_done = rt_chan_new(rt, sizeof(bool), 3, "bool");
    for (intptr_t i = 1; i <= 3; i++)
        rt_go(rt, close_rx, (void *)i);
    rt_gosched(rt);
    assert_int_equal(rt_chan_close(rt, close_c), RT_OK);
    tlog(&L, "closed\n");
    for (int i = 0; i < 3; i++)
        rt_chan_recv(rt, close_done, NULL, NULL);
}

static void test_close_wakes_all_in_go_order(void **state)
{
    run_main(close_main, NULL);
    assert_string_equal(L.buf, "closed\nr 3 0 false\nr 2 0 false\nr 1 0 false\n");
}

/* Buffered channel of cap 2 with four senders: two fill the buffer, two
 * queue; receives take the buffer head and pull the queued senders in. */
static struct rt_chan *buf_c, *buf_done;

static void buf_tx(struct rt *rt, void *arg)
{
    int v = (int)(intptr_t)arg;
    rt_chan_send(rt, buf_c, &v);
    tlog(&L, "sent %d\n", v);
    bool t = true;
    rt_chan_send(rt, buf_done, &t);
}

static void buf_main(struct rt *rt, void *arg)
{
    buf_c = rt_chan_new(rt, sizeof(int), 2, "int");
    buf_done = rt_chan_new(rt, sizeof(bool), 0, "bool");
    for (intptr_t i = 1; i <= 4; i++)
        rt_go(rt, buf_tx, (void *)i);
    rt_gosched(rt);
    tlog(&L, "len %zu cap %zu\n", rt_chan_len(buf_c), rt_chan_cap(buf_c));
    for (int i = 0; i < 4; i++) {
        int v;
        rt_chan_recv(rt, buf_c, &v, NULL);
        tlog(&L, "recv %d\n", v);
    }
    for (int i = 0; i < 4; i++)
        rt_chan_recv(rt, buf_done, NULL, NULL);
}

static void test_buffered_fifo_and_sender_queue(void **state)
{
    run_main(buf_main, NULL);
    assert_string_equal(L.buf, "sent 4\nsent 1\nlen 2 cap 2\nrecv 4\nrecv 1\nrecv 2\nrecv 3\n"
                               "sent 2\nsent 3\n");
}

/* Ping-pong over two unbuffered channels, then range ends on close. */
static struct rt_chan *pp_a, *pp_b;

static void pong(struct rt *rt, void *arg)
{
    int v;
    bool ok;
    for (;;) {
        rt_chan_recv(rt, pp_a, &v, &ok);
        if (!ok)
            break;
        tlog(&L, "pong %d\n", v);
        v++;
        rt_chan_send(rt, pp_b, &v);
    }
    rt_chan_close(rt, pp_b);
}

static void pp_main(struct rt *rt, void *arg)
{
    pp_a = rt_chan_new(rt, sizeof(int), 0, "int");
    pp_b = rt_chan_new(rt, sizeof(int), 0, "int");
    rt_go(rt, pong, NULL);
    for (int i = 0; i < 3; i++) {
        int v = i * 10;
        rt_chan_send(rt, pp_a, &v);
        rt_chan_recv(rt, pp_b, &v, NULL);
        tlog(&L, "ping got %d\n", v);
    }
    rt_chan_close(rt, pp_a);
    bool ok = true;
    rt_chan_recv(rt, pp_b, NULL, &ok);
    tlog(&L, "b closed %s\n", ok ? "false" : "true");
}

static void test_pingpong_and_close(void **state)
{
    run_main(pp_main, NULL);
    assert_string_equal(L.buf, "pong 0\nping got 1\npong 10\nping got 11\npong 20\nping got 21\n"
                               "b closed true\n");
}

/* `go` puts the new goroutine in runnext: the last spawned runs first. */
static struct rt_waitgroup spawn_wg;

static void spawn_child(struct rt *rt, void *arg)
{
    tlog(&L, "g %d\n", (int)(intptr_t)arg);
    assert_int_equal(rt_wg_add(rt, &spawn_wg, -1), RT_OK);
}

static void spawn_main(struct rt *rt, void *arg)
{
    memset(&spawn_wg, 0, sizeof spawn_wg);
    for (intptr_t i = 1; i <= 5; i++) {
        rt_wg_add(rt, &spawn_wg, 1);
        rt_go(rt, spawn_child, (void *)i);
    }
    rt_wg_wait(rt, &spawn_wg);
    tlog(&L, "done\n");
}

static void test_spawn_runnext_order(void **state)
{
    run_main(spawn_main, NULL);
    assert_string_equal(L.buf, "g 5\ng 1\ng 2\ng 3\ng 4\ndone\n");
}

/* Mutex waiters are served in FIFO order. */
static struct rt_mutex mu;
static struct rt_waitgroup mu_wg;

static void mu_child(struct rt *rt, void *arg)
{
    rt_mutex_lock(rt, &mu);
    tlog(&L, "locked %d\n", (int)(intptr_t)arg);
    rt_mutex_unlock(rt, &mu);
    rt_wg_add(rt, &mu_wg, -1);
}

static void mu_main(struct rt *rt, void *arg)
{
    memset(&mu, 0, sizeof mu);
    memset(&mu_wg, 0, sizeof mu_wg);
    rt_mutex_lock(rt, &mu);
    for (intptr_t i = 1; i <= 3; i++) {
        rt_wg_add(rt, &mu_wg, 1);
        rt_go(rt, mu_child, (void *)i);
    }
    rt_gosched(rt);
    tlog(&L, "main unlocks\n");
    rt_mutex_unlock(rt, &mu);
    rt_wg_wait(rt, &mu_wg);
}

static void test_mutex_fifo(void **state)
{
    run_main(mu_main, NULL);
    assert_string_equal(L.buf, "main unlocks\nlocked 3\nlocked 1\nlocked 2\n");
}

/* A waiting writer blocks new readers (writer preference). */
static struct rt_rwmutex rw;
static struct rt_waitgroup rw_wg;

static void rw_writer(struct rt *rt, void *arg)
{
    rt_rw_lock(rt, &rw);
    tlog(&L, "writer\n");
    rt_rw_unlock(rt, &rw);
    rt_wg_add(rt, &rw_wg, -1);
}

static void rw_reader(struct rt *rt, void *arg)
{
    rt_rw_rlock(rt, &rw);
    tlog(&L, "reader2\n");
    rt_rw_runlock(rt, &rw);
    rt_wg_add(rt, &rw_wg, -1);
}

static void rw_main(struct rt *rt, void *arg)
{
    memset(&rw, 0, sizeof rw);
    memset(&rw_wg, 0, sizeof rw_wg);
    rt_rw_rlock(rt, &rw);
    rt_wg_add(rt, &rw_wg, 2);
    rt_go(rt, rw_writer, NULL);
    rt_gosched(rt);
    rt_go(rt, rw_reader, NULL);
    rt_gosched(rt);
    tlog(&L, "main runlock\n");
    rt_rw_runlock(rt, &rw);
    rt_wg_wait(rt, &rw_wg);
}

static void test_rwmutex_writer_preference(void **state)
{
    run_main(rw_main, NULL);
    assert_string_equal(L.buf, "main runlock\nwriter\nreader2\n");
}

/* Cond: Signal wakes the oldest waiter, Broadcast the rest. */
static struct rt_mutex cmu;
static struct rt_cond cond;
static struct rt_waitgroup cwg;
static int cready;

static void cond_child(struct rt *rt, void *arg)
{
    rt_mutex_lock(rt, &cmu);
    while (cready == 0)
        rt_cond_wait(rt, &cond, &cmu);
    tlog(&L, "woke %d\n", (int)(intptr_t)arg);
    rt_mutex_unlock(rt, &cmu);
    rt_wg_add(rt, &cwg, -1);
}

static void cond_main(struct rt *rt, void *arg)
{
    memset(&cmu, 0, sizeof cmu);
    memset(&cond, 0, sizeof cond);
    memset(&cwg, 0, sizeof cwg);
    cready = 0;
    for (intptr_t i = 1; i <= 3; i++) {
        rt_wg_add(rt, &cwg, 1);
        rt_go(rt, cond_child, (void *)i);
    }
    rt_gosched(rt);
    rt_mutex_lock(rt, &cmu);
    cready = 1;
    rt_cond_signal(rt, &cond);
    rt_mutex_unlock(rt, &cmu);
    rt_gosched(rt);
    rt_mutex_lock(rt, &cmu);
    rt_cond_broadcast(rt, &cond);
    rt_mutex_unlock(rt, &cmu);
    rt_wg_wait(rt, &cwg);
}

static void test_cond_signal_broadcast(void **state)
{
    run_main(cond_main, NULL);
    assert_string_equal(L.buf, "woke 3\nwoke 2\nwoke 1\n");
}

/* Sleeps, a timer and a ticker on the virtual clock. */
static struct rt_waitgroup twg;

static void sleeper(struct rt *rt, void *arg)
{
    int d = (int)(intptr_t)arg;
    rt_sleep(rt, d * 1000000LL);
    tlog(&L, "woke %d at %lld\n", d, (long long)rt_now(rt));
    rt_wg_add(rt, &twg, -1);
}

static void timers_main(struct rt *rt, void *arg)
{
    memset(&twg, 0, sizeof twg);
    int ds[] = {30, 10, 20};
    for (int i = 0; i < 3; i++) {
        rt_wg_add(rt, &twg, 1);
        rt_go(rt, sleeper, (void *)(intptr_t)ds[i]);
    }
    struct rt_timer *t = rt_timer_new(rt, 15000000);
    int64_t when;
    rt_chan_recv(rt, rt_timer_chan(t), &when, NULL);
    tlog(&L, "timer %lld\n", (long long)when);
    struct rt_timer *tk = rt_ticker_new(rt, 4000000);
    for (int i = 0; i < 3; i++) {
        rt_chan_recv(rt, rt_timer_chan(tk), &when, NULL);
        tlog(&L, "tick %lld\n", (long long)when);
    }
    rt_timer_stop(rt, tk);
    rt_wg_wait(rt, &twg);
    struct rt_timer *t2 = rt_timer_new(rt, 3600000000000LL);
    bool s1 = rt_timer_stop(rt, t2);
    bool s2 = rt_timer_stop(rt, t2);
    tlog(&L, "stop %d %d\n", s1, s2);
    rt_sleep(rt, 3600000000000LL);
    tlog(&L, "an hour later %lld\n", (long long)rt_now(rt));
}

static void test_timers_virtual_clock(void **state)
{
    run_main(timers_main, NULL);
    assert_string_equal(L.buf, "woke 10 at 10000000\ntimer 15000000\ntick 19000000\n"
                               "woke 20 at 20000000\ntick 23000000\ntick 27000000\n"
                               "woke 30 at 30000000\nstop 1 0\nan hour later 3600030000000\n");
}

/* An unbuffered producer and a range loop. */
static struct rt_chan *ub;

static void ub_producer(struct rt *rt, void *arg)
{
    for (int i = 0; i < 3; i++) {
        rt_chan_send(rt, ub, &i);
        tlog(&L, "sent %d\n", i);
    }
    rt_chan_close(rt, ub);
}

static void ub_main(struct rt *rt, void *arg)
{
    ub = rt_chan_new(rt, sizeof(int), 0, "int");
    rt_go(rt, ub_producer, NULL);
    int v;
    bool ok;
    for (;;) {
        rt_chan_recv(rt, ub, &v, &ok);
        if (!ok)
            break;
        tlog(&L, "recv %d\n", v);
    }
}

static void test_unbuffered_range(void **state)
{
    run_main(ub_main, NULL);
    assert_string_equal(L.buf, "sent 0\nrecv 0\nrecv 1\nsent 1\nsent 2\nrecv 2\n");
}

/* A worker pool: jobs fan out, results fan in, a closer waits on the group. */
static struct rt_chan *jobs, *results;
static struct rt_waitgroup pool_wg;

static void pool_worker(struct rt *rt, void *arg)
{
    int j;
    bool ok;
    for (;;) {
        rt_chan_recv(rt, jobs, &j, &ok);
        if (!ok)
            break;
        tlog(&L, "worker %d job %d\n", (int)(intptr_t)arg, j);
        int r = j * 10;
        rt_chan_send(rt, results, &r);
    }
    rt_wg_add(rt, &pool_wg, -1);
}

static void pool_closer(struct rt *rt, void *arg)
{
    rt_wg_wait(rt, &pool_wg);
    rt_chan_close(rt, results);
}

static void pool_main(struct rt *rt, void *arg)
{
    memset(&pool_wg, 0, sizeof pool_wg);
    jobs = rt_chan_new(rt, sizeof(int), 5, "int");
    results = rt_chan_new(rt, sizeof(int), 5, "int");
    for (intptr_t w = 1; w <= 3; w++) {
        rt_wg_add(rt, &pool_wg, 1);
        rt_go(rt, pool_worker, (void *)w);
    }
    for (int j = 1; j <= 5; j++)
        rt_chan_send(rt, jobs, &j);
    rt_chan_close(rt, jobs);
    rt_go(rt, pool_closer, NULL);
    int r;
    bool ok;
    for (;;) {
        rt_chan_recv(rt, results, &r, &ok);
        if (!ok)
            break;
        tlog(&L, "result %d\n", r);
    }
}

static void test_worker_pool(void **state)
{
    run_main(pool_main, NULL);
    assert_string_equal(L.buf, "worker 1 job 1\nworker 1 job 2\nworker 1 job 3\nworker 1 job 4\n"
                               "worker 1 job 5\nresult 10\nresult 20\nresult 30\nresult 40\n"
                               "result 50\n");
}

/* select with a time.After timeout. */
static struct rt_chan *to_c;

static void late_sender(struct rt *rt, void *arg)
{
    rt_sleep(rt, 50000000);
    int v = 1;
    rt_chan_send(rt, to_c, &v);
}

static void timeout_main(struct rt *rt, void *arg)
{
    to_c = rt_chan_new(rt, sizeof(int), 0, "int");
    rt_go(rt, late_sender, NULL);
    int v = 0;
    int64_t when;
    struct rt_case cs[2] = {
        {.chan = to_c, .dir = RT_RECV, .elem = &v},
        {.chan = rt_timer_chan(rt_timer_new(rt, 20000000)), .dir = RT_RECV, .elem = &when}};
    int chosen = -1;
    rt_select(rt, cs, 2, false, &chosen);
    if (chosen == 0)
        tlog(&L, "got %d\n", v);
    else
        tlog(&L, "timeout\n");
    rt_chan_recv(rt, to_c, &v, NULL);
    tlog(&L, "%d\n", v);
}

static void test_select_timeout(void **state)
{
    run_main(timeout_main, NULL);
    assert_string_equal(L.buf, "timeout\n1\n");
}

/* Go's Mutex: an unlocker may take the lock again before the waiter it woke
 * runs (barging); a waiter kept waiting over 1 ms gets it handed over. */
static struct rt_mutex bm;
static struct rt_chan *bdone;
static struct rt_waitgroup bwg;

static void barge_waiter(struct rt *rt, void *arg)
{
    rt_mutex_lock(rt, &bm);
    tlog(&L, "g got it\n");
    rt_mutex_unlock(rt, &bm);
    bool t = true;
    rt_chan_send(rt, bdone, &t);
}

static void starver(struct rt *rt, void *arg)
{
    for (int j = 0; j < 3; j++) {
        rt_mutex_lock(rt, &bm);
        tlog(&L, "%d %d\n", (int)(intptr_t)arg, j);
        rt_sleep(rt, 5000000);
        rt_mutex_unlock(rt, &bm);
    }
    rt_wg_add(rt, &bwg, -1);
}

static void barge_main(struct rt *rt, void *arg)
{
    memset(&bm, 0, sizeof bm);
    memset(&bwg, 0, sizeof bwg);
    bdone = rt_chan_new(rt, sizeof(bool), 0, "bool");
    rt_mutex_lock(rt, &bm);
    rt_go(rt, barge_waiter, NULL);
    rt_gosched(rt);
    rt_mutex_unlock(rt, &bm);
    rt_mutex_lock(rt, &bm);
    tlog(&L, "main relocked\n");
    rt_mutex_unlock(rt, &bm);
    rt_chan_recv(rt, bdone, NULL, NULL);
    for (intptr_t i = 0; i < 2; i++) {
        rt_wg_add(rt, &bwg, 1);
        rt_go(rt, starver, (void *)i);
    }
    rt_wg_wait(rt, &bwg);
}

static void test_mutex_barging_and_starvation(void **state)
{
    run_main(barge_main, NULL);
    assert_string_equal(L.buf, "main relocked\ng got it\n1 0\n1 1\n0 0\n0 1\n1 2\n0 2\n");
}

/* Timers due together fire as one batch, each woken goroutine into
 * runnext: the last one set runs first (Go 1.23 prints the same). */
static void batch_sleeper(struct rt *rt, void *arg)
{
    rt_sleep(rt, 100000000);
    tlog(&L, "woke %d\n", (int)(intptr_t)arg);
}

static void batch_main(struct rt *rt, void *arg)
{
    for (intptr_t i = 0; i < 4; i++)
        rt_go(rt, batch_sleeper, (void *)i);
    struct rt_timer *t = rt_timer_new(rt, 100000000);
    rt_chan_recv(rt, rt_timer_chan(t), NULL, NULL);
    tlog(&L, "main timer\n");
    rt_sleep(rt, 200000000);
}

static void test_timer_batch_order(void **state)
{
    run_main(batch_main, NULL);
    assert_string_equal(L.buf, "woke 2\nmain timer\nwoke 3\nwoke 0\nwoke 1\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_close_wakes_all_in_go_order),
        cmocka_unit_test(test_buffered_fifo_and_sender_queue),
        cmocka_unit_test(test_pingpong_and_close),
        cmocka_unit_test(test_spawn_runnext_order),
        cmocka_unit_test(test_mutex_fifo),
        cmocka_unit_test(test_rwmutex_writer_preference),
        cmocka_unit_test(test_cond_signal_broadcast),
        cmocka_unit_test(test_timers_virtual_clock),
        cmocka_unit_test(test_unbuffered_range),
        cmocka_unit_test(test_worker_pool),
        cmocka_unit_test(test_select_timeout),
        cmocka_unit_test(test_mutex_barging_and_starvation),
        cmocka_unit_test(test_timer_batch_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
