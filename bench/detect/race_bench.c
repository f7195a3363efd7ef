/* race_bench.c: the race detector's costs. Prints one `name value unit`
 * line per figure:
 *   race_access       ns per rt_race_write by one goroutine to one address
 *                     in one epoch (the common case: a probe and a compare)
 *   race_read         the same for rt_race_read
 *   race_access_miss  ns per rt_race_write to an address never seen before
 *                     (a new shadow cell; the table grows as it fills)
 *   race_access_epoch ns per rt_race_write of an address last written by
 *                     the same goroutine in an earlier epoch (a mutex
 *                     Unlock between two writes: the slow path without a
 *                     race)
 *   chan_pingpong_race, chan_pingpong_race_wide
 *                     ns per unbuffered round trip between two goroutines
 *                     with the detector on (the clocks' joins), the wide
 *                     one after 1,000 other goroutines synchronised with
 *                     both (vector clocks 1,000 entries wide); compare
 *                     chan_pingpong_norace, the same program with it off
 * Each figure runs in a fresh runtime with cfg.race on, one P, trace off;
 * times are CPU time, and the per-access figures are the fastest of many
 * short rounds, since the machine is shared. An optional argument runs the
 * figures whose name starts with it. */
#include "runtime.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

enum { ROUNDS = 50, N_HIT = 1000000, N_MISS = 2000000, N_EPOCH = 100000 };

static double result;     /* ns per operation of the last figure */
static int64_t *cells;    /* N_MISS distinct addresses */
static volatile int sink; /* keeps the loops honest */

static void bench_hit(struct rt *rt, void *arg)
{
    bool read = arg != NULL;
    int64_t x = 0;
    rt_site s = rt_site_intern(rt, 0, "main.main", "/bench.go", 10);
    rt_race_write(rt, &x, s); /* the cell exists before timing */
    rt_race_read(rt, &x, s);
    double best = 1e300;
    for (int r = 0; r < ROUNDS; r++) {
        double t0 = now_ns();
        if (read)
            for (int i = 0; i < N_HIT; i++)
                rt_race_read(rt, &x, s);
        else
            for (int i = 0; i < N_HIT; i++)
                rt_race_write(rt, &x, s);
        double t = now_ns() - t0;
        if (t < best)
            best = t;
    }
    result = best / N_HIT;
    sink = (int)x;
}

static void bench_miss(struct rt *rt, void *arg)
{
    rt_site s = rt_site_intern(rt, 0, "main.main", "/bench.go", 11);
    double t0 = now_ns();
    for (int i = 0; i < N_MISS; i++)
        rt_race_write(rt, &cells[i], s);
    result = (now_ns() - t0) / N_MISS;
}

static void bench_epoch(struct rt *rt, void *arg)
{
    int64_t x = 0;
    struct rt_mutex mu = {0};
    rt_site s = rt_site_intern(rt, 0, "main.main", "/bench.go", 12);
    rt_race_write(rt, &x, s);
    /* Rounds with and without the write alternate; the difference of the
     * fastest of each is the write's cost. */
    double with = 1e300, without = 1e300;
    for (int r = 0; r < ROUNDS; r++) {
        double t0 = now_ns();
        for (int i = 0; i < N_EPOCH; i++) {
            rt_mutex_lock(rt, &mu);
            rt_race_write(rt, &x, s);
            rt_mutex_unlock(rt, &mu);
        }
        double t = now_ns() - t0;
        if (t < with)
            with = t;
        t0 = now_ns();
        for (int i = 0; i < N_EPOCH; i++) {
            rt_mutex_lock(rt, &mu);
            rt_mutex_unlock(rt, &mu);
        }
        t = now_ns() - t0;
        if (t < without)
            without = t;
    }
    result = (with - without) / N_EPOCH;
}

enum { N_PING = 200000, WIDE = 1000 };
static struct rt_chan *ping, *pong;
static struct rt_waitgroup wg;

static void ponger(struct rt *rt, void *arg)
{
    int v;
    for (int i = 0; i < N_PING; i++) {
        rt_chan_recv(rt, ping, &v, NULL);
        rt_chan_send(rt, pong, &v);
    }
}

static void helper(struct rt *rt, void *arg)
{
    rt_wg_add(rt, &wg, -1);
}

static void bench_pingpong(struct rt *rt, void *arg)
{
    ping = rt_chan_new(rt, sizeof(int), 0, "int");
    pong = rt_chan_new(rt, sizeof(int), 0, "int");
    if (arg) {
        /* Everyone's clock in main's, then in the ponger's. */
        memset(&wg, 0, sizeof wg);
        rt_wg_add(rt, &wg, WIDE);
        for (int i = 0; i < WIDE; i++)
            rt_go(rt, helper, NULL);
        rt_wg_wait(rt, &wg);
    }
    rt_go(rt, ponger, NULL);
    int v = 0;
    double t0 = now_ns();
    for (int i = 0; i < N_PING; i++) {
        rt_chan_send(rt, ping, &v);
        rt_chan_recv(rt, pong, &v, NULL);
    }
    result = (now_ns() - t0) / N_PING;
}

static bool race_on = true;

static void run(rt_entry_fn *fn, void *arg)
{
    struct rt_config cfg = {0};
    cfg.race = race_on;
    cfg.trace_off = true;
    struct rt *rt = rt_new(&cfg);
    rt_go(rt, fn, arg);
    if (rt_run(rt, -1) != RT_EXITED) {
        fprintf(stderr, "race-bench: the run did not exit\n");
        exit(1);
    }
    if (rt_findings_count(rt, RT_FIND_RACE) != 0) {
        fprintf(stderr, "race-bench: a race was reported\n");
        exit(1);
    }
    rt_free(rt);
}

static bool want(const char *only, const char *name)
{
    return !only || strncmp(name, only, strlen(only)) == 0;
}

int main(int argc, char **argv)
{
    const char *only = argc > 1 ? argv[1] : NULL;
    cells = calloc(N_MISS, sizeof *cells);
    if (!cells)
        return 1;
    if (want(only, "race_access")) {
        run(bench_hit, NULL);
        printf("race_access %.2f ns/access\n", result);
    }
    if (want(only, "race_read")) {
        run(bench_hit, (void *)1);
        printf("race_read %.2f ns/access\n", result);
    }
    if (want(only, "race_access_miss")) {
        run(bench_miss, NULL);
        printf("race_access_miss %.1f ns/access\n", result);
    }
    if (want(only, "race_access_epoch")) {
        run(bench_epoch, NULL);
        printf("race_access_epoch %.1f ns/access\n", result);
    }
    if (want(only, "chan_pingpong_race")) {
        run(bench_pingpong, NULL);
        printf("chan_pingpong_race %.1f ns/roundtrip\n", result);
        run(bench_pingpong, (void *)1);
        printf("chan_pingpong_race_wide %.1f ns/roundtrip\n", result);
    }
    if (want(only, "chan_pingpong_norace")) {
        race_on = false;
        run(bench_pingpong, NULL);
        printf("chan_pingpong_norace %.1f ns/roundtrip\n", result);
        race_on = true;
    }
    free(cells);
    return 0;
}
