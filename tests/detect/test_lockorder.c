/* test_lockorder.c: the lock-order graph (cfg.lockorder) on plain C
 * goroutines. Each goroutine runs a script of lock operations, one per
 * "line" of a pretend Go file /p/x.go, and a site hook tells the runtime
 * which line and function a goroutine is at, as the interpreter does. The
 * tests assert the findings' exact texts, and that consistent orders,
 * re-locking, TryLock and a lock unlocked by another goroutine report
 * nothing. */
#include "rt_test.h"

enum op {
    END,
    LOCK,
    UNLOCK,
    TRY,
    RLOCK,
    RUNLOCK,
    WLOCK,
    WUNLOCK,
    TRYR,
    TRYW,
    YIELD,
    WAIT,
    SIGNAL,
    SLEEP,
    POINT /* a preemption point */
};

struct step {
    enum op op;
    int lock; /* mutexes 0-3, RWMutexes 0-1 (RLOCK ... WUNLOCK) */
    int line;
};

struct script {
    const char *func;
    struct step steps[16];
};

struct gstate { /* a goroutine's host data: where it is */
    const char *func;
    int line;
};

static struct rt_mutex mu[4];
static struct rt_rwmutex rw[2];
static struct rt_cond cond;
static struct gstate gs[8];
static bool trylock_failed;
/* start_now: scripts start at once; else goroutine i starts at time i + 1,
 * so the scripts run one after the other in list order */
static bool start_now;
/* pct_seed: when non-zero, run under PCT (depth 3) with this seed */
static uint64_t pct_seed;
static struct rt_waitgroup done;
static struct rt *cur_rt; /* the runtime the site hook interns into */
static const char file[] = "/p/x.go";

/* The scripts a test runs: one goroutine each; main waits
 * for them all. */
static const struct script *const *scripts;

static rt_site site_hook(void *ud, const struct rt_g *g, void *data)
{
    struct gstate *s = data;
    if (!s || !s->line)
        return 0;
    return rt_site_intern(cur_rt, 0, s->func, file, s->line);
}

static void run_script(struct rt *rt, void *arg)
{
    size_t i = (size_t)(uintptr_t)arg;
    const struct script *sc = scripts[i];
    struct gstate *s = &gs[i];
    if (!start_now)
        rt_sleep(rt, (int64_t)i + 1);
    s->func = sc->func;
    rt_g_set_data(rt_current(rt), s);
    for (const struct step *st = sc->steps; st->op != END; st++) {
        s->line = st->line;
        switch (st->op) {
        case END: break;
        case LOCK: rt_mutex_lock(rt, &mu[st->lock]); break;
        case UNLOCK: rt_mutex_unlock(rt, &mu[st->lock]); break;
        case TRY:
            if (!rt_mutex_trylock(rt, &mu[st->lock]))
                trylock_failed = true;
            break;
        case RLOCK: rt_rw_rlock(rt, &rw[st->lock]); break;
        case RUNLOCK: rt_rw_runlock(rt, &rw[st->lock]); break;
        case WLOCK: rt_rw_lock(rt, &rw[st->lock]); break;
        case WUNLOCK: rt_rw_unlock(rt, &rw[st->lock]); break;
        case TRYR:
            if (!rt_rw_tryrlock(rt, &rw[st->lock]))
                trylock_failed = true;
            break;
        case TRYW:
            if (!rt_rw_trylock(rt, &rw[st->lock]))
                trylock_failed = true;
            break;
        case YIELD: rt_gosched(rt); break;
        case POINT: rt_preempt(rt); break;
        case WAIT: rt_cond_wait(rt, &cond, &mu[st->lock]); break;
        case SIGNAL: rt_cond_signal(rt, &cond); break;
        case SLEEP: rt_sleep(rt, st->line); break;
        }
    }
    rt_g_set_data(rt_current(rt), NULL);
    rt_wg_add(rt, &done, -1);
}

static void main_fn(struct rt *rt, void *arg)
{
    for (size_t i = 0; scripts[i]; i++) {
        rt_wg_add(rt, &done, 1);
        rt_go(rt, run_script, (void *)(uintptr_t)i);
    }
    rt_wg_wait(rt, &done);
}

static struct rt *run(const struct script *const *sc, bool labels, bool now, enum rt_status want)
{
    memset(mu, 0, sizeof mu);
    memset(rw, 0, sizeof rw);
    memset(&cond, 0, sizeof cond);
    memset(gs, 0, sizeof gs);
    memset(&done, 0, sizeof done);
    trylock_failed = false;
    start_now = now;
    scripts = sc;
    struct rt_config cfg = {0};
    cfg.lockorder = true;
    cfg.hooks.site = site_hook;
    if (pct_seed) {
        cfg.seed = pct_seed;
        cfg.sched = RT_SCHED_PCT;
        cfg.pct_depth = 3;
        cfg.pct_steps = 10;
    }
    struct rt *rt = rt_new(&cfg);
    assert_non_null(rt);
    cur_rt = rt;
    if (labels) {
        static const char *const names[] = {"mu1", "mu2", "mu3", "mu4"};
        for (int i = 0; i < 4; i++)
            rt_lock_set_label(rt, &mu[i], names[i]);
        rt_lock_set_label(rt, &rw[0], "rw");
        rt_lock_set_label(rt, &rw[1], "rw2");
    }
    rt_go(rt, main_fn, NULL);
    enum rt_status st = rt_run(rt, -1);
    if (want != RT_RUNNING) /* RT_RUNNING: the caller looks at it */
        assert_int_equal(st, want);
    return rt;
}

/* ---- inversions that are reported ---------------------------------------------- */

static const struct script ab = {"main.worker",
                                 {{LOCK, 0, 19}, {LOCK, 1, 20}, {UNLOCK, 1, 21}, {UNLOCK, 0, 22}}};
static const struct script ba = {"main.other",
                                 {{LOCK, 1, 30}, {LOCK, 0, 31}, {UNLOCK, 0, 32}, {UNLOCK, 1, 33}}};

static void test_ab_ba_reported_without_deadlock(void **state)
{
    const struct script *sc[] = {&ab, &ba, NULL};
    struct rt *rt = run(sc, true, false, RT_EXITED);
    size_t n;
    const struct rt_finding *f = rt_findings(rt, &n);
    assert_int_equal(n, 1);
    assert_int_equal(f[0].kind, RT_FIND_LOCK_ORDER);
    assert_string_equal(f[0].report, "POTENTIAL DEADLOCK: lock-order inversion between 2 locks\n"
                                     "  goroutine 5 locked mu2 at /p/x.go:20 (main.worker)\n"
                                     "    while holding mu1, locked at /p/x.go:19\n"
                                     "  goroutine 6 locked mu1 at /p/x.go:31 (main.other)\n"
                                     "    while holding mu2, locked at /p/x.go:30\n");
    assert_string_equal(f[0].summary, "lock-order inversion: mu1 -> mu2 (x.go:19, x.go:20) and "
                                      "mu2 -> mu1 (x.go:30, x.go:31)");
    assert_int_equal(f[0].ng, 2);
    assert_int_equal(f[0].g[0], 5);
    assert_int_equal(f[0].g[1], 6);
    struct rt_frame fr;
    assert_int_equal(rt_site_frames(rt, f[0].site[1], &fr, 1), 1);
    assert_int_equal(fr.line, 31);
    rt_free(rt);
}

static void test_unlabelled_locks_are_named_by_first_site(void **state)
{
    const struct script *sc[] = {&ab, &ba, NULL};
    struct rt *rt = run(sc, false, false, RT_EXITED);
    size_t n;
    const struct rt_finding *f = rt_findings(rt, &n);
    assert_int_equal(n, 1);
    assert_string_equal(f[0].summary,
                        "lock-order inversion: lock@x.go:19 -> lock@x.go:20 (x.go:19, x.go:20) "
                        "and lock@x.go:20 -> lock@x.go:19 (x.go:30, x.go:31)");
    rt_free(rt);
}

/* Both goroutines hold their first lock when they ask for the second: a
 * real deadlock, which Go reports; the inversion is reported too. */
static const struct script ab_y = {
    "main.worker", {{LOCK, 0, 19}, {YIELD, 0, 0}, {LOCK, 1, 20}, {UNLOCK, 1, 21}, {UNLOCK, 0, 22}}};
static const struct script ba_y = {
    "main.other", {{LOCK, 1, 30}, {YIELD, 0, 0}, {LOCK, 0, 31}, {UNLOCK, 0, 32}, {UNLOCK, 1, 33}}};

static void test_ab_ba_that_deadlocks(void **state)
{
    const struct script *sc[] = {&ab_y, &ba_y, NULL};
    struct rt *rt = run(sc, true, true, RT_DEADLOCK);
    size_t n;
    const struct rt_finding *f = rt_findings(rt, &n);
    assert_int_equal(n, 1);
    /* goroutine 6 (runnext) ran first and waited first */
    assert_string_equal(f[0].summary, "lock-order inversion: mu2 -> mu1 (x.go:30, x.go:31) and "
                                      "mu1 -> mu2 (x.go:19, x.go:20)");
    assert_non_null(strstr(rt_failure_peek(rt), "all goroutines are asleep"));
    rt_free(rt);
}

static const struct script c_ab = {
    "main.a", {{LOCK, 0, 10}, {LOCK, 1, 11}, {UNLOCK, 1, 12}, {UNLOCK, 0, 13}}};
static const struct script c_bc = {
    "main.b", {{LOCK, 1, 20}, {LOCK, 2, 21}, {UNLOCK, 2, 22}, {UNLOCK, 1, 23}}};
static const struct script c_ca = {
    "main.c", {{LOCK, 2, 30}, {LOCK, 0, 31}, {UNLOCK, 0, 32}, {UNLOCK, 2, 33}}};

static void test_three_lock_cycle_reported_once(void **state)
{
    const struct script *sc[] = {&c_ab, &c_bc, &c_ca, &c_ab, &c_bc, &c_ca, NULL};
    struct rt *rt = run(sc, true, false, RT_EXITED);
    size_t n;
    const struct rt_finding *f = rt_findings(rt, &n);
    assert_int_equal(n, 1);
    assert_int_equal(f[0].ng, 3);
    assert_string_equal(f[0].summary, "lock-order inversion: mu1 -> mu2 (x.go:10, x.go:11), "
                                      "mu2 -> mu3 (x.go:20, x.go:21) and "
                                      "mu3 -> mu1 (x.go:30, x.go:31)");
    assert_int_equal(f[0].g[0], 5);
    assert_int_equal(f[0].g[2], 7);
    assert_non_null(strstr(f[0].report, "between 3 locks\n"));
    rt_free(rt);
}

static void test_same_cycle_twice_reported_once(void **state)
{
    const struct script *sc[] = {&ab, &ba, &ab, &ba, &ba, &ab, NULL};
    struct rt *rt = run(sc, true, false, RT_EXITED);
    assert_int_equal(rt_findings_count(rt, RT_FIND_LOCK_ORDER), 1);
    rt_free(rt);
}

/* One goroutine taking two locks in both orders, at different times: the
 * code can deadlock as soon as two goroutines run it (go-deadlock and Go's
 * lock ranking report it too). */
static const struct script self_inv = {"main.a",
                                       {{LOCK, 0, 10},
                                        {LOCK, 1, 11},
                                        {UNLOCK, 1, 12},
                                        {UNLOCK, 0, 13},
                                        {LOCK, 1, 14},
                                        {LOCK, 0, 15},
                                        {UNLOCK, 0, 16},
                                        {UNLOCK, 1, 17}}};

static void test_one_goroutine_both_orders(void **state)
{
    const struct script *sc[] = {&self_inv, NULL};
    struct rt *rt = run(sc, true, false, RT_EXITED);
    size_t n;
    const struct rt_finding *f = rt_findings(rt, &n);
    assert_int_equal(n, 1);
    assert_string_equal(f[0].report, "POTENTIAL DEADLOCK: lock-order inversion between 2 locks\n"
                                     "  goroutine 5 locked mu2 at /p/x.go:11 (main.a)\n"
                                     "    while holding mu1, locked at /p/x.go:10\n"
                                     "  goroutine 5 locked mu1 at /p/x.go:15 (main.a)\n"
                                     "    while holding mu2, locked at /p/x.go:14\n");
    rt_free(rt);
}

/* Under PCT, seeds give runs that deadlock and runs that do not; every
 * one reports the inversion exactly once. */
static const struct script ab_p = {
    "main.worker",
    {{LOCK, 0, 19}, {POINT, 0, 0}, {LOCK, 1, 20}, {POINT, 0, 0}, {UNLOCK, 1, 21}, {UNLOCK, 0, 22}}};
static const struct script ba_p = {
    "main.other",
    {{LOCK, 1, 30}, {POINT, 0, 0}, {LOCK, 0, 31}, {POINT, 0, 0}, {UNLOCK, 0, 32}, {UNLOCK, 1, 33}}};

static void test_every_schedule_reports_once(void **state)
{
    const struct script *sc[] = {&ab_p, &ba_p, NULL};
    int deadlocks = 0, exits = 0;
    for (pct_seed = 1; pct_seed <= 50; pct_seed++) {
        struct rt *rt = run(sc, true, true, RT_RUNNING);
        enum rt_status st = rt_status(rt);
        assert_true(st == RT_EXITED || st == RT_DEADLOCK);
        deadlocks += st == RT_DEADLOCK;
        exits += st == RT_EXITED;
        assert_int_equal(rt_findings_count(rt, RT_FIND_LOCK_ORDER), 1);
        rt_free(rt);
    }
    pct_seed = 0;
    printf("# 50 PCT schedules: %d deadlocked, %d exited, each reported once\n", deadlocks, exits);
    assert_true(deadlocks > 0 && exits > 0);
}

/* ---- orders that are not reported --------------------------------------------------- */

static const struct script abc = {"main.a",
                                  {{LOCK, 0, 10},
                                   {LOCK, 1, 11},
                                   {LOCK, 2, 12},
                                   {UNLOCK, 2, 13},
                                   {UNLOCK, 1, 14},
                                   {LOCK, 3, 15},
                                   {UNLOCK, 3, 16},
                                   {UNLOCK, 0, 17}}};
static const struct script ac = {"main.b",
                                 {{LOCK, 0, 20},
                                  {LOCK, 2, 21},
                                  {UNLOCK, 0, 22},
                                  {LOCK, 3, 23},
                                  {UNLOCK, 3, 24},
                                  {UNLOCK, 2, 25}}};
static const struct script seq = {"main.c",
                                  {{LOCK, 2, 30},
                                   {UNLOCK, 2, 31},
                                   {LOCK, 0, 32},
                                   {UNLOCK, 0, 33},
                                   {LOCK, 1, 34},
                                   {UNLOCK, 1, 35}}};

static void test_consistent_order_not_reported(void **state)
{
    const struct script *sc[] = {&abc, &ac, &seq, &abc, &ac, &seq, NULL};
    struct rt *rt = run(sc, true, false, RT_EXITED);
    assert_int_equal(rt_findings_count(rt, RT_FIND_LOCK_ORDER), 0);
    rt_free(rt);
}

/* Re-locking a held Mutex is a plain deadlock (Go's own report), not an
 * inversion, even with another lock taken in between. */
static const struct script relock = {"main.a", {{LOCK, 0, 10}, {LOCK, 1, 11}, {LOCK, 0, 12}}};

static void test_relock_is_not_an_inversion(void **state)
{
    const struct script *sc[] = {&relock, NULL};
    struct rt *rt = run(sc, true, false, RT_DEADLOCK);
    assert_int_equal(rt_findings_count(rt, RT_FIND_LOCK_ORDER), 0);
    rt_free(rt);
}

/* A lock unlocked by another goroutine (allowed in Go) is no longer held by
 * the one that locked it. */
static const struct script hand_lock = {
    "main.a", {{LOCK, 0, 10}, {SLEEP, 0, 100}, {LOCK, 1, 12}, {UNLOCK, 1, 13}}};
static const struct script hand_unlock = {"main.b", {{UNLOCK, 0, 20}}};
static const struct script hand_ba = {
    "main.c", {{SLEEP, 0, 200}, {LOCK, 1, 30}, {LOCK, 0, 31}, {UNLOCK, 0, 32}, {UNLOCK, 1, 33}}};

static void test_unlock_by_other_goroutine(void **state)
{
    const struct script *sc[] = {&hand_lock, &hand_unlock, &hand_ba, NULL};
    struct rt *rt = run(sc, true, false, RT_EXITED);
    assert_int_equal(rt_findings_count(rt, RT_FIND_LOCK_ORDER), 0);
    rt_free(rt);
}

/* Cond.Wait unlocks while it waits: locks taken meanwhile by the signaller
 * make no edge from the waiter's Mutex. */
static const struct script cw = {
    "main.a", {{LOCK, 0, 10}, {WAIT, 0, 11}, {UNLOCK, 0, 12}, {LOCK, 1, 13}, {UNLOCK, 1, 14}}};
static const struct script cs = {
    "main.b", {{LOCK, 1, 20}, {LOCK, 0, 21}, {SIGNAL, 0, 22}, {UNLOCK, 0, 23}, {UNLOCK, 1, 24}}};
static const struct script cw_after = {
    "main.c", {{SLEEP, 0, 50}, {LOCK, 0, 30}, {LOCK, 1, 31}, {UNLOCK, 1, 32}, {UNLOCK, 0, 33}}};

static void test_cond_wait_releases_and_relocks(void **state)
{
    /* mu2 -> mu1 by main.b while main.a waits; main.a locks mu2 after its
     * Unlock: no inversion. main.c's mu1 -> mu2 then closes a real one. */
    const struct script *sc[] = {&cw, &cs, NULL};
    struct rt *rt = run(sc, true, false, RT_EXITED);
    assert_int_equal(rt_findings_count(rt, RT_FIND_LOCK_ORDER), 0);
    rt_free(rt);
    const struct script *sc2[] = {&cw, &cs, &cw_after, NULL};
    rt = run(sc2, true, false, RT_EXITED);
    assert_int_equal(rt_findings_count(rt, RT_FIND_LOCK_ORDER), 1);
    rt_free(rt);
}

/* ---- TryLock ----------------------------------------------------------------------- */

/* A TryLock never waits: holding mu1 and trying mu2 makes no mu1 -> mu2
 * edge, so mu2 -> mu1 elsewhere is no inversion. */
static const struct script try_b = {
    "main.a", {{LOCK, 0, 10}, {TRY, 1, 11}, {UNLOCK, 1, 12}, {UNLOCK, 0, 13}}};
/* But a lock taken by TryLock is held: locking after it makes edges. */
static const struct script try_a = {
    "main.a", {{TRY, 0, 10}, {LOCK, 1, 11}, {UNLOCK, 1, 12}, {UNLOCK, 0, 13}}};

static void test_trylock(void **state)
{
    const struct script *sc[] = {&try_b, &ba, NULL};
    struct rt *rt = run(sc, true, false, RT_EXITED);
    assert_false(trylock_failed);
    assert_int_equal(rt_findings_count(rt, RT_FIND_LOCK_ORDER), 0);
    rt_free(rt);
    const struct script *sc2[] = {&try_a, &ba, NULL};
    rt = run(sc2, true, false, RT_EXITED);
    assert_false(trylock_failed);
    size_t n;
    const struct rt_finding *f = rt_findings(rt, &n);
    assert_int_equal(n, 1);
    assert_string_equal(f[0].summary, "lock-order inversion: mu1 -> mu2 (x.go:10, x.go:11) and "
                                      "mu2 -> mu1 (x.go:30, x.go:31)");
    rt_free(rt);
}

/* ---- RWMutex --------------------------------------------------------------------------- */

static const struct script rw_r_then_m = {
    "main.reader", {{RLOCK, 0, 10}, {LOCK, 0, 11}, {UNLOCK, 0, 12}, {RUNLOCK, 0, 13}}};
static const struct script m_then_rw_w = {
    "main.writer", {{LOCK, 0, 20}, {WLOCK, 0, 21}, {WUNLOCK, 0, 22}, {UNLOCK, 0, 23}}};
static const struct script rr_same = {"main.rr",
                                      {{RLOCK, 0, 30},
                                       {LOCK, 0, 31},
                                       {RLOCK, 0, 32},
                                       {RUNLOCK, 0, 33},
                                       {UNLOCK, 0, 34},
                                       {RUNLOCK, 0, 35}}};
static const struct script rw_w_then_m = {
    "main.w2", {{WLOCK, 0, 40}, {LOCK, 0, 41}, {UNLOCK, 0, 42}, {WUNLOCK, 0, 43}}};

static const struct script rw_try_r = {
    "main.tr", {{LOCK, 0, 50}, {TRYR, 0, 51}, {RUNLOCK, 0, 52}, {UNLOCK, 0, 53}}};
static const struct script rw_try_w = {
    "main.tw", {{LOCK, 0, 60}, {TRYW, 0, 61}, {WUNLOCK, 0, 62}, {UNLOCK, 0, 63}}};
static const struct script rw_try_then_m = {
    "main.tm", {{TRYR, 0, 70}, {LOCK, 0, 71}, {UNLOCK, 0, 72}, {RUNLOCK, 0, 73}}};

static void test_rwmutex(void **state)
{
    /* RLock then Lock against Lock then RWMutex.Lock: reported, with the
     * read side named */
    const struct script *sc[] = {&rw_r_then_m, &m_then_rw_w, NULL};
    struct rt *rt = run(sc, true, false, RT_EXITED);
    size_t n;
    const struct rt_finding *f = rt_findings(rt, &n);
    assert_int_equal(n, 1);
    assert_string_equal(f[0].report, "POTENTIAL DEADLOCK: lock-order inversion between 2 locks\n"
                                     "  goroutine 5 locked mu1 at /p/x.go:11 (main.reader)\n"
                                     "    while holding rw, read-locked at /p/x.go:10\n"
                                     "  goroutine 6 locked rw at /p/x.go:21 (main.writer)\n"
                                     "    while holding mu1, locked at /p/x.go:20\n");
    rt_free(rt);
    /* TryRLock and TryLock of an RWMutex make no edge into it, but hold it */
    const struct script *sc3[] = {&rw_try_r, &rw_try_w, &rw_r_then_m, NULL};
    rt = run(sc3, true, false, RT_EXITED);
    assert_false(trylock_failed);
    assert_int_equal(rt_findings_count(rt, RT_FIND_LOCK_ORDER), 0);
    rt_free(rt);
    const struct script *sc4[] = {&rw_try_then_m, &m_then_rw_w, NULL};
    rt = run(sc4, true, false, RT_EXITED);
    assert_false(trylock_failed);
    assert_int_equal(rt_findings_count(rt, RT_FIND_LOCK_ORDER), 1);
    rt_free(rt);
    /* recursive RLock of one RWMutex (with a Mutex taken in between), and
     * write locks in one order: nothing */
    const struct script *sc2[] = {&rr_same, &rw_w_then_m, &rr_same, &rw_w_then_m, NULL};
    rt = run(sc2, true, false, RT_EXITED);
    assert_int_equal(rt_findings_count(rt, RT_FIND_LOCK_ORDER), 0);
    rt_free(rt);
}

/* ---- gate locks (Goodlock): a cycle whose every edge was made holding one
 * same Mutex cannot deadlock ------------------------------------------------------------- */

static const struct script gate_ab = {"main.a",
                                      {{LOCK, 3, 10},
                                       {LOCK, 0, 11},
                                       {LOCK, 1, 12},
                                       {UNLOCK, 1, 13},
                                       {UNLOCK, 0, 14},
                                       {UNLOCK, 3, 15}}};
static const struct script gate_ba = {"main.b",
                                      {{LOCK, 3, 20},
                                       {LOCK, 1, 21},
                                       {LOCK, 0, 22},
                                       {UNLOCK, 0, 23},
                                       {UNLOCK, 1, 24},
                                       {UNLOCK, 3, 25}}};
static const struct script rgate_ab = {"main.a",
                                       {{RLOCK, 0, 10},
                                        {LOCK, 0, 11},
                                        {LOCK, 1, 12},
                                        {UNLOCK, 1, 13},
                                        {UNLOCK, 0, 14},
                                        {RUNLOCK, 0, 15}}};
static const struct script rgate_ba = {"main.b",
                                       {{RLOCK, 0, 20},
                                        {LOCK, 1, 21},
                                        {LOCK, 0, 22},
                                        {UNLOCK, 0, 23},
                                        {UNLOCK, 1, 24},
                                        {RUNLOCK, 0, 25}}};

static void test_gate_lock(void **state)
{
    const struct script *sc[] = {&gate_ab, &gate_ba, &gate_ab, &gate_ba, NULL};
    struct rt *rt = run(sc, true, false, RT_EXITED);
    assert_int_equal(rt_findings_count(rt, RT_FIND_LOCK_ORDER), 0);
    rt_free(rt);
    /* the same inversion once without the gate: reported, at that place */
    const struct script *sc2[] = {&gate_ab, &gate_ba, &ba, &gate_ba, &ba, NULL};
    rt = run(sc2, true, false, RT_EXITED);
    size_t n;
    const struct rt_finding *f = rt_findings(rt, &n);
    assert_int_equal(n, 1);
    assert_string_equal(f[0].summary, "lock-order inversion: mu1 -> mu2 (x.go:11, x.go:12) and "
                                      "mu2 -> mu1 (x.go:30, x.go:31)");
    assert_int_equal(f[0].g[1], 7);
    rt_free(rt);
    /* a read lock is no gate: readers share it */
    const struct script *sc3[] = {&rgate_ab, &rgate_ba, NULL};
    rt = run(sc3, true, false, RT_EXITED);
    assert_int_equal(rt_findings_count(rt, RT_FIND_LOCK_ORDER), 1);
    rt_free(rt);
}

/* ---- switched off, and forgotten locks ----------------------------------------------- */

static void off_main(struct rt *rt, void *arg)
{
    for (int i = 0; i < 2; i++) {
        rt_mutex_lock(rt, &mu[i]);
        rt_mutex_lock(rt, &mu[1 - i]);
        rt_mutex_unlock(rt, &mu[1 - i]);
        rt_mutex_unlock(rt, &mu[i]);
    }
}

static void test_off_reports_nothing(void **state)
{
    memset(mu, 0, sizeof mu);
    struct rt *rt = trt_new(1, 1);
    rt_lock_set_label(rt, &mu[0], "ignored");
    rt_go(rt, off_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    size_t n;
    rt_findings(rt, &n);
    assert_int_equal(n, 0);
    rt_free(rt);
}

static void forget_main(struct rt *rt, void *arg)
{
    bool forget = arg != NULL;
    rt_mutex_lock(rt, &mu[0]);
    rt_mutex_lock(rt, &mu[1]);
    rt_mutex_unlock(rt, &mu[1]);
    rt_mutex_unlock(rt, &mu[0]);
    /* the host frees the object holding mu[0] and makes a new one there */
    if (forget)
        rt_lock_forget(rt, &mu[0], sizeof mu[0]);
    rt_mutex_lock(rt, &mu[1]);
    rt_mutex_lock(rt, &mu[0]);
    rt_mutex_unlock(rt, &mu[0]);
    rt_mutex_unlock(rt, &mu[1]);
}

static void test_forget(void **state)
{
    for (int forget = 0; forget < 2; forget++) {
        memset(mu, 0, sizeof mu);
        struct rt_config cfg = {0};
        cfg.lockorder = true;
        struct rt *rt = rt_new(&cfg);
        rt_go(rt, forget_main, forget ? (void *)1 : NULL);
        assert_int_equal(rt_run(rt, -1), RT_EXITED);
        size_t n;
        const struct rt_finding *f = rt_findings(rt, &n);
        assert_int_equal(n, forget ? 0 : 1);
        if (!forget) /* no site hook: locks are numbered, positions unknown */
            assert_string_equal(
                f[0].summary, "lock-order inversion: lock#1 -> lock#2 (?, ?) and lock#2 -> lock#1 "
                              "(?, ?)");
        rt_free(rt);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ab_ba_reported_without_deadlock),
        cmocka_unit_test(test_unlabelled_locks_are_named_by_first_site),
        cmocka_unit_test(test_ab_ba_that_deadlocks),
        cmocka_unit_test(test_three_lock_cycle_reported_once),
        cmocka_unit_test(test_same_cycle_twice_reported_once),
        cmocka_unit_test(test_one_goroutine_both_orders),
        cmocka_unit_test(test_every_schedule_reports_once),
        cmocka_unit_test(test_consistent_order_not_reported),
        cmocka_unit_test(test_relock_is_not_an_inversion),
        cmocka_unit_test(test_unlock_by_other_goroutine),
        cmocka_unit_test(test_cond_wait_releases_and_relocks),
        cmocka_unit_test(test_trylock),
        cmocka_unit_test(test_rwmutex),
        cmocka_unit_test(test_gate_lock),
        cmocka_unit_test(test_off_reports_nothing),
        cmocka_unit_test(test_forget),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
