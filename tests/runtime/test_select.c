/* test_select.c: select: uniform choice among ready cases (chi-square over
 * 10,000 selects), default, nil cases, closed channels, blocking selects
 * woken by a send or a receive, and the losing cases leaving their queues. */
#include "rt_test.h"

#include <math.h>

static uint64_t seed;

/* ---- fairness ----------------------------------------------------------------- */

#define FAIR_N 10000
#define FAIR_K 3
static int counts[FAIR_K];

static void fair_main(struct rt *rt, void *arg)
{
    struct rt_chan *c[FAIR_K];
    for (int i = 0; i < FAIR_K; i++)
        c[i] = rt_chan_new(rt, sizeof(int), 1, "int");
    for (int n = 0; n < FAIR_N; n++) {
        struct rt_case cs[FAIR_K];
        for (int i = 0; i < FAIR_K; i++) {
            int v = i;
            bool done;
            rt_chan_trysend(rt, c[i], &v, &done);
            cs[i] = (struct rt_case){.chan = c[i], .dir = RT_RECV, .elem = NULL};
        }
        int chosen = -1;
        assert_int_equal(rt_select(rt, cs, FAIR_K, false, &chosen), RT_OK);
        assert_true(chosen >= 0 && chosen < FAIR_K);
        assert_true(cs[chosen].ok);
        counts[chosen]++;
    }
}

static void test_fairness_chi_square(void **state)
{
    memset(counts, 0, sizeof counts);
    struct rt *rt = trt_new(seed, 1);
    rt_go(rt, fair_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    rt_free(rt);
    double expect = (double)FAIR_N / FAIR_K, chi = 0;
    for (int i = 0; i < FAIR_K; i++)
        chi += (counts[i] - expect) * (counts[i] - expect) / expect;
    printf("# counts %d %d %d chi2 %.3f\n", counts[0], counts[1], counts[2], chi);
    /* 2 degrees of freedom: P(chi2 > 13.82) = 0.001. */
    assert_true(chi < 13.82);
}

/* ---- default, nil, closed --------------------------------------------------------- */

static void basics_main(struct rt *rt, void *arg)
{
    struct rt_chan *c = rt_chan_new(rt, sizeof(int), 1, "int");
    int v = 0, chosen = 7;
    /* Nothing ready: default. */
    struct rt_case cs[2] = {{.chan = c, .dir = RT_RECV, .elem = &v},
                            {.chan = NULL, .dir = RT_RECV}};
    assert_int_equal(rt_select(rt, cs, 2, true, &chosen), RT_OK);
    assert_int_equal(chosen, -1);
    /* Send case with buffer room beats default; nil cases are never ready. */
    int w = 41;
    struct rt_case sc[2] = {{.chan = NULL, .dir = RT_SEND, .elem = &w},
                            {.chan = c, .dir = RT_SEND, .elem = &w}};
    assert_int_equal(rt_select(rt, sc, 2, true, &chosen), RT_OK);
    assert_int_equal(chosen, 1);
    assert_int_equal(rt_chan_len(c), 1);
    /* Buffer full: the send case is not ready. */
    assert_int_equal(rt_select(rt, sc, 2, true, &chosen), RT_OK);
    assert_int_equal(chosen, -1);
    assert_int_equal(rt_select(rt, cs, 2, true, &chosen), RT_OK);
    assert_int_equal(chosen, 0);
    assert_int_equal(v, 41);
    assert_true(cs[0].ok);
    /* Closed channel: receive is ready with the zero value and ok false. */
    rt_chan_close(rt, c);
    v = 9;
    assert_int_equal(rt_select(rt, cs, 2, true, &chosen), RT_OK);
    assert_int_equal(chosen, 0);
    assert_int_equal(v, 0);
    assert_false(cs[0].ok);
    /* Only nil cases and a default. */
    struct rt_case nils[2] = {{.chan = NULL, .dir = RT_RECV}, {.chan = NULL, .dir = RT_SEND}};
    assert_int_equal(rt_select(rt, nils, 2, true, &chosen), RT_OK);
    assert_int_equal(chosen, -1);
    /* No cases, default only. */
    assert_int_equal(rt_select(rt, NULL, 0, true, &chosen), RT_OK);
    assert_int_equal(chosen, -1);
}

static void test_default_nil_closed(void **state)
{
    struct rt *rt = trt_new(seed, 1);
    rt_go(rt, basics_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    rt_free(rt);
}

/* ---- blocking select ------------------------------------------------------------------ */

static struct rt_chan *ba, *bb, *bc;
static struct tlog L;

static void sender_b(struct rt *rt, void *arg)
{
    int v = 22;
    rt_chan_send(rt, bb, &v);
    tlog(&L, "sent b\n");
}

static void receiver_c(struct rt *rt, void *arg)
{
    int v = 0;
    rt_chan_recv(rt, bc, &v, NULL);
    tlog(&L, "c got %d\n", v);
}

static void block_main(struct rt *rt, void *arg)
{
    ba = rt_chan_new(rt, sizeof(int), 0, "int");
    bb = rt_chan_new(rt, sizeof(int), 0, "int");
    bc = rt_chan_new(rt, sizeof(int), 0, "int");
    rt_go(rt, sender_b, NULL);
    int va = 0, vb = 0, vc = 33, chosen = -1;
    struct rt_case cs[3] = {{.chan = ba, .dir = RT_RECV, .elem = &va},
                            {.chan = bb, .dir = RT_RECV, .elem = &vb},
                            {.chan = bc, .dir = RT_SEND, .elem = &vc}};
    /* sender_b has not run yet: nothing ready, so main parks in select and
     * sender_b hands its value over directly. */
    assert_int_equal(rt_select(rt, cs, 3, false, &chosen), RT_OK);
    tlog(&L, "case %d vb %d\n", chosen, vb);
    /* The losing cases left their queues: a plain receive on bc parks. */
    rt_go(rt, receiver_c, NULL);
    assert_int_equal(rt_select(rt, cs, 3, false, &chosen), RT_OK);
    tlog(&L, "case %d\n", chosen);
    rt_gosched(rt);
    struct rt_snapshot *s = rt_snapshot_new(rt);
    for (size_t i = 0; i < s->nchans; i++) {
        assert_int_equal(s->chans[i].nsenders, 0);
        assert_int_equal(s->chans[i].nreceivers, 0);
    }
    rt_snapshot_free(s);
}

static void test_blocking_select(void **state)
{
    memset(&L, 0, sizeof L);
    struct rt *rt = trt_new(seed, 1);
    rt_go(rt, block_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    assert_string_equal(L.buf, "sent b\ncase 1 vb 22\nc got 33\ncase 2\n");
    rt_free(rt);
}

/* A select parked on a channel that gets closed: receive case, ok false;
 * send case: the panic. */
static void closer(struct rt *rt, void *arg)
{
    rt_chan_close(rt, arg);
}

static void close_select_main(struct rt *rt, void *arg)
{
    struct rt_chan *c = rt_chan_new(rt, sizeof(int), 0, "int");
    int v = 5, chosen = -1;
    struct rt_case cs[2] = {{.chan = NULL, .dir = RT_RECV},
                            {.chan = c, .dir = RT_RECV, .elem = &v}};
    rt_go(rt, closer, c);
    assert_int_equal(rt_select(rt, cs, 2, false, &chosen), RT_OK);
    assert_int_equal(chosen, 1);
    assert_false(cs[1].ok);
    assert_int_equal(v, 0);
    struct rt_chan *d = rt_chan_new(rt, sizeof(int), 0, "int");
    struct rt_case sc[1] = {{.chan = d, .dir = RT_SEND, .elem = &v}};
    rt_go(rt, closer, d);
    assert_int_equal(rt_select(rt, sc, 1, false, &chosen), RT_ERR_SEND_CLOSED);
    assert_int_equal(chosen, 0);
}

static void test_select_woken_by_close(void **state)
{
    struct rt *rt = trt_new(seed, 1);
    rt_go(rt, close_select_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    rt_free(rt);
}

/* select {} and a select over nil channels block forever: deadlock. */
static void forever_main(struct rt *rt, void *arg)
{
    int chosen;
    struct rt_case nils[2] = {{.chan = NULL, .dir = RT_RECV}, {.chan = NULL, .dir = RT_SEND}};
    if ((intptr_t)arg)
        rt_select(rt, nils, 2, false, &chosen);
    else
        rt_select(rt, NULL, 0, false, &chosen);
}

static void test_select_blocks_forever(void **state)
{
    struct rt *rt = trt_new(seed, 1);
    struct rt_g *g = rt_go(rt, forever_main, (void *)0);
    rt_g_set_label(g, "main.main");
    assert_int_equal(rt_run(rt, -1), RT_DEADLOCK);
    assert_string_equal(rt_failure_peek(rt),
                        "fatal error: all goroutines are asleep - deadlock!\n\n"
                        "goroutine 1 [select (no cases)]:\nmain.main()\n");
    rt_free(rt);
    rt = trt_new(seed, 1);
    g = rt_go(rt, forever_main, (void *)1);
    rt_g_set_label(g, "main.main");
    assert_int_equal(rt_run(rt, -1), RT_DEADLOCK);
    assert_string_equal(rt_failure_peek(rt),
                        "fatal error: all goroutines are asleep - deadlock!\n\n"
                        "goroutine 1 [select]:\nmain.main()\n");
    rt_free(rt);
}

/* The same channel in two cases: both sudogs queue, one wins, the other
 * leaves; a sender finds the select once. */
static void twice_sender(struct rt *rt, void *arg)
{
    int v = 8;
    rt_chan_send(rt, arg, &v);
    rt_chan_send(rt, arg, &v); /* nobody left: parks until main's plain receive */
}

static void twice_main(struct rt *rt, void *arg)
{
    struct rt_chan *c = rt_chan_new(rt, sizeof(int), 0, "int");
    int a = 0, b = 0, chosen = -1;
    struct rt_case cs[2] = {{.chan = c, .dir = RT_RECV, .elem = &a},
                            {.chan = c, .dir = RT_RECV, .elem = &b}};
    rt_go(rt, twice_sender, c);
    assert_int_equal(rt_select(rt, cs, 2, false, &chosen), RT_OK);
    assert_int_equal(chosen, 0); /* the first queued sudog is the first dequeued */
    assert_int_equal(a, 8);
    assert_int_equal(b, 0);
    int v = 0;
    rt_chan_recv(rt, c, &v, NULL);
    assert_int_equal(v, 8);
}

static void test_same_channel_twice(void **state)
{
    struct rt *rt = trt_new(seed, 1);
    rt_go(rt, twice_main, NULL);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    rt_free(rt);
}

/* One-case selects are plain channel operations, as Go compiles them. */
static void one_case_child(struct rt *rt, void *arg)
{
    int v = 1;
    struct rt_case cs[1] = {{.chan = arg, .dir = RT_SEND, .elem = &v}};
    int chosen;
    rt_select(rt, cs, 1, false, &chosen);
}

static void one_case_main(struct rt *rt, void *arg)
{
    struct rt_chan *c = rt_chan_new(rt, sizeof(int), 0, "int");
    rt_g_set_label(rt_go(rt, one_case_child, c), "main.main.func1");
    rt_g_set_label(rt_go(rt, one_case_child, NULL), "main.main.func2");
    int v = 0, chosen = -1;
    struct rt_case cs[1] = {{.chan = c, .dir = RT_RECV, .elem = &v}};
    rt_select(rt, cs, 1, false, &chosen);
    assert_int_equal(chosen, 0);
    assert_int_equal(v, 1);
    assert_true(cs[0].ok);
    rt_select(rt, cs, 1, false, &chosen);
}

static void test_one_case_select(void **state)
{
    struct rt *rt = trt_new(seed, 1);
    rt_g_set_label(rt_go(rt, one_case_main, NULL), "main.main");
    assert_int_equal(rt_run(rt, -1), RT_DEADLOCK);
    assert_string_equal(rt_failure_peek(rt),
                        "fatal error: all goroutines are asleep - deadlock!\n\n"
                        "goroutine 1 [chan receive]:\nmain.main()\n\n"
                        "goroutine 6 [chan send (nil chan)]:\n"
                        "main.main.func2()\n");
    rt_free(rt);
}

int main(void)
{
    seed = trt_seed(20261128);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fairness_chi_square),   cmocka_unit_test(test_default_nil_closed),
        cmocka_unit_test(test_blocking_select),       cmocka_unit_test(test_select_woken_by_close),
        cmocka_unit_test(test_select_blocks_forever), cmocka_unit_test(test_same_channel_twice),
        cmocka_unit_test(test_one_case_select),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
