/* test_sched.c: the scheduler beyond GOMAXPROCS=1 order: work stealing,
 * syscall hand-off, preemption policies, stepping, determinism by seed,
 * run-queue overflow, snapshots, two runtimes at once, and the host-facing
 * pieces (data hooks, GC enumeration, Once, AfterFunc, timer Stop/Reset). */
#include "rt_test.h"

static uint64_t seed;
static struct tlog L;

static size_t trace_text(struct rt *rt, char *out, size_t size)
{
    static struct rt_event evs[1 << 16];
    size_t n = rt_trace_read(rt, 1, evs, 1 << 16), len = 0;
    for (size_t i = 0; i < n && len + 128 < size; i++) {
        len += rt_event_format(&evs[i], out + len, size - len);
        out[len++] = '\n';
    }
    out[len] = '\0';
    return n;
}

static bool trace_has(struct rt *rt, enum rt_event_kind kind, int p, int64_t peer)
{
    static struct rt_event evs[1 << 16];
    size_t n = rt_trace_read(rt, 1, evs, 1 << 16);
    for (size_t i = 0; i < n; i++)
        if (evs[i].kind == kind && (p < 0 || evs[i].p == p) && (peer < 0 || evs[i].peer == peer))
            return true;
    return false;
}

/* ---- work stealing ------------------------------------------------------------- */

static struct rt_waitgroup ws_wg;
static int ran_on[2];

static void ws_child(struct rt *rt, void *arg)
{
    struct rt_event ev;
    /* The P this goroutine runs on is in its RESUME event. */
    rt_trace_read(rt, rt_trace_last_seq(rt), &ev, 1);
    ran_on[ev.p]++;
    rt_wg_add(rt, &ws_wg, -1);
}

static void ws_main(struct rt *rt, void *arg)
{
    memset(&ws_wg, 0, sizeof ws_wg);
    for (int i = 0; i < 10; i++) {
        rt_wg_add(rt, &ws_wg, 1);
        rt_go(rt, ws_child, NULL);
    }
    rt_wg_wait(rt, &ws_wg);
}

static void test_work_stealing_in_trace(void **state)
{
    memset(ran_on, 0, sizeof ran_on);
    struct rt *rt = trt_new(seed, 2);
    rt_go(rt, ws_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    /* P 1 started idle, so everything it ran it stole from P 0. */
    assert_true(trace_has(rt, RT_EV_STEAL, 1, 0));
    assert_true(rt_counters(rt).steals > 0);
    assert_true(ran_on[1] > 0);
    assert_int_equal(ran_on[0] + ran_on[1], 10);
    rt_free(rt);
}

/* ---- syscall hand-off --------------------------------------------------------------- */

static void sys_child(struct rt *rt, void *arg)
{
    tlog(&L, "syscall enter %lld\n", (long long)rt_now(rt));
    rt_syscall(rt, 5000);
    tlog(&L, "syscall exit %lld\n", (long long)rt_now(rt));
}

static void busy_child(struct rt *rt, void *arg)
{
    struct rt_snapshot *s = rt_snapshot_new(rt);
    for (size_t i = 0; i < s->ng; i++)
        if (s->gs[i].id == 6)
            tlog(&L, "g6 %s [%s]\n", rt_gstate_text(s->gs[i].state),
                 rt_wait_reason_text(s->gs[i].reason));
    rt_snapshot_free(s);
    tlog(&L, "busy ran at %lld\n", (long long)rt_now(rt));
}

static void sys_main(struct rt *rt, void *arg)
{
    struct rt_waitgroup wg = {0};
    (void)wg;
    rt_go(rt, busy_child, NULL);
    rt_go(rt, sys_child, NULL);
    rt_sleep(rt, 10000);
    tlog(&L, "main done %lld\n", (long long)rt_now(rt));
}

static void test_syscall_hands_off_p(void **state)
{
    memset(&L, 0, sizeof L);
    struct rt *rt = trt_new(seed, 1);
    rt_go(rt, sys_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    assert_string_equal(L.buf, "syscall enter 0\ng6 syscall [syscall]\nbusy ran at 0\n"
                               "syscall exit 5000\nmain done 10000\n");
    assert_true(trace_has(rt, RT_EV_HANDOFF, 0, -1));
    assert_int_equal(rt_counters(rt).handoffs, 1);
    assert_int_equal(rt_counters(rt).syscalls, 1);
    rt_free(rt);
}

/* ---- preemption: lost updates --------------------------------------------------------- */

static int counter;
static struct rt_waitgroup inc_wg;

static void incr(struct rt *rt, void *arg)
{
    for (int i = 0; i < 1000; i++) {
        int v = counter; /* load */
        rt_preempt(rt);  /* the interpreter's point inside x++ */
        counter = v + 1; /* store */
        rt_preempt(rt);
    }
    rt_wg_add(rt, &inc_wg, -1);
}

static void inc_main(struct rt *rt, void *arg)
{
    memset(&inc_wg, 0, sizeof inc_wg);
    counter = 0;
    rt_wg_add(rt, &inc_wg, 2);
    rt_go(rt, incr, NULL);
    rt_go(rt, incr, NULL);
    rt_wg_wait(rt, &inc_wg);
}

static int run_incr(enum rt_preempt_policy pol, uint32_t every, double prob)
{
    struct rt_config cfg = {0};
    cfg.seed = seed;
    cfg.preempt = pol;
    cfg.preempt_every = every;
    cfg.preempt_prob = prob;
    struct rt *rt = rt_new(&cfg);
    rt_go(rt, inc_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    rt_free(rt);
    return counter;
}

static bool chooser_calls(void *ud, struct rt *rt, const struct rt_g *g)
{
    (*(int *)ud)++;
    return rt_g_id(g) == 6; /* only goroutine 6, which runs first, is preempted */
}

static void test_preemption_policies(void **state)
{
    assert_int_equal(run_incr(RT_PREEMPT_NEVER, 0, 0), 2000);
    /* Switching at every point interleaves load/store: updates are lost. */
    assert_int_equal(run_incr(RT_PREEMPT_EVERY, 1, 0), 1000);
    int r = run_incr(RT_PREEMPT_RANDOM, 0, 0.5);
    assert_true(r < 2000 && r >= 1000);
    int calls = 0;
    struct rt_config cfg = {0};
    cfg.preempt = RT_PREEMPT_CHOOSER;
    cfg.chooser = chooser_calls;
    cfg.chooser_ud = &calls;
    struct rt *rt = rt_new(&cfg);
    rt_go(rt, inc_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    assert_int_equal(calls, 4000);
    assert_true(counter < 2000);
    rt_free(rt);
}

/* ---- determinism ------------------------------------------------------------------------- */

static char trace_a[1 << 20], trace_b[1 << 20];

static void det_worker(struct rt *rt, void *arg)
{
    struct rt_chan *c = arg;
    for (int i = 0; i < 20; i++) {
        int v = i;
        rt_preempt(rt);
        if (i % 3 == 0)
            rt_chan_send(rt, c, &v);
    }
}

static void det_main(struct rt *rt, void *arg)
{
    struct rt_chan *c = rt_chan_new(rt, sizeof(int), 2, "int");
    for (int i = 0; i < 4; i++)
        rt_go(rt, det_worker, c);
    for (int i = 0; i < 28; i++)
        rt_chan_recv(rt, c, NULL, NULL);
}

static void det_run(uint64_t s, char *out)
{
    struct rt_config cfg = {0};
    cfg.seed = s;
    cfg.procs = 3;
    cfg.p_order = RT_P_RANDOM;
    cfg.preempt = RT_PREEMPT_RANDOM;
    cfg.preempt_prob = 0.3;
    cfg.trace_capacity = 1 << 16;
    struct rt *rt = rt_new(&cfg);
    rt_go(rt, det_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    trace_text(rt, out, 1 << 20);
    rt_free(rt);
}

static void test_same_seed_same_trace(void **state)
{
    det_run(seed, trace_a);
    det_run(seed, trace_b);
    assert_true(strlen(trace_a) > 1000);
    assert_string_equal(trace_a, trace_b);
    det_run(seed + 1, trace_b);
    assert_string_not_equal(trace_a, trace_b);
}

/* ---- stepping ---------------------------------------------------------------------------- */

static void step_main(struct rt *rt, void *arg)
{
    struct rt_chan *c = rt_chan_new(rt, sizeof(int), 0, "int");
    rt_go(rt, det_worker, c);
    for (int i = 0; i < 7; i++)
        rt_chan_recv(rt, c, NULL, NULL);
}

static void test_stepping_one_event_at_a_time(void **state)
{
    struct rt *rt = trt_new(seed, 1);
    rt_go(rt, step_main, NULL);
    int steps = 0;
    enum rt_status st;
    while ((st = rt_run(rt, 1)) == RT_RUNNING) {
        steps++;
        assert_null(rt_current(rt));
        struct rt_snapshot *s = rt_snapshot_new(rt);
        assert_int_equal(s->current, 0);
        rt_snapshot_free(s);
        assert_true(steps < 1000);
    }
    assert_int_equal(st, RT_EXITED);
    assert_int_equal((uint64_t)steps + 1, rt_counters(rt).events);
    rt_free(rt);
}

/* Under RT_PREEMPT_NEVER a goroutine that never blocks still gives the
 * host control at its preemption points once the budget is spent. */
static void spinner(struct rt *rt, void *arg)
{
    for (int i = 0; i < 100; i++)
        rt_preempt(rt);
    tlog(&L, "spun\n");
}

static void test_budget_returns_at_preemption_points(void **state)
{
    memset(&L, 0, sizeof L);
    struct rt *rt = trt_new(seed, 1);
    rt_go(rt, spinner, NULL);
    assert_int_equal(rt_run(rt, 1), RT_RUNNING);
    assert_int_equal(L.len, 0);
    int steps = 1;
    while (rt_run(rt, 1) == RT_RUNNING)
        steps++;
    assert_int_equal(steps, 100);
    assert_string_equal(L.buf, "spun\n");
    rt_free(rt);
}

/* ---- run queue overflow ------------------------------------------------------------------ */

static void nop(struct rt *rt, void *arg)
{
}

static void overflow_main(struct rt *rt, void *arg)
{
    for (int i = 0; i < 300; i++)
        rt_go(rt, nop, NULL);
    struct rt_snapshot *s = rt_snapshot_new(rt);
    /* 300 = runnext + 256 local, then half of the local queue (128) and
     * the kicked G went global at the 258th; 42 more fill the local again. */
    assert_int_equal(s->ps[0].runnext, 5 + 299);
    assert_int_equal(s->nglobal, 129);
    assert_int_equal(s->ps[0].nrunq, 300 - 1 - 129);
    assert_int_equal(s->globalq[0], 5);
    rt_snapshot_free(s);
}

static void test_local_queue_overflows_to_global(void **state)
{
    struct rt *rt = trt_new(seed, 1);
    rt_go(rt, overflow_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    rt_free(rt);
}

/* ---- snapshots ------------------------------------------------------------------------------ */

static void render_int(void *ud, const struct rt_chan *c, const char *type, const void *elem,
                       char *buf, size_t size)
{
    int v;
    memcpy(&v, elem, sizeof v);
    snprintf(buf, size, "%s(%d)", type, v);
}

static void sum_elem(void *ud, const void *elem)
{
    int v;
    memcpy(&v, elem, sizeof v);
    *(int *)ud += v;
}

static void snap_sender(struct rt *rt, void *arg)
{
    int v = 99;
    rt_chan_send(rt, arg, &v);
}

static void snap_main(struct rt *rt, void *arg)
{
    struct rt_chan *c = rt_chan_new(rt, sizeof(int), 2, "int");
    rt_chan_set_label(c, "jobs");
    for (int v = 1; v <= 2; v++)
        rt_chan_send(rt, c, &v);
    struct rt_g *g = rt_go(rt, snap_sender, c);
    rt_g_set_label(g, "producer");
    rt_sleep(rt, 1000);
    struct rt_snapshot *s = rt_snapshot_new(rt);
    assert_int_equal(s->now, 1000);
    assert_int_equal(s->current, 1);
    assert_int_equal(s->nchans, 1);
    struct rt_snap_chan *sc = &s->chans[0];
    assert_string_equal(sc->label, "jobs");
    assert_string_equal(sc->elem_type, "int");
    assert_int_equal(sc->cap, 2);
    assert_int_equal(sc->len, 2);
    assert_string_equal(sc->elems[0], "int(1)");
    assert_string_equal(sc->elems[1], "int(2)");
    assert_int_equal(sc->nsenders, 1);
    assert_int_equal(sc->senders[0], 5);
    assert_int_equal(s->ng, 2);
    assert_int_equal(s->gs[1].id, 5);
    assert_int_equal(s->gs[1].state, RT_G_WAITING);
    assert_int_equal(s->gs[1].reason, RT_WAIT_CHAN_SEND);
    assert_int_equal(s->gs[1].wait_chan, 1);
    assert_int_equal(s->gs[1].wait_since, 0);
    assert_string_equal(s->gs[1].label, "producer");
    assert_int_equal(s->gs[1].creator, 1);
    assert_int_equal(s->gs[0].state, RT_G_RUNNING);
    assert_int_equal(s->ps[0].running, 1);
    /* The GC sees both buffered elements and the blocked sender's. */
    int sum = 0;
    rt_chan_each_elem(c, sum_elem, &sum);
    assert_int_equal(sum, 1 + 2 + 99);
    rt_snapshot_free(s);
}

static void test_snapshot(void **state)
{
    struct rt_config cfg = {0};
    cfg.hooks.render = render_int;
    struct rt *rt = rt_new(&cfg);
    rt_go(rt, snap_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    rt_free(rt);
}

/* ---- the event hook sees what the ring records ------------------------------------ */

static uint64_t hook_events, hook_last_seq;

static void count_event(void *ud, const struct rt_event *ev)
{
    hook_events++;
    assert_int_equal(ev->seq, hook_last_seq + 1);
    hook_last_seq = ev->seq;
}

static void test_event_hook(void **state)
{
    for (int off = 0; off < 2; off++) {
        hook_events = hook_last_seq = 0;
        struct rt_config cfg = {0};
        cfg.seed = seed;
        cfg.procs = 2;
        cfg.trace_off = off;
        cfg.trace_capacity = 1 << 16;
        cfg.hooks.event = count_event;
        struct rt *rt = rt_new(&cfg);
        rt_go(rt, det_main, NULL);
        assert_int_equal(rt_run(rt, -1), RT_EXITED);
        assert_int_equal(hook_events, rt_trace_last_seq(rt));
        struct rt_event ev[4];
        assert_int_equal(rt_trace_read(rt, 1, ev, 4), off ? 0 : 4);
        rt_free(rt);
    }
}

/* ---- GOMAXPROCS > 1 in a snapshot -------------------------------------------------------- */

static void mp_spin(struct rt *rt, void *arg)
{
    for (int i = 0; i < 4; i++)
        rt_preempt(rt);
}

static void mp_main(struct rt *rt, void *arg)
{
    for (int i = 0; i < 6; i++)
        rt_go(rt, mp_spin, NULL);
    struct rt_snapshot *s = rt_snapshot_new(rt);
    assert_int_equal(s->nps, 2);
    assert_int_equal(s->ps[0].running, 1);
    assert_int_equal(s->ps[0].runnext, 10);
    assert_int_equal(s->ps[0].nrunq, 5);
    assert_int_equal(s->ps[0].runq[0], 5);
    assert_int_equal(s->ps[1].running, 0);
    rt_snapshot_free(s);
    /* A preemption point with an idle P that can steal: P 1 runs. */
    rt_preempt(rt);
    s = rt_snapshot_new(rt);
    assert_int_equal(s->ps[0].running, 1);
    assert_true(s->ps[1].running != 0);
    rt_snapshot_free(s);
}

static void test_two_ps_in_snapshot(void **state)
{
    struct rt_config cfg = {0};
    cfg.procs = 2;
    cfg.preempt = RT_PREEMPT_EVERY;
    struct rt *rt = rt_new(&cfg);
    rt_go(rt, mp_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    rt_free(rt);
}

int main(void)
{
    seed = trt_seed(7);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_work_stealing_in_trace),
        cmocka_unit_test(test_syscall_hands_off_p),
        cmocka_unit_test(test_preemption_policies),
        cmocka_unit_test(test_same_seed_same_trace),
        cmocka_unit_test(test_stepping_one_event_at_a_time),
        cmocka_unit_test(test_budget_returns_at_preemption_points),
        cmocka_unit_test(test_local_queue_overflows_to_global),
        cmocka_unit_test(test_snapshot),
        cmocka_unit_test(test_event_hook),
        cmocka_unit_test(test_two_ps_in_snapshot),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
