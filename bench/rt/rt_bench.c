/* rt_bench.c: the runtime's benchmarks. Prints one `name value unit` line
 * per figure; bench/go/rtbench.go runs the same programs under Go and
 * bench/compare.sh puts them side by side. Each figure runs in a fresh
 * runtime with one P and the default configuration, with the event trace
 * off as Go's execution tracer is by default; the time figures are printed
 * a second time, as NAME_traced, with the trace ring on (the default). */
#include "runtime.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* now_ns is the process's CPU time: on a shared machine wall time measures
 * the neighbours; the Go side measures the same way (getrusage). */
static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* rss_bytes reads the resident set size from /proc/self/statm. */
static long rss_bytes(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long size = 0, rss = 0;
    if (f) {
        if (fscanf(f, "%ld %ld", &size, &rss) != 2)
            rss = 0;
        fclose(f);
    }
    return rss * 4096;
}

static void run(rt_entry_fn *fn, bool traced)
{
    struct rt_config cfg = {0};
    cfg.trace_off = !traced;
    struct rt *rt = rt_new(&cfg);
    rt_go(rt, fn, NULL);
    if (rt_run(rt, -1) != RT_EXITED) {
        fprintf(stderr, "rt-bench: run did not end normally\n%s", rt_failure_peek(rt));
        exit(1);
    }
    rt_free(rt);
}

/* ---- yield_pingpong: two goroutines calling Gosched in turn ---------------- */

#define YIELD_N 2000000
static struct rt_waitgroup wg;
static double t0, result;

static void yielder(struct rt *rt, void *arg)
{
    for (int i = 0; i < YIELD_N; i++)
        rt_gosched(rt);
    rt_wg_add(rt, &wg, -1);
}

static void yield_main(struct rt *rt, void *arg)
{
    memset(&wg, 0, sizeof wg);
    rt_wg_add(rt, &wg, 2);
    t0 = now_ns();
    rt_go(rt, yielder, NULL);
    rt_go(rt, yielder, NULL);
    rt_wg_wait(rt, &wg);
    result = (now_ns() - t0) / (2.0 * YIELD_N);
}

/* ---- chan_pingpong: a round trip over two unbuffered channels ----------------- */

#define PP_N 1000000
static struct rt_chan *ca, *cb;

static void ponger(struct rt *rt, void *arg)
{
    int v;
    for (int i = 0; i < PP_N; i++) {
        rt_chan_recv(rt, ca, &v, NULL);
        rt_chan_send(rt, cb, &v);
    }
}

static void pp_main(struct rt *rt, void *arg)
{
    ca = rt_chan_new(rt, sizeof(int), 0, "int");
    cb = rt_chan_new(rt, sizeof(int), 0, "int");
    rt_go(rt, ponger, NULL);
    t0 = now_ns();
    for (int i = 0; i < PP_N; i++) {
        rt_chan_send(rt, ca, &i);
        int v;
        rt_chan_recv(rt, cb, &v, NULL);
    }
    result = (now_ns() - t0) / PP_N;
}

/* ---- chan_buffered: items through a cap-128 channel ------------------------------ */

#define BUF_N 5000000

static void producer(struct rt *rt, void *arg)
{
    for (int i = 0; i < BUF_N; i++)
        rt_chan_send(rt, ca, &i);
    rt_chan_close(rt, ca);
}

static void buf_main(struct rt *rt, void *arg)
{
    ca = rt_chan_new(rt, sizeof(int), 128, "int");
    t0 = now_ns();
    rt_go(rt, producer, NULL);
    int v;
    bool ok = true;
    long n = 0;
    for (;;) {
        rt_chan_recv(rt, ca, &v, &ok);
        if (!ok)
            break;
        n++;
    }
    result = (now_ns() - t0) / (double)n;
}

/* ---- spawn_join: spawn goroutines in batches of 100 and wait for them -------------- */

#define SPAWN_N 1000000

static void done(struct rt *rt, void *arg)
{
    rt_wg_add(rt, &wg, -1);
}

static void spawn_main(struct rt *rt, void *arg)
{
    memset(&wg, 0, sizeof wg);
    t0 = now_ns();
    for (int i = 0; i < SPAWN_N / 100; i++) {
        rt_wg_add(rt, &wg, 100);
        for (int k = 0; k < 100; k++)
            rt_go(rt, done, NULL);
        rt_wg_wait(rt, &wg);
    }
    result = (now_ns() - t0) / SPAWN_N;
}

/* ---- select2: select over two ready channels, refilling the one taken -------------- */

#define SEL_N 2000000

static void select_main(struct rt *rt, void *arg)
{
    ca = rt_chan_new(rt, sizeof(int), 1, "int");
    cb = rt_chan_new(rt, sizeof(int), 1, "int");
    int one = 1, va, vb;
    rt_chan_send(rt, ca, &one);
    rt_chan_send(rt, cb, &one);
    struct rt_case cs[2] = {{.chan = ca, .dir = RT_RECV, .elem = &va},
                            {.chan = cb, .dir = RT_RECV, .elem = &vb}};
    t0 = now_ns();
    for (int i = 0; i < SEL_N; i++) {
        int chosen;
        rt_select(rt, cs, 2, false, &chosen);
        rt_chan_send(rt, chosen == 0 ? ca : cb, &one);
    }
    result = (now_ns() - t0) / SEL_N;
}

/* ---- parked_bytes: resident bytes per goroutine parked on one channel -------------- */

static int parked_n;
static long rss0;

static void parker(struct rt *rt, void *arg)
{
    rt_chan_recv(rt, ca, NULL, NULL);
}

static void parked_main(struct rt *rt, void *arg)
{
    ca = rt_chan_new(rt, sizeof(int), 0, "int");
    rss0 = rss_bytes();
    for (int i = 0; i < parked_n; i++)
        rt_go(rt, parker, NULL);
    rt_sleep(rt, 1); /* every goroutine runs and parks */
    result = (double)(rss_bytes() - rss0) / parked_n;
}

int main(int argc, char **argv)
{
    const char *only = argc > 1 ? argv[1] : NULL;
#define BENCH(name, fn, unit)                                                                      \
    if (!only || strcmp(only, name) == 0) {                                                        \
        run(fn, false);                                                                            \
        printf("%s %.1f %s\n", name, result, unit);                                                \
        fflush(stdout);                                                                            \
    }
#define BENCH_TRACED(name, fn, unit)                                                               \
    if (!only || strcmp(only, name "_traced") == 0) {                                              \
        run(fn, true);                                                                             \
        printf("%s_traced %.1f %s\n", name, result, unit);                                         \
        fflush(stdout);                                                                            \
    }
    BENCH("yield_pingpong", yield_main, "ns/switch");
    BENCH("chan_pingpong", pp_main, "ns/roundtrip");
    BENCH("chan_buffered", buf_main, "ns/item");
    BENCH("spawn_join", spawn_main, "ns/goroutine");
    BENCH("select2", select_main, "ns/select");
    BENCH_TRACED("yield_pingpong", yield_main, "ns/switch");
    BENCH_TRACED("chan_pingpong", pp_main, "ns/roundtrip");
    BENCH_TRACED("chan_buffered", buf_main, "ns/item");
    BENCH_TRACED("spawn_join", spawn_main, "ns/goroutine");
    BENCH_TRACED("select2", select_main, "ns/select");
    parked_n = 100000;
    BENCH("parked_bytes_100k", parked_main, "bytes/goroutine");
    parked_n = 1000000;
    BENCH("parked_bytes_1m", parked_main, "bytes/goroutine");
    return 0;
}
