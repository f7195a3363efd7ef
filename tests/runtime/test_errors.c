/* test_errors.c: failures as values. Go's panics come back to the calling
 * goroutine as codes with Go's exact texts; Go's fatal errors end the run
 * with Go's text and a goroutine dump in Go's format, built from the frames
 * the host reports. */
#include "rt_test.h"

/* The host's frames: each goroutine's data is one frame it updates. */
static size_t frames_hook(void *ud, const struct rt_g *g, void *data, struct rt_frame *out,
                          size_t max)
{
    (void)ud;
    (void)g;
    if (!data || max == 0)
        return 0;
    out[0] = *(struct rt_frame *)data;
    return 1;
}

static struct rt *hooked_rt(void)
{
    struct rt_config cfg = {0};
    cfg.hooks.frames = frames_hook;
    struct rt *rt = rt_new(&cfg);
    assert_non_null(rt);
    return rt;
}

static void test_error_texts(void **state)
{
    assert_string_equal(rt_error_text(RT_ERR_SEND_CLOSED), "send on closed channel");
    assert_string_equal(rt_error_text(RT_ERR_CLOSE_NIL), "close of nil channel");
    assert_string_equal(rt_error_text(RT_ERR_CLOSE_CLOSED), "close of closed channel");
    assert_string_equal(rt_error_text(RT_ERR_WG_NEGATIVE), "sync: negative WaitGroup counter");
    assert_string_equal(rt_error_text(RT_ERR_UNLOCK_UNLOCKED), "sync: unlock of unlocked mutex");
    assert_string_equal(rt_error_text(RT_ERR_RUNLOCK_UNLOCKED),
                        "sync: RUnlock of unlocked RWMutex");
    assert_string_equal(rt_error_text(RT_ERR_RWUNLOCK_UNLOCKED),
                        "sync: Unlock of unlocked RWMutex");
    assert_false(rt_error_is_fatal(RT_ERR_SEND_CLOSED));
    assert_false(rt_error_is_fatal(RT_ERR_WG_NEGATIVE));
    assert_string_equal(rt_error_text(RT_ERR_WG_REUSED),
                        "sync: WaitGroup is reused before previous Wait has returned");
    assert_false(rt_error_is_fatal(RT_ERR_WG_REUSED));
    assert_true(rt_error_is_fatal(RT_ERR_UNLOCK_UNLOCKED));
    assert_true(rt_error_is_fatal(RT_ERR_RUNLOCK_UNLOCKED));
}

/* ---- panics returned to the goroutine -------------------------------------- */

static enum rt_err got[8];

static void panics_main(struct rt *rt, void *arg)
{
    struct rt_chan *c = rt_chan_new(rt, sizeof(int), 1, "int");
    int v = 1;
    got[0] = rt_chan_close(rt, NULL);
    got[1] = rt_chan_close(rt, c);
    got[2] = rt_chan_close(rt, c);
    got[3] = rt_chan_send(rt, c, &v);
    struct rt_waitgroup wg = {0};
    got[4] = rt_wg_add(rt, &wg, 1);
    got[5] = rt_wg_add(rt, &wg, -2);
    struct rt_case cs = {.chan = c, .dir = RT_SEND, .elem = &v};
    int chosen = -2;
    got[6] = rt_select(rt, &cs, 1, false, &chosen);
    assert_int_equal(chosen, 0);
}

static void test_panics_are_returned(void **state)
{
    struct rt *rt = trt_new(0, 1);
    rt_go(rt, panics_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    assert_int_equal(got[0], RT_ERR_CLOSE_NIL);
    assert_int_equal(got[1], RT_OK);
    assert_int_equal(got[2], RT_ERR_CLOSE_CLOSED);
    assert_int_equal(got[3], RT_ERR_SEND_CLOSED);
    assert_int_equal(got[4], RT_OK);
    assert_int_equal(got[5], RT_ERR_WG_NEGATIVE);
    assert_int_equal(got[6], RT_ERR_SEND_CLOSED);
    assert_null(rt_failure_peek(rt));
    rt_free(rt);
}

/* A sender parked on a channel that gets closed wakes with the panic. */
static struct rt_chan *pc;
static enum rt_err parked_err;

static void parked_sender(struct rt *rt, void *arg)
{
    int v = 5;
    parked_err = rt_chan_send(rt, pc, &v);
}

static void close_parked_main(struct rt *rt, void *arg)
{
    pc = rt_chan_new(rt, sizeof(int), 0, "int");
    rt_go(rt, parked_sender, NULL);
    rt_gosched(rt);
    rt_chan_close(rt, pc);
    rt_gosched(rt);
}

static void test_close_wakes_parked_sender_with_panic(void **state)
{
    struct rt *rt = trt_new(0, 1);
    parked_err = RT_OK;
    rt_go(rt, close_parked_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    assert_int_equal(parked_err, RT_ERR_SEND_CLOSED);
    rt_free(rt);
}

/* ---- fatal errors ------------------------------------------------------------ */

static struct rt_frame main_frame = {"main.main", "/p/x.go", 8};

static void unlock_main(struct rt *rt, void *arg)
{
    rt_g_set_data(rt_current(rt), &main_frame);
    struct rt_mutex m = {0};
    rt_mutex_unlock(rt, &m);
    fail_msg("unlock of an unlocked mutex returned");
}

static void test_unlock_of_unlocked_mutex_is_fatal(void **state)
{
    struct rt *rt = hooked_rt();
    rt_go(rt, unlock_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_FATAL);
    assert_string_equal(rt_failure_peek(rt), "fatal error: sync: unlock of unlocked mutex\n\n"
                                             "goroutine 1 [running]:\nmain.main()\n\t/p/x.go:8\n");
    /* The run stays ended. */
    assert_int_equal(rt_run(rt, -1), RT_FATAL);
    rt_free(rt);
}

static void runlock_main(struct rt *rt, void *arg)
{
    rt_g_set_data(rt_current(rt), &main_frame);
    struct rt_rwmutex rw = {0};
    if ((intptr_t)arg)
        rt_rw_unlock(rt, &rw);
    else
        rt_rw_runlock(rt, &rw);
    fail_msg("unlock of an unlocked RWMutex returned");
}

static void test_rwmutex_unlocks_of_unlocked_are_fatal(void **state)
{
    struct rt *rt = hooked_rt();
    rt_go(rt, runlock_main, (void *)0);
    assert_int_equal(rt_run(rt, -1), RT_FATAL);
    assert_string_equal(rt_failure_peek(rt), "fatal error: sync: RUnlock of unlocked RWMutex\n\n"
                                             "goroutine 1 [running]:\nmain.main()\n\t/p/x.go:8\n");
    rt_free(rt);
    rt = hooked_rt();
    rt_go(rt, runlock_main, (void *)1);
    assert_int_equal(rt_run(rt, -1), RT_FATAL);
    assert_string_equal(rt_failure_peek(rt), "fatal error: sync: Unlock of unlocked RWMutex\n\n"
                                             "goroutine 1 [running]:\nmain.main()\n\t/p/x.go:8\n");
    rt_free(rt);
}

/* The deadlock of Go's a.go: main waits on a channel nobody sends on, one
 * goroutine waits on a nil channel, one in select {} after two minutes of
 * sleep. */
static struct rt_frame f_main = {"main.main", "/tmp/a.go", 12};
static struct rt_frame f_func2 = {"main.main.func2", "/tmp/a.go", 8};
static struct rt_frame f_func3 = {"main.main.func3", "/tmp/a.go", 9};

static void dl_nil(struct rt *rt, void *arg)
{
    rt_g_set_data(rt_current(rt), &f_func2);
    rt_chan_recv(rt, NULL, NULL, NULL);
}

static void dl_select(struct rt *rt, void *arg)
{
    rt_g_set_data(rt_current(rt), &f_func3);
    rt_sleep(rt, 120000000000LL);
    int chosen;
    rt_select(rt, NULL, 0, false, &chosen);
}

static void dl_main(struct rt *rt, void *arg)
{
    rt_g_set_data(rt_current(rt), &f_main);
    struct rt_chan *c = rt_chan_new(rt, sizeof(int), 0, "int");
    struct rt_g *g = rt_go(rt, dl_nil, NULL);
    rt_g_set_created_by(g, (struct rt_frame){"main.main", "/tmp/a.go", 8});
    g = rt_go(rt, dl_select, NULL);
    rt_g_set_created_by(g, (struct rt_frame){"main.main", "/tmp/a.go", 9});
    rt_chan_recv(rt, c, NULL, NULL);
}

static void test_deadlock_text_and_dump(void **state)
{
    struct rt *rt = hooked_rt();
    rt_go(rt, dl_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_DEADLOCK);
    assert_string_equal(rt_failure_peek(rt), "fatal error: all goroutines are asleep - deadlock!\n"
                                             "\n"
                                             "goroutine 1 [chan receive, 2 minutes]:\n"
                                             "main.main()\n"
                                             "\t/tmp/a.go:12\n"
                                             "\n"
                                             "goroutine 5 [chan receive (nil chan), 2 minutes]:\n"
                                             "main.main.func2()\n"
                                             "\t/tmp/a.go:8\n"
                                             "created by main.main in goroutine 1\n"
                                             "\t/tmp/a.go:8\n"
                                             "\n"
                                             "goroutine 6 [select (no cases)]:\n"
                                             "main.main.func3()\n"
                                             "\t/tmp/a.go:9\n"
                                             "created by main.main in goroutine 1\n"
                                             "\t/tmp/a.go:9\n");
    assert_int_equal(rt_now(rt), 120000000000LL);
    rt_free(rt);
}

/* Every blocking kind's wait reason, in current Go's words, in a dump. */
static struct rt_mutex wr_mu;
static struct rt_rwmutex wr_rw;
static struct rt_waitgroup wr_wg;
static struct rt_cond wr_cond;
static struct rt_mutex wr_cmu;

static void wr_child(struct rt *rt, void *arg)
{
    int v = 0;
    switch ((intptr_t)arg) {
    case 0: rt_chan_send(rt, NULL, &v); break;
    case 1: rt_mutex_lock(rt, &wr_mu); break;
    case 2: rt_rw_rlock(rt, &wr_rw); break;
    case 3: rt_rw_lock(rt, &wr_rw); break;
    case 4: rt_wg_wait(rt, &wr_wg); break;
    case 5:
        rt_mutex_lock(rt, &wr_cmu);
        rt_cond_wait(rt, &wr_cond, &wr_cmu);
        break;
    case 6: {
        struct rt_chan *c = rt_chan_new(rt, 0, 0, "struct {}");
        struct rt_case cs[2] = {{.chan = c, .dir = RT_RECV}, {.chan = NULL, .dir = RT_SEND}};
        int chosen;
        rt_select(rt, cs, 2, false, &chosen);
        break;
    }
    case 7: {
        struct rt_chan *c = rt_chan_new(rt, sizeof v, 0, "int");
        rt_chan_send(rt, c, &v);
        break;
    }
    }
}

static void wr_main(struct rt *rt, void *arg)
{
    memset(&wr_mu, 0, sizeof wr_mu);
    memset(&wr_rw, 0, sizeof wr_rw);
    memset(&wr_wg, 0, sizeof wr_wg);
    memset(&wr_cond, 0, sizeof wr_cond);
    memset(&wr_cmu, 0, sizeof wr_cmu);
    rt_mutex_lock(rt, &wr_mu);
    rt_wg_add(rt, &wr_wg, 1);
    rt_rw_lock(rt, &wr_rw);
    for (intptr_t i = 0; i < 8; i++) {
        rt_go(rt, wr_child, (void *)i);
        rt_gosched(rt);
    }
    rt_sleep(rt, 3600000000000LL);
}

static void test_wait_reasons_in_dump(void **state)
{
    struct rt *rt = trt_new(0, 1);
    rt_go(rt, wr_main, NULL);
    /* 17 events: main, then a child and main again for each child. */
    assert_int_equal(rt_run(rt, 17), RT_RUNNING);
    char *dump = rt_dump_new(rt, NULL);
    assert_string_equal(dump, "goroutine 1 [sleep]:\n\n"
                              "goroutine 5 [chan send (nil chan)]:\n\n"
                              "goroutine 6 [sync.Mutex.Lock]:\n\n"
                              "goroutine 7 [sync.RWMutex.RLock]:\n\n"
                              "goroutine 8 [sync.RWMutex.Lock]:\n\n"
                              "goroutine 9 [sync.WaitGroup.Wait]:\n\n"
                              "goroutine 10 [sync.Cond.Wait]:\n\n"
                              "goroutine 11 [select]:\n\n"
                              "goroutine 12 [chan send]:\n");
    free(dump);
    rt_free(rt);
}

/* ---- stack overflow -------------------------------------------------------------- */

static int depth_reached;
static volatile int depth_limit = 1 << 30; /* never reached: the stack ends first */

static void recurse_checked(struct rt *rt, int depth)
{
    char pad[512];
    memset(pad, depth & 0xff, sizeof pad);
    rt_stack_check(rt, 4096);
    if (depth > depth_limit)
        return;
    depth_reached = depth + pad[7];
    recurse_checked(rt, depth + 1);
    depth_reached += pad[depth % 512] & 1;
}

static void overflow_main(struct rt *rt, void *arg)
{
    rt_g_set_data(rt_current(rt), &main_frame);
    recurse_checked(rt, 0);
}

static void test_stack_overflow_checked(void **state)
{
    struct rt_config cfg = {0};
    cfg.stack_size = 64 * 1024;
    cfg.hooks.frames = frames_hook;
    struct rt *rt = rt_new(&cfg);
    rt_go(rt, overflow_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_FATAL);
    assert_string_equal(rt_failure_peek(rt), "runtime: goroutine stack exceeds 65536-byte limit\n"
                                             "fatal error: stack overflow\n\n"
                                             "goroutine 1 [running]:\nmain.main()\n\t/p/x.go:8\n");
    assert_true(depth_reached > 50);
    rt_free(rt);
}

/* A pure C goroutine that never checks runs into its guard page; the run
 * ends with the same text instead of a crash of the host. */
static int __attribute__((noinline)) recurse_blind(volatile char *prev, int depth)
{
    volatile char pad[256];
    pad[0] = (char)depth;
    pad[255] = prev ? prev[0] : 0;
    if (depth > depth_limit)
        return 0;
    return recurse_blind(pad, depth + 1) + pad[255];
}

static void blind_main(struct rt *rt, void *arg)
{
    rt_g_set_data(rt_current(rt), &main_frame);
    depth_reached = recurse_blind(NULL, 0);
}

static void test_stack_overflow_guard_page(void **state)
{
    struct rt_config cfg = {0};
    cfg.stack_size = 64 * 1024;
    cfg.hooks.frames = frames_hook;
    struct rt *rt = rt_new(&cfg);
    rt_go(rt, blind_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_FATAL);
    assert_string_equal(rt_failure_peek(rt), "runtime: goroutine stack exceeds 65536-byte limit\n"
                                             "fatal error: stack overflow\n\n"
                                             "goroutine 1 [running]:\nmain.main()\n\t/p/x.go:8\n");
    rt_free(rt);
    /* The host survives and can run another runtime. */
    rt = trt_new(0, 1);
    rt_go(rt, panics_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    rt_free(rt);
}

/* rt_exit and rt_fatal from the host. */
static void exit_main(struct rt *rt, void *arg)
{
    if ((intptr_t)arg)
        rt_fatal(rt, "concurrent map writes");
    rt_exit(rt, 3);
}

static void test_exit_and_host_fatal(void **state)
{
    struct rt *rt = trt_new(0, 1);
    rt_go(rt, exit_main, (void *)0);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    assert_int_equal(rt_exit_code(rt), 3);
    rt_free(rt);
    rt = trt_new(0, 1);
    struct rt_g *g = rt_go(rt, exit_main, (void *)1);
    rt_g_set_label(g, "main.main");
    assert_int_equal(rt_run(rt, -1), RT_FATAL);
    assert_string_equal(rt_failure_peek(rt), "fatal error: concurrent map writes\n\n"
                                             "goroutine 1 [running]:\nmain.main()\n");
    rt_free(rt);
}

/* runtime.Goexit in main: the others run on; then Go's own deadlock texts. */
static void goexit_child(struct rt *rt, void *arg)
{
    rt_sleep(rt, 10);
    if (arg)
        rt_chan_recv(rt, NULL, NULL, NULL);
}

static void goexit_main(struct rt *rt, void *arg)
{
    struct rt_g *g = rt_go(rt, goexit_child, arg);
    rt_g_set_label(g, "main.child");
    rt_goexit(rt);
}

static void test_goexit_in_main(void **state)
{
    struct rt *rt = trt_new(0, 1);
    rt_go(rt, goexit_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_DEADLOCK);
    assert_string_equal(rt_failure_peek(rt),
                        "fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n");
    assert_int_equal(rt_now(rt), 10);
    rt_free(rt);
    rt = trt_new(0, 1);
    rt_go(rt, goexit_main, (void *)1);
    assert_int_equal(rt_run(rt, -1), RT_DEADLOCK);
    assert_string_equal(rt_failure_peek(rt),
                        "fatal error: all goroutines are asleep - deadlock!\n\n"
                        "goroutine 5 [chan receive (nil chan)]:\nmain.child()\n");
    rt_free(rt);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_error_texts),
        cmocka_unit_test(test_panics_are_returned),
        cmocka_unit_test(test_close_wakes_parked_sender_with_panic),
        cmocka_unit_test(test_unlock_of_unlocked_mutex_is_fatal),
        cmocka_unit_test(test_rwmutex_unlocks_of_unlocked_are_fatal),
        cmocka_unit_test(test_deadlock_text_and_dump),
        cmocka_unit_test(test_wait_reasons_in_dump),
        cmocka_unit_test(test_stack_overflow_checked),
        cmocka_unit_test(test_stack_overflow_guard_page),
        cmocka_unit_test(test_exit_and_host_fatal),
        cmocka_unit_test(test_goexit_in_main),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
