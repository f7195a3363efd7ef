/* test_stress.c: a seeded random workload (producers and consumers over
 * buffered and unbuffered channels, selects with defaults and timeouts,
 * mutex-protected counters, sleeps, Gosched, random preemption, 1 to 4 Ps)
 * checked for conservation: every value sent is received exactly once and
 * every counter update survives. Prints its seed; RT_SEED replays one. */
#include "rt_test.h"

#define NCH          4
#define PRODUCERS    6
#define PER_PRODUCER 300

static struct rt_chan *chans[NCH];
static struct rt_mutex mu;
static struct rt_waitgroup prod_wg, cons_wg;
static int64_t sent_sum, recv_sum, recv_count, locked_count;
static uint64_t rng;

static uint32_t rnd(uint32_t n)
{
    rng = rng * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)((rng >> 33) % n);
}

static void producer(struct rt *rt, void *arg)
{
    int64_t base = (int64_t)(intptr_t)arg * 100000;
    for (int i = 1; i <= PER_PRODUCER; i++) {
        int64_t v = base + i;
        struct rt_chan *c = chans[rnd(NCH)];
        switch (rnd(4)) {
        case 0: {
            int chosen;
            struct rt_case cs[2] = {{.chan = c, .dir = RT_SEND, .elem = &v},
                                    {.chan = chans[rnd(NCH)], .dir = RT_SEND, .elem = &v}};
            assert_int_equal(rt_select(rt, cs, 2, false, &chosen), RT_OK);
            break;
        }
        case 1: rt_gosched(rt); /* fall through */
        default: assert_int_equal(rt_chan_send(rt, c, &v), RT_OK); break;
        }
        sent_sum += v;
        rt_preempt(rt);
        if (rnd(10) == 0)
            rt_sleep(rt, rnd(1000));
    }
    rt_wg_add(rt, &prod_wg, -1);
}

static void account(struct rt *rt, int64_t v)
{
    rt_mutex_lock(rt, &mu);
    int64_t before = recv_sum;
    rt_preempt(rt); /* inside the critical section: must not lose updates */
    recv_sum = before + v;
    recv_count++;
    locked_count++;
    rt_mutex_unlock(rt, &mu);
}

static void consumer(struct rt *rt, void *arg)
{
    for (;;) {
        int64_t a = 0, b = 0, when;
        struct rt_timer *t = rt_timer_new(rt, 5000);
        struct rt_case cs[3] = {{.chan = chans[(intptr_t)arg % NCH], .dir = RT_RECV, .elem = &a},
                                {.chan = chans[rnd(NCH)], .dir = RT_RECV, .elem = &b},
                                {.chan = rt_timer_chan(t), .dir = RT_RECV, .elem = &when}};
        int chosen = -1;
        rt_select(rt, cs, 3, rnd(8) == 0, &chosen);
        rt_timer_release(rt, t);
        if (chosen == 0 || chosen == 1) {
            if (!cs[chosen].ok) {
                /* Closed: every send has completed, so what is left sits
                 * in buffers. Drain them all, then leave. */
                for (int i = 0; i < NCH; i++) {
                    bool ok = true, done = true;
                    while (done && ok) {
                        int64_t v = 0;
                        rt_chan_tryrecv(rt, chans[i], &v, &ok, &done);
                        if (done && ok)
                            account(rt, v);
                    }
                }
                break;
            }
            account(rt, chosen == 0 ? a : b);
        } else {
            rt_preempt(rt);
        }
    }
    rt_wg_add(rt, &cons_wg, -1);
}

static void closer_main(struct rt *rt, void *arg)
{
    for (int i = 0; i < NCH; i++)
        chans[i] = rt_chan_new(rt, sizeof(int64_t), (size_t)(i % 2 ? 0 : i + 1), "int64");
    memset(&mu, 0, sizeof mu);
    memset(&prod_wg, 0, sizeof prod_wg);
    memset(&cons_wg, 0, sizeof cons_wg);
    for (intptr_t i = 0; i < PRODUCERS; i++) {
        rt_wg_add(rt, &prod_wg, 1);
        rt_go(rt, producer, (void *)(i + 1));
    }
    for (intptr_t i = 0; i < 5; i++) {
        rt_wg_add(rt, &cons_wg, 1);
        rt_go(rt, consumer, (void *)i);
    }
    rt_wg_wait(rt, &prod_wg);
    for (int i = 0; i < NCH; i++)
        assert_int_equal(rt_chan_close(rt, chans[i]), RT_OK);
    rt_wg_wait(rt, &cons_wg);
}

static void test_conservation(void **state)
{
    uint64_t seed = trt_seed(1);
    for (int round = 0; round < 12; round++) {
        uint64_t s = seed * 1000 + (uint64_t)round;
        rng = s;
        sent_sum = recv_sum = recv_count = locked_count = 0;
        struct rt_config cfg = {0};
        cfg.seed = s;
        cfg.procs = 1 + round % 4;
        cfg.p_order = round % 2 ? RT_P_RANDOM : RT_P_ROUND_ROBIN;
        cfg.preempt = RT_PREEMPT_RANDOM;
        cfg.preempt_prob = 0.2;
        cfg.stack_size = 64 * 1024;
        struct rt *rt = rt_new(&cfg);
        rt_go(rt, closer_main, NULL);
        enum rt_status st = rt_run(rt, -1);
        if (st != RT_EXITED)
            fail_msg("round %d (seed %llu): status %d\n%s", round, (unsigned long long)s, st,
                     rt_failure_peek(rt) ? rt_failure_peek(rt) : "");
        assert_int_equal(recv_count, PRODUCERS * PER_PRODUCER);
        assert_int_equal(recv_sum, sent_sum);
        assert_int_equal(locked_count, recv_count);
        rt_free(rt);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_conservation)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
