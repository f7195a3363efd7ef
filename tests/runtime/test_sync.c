/* test_sync.c: sync and sync/atomic semantics not covered by the ordering
 * tests: Once, WaitGroup with several waiters, TryLock, Cond with a host
 * Locker (the ticket API), copies of locked values, atomics in the trace. */
#include "rt_test.h"

static struct tlog L;

static struct rt *fresh(void)
{
    memset(&L, 0, sizeof L);
    return trt_new(3, 1);
}

/* ---- Once ------------------------------------------------------------------- */

static struct rt_once once;
static int once_runs;

static void once_fn(struct rt *rt, void *arg)
{
    once_runs++;
    tlog(&L, "init by %lld\n", (long long)rt_g_id(rt_current(rt)));
    rt_sleep(rt, 100); /* the others arrive while f runs, and wait */
}

static void once_user(struct rt *rt, void *arg)
{
    rt_once_do(rt, &once, once_fn, NULL);
    tlog(&L, "g%lld past Do at %lld\n", (long long)rt_g_id(rt_current(rt)), (long long)rt_now(rt));
}

static void once_main(struct rt *rt, void *arg)
{
    memset(&once, 0, sizeof once);
    once_runs = 0;
    rt_go(rt, once_user, NULL);
    rt_go(rt, once_user, NULL);
    rt_sleep(rt, 1000);
    rt_once_do(rt, &once, once_fn, NULL);
}

static void test_once(void **state)
{
    struct rt *rt = fresh();
    rt_go(rt, once_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    assert_int_equal(once_runs, 1);
    assert_string_equal(L.buf, "init by 6\ng6 past Do at 100\ng5 past Do at 100\n");
    rt_free(rt);
}

/* ---- WaitGroup with several waiters ------------------------------------------------ */

static struct rt_waitgroup wg;

static void waiter(struct rt *rt, void *arg)
{
    rt_wg_wait(rt, &wg);
    tlog(&L, "waiter %d\n", (int)(intptr_t)arg);
}

static void wg_main(struct rt *rt, void *arg)
{
    memset(&wg, 0, sizeof wg);
    rt_wg_wait(rt, &wg); /* zero counter: returns at once */
    rt_wg_add(rt, &wg, 2);
    for (intptr_t i = 1; i <= 3; i++)
        rt_go(rt, waiter, (void *)i);
    rt_gosched(rt);
    tlog(&L, "done 1\n");
    rt_wg_add(rt, &wg, -1);
    rt_gosched(rt);
    tlog(&L, "done 2\n");
    rt_wg_add(rt, &wg, -1);
    rt_gosched(rt);
    /* Reuse after the wait returned is fine. */
    rt_wg_add(rt, &wg, 1);
    rt_wg_add(rt, &wg, -1);
    assert_int_equal(rt_wg_add(rt, &wg, -1), RT_ERR_WG_NEGATIVE);
}

static void test_waitgroup_wakes_every_waiter(void **state)
{
    struct rt *rt = fresh();
    rt_go(rt, wg_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    assert_string_equal(L.buf, "done 1\ndone 2\nwaiter 2\nwaiter 3\nwaiter 1\n");
    rt_free(rt);
}

/* ---- WaitGroup reuse: Go's Wait panics when, after it was woken, the
 * WaitGroup was used again before it returned ---------------------------------------------- */

static void reuse_waiter(struct rt *rt, void *arg)
{
    enum rt_err e = rt_wg_wait(rt, &wg);
    tlog(&L, "wait %d: %s\n", (int)(intptr_t)arg, e ? rt_error_text(e) : "ok");
}

static void reuse_main(struct rt *rt, void *arg)
{
    memset(&wg, 0, sizeof wg);
    rt_wg_add(rt, &wg, 1);
    rt_go(rt, reuse_waiter, (void *)1);
    rt_gosched(rt);         /* the waiter parks */
    rt_wg_add(rt, &wg, -1); /* wakes it (runnext) */
    if (arg)
        rt_wg_add(rt, &wg, 1); /* reused before its Wait returned */
    rt_gosched(rt);
    tlog(&L, "main: counter %lld\n", (long long)wg.counter);
    if (!arg)
        return;
    /* Used again only after every Wait returned: no panic. Two waiters
     * woken together both return normally, the last woken first. */
    rt_wg_add(rt, &wg, -1);
    rt_go(rt, reuse_waiter, (void *)2);
    rt_wg_add(rt, &wg, 1);
    rt_go(rt, reuse_waiter, (void *)3);
    rt_gosched(rt);         /* 3 parks, then 2 */
    rt_wg_add(rt, &wg, -1); /* wakes 3 then 2, each into runnext */
    rt_gosched(rt);
}

static void test_waitgroup_reused_before_wait_returned(void **state)
{
    struct rt *rt = fresh();
    rt_go(rt, reuse_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    assert_string_equal(L.buf, "wait 1: ok\nmain: counter 0\n");
    rt_free(rt);

    rt = fresh();
    rt_go(rt, reuse_main, (void *)1);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    assert_string_equal(L.buf, "wait 1: sync: WaitGroup is reused before previous Wait has "
                               "returned\nmain: counter 1\nwait 2: ok\nwait 3: ok\n");
    rt_free(rt);
}

/* ---- Mutex details ---------------------------------------------------------------------- */

static void mutex_main(struct rt *rt, void *arg)
{
    struct rt_mutex m = {0};
    assert_true(rt_mutex_trylock(rt, &m));
    assert_false(rt_mutex_trylock(rt, &m));
    /* Copying a locked Mutex copies the locked state, as in Go. */
    struct rt_mutex copy = m;
    assert_false(rt_mutex_trylock(rt, &copy));
    assert_int_equal(rt_mutex_unlock(rt, &copy), RT_OK);
    assert_true(rt_mutex_trylock(rt, &copy));
    assert_int_equal(rt_mutex_unlock(rt, &m), RT_OK);
    assert_true(rt_mutex_trylock(rt, &m));
}

static void test_mutex_trylock_and_copies(void **state)
{
    struct rt *rt = fresh();
    rt_go(rt, mutex_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    rt_free(rt);
}

/* ---- Cond with a host-side Locker --------------------------------------------------------- */

/* The host's own lock: an RWMutex's read side as Cond.L (sync.NewCond(rw.RLocker())). */
static struct rt_rwmutex rw;
static struct rt_cond cond;
static int flag;

static void rlocker_waiter(struct rt *rt, void *arg)
{
    rt_rw_rlock(rt, &rw);
    while (!flag) {
        uint32_t t = rt_cond_ticket(rt, &cond);
        rt_rw_runlock(rt, &rw);
        rt_cond_wait_ticket(rt, &cond, t);
        rt_rw_rlock(rt, &rw);
    }
    tlog(&L, "reader %d sees flag\n", (int)(intptr_t)arg);
    rt_rw_runlock(rt, &rw);
}

static void cond_main(struct rt *rt, void *arg)
{
    memset(&rw, 0, sizeof rw);
    memset(&cond, 0, sizeof cond);
    flag = 0;
    rt_go(rt, rlocker_waiter, (void *)1);
    rt_go(rt, rlocker_waiter, (void *)2);
    rt_gosched(rt);
    rt_cond_signal(rt, &cond); /* wakes one, which sees no flag and waits again */
    rt_gosched(rt);
    rt_rw_lock(rt, &rw);
    flag = 1;
    rt_rw_unlock(rt, &rw);
    rt_cond_broadcast(rt, &cond);
    rt_sleep(rt, 1);
    /* Broadcast with no waiters, then a signal: nothing to wake. */
    rt_cond_broadcast(rt, &cond);
    rt_cond_signal(rt, &cond);
}

static void test_cond_with_host_locker(void **state)
{
    struct rt *rt = fresh();
    rt_go(rt, cond_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    assert_string_equal(L.buf, "reader 2 sees flag\nreader 1 sees flag\n");
    rt_free(rt);
}

/* ---- RWMutex: readers share, a writer excludes ---------------------------------------------- */

static void reader(struct rt *rt, void *arg)
{
    rt_rw_rlock(rt, &rw);
    tlog(&L, "r%d in at %lld\n", (int)(intptr_t)arg, (long long)rt_now(rt));
    rt_sleep(rt, 10);
    rt_rw_runlock(rt, &rw);
}

static void writer(struct rt *rt, void *arg)
{
    rt_rw_lock(rt, &rw);
    tlog(&L, "w in at %lld\n", (long long)rt_now(rt));
    rt_sleep(rt, 10);
    assert_int_equal(rt_rw_unlock(rt, &rw), RT_OK);
}

static void rw_main(struct rt *rt, void *arg)
{
    memset(&rw, 0, sizeof rw);
    rt_go(rt, reader, (void *)1);
    rt_go(rt, reader, (void *)2);
    rt_sleep(rt, 1);
    rt_go(rt, writer, NULL);
    rt_sleep(rt, 1);
    rt_go(rt, reader, (void *)3); /* arrives while the writer waits */
    rt_sleep(rt, 100);
}

static void test_rwmutex_readers_share(void **state)
{
    struct rt *rt = fresh();
    rt_go(rt, rw_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    assert_string_equal(L.buf, "r2 in at 0\nr1 in at 0\nw in at 10\nr3 in at 20\n");
    rt_free(rt);
}

/* RWMutex TryLock and TryRLock never wait, and fail exactly when Go's do:
 * TryRLock while a writer holds or waits, TryLock while anyone holds it. */
static void try_writer(struct rt *rt, void *arg)
{
    rt_rw_lock(rt, &rw); /* waits for the reader */
    tlog(&L, "w in\n");
    rt_rw_unlock(rt, &rw);
}

static void rw_try_main(struct rt *rt, void *arg)
{
    memset(&rw, 0, sizeof rw);
    assert_true(rt_rw_tryrlock(rt, &rw));
    assert_true(rt_rw_tryrlock(rt, &rw));
    assert_false(rt_rw_trylock(rt, &rw)); /* readers hold it */
    rt_rw_runlock(rt, &rw);
    rt_go(rt, try_writer, NULL);
    rt_gosched(rt);                        /* the writer now waits for our read lock */
    assert_false(rt_rw_tryrlock(rt, &rw)); /* a writer is pending */
    assert_false(rt_rw_trylock(rt, &rw));
    tlog(&L, "r out\n");
    rt_rw_runlock(rt, &rw); /* lets the writer in */
    rt_gosched(rt);
    assert_true(rt_rw_trylock(rt, &rw));
    assert_false(rt_rw_tryrlock(rt, &rw));
    assert_false(rt_rw_trylock(rt, &rw));
    assert_int_equal(rt_rw_unlock(rt, &rw), RT_OK);
    assert_true(rt_rw_tryrlock(rt, &rw));
    assert_int_equal(rt_rw_runlock(rt, &rw), RT_OK);
    assert_int_equal(rw.readers, 0);
    assert_int_equal(rw.w.state, 0);
}

static void test_rwmutex_trylocks(void **state)
{
    struct rt *rt = fresh();
    rt_go(rt, rw_try_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    assert_string_equal(L.buf, "r out\nw in\n");
    rt_free(rt);
}

/* ---- atomics ------------------------------------------------------------------------------- */

static void atomic_main(struct rt *rt, void *arg)
{
    int32_t a = 0;
    int64_t b = 0;
    assert_int_equal(rt_atomic_add32(rt, &a, 5), 5);
    assert_int_equal(rt_atomic_add64(rt, &b, -7), -7);
    assert_int_equal(rt_atomic_swap32(rt, &a, 9), 5);
    assert_int_equal(rt_atomic_swap64(rt, &b, 1), -7);
    assert_false(rt_atomic_cas32(rt, &a, 5, 6));
    assert_true(rt_atomic_cas32(rt, &a, 9, 6));
    assert_true(rt_atomic_cas64(rt, &b, 1, 2));
    rt_atomic_store32(rt, &a, 40);
    rt_atomic_store64(rt, &b, 50);
    assert_int_equal(rt_atomic_load32(rt, &a), 40);
    assert_int_equal(rt_atomic_load64(rt, &b), 50);
    assert_int_equal(rt_atomic_add32(rt, &a, INT32_MAX), (int32_t)(40u + (uint32_t)INT32_MAX));
}

static void test_atomics_and_their_events(void **state)
{
    struct rt *rt = fresh();
    rt_go(rt, atomic_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    struct rt_event ev[64];
    size_t n = rt_trace_read(rt, 1, ev, 64);
    int loads = 0, stores = 0, rmws = 0;
    for (size_t i = 0; i < n; i++) {
        loads += ev[i].kind == RT_EV_ATOMIC_LOAD;
        stores += ev[i].kind == RT_EV_ATOMIC_STORE;
        rmws += ev[i].kind == RT_EV_ATOMIC_RMW;
    }
    assert_int_equal(loads, 3); /* two loads and the failed CAS */
    assert_int_equal(stores, 2);
    assert_int_equal(rmws, 7);
    rt_free(rt);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_once),
        cmocka_unit_test(test_waitgroup_wakes_every_waiter),
        cmocka_unit_test(test_waitgroup_reused_before_wait_returned),
        cmocka_unit_test(test_mutex_trylock_and_copies),
        cmocka_unit_test(test_cond_with_host_locker),
        cmocka_unit_test(test_rwmutex_readers_share),
        cmocka_unit_test(test_rwmutex_trylocks),
        cmocka_unit_test(test_atomics_and_their_events),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
