/* test_race_rt.c: the race detector of runtime/race.c, driven from C.
 *
 * Each scenario is a Go program written as C goroutines on the runtime:
 * "accesses" are rt_race_read / rt_race_write calls with made-up sites
 * (function and line of an imaginary /tmp/x.go), synchronisation is the
 * runtime's own channels, select, sync objects, atomics and timers. A racy
 * scenario must report (exactly one finding where the schedule makes it
 * deterministic), a race-free one must report nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "rt_impl.h" /* rt_race_nslots */

static const char *const FILE_X = "/tmp/x.go";
static const char *const F_MAIN = "main.main";
static const char *const F_FUNC1 = "main.main.func1";
static const char *const F_FUNC2 = "main.main.func2";
static const char *const F_FUNC3 = "main.main.func3";

/* The variables the programs share (reset by run()). */
static int64_t x, y, flag;
static int64_t arr[64];

static rt_site at(struct rt *rt, const char *func, int line)
{
    return rt_site_intern(rt, 0, func, FILE_X, line);
}

static void rd(struct rt *rt, const void *p, const char *func, int line)
{
    rt_race_read(rt, p, at(rt, func, line));
}

static void wr(struct rt *rt, const void *p, const char *func, int line)
{
    rt_race_write(rt, p, at(rt, func, line));
}

/* spawn is `go fn()` at x.go:line of main.main. */
static struct rt_g *spawn(struct rt *rt, rt_entry_fn *fn, void *arg, int line)
{
    struct rt_g *g = rt_go(rt, fn, arg);
    rt_g_set_created_site(g, at(rt, F_MAIN, line));
    return g;
}

static struct rt *last_rt;

/* The site hook: goroutines set here_site just before a runtime operation
 * that asks for the current site (channel send and close, atomics). */
static rt_site here_site;

static uint32_t site_hook(void *ud, const struct rt_g *g, void *data)
{
    return here_site;
}

static void here(struct rt *rt, const char *func, int line)
{
    here_site = at(rt, func, line);
}

/* run runs main_fn as goroutine 1 with the race detector on and returns
 * how many races it found; the runtime stays in last_rt until the next
 * run (for tests that look at the findings). */
static size_t run_seed(rt_entry_fn *main_fn, uint64_t seed)
{
    if (last_rt)
        rt_free(last_rt);
    x = y = flag = 0;
    here_site = 0;
    memset(arr, 0, sizeof arr);
    struct rt_config cfg = {0};
    cfg.seed = seed;
    cfg.race = true;
    cfg.hooks.site = site_hook;
    last_rt = rt_new(&cfg);
    assert_non_null(last_rt);
    rt_go(last_rt, main_fn, NULL);
    enum rt_status st = rt_run(last_rt, -1);
    assert_int_equal(st, RT_EXITED);
    return rt_findings_count(last_rt, RT_FIND_RACE);
}

static size_t run(rt_entry_fn *main_fn)
{
    return run_seed(main_fn, 1);
}

static int teardown(void **state)
{
    (void)state;
    rt_free(last_rt);
    last_rt = NULL;
    return 0;
}

/* ---- the go statement ----------------------------------------------------- */

static struct rt_waitgroup wg;

static void g_read_x(struct rt *rt, void *arg)
{
    rd(rt, &x, F_FUNC1, 10);
    rt_wg_add(rt, &wg, -1);
}

static void main_go_clean(struct rt *rt, void *arg)
{
    memset(&wg, 0, sizeof wg);
    wr(rt, &x, F_MAIN, 7); /* before the go statement */
    rt_wg_add(rt, &wg, 1);
    spawn(rt, g_read_x, NULL, 8);
    rt_wg_wait(rt, &wg);
    wr(rt, &x, F_MAIN, 12); /* after Wait */
}

static void test_go_statement_orders_parent_before_child(void **state)
{
    assert_int_equal(run(main_go_clean), 0);
}

static void main_go_racy(struct rt *rt, void *arg)
{
    memset(&wg, 0, sizeof wg);
    rt_wg_add(rt, &wg, 1);
    spawn(rt, g_read_x, NULL, 8);
    wr(rt, &x, F_MAIN, 9); /* after the go statement: concurrent */
    rt_wg_wait(rt, &wg);
}

static void test_write_after_go_races_with_child(void **state)
{
    assert_int_equal(run(main_go_racy), 1);
}

/* ---- unsynchronised counter, write/write, read/write ------------------------- */

static void g_counter(struct rt *rt, void *arg)
{
    for (int i = 0; i < 3; i++) {
        rd(rt, &x, F_FUNC1, 15); /* counter++ */
        wr(rt, &x, F_FUNC1, 15);
        rt_gosched(rt);
    }
    rt_wg_add(rt, &wg, -1);
}

static void main_counter(struct rt *rt, void *arg)
{
    memset(&wg, 0, sizeof wg);
    rt_wg_add(rt, &wg, 2);
    spawn(rt, g_counter, NULL, 13);
    spawn(rt, g_counter, NULL, 13);
    rt_wg_wait(rt, &wg);
    rd(rt, &x, F_MAIN, 20); /* ordered after both by Wait */
}

static void test_unsynchronised_counter_reports_once(void **state)
{
    /* The read/write and write/write races on counter++ share a site
     * pair: Go prints one report, so do we. */
    assert_int_equal(run(main_counter), 1);
}

static void g_write_x_line(struct rt *rt, void *arg)
{
    wr(rt, &x, F_FUNC1, (int)(intptr_t)arg);
    rt_wg_add(rt, &wg, -1);
}

static void main_write_write(struct rt *rt, void *arg)
{
    memset(&wg, 0, sizeof wg);
    rt_wg_add(rt, &wg, 2);
    spawn(rt, g_write_x_line, (void *)(intptr_t)10, 9);
    spawn(rt, g_write_x_line, (void *)(intptr_t)11, 12);
    rt_wg_wait(rt, &wg);
}

static void test_write_write(void **state)
{
    assert_int_equal(run(main_write_write), 1);
    size_t n;
    const struct rt_finding *f = rt_findings(last_rt, &n);
    assert_int_equal(f[0].kind, RT_FIND_RACE);
    assert_int_equal(f[0].ng, 2);
    /* The second goroutine started runs first (runnext). */
    assert_string_equal(f[0].summary, "data race: write at x.go:10 by goroutine 5, previous write "
                                      "at x.go:11 by goroutine 6");
}

static void g_read_then_exit(struct rt *rt, void *arg)
{
    rd(rt, &x, F_FUNC1, 10);
}

static void main_read_write(struct rt *rt, void *arg)
{
    spawn(rt, g_read_then_exit, NULL, 8);
    rt_sleep(rt, 100); /* the goroutine reads and finishes */
    wr(rt, &x, F_MAIN, 12);
}

/* The one report whose text is checked byte for byte: the layout of
 * `go run -race` (PCs omitted), main named "main goroutine" without a
 * creation stack, a finished goroutine, the first fake address. */
static void test_read_write_report_text(void **state)
{
    assert_int_equal(run(main_read_write), 1);
    size_t n;
    const struct rt_finding *f = rt_findings(last_rt, &n);
    assert_string_equal(f[0].report, "==================\n"
                                     "WARNING: DATA RACE\n"
                                     "Write at 0x00c000010000 by main goroutine:\n"
                                     "  main.main()\n"
                                     "      /tmp/x.go:12\n"
                                     "\n"
                                     "Previous read at 0x00c000010000 by goroutine 5:\n"
                                     "  main.main.func1()\n"
                                     "      /tmp/x.go:10\n"
                                     "\n"
                                     "Goroutine 5 (finished) created at:\n"
                                     "  main.main()\n"
                                     "      /tmp/x.go:8\n"
                                     "==================\n");
    assert_string_equal(f[0].summary,
                        "data race: write at x.go:12 by goroutine 1, previous read at "
                        "x.go:10 by goroutine 5");
    assert_int_equal(f[0].g[0], 1);
    assert_int_equal(f[0].g[1], 5);
}

/* A goroutine blocked now is "running" in Go's report; the current one
 * (here not main) gets its creation stack first. The program is
 * /tmp/racego/d.go of the notes: Go reports only the first race, since the
 * race empties the address's history. */
static struct rt_chan *block_ch;

static void g_write_then_block(struct rt *rt, void *arg)
{
    wr(rt, &x, F_FUNC1, 12);
    rt_chan_recv(rt, block_ch, NULL, NULL);
}

static void g_write_late(struct rt *rt, void *arg)
{
    wr(rt, &x, F_FUNC2, 17);
    rt_chan_recv(rt, block_ch, NULL, NULL);
}

static void main_blocked_state(struct rt *rt, void *arg)
{
    block_ch = rt_chan_new(rt, 0, 0, "bool");
    spawn(rt, g_write_then_block, NULL, 11);
    rt_sleep(rt, 10);
    spawn(rt, g_write_late, NULL, 16);
    rt_sleep(rt, 10);
    rd(rt, &x, F_MAIN, 21); /* the cell was emptied by the race: silent, as in Go */
}

static void test_report_of_two_goroutines_one_blocked(void **state)
{
    assert_int_equal(run(main_blocked_state), 1);
    size_t n;
    const struct rt_finding *f = rt_findings(last_rt, &n);
    assert_string_equal(f[0].report, "==================\n"
                                     "WARNING: DATA RACE\n"
                                     "Write at 0x00c000010000 by goroutine 6:\n"
                                     "  main.main.func2()\n"
                                     "      /tmp/x.go:17\n"
                                     "\n"
                                     "Previous write at 0x00c000010000 by goroutine 5:\n"
                                     "  main.main.func1()\n"
                                     "      /tmp/x.go:12\n"
                                     "\n"
                                     "Goroutine 6 (running) created at:\n"
                                     "  main.main()\n"
                                     "      /tmp/x.go:16\n"
                                     "\n"
                                     "Goroutine 5 (running) created at:\n"
                                     "  main.main()\n"
                                     "      /tmp/x.go:11\n"
                                     "==================\n");
}

/* ---- channels --------------------------------------------------------------- */

static struct rt_chan *ch;

static void g_publish_send(struct rt *rt, void *arg)
{
    wr(rt, &x, F_FUNC1, 10);
    int64_t v = 1;
    rt_chan_send(rt, ch, &v);
}

static void main_publish_unbuffered(struct rt *rt, void *arg)
{
    ch = rt_chan_new(rt, sizeof(int64_t), 0, "int");
    spawn(rt, g_publish_send, NULL, 8);
    rt_chan_recv(rt, ch, NULL, NULL);
    rd(rt, &x, F_MAIN, 13);
}

static void main_publish_buffered(struct rt *rt, void *arg)
{
    ch = rt_chan_new(rt, sizeof(int64_t), 3, "int");
    spawn(rt, g_publish_send, NULL, 8);
    rt_sleep(rt, 10); /* the send goes into the buffer, nobody waiting */
    rt_chan_recv(rt, ch, NULL, NULL);
    rd(rt, &x, F_MAIN, 13);
}

static void test_publication_through_channel(void **state)
{
    assert_int_equal(run(main_publish_unbuffered), 0);
    assert_int_equal(run(main_publish_buffered), 0);
}

static void g_send_then_write(struct rt *rt, void *arg)
{
    int64_t v = 1;
    rt_chan_send(rt, ch, &v);
    wr(rt, &x, F_FUNC1, 11); /* after the send: not published */
}

static void main_write_after_send(struct rt *rt, void *arg)
{
    ch = rt_chan_new(rt, sizeof(int64_t), 0, "int");
    spawn(rt, g_send_then_write, NULL, 8);
    rt_chan_recv(rt, ch, NULL, NULL);
    rd(rt, &x, F_MAIN, 13);
    rt_sleep(rt, 10);
}

static void test_write_after_send_races(void **state)
{
    assert_int_equal(run(main_write_after_send), 1);
}

/* Unbuffered: the receive happens-before the send completes. */
static void g_write_then_recv(struct rt *rt, void *arg)
{
    wr(rt, &x, F_FUNC1, 10);
    rt_chan_recv(rt, ch, NULL, NULL);
}

static void main_unbuffered_recv_before_send(struct rt *rt, void *arg)
{
    ch = rt_chan_new(rt, sizeof(int64_t), 0, "int");
    spawn(rt, g_write_then_recv, NULL, 8);
    int64_t v = 1;
    rt_chan_send(rt, ch, &v);
    rd(rt, &x, F_MAIN, 13);
}

static void test_unbuffered_receive_before_send_completes(void **state)
{
    assert_int_equal(run(main_unbuffered_recv_before_send), 0);
}

/* Buffered, capacity C: the k-th receive happens-before the (k+C)-th send
 * completes (a channel as a semaphore). */
static void main_kth_receive(struct rt *rt, void *arg)
{
    size_t cap = (size_t)(intptr_t)arg;
    int64_t v = 1;
    for (size_t i = 0; i < cap; i++)
        rt_chan_send(rt, ch, &v); /* fill the buffer: sends 1..C */
    spawn(rt, g_write_then_recv, NULL, 8);
    rt_sleep(rt, 10);         /* the goroutine writes and takes the 1st value */
    rt_chan_send(rt, ch, &v); /* send C+1 */
    rd(rt, &x, F_MAIN, 13);
}

static void main_kth_receive_c1(struct rt *rt, void *arg)
{
    ch = rt_chan_new(rt, sizeof(int64_t), 1, "int");
    main_kth_receive(rt, (void *)(intptr_t)1);
}

static void main_kth_receive_c3(struct rt *rt, void *arg)
{
    ch = rt_chan_new(rt, sizeof(int64_t), 3, "int");
    main_kth_receive(rt, (void *)(intptr_t)3);
}

/* The same with the sender parked on the full buffer when the receive
 * comes (the receive pulls the parked sender's value into the buffer). */
static void main_kth_receive_parked(struct rt *rt, void *arg)
{
    ch = rt_chan_new(rt, sizeof(int64_t), 2, "int");
    int64_t v = 1;
    rt_chan_send(rt, ch, &v);
    rt_chan_send(rt, ch, &v);
    spawn(rt, g_write_then_recv, NULL, 8);
    rt_chan_send(rt, ch, &v); /* parks until the goroutine receives */
    rd(rt, &x, F_MAIN, 13);
}

static void test_kth_receive_before_k_plus_c_send(void **state)
{
    assert_int_equal(run(main_kth_receive_c1), 0);
    assert_int_equal(run(main_kth_receive_c3), 0);
    assert_int_equal(run(main_kth_receive_parked), 0);
}

/* Racy variant: with room in the buffer the send does not wait for any
 * receive, so nothing orders the goroutine's write before main's read. */
static void main_kth_receive_racy(struct rt *rt, void *arg)
{
    ch = rt_chan_new(rt, sizeof(int64_t), 2, "int");
    int64_t v = 1;
    rt_chan_send(rt, ch, &v); /* send 1 of C = 2 */
    spawn(rt, g_write_then_recv, NULL, 8);
    rt_sleep(rt, 10);         /* receive 1 happens */
    rt_chan_send(rt, ch, &v); /* send 2 = the 0+C-th: no edge from receive 1 */
    rd(rt, &x, F_MAIN, 13);
}

static void test_buffered_send_with_room_does_not_order(void **state)
{
    assert_int_equal(run(main_kth_receive_racy), 1);
}

/* close happens-before a receive that returns because the channel is
 * closed; what follows close is not published. */
static void g_write_close(struct rt *rt, void *arg)
{
    wr(rt, &x, F_FUNC1, 10);
    rt_chan_close(rt, ch);
    if (arg)
        wr(rt, &y, F_FUNC1, 12);
}

static void main_close(struct rt *rt, void *arg)
{
    ch = rt_chan_new(rt, 0, 0, "struct{}");
    spawn(rt, g_write_close, arg, 8);
    bool ok = true;
    rt_chan_recv(rt, ch, NULL, &ok); /* parks; woken by close */
    assert_false(ok);
    rd(rt, &x, F_MAIN, 13);
    rt_sleep(rt, 10);
    rd(rt, &y, F_MAIN, 15);
}

static void main_close_polled(struct rt *rt, void *arg)
{
    ch = rt_chan_new(rt, 0, 0, "struct{}");
    spawn(rt, g_write_close, NULL, 8);
    rt_sleep(rt, 10); /* closed before we look */
    bool ok = true;
    rt_chan_recv(rt, ch, NULL, &ok);
    assert_false(ok);
    rd(rt, &x, F_MAIN, 13);
}

static void test_close_happens_before_receive_of_closed(void **state)
{
    assert_int_equal(run(main_close), 0);
    assert_int_equal(run(main_close_polled), 0);
}

static void main_close_racy(struct rt *rt, void *arg)
{
    main_close(rt, (void *)1);
}

static void test_write_after_close_races(void **state)
{
    assert_int_equal(run(main_close_racy), 1);
}

/* select: a case's communication is an edge like the plain operation. */
static struct rt_chan *other;

static void g_select_send(struct rt *rt, void *arg)
{
    wr(rt, &x, F_FUNC1, 10);
    int64_t v = 7;
    struct rt_case cs[2] = {{.chan = ch, .dir = RT_SEND, .elem = &v},
                            {.chan = other, .dir = RT_SEND, .elem = &v}};
    int chosen;
    rt_select(rt, cs, 2, false, &chosen);
    if (arg)
        wr(rt, &y, F_FUNC1, 14);
}

static void main_select(struct rt *rt, void *arg)
{
    ch = rt_chan_new(rt, sizeof(int64_t), 0, "int");
    other = rt_chan_new(rt, sizeof(int64_t), 0, "int");
    spawn(rt, g_select_send, arg, 8);
    int64_t a = 0, b = 0;
    struct rt_case cs[2] = {{.chan = ch, .dir = RT_RECV, .elem = &a},
                            {.chan = other, .dir = RT_RECV, .elem = &b}};
    int chosen;
    rt_select(rt, cs, 2, false, &chosen);
    rd(rt, &x, F_MAIN, 20);
    rt_sleep(rt, 10);
    rd(rt, &y, F_MAIN, 22);
}

static void main_select_racy(struct rt *rt, void *arg)
{
    main_select(rt, (void *)1);
}

static void test_select(void **state)
{
    for (uint64_t seed = 1; seed <= 4; seed++) {
        assert_int_equal(run_seed(main_select, seed), 0);
        assert_int_equal(run_seed(main_select_racy, seed), 1);
    }
}

/* A select that finds its channel closed acquires the close, like a plain
 * receive; a write after the close is still unordered. */
static void main_select_closed(struct rt *rt, void *arg)
{
    ch = rt_chan_new(rt, sizeof(int64_t), 0, "int");
    other = rt_chan_new(rt, sizeof(int64_t), 0, "int");
    spawn(rt, g_write_close, arg, 8);
    rt_sleep(rt, 10); /* closed before the select polls */
    int64_t a = 0;
    struct rt_case cs[2] = {{.chan = ch, .dir = RT_RECV, .elem = &a},
                            {.chan = other, .dir = RT_RECV, .elem = &a}};
    int chosen;
    rt_select(rt, cs, 2, false, &chosen);
    assert_int_equal(chosen, 0);
    assert_false(cs[0].ok);
    rd(rt, &x, F_MAIN, 13);
    rd(rt, &y, F_MAIN, 14);
}

static void main_select_closed_racy(struct rt *rt, void *arg)
{
    main_select_closed(rt, (void *)1);
}

static void test_select_sees_closed(void **state)
{
    assert_int_equal(run(main_select_closed), 0);
    assert_int_equal(run(main_select_closed_racy), 1);
}

/* ---- Mutex and RWMutex ----------------------------------------------------------- */

static struct rt_mutex mu;
static struct rt_rwmutex rw;

static void g_locked_incr(struct rt *rt, void *arg)
{
    for (int i = 0; i < 3; i++) {
        if (!arg)
            rt_mutex_lock(rt, &mu);
        rd(rt, &x, F_FUNC1, 12);
        wr(rt, &x, F_FUNC1, 12);
        if (!arg)
            rt_mutex_unlock(rt, &mu);
        rt_gosched(rt);
    }
    rt_wg_add(rt, &wg, -1);
}

static void main_mutex(struct rt *rt, void *arg)
{
    memset(&wg, 0, sizeof wg);
    memset(&mu, 0, sizeof mu);
    rt_wg_add(rt, &wg, 2);
    spawn(rt, g_locked_incr, NULL, 8);
    spawn(rt, g_locked_incr, arg, 9); /* arg: this one forgets the lock */
    rt_wg_wait(rt, &wg);
}

static void main_mutex_racy(struct rt *rt, void *arg)
{
    main_mutex(rt, (void *)1);
}

static void test_mutex(void **state)
{
    assert_int_equal(run(main_mutex), 0);
    assert_int_equal(run(main_mutex_racy), 1);
}

static void g_reader(struct rt *rt, void *arg)
{
    rt_rw_rlock(rt, &rw);
    rd(rt, &x, F_FUNC1, 20);
    rt_gosched(rt);
    rd(rt, &x, F_FUNC1, 21);
    rt_rw_runlock(rt, &rw);
    rt_wg_add(rt, &wg, -1);
}

static void g_writer(struct rt *rt, void *arg)
{
    rt_rw_lock(rt, &rw);
    wr(rt, &x, F_FUNC2, 30);
    rt_rw_unlock(rt, &rw);
    rt_wg_add(rt, &wg, -1);
}

static void main_rwmutex(struct rt *rt, void *arg)
{
    memset(&wg, 0, sizeof wg);
    memset(&rw, 0, sizeof rw);
    rt_wg_add(rt, &wg, 6);
    spawn(rt, g_writer, NULL, 8);
    spawn(rt, g_reader, NULL, 9);
    spawn(rt, g_reader, NULL, 10);
    spawn(rt, g_writer, NULL, 11);
    spawn(rt, g_reader, NULL, 12);
    spawn(rt, g_writer, NULL, 13);
    rt_wg_wait(rt, &wg);
    wr(rt, &x, F_MAIN, 40);
}

static void test_rwmutex_readers_and_writers(void **state)
{
    for (uint64_t seed = 1; seed <= 4; seed++)
        assert_int_equal(run_seed(main_rwmutex, seed), 0);
}

static void g_write_under_rlock(struct rt *rt, void *arg)
{
    rt_rw_rlock(rt, &rw);
    wr(rt, &x, F_FUNC1, 20);
    rt_gosched(rt);
    rt_rw_runlock(rt, &rw);
    rt_wg_add(rt, &wg, -1);
}

static void main_write_under_rlock(struct rt *rt, void *arg)
{
    memset(&wg, 0, sizeof wg);
    memset(&rw, 0, sizeof rw);
    rt_wg_add(rt, &wg, 2);
    spawn(rt, g_write_under_rlock, NULL, 8);
    spawn(rt, g_write_under_rlock, NULL, 9);
    rt_wg_wait(rt, &wg);
}

static void test_write_under_rlock_races(void **state)
{
    assert_int_equal(run(main_write_under_rlock), 1);
}

/* RUnlock orders nothing before a later RLock. */
static void g_write_under_rlock_then_done(struct rt *rt, void *arg)
{
    rt_rw_rlock(rt, &rw);
    wr(rt, &x, F_FUNC1, 20);
    rt_rw_runlock(rt, &rw);
}

static void main_runlock_rlock(struct rt *rt, void *arg)
{
    memset(&rw, 0, sizeof rw);
    spawn(rt, g_write_under_rlock_then_done, NULL, 8);
    rt_sleep(rt, 10);
    rt_rw_rlock(rt, &rw);
    rd(rt, &x, F_MAIN, 12);
    rt_rw_runlock(rt, &rw);
}

/* Unlock happens-before the next RLock; a TryLock that succeeds acquires
 * like Lock. */
static void g_write_under_lock(struct rt *rt, void *arg)
{
    rt_rw_lock(rt, &rw);
    wr(rt, &x, F_FUNC1, 20);
    rt_rw_unlock(rt, &rw);
    rt_mutex_lock(rt, &mu);
    wr(rt, &y, F_FUNC1, 23);
    rt_mutex_unlock(rt, &mu);
}

static void main_unlock_rlock(struct rt *rt, void *arg)
{
    memset(&rw, 0, sizeof rw);
    memset(&mu, 0, sizeof mu);
    spawn(rt, g_write_under_lock, NULL, 8);
    rt_sleep(rt, 10);
    rt_rw_rlock(rt, &rw);
    rd(rt, &x, F_MAIN, 12);
    rt_rw_runlock(rt, &rw);
    assert_true(rt_mutex_trylock(rt, &mu));
    rd(rt, &y, F_MAIN, 15);
    rt_mutex_unlock(rt, &mu);
}

static void test_unlock_orders_rlock_and_trylock(void **state)
{
    assert_int_equal(run(main_unlock_rlock), 0);
}

static void test_runlock_does_not_order_the_next_rlock(void **state)
{
    assert_int_equal(run(main_runlock_rlock), 1);
}

/* ---- WaitGroup, Once, Cond ----------------------------------------------------------- */

static void g_wg_worker(struct rt *rt, void *arg)
{
    intptr_t i = (intptr_t)arg;
    if (i < 0) {
        rt_wg_add(rt, &wg, -1);
        wr(rt, &arr[0], F_FUNC1, 11); /* after Done: not covered by Wait */
        return;
    }
    wr(rt, &arr[i], F_FUNC1, 10);
    rt_wg_add(rt, &wg, -1);
}

static void main_wg(struct rt *rt, void *arg)
{
    memset(&wg, 0, sizeof wg);
    for (intptr_t i = 0; i < 8; i++) {
        rt_wg_add(rt, &wg, 1);
        spawn(rt, g_wg_worker, (void *)(arg ? -1 : i), 8);
    }
    rt_wg_wait(rt, &wg);
    for (int i = 0; i < 8; i++)
        rd(rt, &arr[i], F_MAIN, 14);
}

static void main_wg_racy(struct rt *rt, void *arg)
{
    main_wg(rt, (void *)1);
}

static void test_waitgroup(void **state)
{
    assert_int_equal(run(main_wg), 0);
    assert_true(run(main_wg_racy) >= 1);
}

static struct rt_once once;

static void once_init(struct rt *rt, void *arg)
{
    rt_sleep(rt, 5); /* the others arrive while f runs */
    wr(rt, &x, F_FUNC3, 30);
}

static void g_once_user(struct rt *rt, void *arg)
{
    rt_once_do(rt, &once, once_init, NULL);
    rd(rt, &x, F_FUNC1, 12);
    rt_wg_add(rt, &wg, -1);
}

static void main_once(struct rt *rt, void *arg)
{
    memset(&wg, 0, sizeof wg);
    memset(&once, 0, sizeof once);
    rt_wg_add(rt, &wg, 3);
    spawn(rt, g_once_user, NULL, 8);
    spawn(rt, g_once_user, NULL, 9);
    rt_sleep(rt, 20);
    spawn(rt, g_once_user, NULL, 10); /* takes Do's fast path */
    rt_wg_wait(rt, &wg);
}

static void test_once(void **state)
{
    assert_int_equal(run(main_once), 0);
}

static struct rt_cond cond;

static void g_cond_consumer(struct rt *rt, void *arg)
{
    rt_mutex_lock(rt, &mu);
    for (;;) {
        rd(rt, &flag, F_FUNC1, 12);
        if (flag)
            break;
        rt_cond_wait(rt, &cond, &mu);
    }
    rt_mutex_unlock(rt, &mu);
    rd(rt, &x, F_FUNC1, 17);
    rt_wg_add(rt, &wg, -1);
}

static void main_cond(struct rt *rt, void *arg)
{
    memset(&wg, 0, sizeof wg);
    memset(&mu, 0, sizeof mu);
    memset(&cond, 0, sizeof cond);
    rt_wg_add(rt, &wg, 2);
    spawn(rt, g_cond_consumer, NULL, 8);
    spawn(rt, g_cond_consumer, NULL, 9);
    rt_sleep(rt, 10); /* both wait */
    wr(rt, &x, F_MAIN, 11);
    rt_mutex_lock(rt, &mu);
    flag = 1;
    wr(rt, &flag, F_MAIN, 13);
    rt_cond_broadcast(rt, &cond);
    rt_mutex_unlock(rt, &mu);
    rt_wg_wait(rt, &wg);
}

static void test_cond(void **state)
{
    assert_int_equal(run(main_cond), 0);
}

/* Cond alone, with a host Locker that is no lock at all: only the
 * Signal -> Wait edge orders the write. */
static void g_cond_ticket_waiter(struct rt *rt, void *arg)
{
    uint32_t t = rt_cond_ticket(rt, &cond);
    rt_cond_wait_ticket(rt, &cond, t);
    rd(rt, &x, F_FUNC1, 12);
}

static void main_cond_signal(struct rt *rt, void *arg)
{
    memset(&cond, 0, sizeof cond);
    spawn(rt, g_cond_ticket_waiter, NULL, 8);
    rt_sleep(rt, 10);
    wr(rt, &x, F_MAIN, 10);
    rt_cond_signal(rt, &cond);
    rt_sleep(rt, 10);
}

static void main_cond_signal_racy(struct rt *rt, void *arg)
{
    memset(&cond, 0, sizeof cond);
    spawn(rt, g_cond_ticket_waiter, NULL, 8);
    rt_sleep(rt, 10);
    rt_cond_signal(rt, &cond);
    wr(rt, &x, F_MAIN, 11); /* after Signal: not ordered before Wait returns */
    rt_sleep(rt, 10);
}

static void test_cond_signal_happens_before_wait_returns(void **state)
{
    assert_int_equal(run(main_cond_signal), 0);
    assert_int_equal(run(main_cond_signal_racy), 1);
}

/* Signal and Broadcast with nobody waiting add no edge (Go 1.23's race
 * detector sees none: sync.Cond has no race annotations; checked with
 * `go run -race` on the same program). func1 writes x and signals before
 * anyone waits; main then waits, woken by func2's later signal, and reads x:
 * a race, since nothing orders func1's write before main's read. */
static bool use_broadcast;

static void g_cond_write_then_notify(struct rt *rt, void *arg)
{
    wr(rt, &x, F_FUNC1, 10);
    if (use_broadcast)
        rt_cond_broadcast(rt, &cond);
    else
        rt_cond_signal(rt, &cond);
}

static void g_cond_late_notify(struct rt *rt, void *arg)
{
    rt_sleep(rt, 10);
    if (use_broadcast)
        rt_cond_broadcast(rt, &cond);
    else
        rt_cond_signal(rt, &cond);
}

static void main_cond_notify_nobody(struct rt *rt, void *arg)
{
    memset(&cond, 0, sizeof cond);
    spawn(rt, g_cond_write_then_notify, NULL, 8);
    rt_sleep(rt, 10); /* func1 has written and signalled: nobody waited */
    spawn(rt, g_cond_late_notify, NULL, 14);
    uint32_t t = rt_cond_ticket(rt, &cond);
    rt_cond_wait_ticket(rt, &cond, t);
    rd(rt, &x, F_MAIN, 22);
}

static void test_cond_notify_with_nobody_waiting_orders_nothing(void **state)
{
    use_broadcast = false;
    assert_int_equal(run(main_cond_notify_nobody), 1);
    use_broadcast = true;
    assert_int_equal(run(main_cond_notify_nobody), 1);
    use_broadcast = false;
}

/* ---- atomics ---------------------------------------------------------------------------- */

static void g_atomic_publish(struct rt *rt, void *arg)
{
    wr(rt, &x, F_FUNC1, 10);
    rt_atomic_store64(rt, &flag, 1);
}

static void main_atomic_publish(struct rt *rt, void *arg)
{
    spawn(rt, g_atomic_publish, NULL, 8);
    while (rt_atomic_load64(rt, &flag) == 0)
        rt_sleep(rt, 1);
    rd(rt, &x, F_MAIN, 14);
}

static void g_atomic_add(struct rt *rt, void *arg)
{
    for (int i = 0; i < 5; i++) {
        rt_atomic_add64(rt, &y, 1);
        rt_gosched(rt);
    }
    rt_wg_add(rt, &wg, -1);
}

static void main_atomic_counter(struct rt *rt, void *arg)
{
    memset(&wg, 0, sizeof wg);
    rt_wg_add(rt, &wg, 3);
    for (int i = 0; i < 3; i++)
        spawn(rt, g_atomic_add, NULL, 8);
    rt_wg_wait(rt, &wg);
    assert_int_equal(rt_atomic_load64(rt, &y), 15);
    rd(rt, &y, F_MAIN, 12); /* plain, but after Wait */
}

static void test_atomics_do_not_race(void **state)
{
    assert_int_equal(run(main_atomic_publish), 0);
    assert_int_equal(run(main_atomic_counter), 0);
}

static void g_atomic_store_only(struct rt *rt, void *arg)
{
    rt_atomic_store64(rt, &flag, 1);
}

static void main_plain_read_of_atomic(struct rt *rt, void *arg)
{
    spawn(rt, g_atomic_store_only, NULL, 8);
    rt_sleep(rt, 10);
    rd(rt, &flag, F_MAIN, 15); /* plain read, no synchronisation */
}

static void test_plain_read_of_atomic_var_races(void **state)
{
    assert_int_equal(run(main_plain_read_of_atomic), 1);
}

/* ---- timers ------------------------------------------------------------------------------- */

static void g_after_func_body(struct rt *rt, void *arg)
{
    rd(rt, &x, F_FUNC1, 20);
}

static void after_fn(struct rt *rt, struct rt_timer *t, void *arg)
{
    struct rt_g *g = rt_go(rt, g_after_func_body, NULL);
    rt_g_set_created_site(g, at(rt, "time.goFunc", 1));
}

static void main_after_func(struct rt *rt, void *arg)
{
    wr(rt, &x, F_MAIN, 8);
    rt_after_func(rt, 10, after_fn, NULL);
    if (arg)
        wr(rt, &x, F_MAIN, 10); /* after AfterFunc: races with f */
    rt_sleep(rt, 100);
}

static void main_after_func_racy(struct rt *rt, void *arg)
{
    main_after_func(rt, (void *)1);
}

static struct rt_timer *timer;

static void g_write_set_timer(struct rt *rt, void *arg)
{
    wr(rt, &x, F_FUNC1, 10);
    timer = rt_timer_new(rt, 10);
}

/* A goroutine writes and makes a timer; main receives the fire. */
static void main_timer_chan(struct rt *rt, void *arg)
{
    spawn(rt, g_write_set_timer, NULL, 8);
    rt_sleep(rt, 1);
    rt_chan_recv(rt, rt_timer_chan(timer), NULL, NULL);
    rd(rt, &x, F_MAIN, 10);
}

/* Reset happens-before the fire it schedules; a ticker's every fire
 * carries what its creator did before NewTicker. */
static void g_write_reset_timer(struct rt *rt, void *arg)
{
    rt_sleep(rt, 5);
    wr(rt, &y, F_FUNC1, 10);
    rt_timer_reset(rt, timer, 10);
}

static void main_timer_reset(struct rt *rt, void *arg)
{
    timer = rt_timer_new(rt, 1000);
    spawn(rt, g_write_reset_timer, NULL, 8);
    rt_chan_recv(rt, rt_timer_chan(timer), NULL, NULL);
    rd(rt, &y, F_MAIN, 10);
}

static void g_ticker_owner(struct rt *rt, void *arg)
{
    wr(rt, &x, F_FUNC1, 10);
    timer = rt_ticker_new(rt, 10);
}

static void main_ticker(struct rt *rt, void *arg)
{
    spawn(rt, g_ticker_owner, NULL, 8);
    rt_sleep(rt, 1);
    for (int i = 0; i < 3; i++)
        rt_chan_recv(rt, rt_timer_chan(timer), NULL, NULL);
    rd(rt, &x, F_MAIN, 12);
    rt_timer_stop(rt, timer);
}

static void test_timers(void **state)
{
    assert_int_equal(run(main_timer_reset), 0);
    assert_int_equal(run(main_ticker), 0);
    assert_int_equal(run(main_after_func), 0);
    assert_int_equal(run(main_after_func_racy), 1);
    assert_int_equal(run(main_timer_chan), 0);
}

/* ---- host edges, forget, dedup -------------------------------------------------------------- */

static void g_host_release(struct rt *rt, void *arg)
{
    wr(rt, &x, F_FUNC1, 10);
    rt_race_release(rt, &y);
}

static void main_host_edge(struct rt *rt, void *arg)
{
    spawn(rt, g_host_release, NULL, 8);
    rt_sleep(rt, 10);
    if (!arg)
        rt_race_acquire(rt, &y);
    rd(rt, &x, F_MAIN, 12);
}

static void main_host_edge_missing(struct rt *rt, void *arg)
{
    main_host_edge(rt, (void *)1);
}

static void test_host_release_acquire(void **state)
{
    assert_int_equal(run(main_host_edge), 0);
    assert_int_equal(run(main_host_edge_missing), 1);
}

static void g_write_arr0(struct rt *rt, void *arg)
{
    wr(rt, &arr[0], F_FUNC1, 10);
}

static void g_forget_and_reuse(struct rt *rt, void *arg)
{
    rt_sleep(rt, 10);
    if (!arg)
        rt_race_forget(rt, arr, sizeof arr); /* freed; a new object there */
    else if ((intptr_t)arg == 2)
        rt_race_forget(rt, arr, (size_t)1 << 20); /* wider than the table: a sweep */
    wr(rt, &arr[0], F_FUNC2, 20);
}

static void main_forget(struct rt *rt, void *arg)
{
    spawn(rt, g_write_arr0, NULL, 8);
    spawn(rt, g_forget_and_reuse, arg, 9);
    rt_sleep(rt, 100);
}

static void main_no_forget(struct rt *rt, void *arg)
{
    main_forget(rt, (void *)1);
}

static void main_forget_wide(struct rt *rt, void *arg)
{
    main_forget(rt, (void *)2);
}

static void test_forget_then_reuse(void **state)
{
    assert_int_equal(run(main_forget), 0);
    assert_int_equal(run(main_forget_wide), 0);
    assert_int_equal(run(main_no_forget), 1);
}

static void g_two_addresses(struct rt *rt, void *arg)
{
    for (int i = 0; i < 4; i++)
        wr(rt, &arr[i], F_FUNC1, 10); /* the same site for every element */
}

static void main_dedup(struct rt *rt, void *arg)
{
    spawn(rt, g_two_addresses, NULL, 8);
    spawn(rt, g_two_addresses, NULL, 8);
    rt_sleep(rt, 10);
}

/* A send is a read of the channel and close a write (Go's chansend and
 * closechan): /tmp/racego/f.go of the notes. */
static void g_send_only(struct rt *rt, void *arg)
{
    int64_t v = 1;
    here(rt, F_FUNC1, 8);
    rt_chan_send(rt, ch, &v);
    if (arg)
        rt_wg_add(rt, &wg, -1);
}

static void main_send_close(struct rt *rt, void *arg)
{
    ch = rt_chan_new(rt, sizeof(int64_t), 10, "int");
    spawn(rt, g_send_only, NULL, 7);
    rt_sleep(rt, 10);
    here(rt, F_MAIN, 11);
    rt_chan_close(rt, ch);
}

static void test_send_close_race_report(void **state)
{
    assert_int_equal(run(main_send_close), 1);
    size_t n;
    const struct rt_finding *f = rt_findings(last_rt, &n);
    assert_string_equal(f[0].report, "==================\n"
                                     "WARNING: DATA RACE\n"
                                     "Write at 0x00c000010000 by main goroutine:\n"
                                     "  runtime.closechan()\n"
                                     "      /usr/local/go/src/runtime/chan.go:397\n"
                                     "  main.main()\n"
                                     "      /tmp/x.go:11\n"
                                     "\n"
                                     "Previous read at 0x00c000010000 by goroutine 5:\n"
                                     "  runtime.chansend()\n"
                                     "      /usr/local/go/src/runtime/chan.go:171\n"
                                     "  main.main.func1()\n"
                                     "      /tmp/x.go:8\n"
                                     "\n"
                                     "Goroutine 5 (finished) created at:\n"
                                     "  main.main()\n"
                                     "      /tmp/x.go:7\n"
                                     "==================\n");
    /* The summary names the program's lines, not the runtime's. */
    assert_string_equal(f[0].summary,
                        "data race: write at x.go:11 by goroutine 1, previous read at "
                        "x.go:8 by goroutine 5");
}

/* Closing after the values were received, or after the senders' Done and
 * Wait, is ordered. */
static void main_send_recv_close(struct rt *rt, void *arg)
{
    ch = rt_chan_new(rt, sizeof(int64_t), 10, "int");
    spawn(rt, g_send_only, NULL, 7);
    rt_sleep(rt, 10);
    rt_chan_recv(rt, ch, NULL, NULL);
    here(rt, F_MAIN, 11);
    rt_chan_close(rt, ch);
}

static void main_send_wait_close(struct rt *rt, void *arg)
{
    memset(&wg, 0, sizeof wg);
    ch = rt_chan_new(rt, sizeof(int64_t), 10, "int");
    rt_wg_add(rt, &wg, 3);
    for (int i = 0; i < 3; i++)
        spawn(rt, g_send_only, (void *)1, 7);
    rt_wg_wait(rt, &wg);
    here(rt, F_MAIN, 11);
    rt_chan_close(rt, ch);
}

static void test_close_after_sends_are_ordered(void **state)
{
    assert_int_equal(run(main_send_recv_close), 0);
    assert_int_equal(run(main_send_wait_close), 0);
}

static void test_dedup(void **state)
{
    /* Four addresses, one pair of sites: one report. */
    assert_int_equal(run(main_dedup), 1);
}

/* After a race the address starts afresh, as in Go: this is
 * /tmp/racego/a.go of the notes, whose `go run -race` prints two reports:
 * func2's read (x++) against func1's write, then main's read against
 * func2's write (func2's racing read was not recorded; its write was). */
static struct rt_chan *done_ch;

static void g_a_func1(struct rt *rt, void *arg)
{
    wr(rt, &x, F_FUNC1, 12); /* x = 1 */
    bool v = true;
    rt_chan_send(rt, done_ch, &v);
}

static void g_a_func2(struct rt *rt, void *arg)
{
    rd(rt, &x, F_FUNC2, 16); /* x++ */
    wr(rt, &x, F_FUNC2, 16);
    rt_chan_recv(rt, done_ch, NULL, NULL);
}

static void main_a(struct rt *rt, void *arg)
{
    done_ch = rt_chan_new(rt, sizeof(bool), 0, "bool");
    spawn(rt, g_a_func1, NULL, 11);
    rt_sleep(rt, 1); /* func1 first, as Go's run of it went */
    spawn(rt, g_a_func2, NULL, 15);
    rt_sleep(rt, 100);
    rd(rt, &x, F_MAIN, 20); /* fmt.Println(x) */
}

static void test_race_resets_the_address_as_go_does(void **state)
{
    assert_int_equal(run(main_a), 2);
    size_t n;
    const struct rt_finding *f = rt_findings(last_rt, &n);
    assert_string_equal(f[0].summary,
                        "data race: read at x.go:16 by goroutine 6, previous write at "
                        "x.go:12 by goroutine 5");
    assert_string_equal(f[1].report, "==================\n"
                                     "WARNING: DATA RACE\n"
                                     "Read at 0x00c000010000 by main goroutine:\n"
                                     "  main.main()\n"
                                     "      /tmp/x.go:20\n"
                                     "\n"
                                     "Previous write at 0x00c000010000 by goroutine 6:\n"
                                     "  main.main.func2()\n"
                                     "      /tmp/x.go:16\n"
                                     "\n"
                                     "Goroutine 6 (finished) created at:\n"
                                     "  main.main()\n"
                                     "      /tmp/x.go:15\n"
                                     "==================\n");
}

/* Concurrent readers (a read vector) then a write ordered after only one
 * of them. */
static void g_read_x_done(struct rt *rt, void *arg)
{
    rd(rt, &x, F_FUNC1, (int)(intptr_t)arg);
    rt_wg_add(rt, &wg, -1);
}

static void main_shared_reads(struct rt *rt, void *arg)
{
    memset(&wg, 0, sizeof wg);
    wr(rt, &x, F_MAIN, 7);
    rt_wg_add(rt, &wg, 3);
    spawn(rt, g_read_x_done, (void *)(intptr_t)20, 8);
    spawn(rt, g_read_x_done, (void *)(intptr_t)21, 9);
    spawn(rt, g_read_x_done, (void *)(intptr_t)22, 10);
    rd(rt, &x, F_MAIN, 11); /* main reads too: fine */
    if (arg) {
        rt_sleep(rt, 10);
        wr(rt, &x, F_MAIN, 13); /* not ordered after the readers */
    }
    rt_wg_wait(rt, &wg);
    wr(rt, &x, F_MAIN, 15);
}

static void main_shared_reads_racy(struct rt *rt, void *arg)
{
    main_shared_reads(rt, (void *)1);
}

static void test_read_vector(void **state)
{
    assert_int_equal(run(main_shared_reads), 0);
    assert_int_equal(run(main_shared_reads_racy), 1);
}

/* Many short goroutines joined one batch at a time: clean, and slots are
 * reused (the run stays fast). */
static void main_many(struct rt *rt, void *arg)
{
    for (int batch = 0; batch < 200; batch++) {
        memset(&wg, 0, sizeof wg);
        rt_wg_add(rt, &wg, 8);
        for (intptr_t i = 0; i < 8; i++)
            spawn(rt, g_wg_worker, (void *)i, 8);
        rt_wg_wait(rt, &wg);
        for (int i = 0; i < 8; i++)
            wr(rt, &arr[i], F_MAIN, 14);
    }
}

static void test_many_goroutines_clean(void **state)
{
    assert_int_equal(run(main_many), 0);
    /* 1,601 goroutines, at most 9 alive at once: slots are reused. */
    assert_true(rt_race_nslots(last_rt) <= 12);
}

/* A goroutine that finished without anyone synchronising with it: its slot
 * must not go to a goroutine that cannot see its accesses, or the race
 * between the two would hide. */
static void g_write_x_f1(struct rt *rt, void *arg)
{
    wr(rt, &x, F_FUNC1, 10);
}

static void g_write_x_f2(struct rt *rt, void *arg)
{
    wr(rt, &x, F_FUNC2, 20);
}

static void main_dead_slot(struct rt *rt, void *arg)
{
    spawn(rt, g_write_x_f1, NULL, 8);
    rt_sleep(rt, 10); /* it writes and finishes */
    spawn(rt, g_write_x_f2, NULL, 9);
    rt_sleep(rt, 10);
}

static void test_unsynchronised_dead_goroutine_slot_not_reused(void **state)
{
    assert_int_equal(run(main_dead_slot), 1);
    size_t n;
    const struct rt_finding *f = rt_findings(last_rt, &n);
    assert_string_equal(f[0].summary, "data race: write at x.go:20 by goroutine 6, previous write "
                                      "at x.go:10 by goroutine 5");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_go_statement_orders_parent_before_child, teardown),
        cmocka_unit_test_teardown(test_write_after_go_races_with_child, teardown),
        cmocka_unit_test_teardown(test_unsynchronised_counter_reports_once, teardown),
        cmocka_unit_test_teardown(test_write_write, teardown),
        cmocka_unit_test_teardown(test_read_write_report_text, teardown),
        cmocka_unit_test_teardown(test_report_of_two_goroutines_one_blocked, teardown),
        cmocka_unit_test_teardown(test_publication_through_channel, teardown),
        cmocka_unit_test_teardown(test_write_after_send_races, teardown),
        cmocka_unit_test_teardown(test_unbuffered_receive_before_send_completes, teardown),
        cmocka_unit_test_teardown(test_kth_receive_before_k_plus_c_send, teardown),
        cmocka_unit_test_teardown(test_buffered_send_with_room_does_not_order, teardown),
        cmocka_unit_test_teardown(test_close_happens_before_receive_of_closed, teardown),
        cmocka_unit_test_teardown(test_write_after_close_races, teardown),
        cmocka_unit_test_teardown(test_select, teardown),
        cmocka_unit_test_teardown(test_select_sees_closed, teardown),
        cmocka_unit_test_teardown(test_mutex, teardown),
        cmocka_unit_test_teardown(test_unlock_orders_rlock_and_trylock, teardown),
        cmocka_unit_test_teardown(test_rwmutex_readers_and_writers, teardown),
        cmocka_unit_test_teardown(test_write_under_rlock_races, teardown),
        cmocka_unit_test_teardown(test_runlock_does_not_order_the_next_rlock, teardown),
        cmocka_unit_test_teardown(test_waitgroup, teardown),
        cmocka_unit_test_teardown(test_once, teardown),
        cmocka_unit_test_teardown(test_cond, teardown),
        cmocka_unit_test_teardown(test_cond_signal_happens_before_wait_returns, teardown),
        cmocka_unit_test_teardown(test_cond_notify_with_nobody_waiting_orders_nothing, teardown),
        cmocka_unit_test_teardown(test_atomics_do_not_race, teardown),
        cmocka_unit_test_teardown(test_plain_read_of_atomic_var_races, teardown),
        cmocka_unit_test_teardown(test_timers, teardown),
        cmocka_unit_test_teardown(test_host_release_acquire, teardown),
        cmocka_unit_test_teardown(test_forget_then_reuse, teardown),
        cmocka_unit_test_teardown(test_send_close_race_report, teardown),
        cmocka_unit_test_teardown(test_close_after_sends_are_ordered, teardown),
        cmocka_unit_test_teardown(test_dedup, teardown),
        cmocka_unit_test_teardown(test_race_resets_the_address_as_go_does, teardown),
        cmocka_unit_test_teardown(test_read_vector, teardown),
        cmocka_unit_test_teardown(test_many_goroutines_clean, teardown),
        cmocka_unit_test_teardown(test_unsynchronised_dead_goroutine_slot_not_reused, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
