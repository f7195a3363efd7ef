/* test_detect.c: the detectors through the interpreter (suite detect): small
 * Go programs run through the lang API with the detector options, asserting
 * the findings the runtime collected (kind, count, goroutine ids, lines via
 * rt_site_frames), the race exit rules of Go's -race binaries, and that the
 * options reach the runtime (trace ring, PCT, random preemption).
 *
 * The race detector lives in runtime/race.c; where it is still the stub
 * (a probe program with an obvious race reports nothing) the race asserts
 * are skipped with a message instead of failing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lang.h"
#include "runtime.h"

/* One finished run of a program. */
struct res {
    struct lang_program *p;
    struct lang_run *r;
    const struct lang_outcome *o;
    const struct rt_finding *f;
    size_t nf;
};

static struct res run_opts(const char *src, struct lang_run_options ro)
{
    struct res x = {0};
    x.p = lang_load_source("x.go", src, strlen(src), NULL);
    if (!lang_program_runnable(x.p)) {
        lang_diag_print(x.p, stderr);
        fail_msg("program does not check");
    }
    ro.capture = true;
    const char *why = NULL;
    x.r = lang_run_program(x.p, &ro, &why);
    assert_non_null(x.r);
    x.o = lang_run_outcome(x.r);
    x.f = rt_findings(lang_run_runtime(x.r), &x.nf);
    return x;
}

static void res_free(struct res *x)
{
    lang_run_free(x->r);
    lang_program_free(x->p);
}

static size_t count_kind(const struct res *x, enum rt_finding_kind k)
{
    return rt_findings_count(lang_run_runtime(x->r), k);
}

/* line_of returns the line of the innermost frame of site s (0: none). */
static int line_of(const struct res *x, rt_site s)
{
    struct rt_frame fr[16];
    size_t n = rt_site_frames(lang_run_runtime(x->r), s, fr, 16);
    return n ? fr[0].line : 0;
}

/* user_line returns the line of the innermost frame in the program's own
 * file x.go (stacks through the standard library start in lib/). */
static int user_line(const struct res *x, rt_site s)
{
    struct rt_frame fr[16];
    size_t n = rt_site_frames(lang_run_runtime(x->r), s, fr, 16);
    for (size_t i = 0; i < n; i++)
        if (fr[i].file && strcmp(fr[i].file, "x.go") == 0)
            return fr[i].line;
    return 0;
}

static const char *func_of(const struct res *x, rt_site s)
{
    struct rt_frame fr[16];
    size_t n = rt_site_frames(lang_run_runtime(x->r), s, fr, 16);
    return n ? fr[0].func : "";
}

/* ---- race ----------------------------------------------------------------------------- */

static const char *RACY = "package main\n"                   /* 1 */
                          "\n"                               /* 2 */
                          "import (\n"                       /* 3 */
                          "\t\"fmt\"\n"                      /* 4 */
                          "\t\"time\"\n"                     /* 5 */
                          ")\n"                              /* 6 */
                          "\n"                               /* 7 */
                          "var x int\n"                      /* 8 */
                          "\n"                               /* 9 */
                          "func main() {\n"                  /* 10 */
                          "\tgo func() { x = 1 }()\n"        /* 11 */
                          "\tx = 2\n"                        /* 12 */
                          "\ttime.Sleep(time.Millisecond)\n" /* 13 */
                          "\tfmt.Println(\"done\")\n"        /* 14 */
                          "%s"                               /* 15: the ending */
                          "}\n";

static struct res run_racy(const char *ending, bool race)
{
    char src[1024];
    snprintf(src, sizeof src, RACY, ending);
    struct lang_run_options ro = {.race = race};
    return run_opts(src, ro);
}

/* race_built: the runtime's race detector reports an obvious race (the
 * stub of runtime/race.c reports nothing). */
static bool race_built(void)
{
    struct res x = run_racy("", true);
    bool built = count_kind(&x, RT_FIND_RACE) > 0;
    res_free(&x);
    if (!built)
        print_message("skipped: runtime/race.c is still the stub (no race is ever reported)\n");
    return built;
}

static void test_race_main_returns(void **state)
{
    (void)state;
    if (!race_built())
        return;
    struct res x = run_racy("", true);
    assert_int_equal(x.o->status, LANG_RUN_OK);
    assert_int_equal(x.o->exit_code, 66);
    assert_int_equal(count_kind(&x, RT_FIND_RACE), 1);
    assert_non_null(strstr(x.o->err, "WARNING: DATA RACE"));
    assert_non_null(strstr(x.o->err, "==================\nFound 1 data race(s)\n"));
    assert_string_equal(x.o->out, "done\n");
    /* the two writes: the goroutine's at line 11, main's at line 12 */
    const struct rt_finding *f = &x.f[0];
    assert_int_equal(f->ng >= 2, 1);
    int l0 = line_of(&x, f->site[0]), l1 = line_of(&x, f->site[1]);
    assert_true((l0 == 11 && l1 == 12) || (l0 == 12 && l1 == 11));
    for (size_t i = 0; i < 2; i++) {
        if (f->g[i] == 1)
            assert_string_equal(func_of(&x, f->site[i]), "main.main");
        else
            assert_string_equal(func_of(&x, f->site[i]), "main.main.func1");
    }
    /* "Goroutine 5 (...) created at:" names the go statement's line */
    assert_non_null(strstr(x.o->err, "created at:\n  main.main()\n      x.go:11\n"));
    res_free(&x);
}

static void test_race_exit_rules(void **state)
{
    (void)state;
    if (!race_built())
        return;
    /* a panic keeps status 2 and prints no count (racefini does not run) */
    struct res x = run_racy("\tpanic(\"boom\")\n", true);
    assert_int_equal(x.o->status, LANG_RUN_PANIC);
    assert_int_equal(x.o->exit_code, 2);
    assert_int_equal(count_kind(&x, RT_FIND_RACE), 1);
    assert_null(strstr(x.o->err, "Found "));
    res_free(&x);
    /* os.Exit(0) runs racefini (66 and the count); os.Exit(3) keeps 3, no count */
    char src[1024];
    static const char *EXIT_SRC = "package main\n"
                                  "\n"
                                  "import (\n"
                                  "\t\"os\"\n"
                                  "\t\"time\"\n"
                                  ")\n"
                                  "\n"
                                  "var x int\n"
                                  "\n"
                                  "func main() {\n"
                                  "\tgo func() { x = 1 }()\n"
                                  "\tx = 2\n"
                                  "\ttime.Sleep(time.Millisecond)\n"
                                  "\tos.Exit(%d)\n"
                                  "}\n";
    for (int code = 0; code <= 3; code += 3) {
        snprintf(src, sizeof src, EXIT_SRC, code);
        struct lang_run_options ro = {.race = true};
        struct res y = run_opts(src, ro);
        assert_int_equal(count_kind(&y, RT_FIND_RACE), 1);
        if (code == 0) {
            /* os.Exit(0) runs racefini: 66 and the count */
            assert_int_equal(y.o->exit_code, 66);
            assert_non_null(strstr(y.o->err, "Found 1 data race(s)\n"));
        } else {
            assert_int_equal(y.o->exit_code, 3);
            assert_null(strstr(y.o->err, "Found "));
        }
        res_free(&y);
    }
}

static void test_race_off_is_plain(void **state)
{
    (void)state;
    struct res x = run_racy("", false);
    assert_int_equal(x.o->exit_code, 0);
    assert_int_equal(x.nf, 0);
    assert_string_equal(x.o->err, "");
    res_free(&x);
}

/* Patterns the instrumentation must see: each program has exactly one
 * racing pair, between the lines given. */
struct racy_case {
    const char *name;
    const char *src;
    int line_a, line_b;
};

static const struct racy_case racy_cases[] = {
    {"captured counter",
     "package main\n\nimport \"sync\"\n\nfunc main() {\n\tn := 0\n\tvar wg sync.WaitGroup\n"
     "\twg.Add(1)\n\tgo func() {\n\t\tdefer wg.Done()\n\t\tn++\n\t}()\n\tn++\n\twg.Wait()\n"
     "\t_ = n\n}\n",
     11, 13},
    {"field read without the lock",
     "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n\t\"time\"\n)\n\ntype acct struct {\n"
     "\tmu  sync.Mutex\n\tbal int\n}\n\nfunc main() {\n\ta := &acct{}\n\tgo func() {\n"
     "\t\ta.mu.Lock()\n\t\ta.bal += 10\n\t\ta.mu.Unlock()\n\t}()\n"
     "\ttime.Sleep(time.Millisecond)\n\tfmt.Println(a.bal)\n}\n",
     18, 22},
    {"map written by two goroutines",
     "package main\n\nimport \"sync\"\n\nfunc main() {\n\tm := map[int]int{}\n"
     "\tvar wg sync.WaitGroup\n\twg.Add(2)\n\tgo func() { defer wg.Done(); m[1] = 1 }()\n"
     "\tgo func() { defer wg.Done(); m[2] = 2 }()\n\twg.Wait()\n}\n",
     9, 10},
    {"slice element",
     "package main\n\nimport \"sync\"\n\nfunc main() {\n\ts := make([]int, 4)\n"
     "\tvar wg sync.WaitGroup\n\twg.Add(1)\n\tgo func() { defer wg.Done(); s[2] = 1 }()\n"
     "\t_ = s[2]\n\twg.Wait()\n}\n",
     9, 10},
    {"struct copy against a field write",
     "package main\n\nimport \"sync\"\n\ntype pt struct{ x, y int }\n\nfunc main() {\n"
     "\tp := &pt{}\n\tvar wg sync.WaitGroup\n\twg.Add(1)\n"
     "\tgo func() { defer wg.Done(); p.y = 3 }()\n\tq := *p\n\twg.Wait()\n\t_ = q\n}\n",
     11, 12},
    {"pointee",
     "package main\n\nimport \"sync\"\n\nfunc main() {\n\tx := 0\n\tp := &x\n"
     "\tvar wg sync.WaitGroup\n\twg.Add(1)\n\tgo func() { defer wg.Done(); *p = 5 }()\n"
     "\t_ = x\n\twg.Wait()\n}\n",
     10, 11},
    {"len of a map being written",
     "package main\n\nimport \"sync\"\n\nfunc main() {\n\tm := map[int]int{}\n"
     "\tvar wg sync.WaitGroup\n\twg.Add(1)\n\tgo func() { defer wg.Done(); m[1] = 1 }()\n"
     "\t_ = len(m)\n\twg.Wait()\n}\n",
     9, 10},
    {"fmt printing a map being written",
     "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tm := map[int]int{}\n"
     "\tvar wg sync.WaitGroup\n\twg.Add(1)\n\tgo func() { defer wg.Done(); m[1] = 1 }()\n"
     "\t_ = fmt.Sprint(m)\n\twg.Wait()\n}\n",
     12, 13},
    {"fmt printing a slice element being written",
     "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\ts := []int{1, 2}\n"
     "\tvar wg sync.WaitGroup\n\twg.Add(1)\n\tgo func() { defer wg.Done(); s[1] = 5 }()\n"
     "\tfmt.Sprint(s)\n\twg.Wait()\n}\n",
     12, 13},
    {"copy from a slice being written",
     "package main\n\nimport \"sync\"\n\nfunc main() {\n\ta := []int{1, 2}\n"
     "\tb := make([]int, 2)\n\tvar wg sync.WaitGroup\n\twg.Add(1)\n"
     "\tgo func() { defer wg.Done(); a[0] = 9 }()\n\tcopy(b, a)\n\twg.Wait()\n}\n",
     10, 11},
};

static void test_race_patterns(void **state)
{
    (void)state;
    if (!race_built())
        return;
    for (size_t i = 0; i < sizeof racy_cases / sizeof racy_cases[0]; i++) {
        const struct racy_case *c = &racy_cases[i];
        struct lang_run_options ro = {.race = true};
        struct res x = run_opts(c->src, ro);
        if (count_kind(&x, RT_FIND_RACE) != 1)
            fail_msg("%s: %zu races, want 1\n%s", c->name, count_kind(&x, RT_FIND_RACE), x.o->err);
        int a = user_line(&x, x.f[0].site[0]), b = user_line(&x, x.f[0].site[1]);
        if (!((a == c->line_a && b == c->line_b) || (a == c->line_b && b == c->line_a)))
            fail_msg("%s: race between lines %d and %d, want %d and %d", c->name, a, b, c->line_a,
                     c->line_b);
        assert_int_equal(x.o->exit_code, 66);
        res_free(&x);
    }
}

/* Correct programs over every primitive, context, errgroup and the stdlib
 * written in Go (sync.Once and OnceValue, sync.Map): no finding, under
 * several seeds and random preemption. */
static const char *RACE_FREE =
    "package main\n"
    "\n"
    "import (\n"
    "\t\"context\"\n"
    "\t\"fmt\"\n"
    "\t\"sync\"\n"
    "\t\"sync/atomic\"\n"
    "\t\"time\"\n"
    "\n"
    "\t\"golang.org/x/sync/errgroup\"\n"
    ")\n"
    "\n"
    "type counter struct {\n"
    "\tmu sync.Mutex\n"
    "\tn  map[string]int\n"
    "}\n"
    "\n"
    "func (c *counter) inc(k string) {\n"
    "\tc.mu.Lock()\n"
    "\tdefer c.mu.Unlock()\n"
    "\tc.n[k]++\n"
    "}\n"
    "\n"
    "var once sync.Once\n"
    "var cfg map[string]string\n"
    "\n"
    "func config() map[string]string {\n"
    "\tonce.Do(func() { cfg = map[string]string{\"a\": \"b\"} })\n"
    "\treturn cfg\n"
    "}\n"
    "\n"
    "func main() {\n"
    "\tc := &counter{n: map[string]int{}}\n"
    "\tvar wg sync.WaitGroup\n"
    "\tvar hits atomic.Int64\n"
    "\tvar sm sync.Map\n"
    "\tresults := make([]int, 8)\n"
    "\tfor i := 0; i < 8; i++ {\n"
    "\t\twg.Add(1)\n"
    "\t\tgo func() {\n"
    "\t\t\tdefer wg.Done()\n"
    "\t\t\tc.inc(\"k\")\n"
    "\t\t\thits.Add(1)\n"
    "\t\t\tsm.Store(i, i*i)\n"
    "\t\t\tresults[i] = len(config())\n"
    "\t\t}()\n"
    "\t}\n"
    "\twg.Wait()\n"
    "\tch := make(chan []int)\n"
    "\tgo func() {\n"
    "\t\tdata := []int{1, 2, 3}\n"
    "\t\tdata[0] = 10\n"
    "\t\tch <- data\n"
    "\t}()\n"
    "\tgot := <-ch\n"
    "\tgot[1] = 20\n"
    "\tvar rw sync.RWMutex\n"
    "\tshared := map[int]int{}\n"
    "\tvar wg2 sync.WaitGroup\n"
    "\tfor i := 0; i < 4; i++ {\n"
    "\t\twg2.Add(2)\n"
    "\t\tgo func() { defer wg2.Done(); rw.Lock(); shared[i] = i; rw.Unlock() }()\n"
    "\t\tgo func() { defer wg2.Done(); rw.RLock(); _ = shared[i]; rw.RUnlock() }()\n"
    "\t}\n"
    "\twg2.Wait()\n"
    "\tctx, cancel := context.WithTimeout(context.Background(), time.Second)\n"
    "\tdefer cancel()\n"
    "\tg, gctx := errgroup.WithContext(ctx)\n"
    "\tsums := make([]int, 4)\n"
    "\tfor i := range sums {\n"
    "\t\tg.Go(func() error {\n"
    "\t\t\tselect {\n"
    "\t\t\tcase <-gctx.Done():\n"
    "\t\t\t\treturn gctx.Err()\n"
    "\t\t\tdefault:\n"
    "\t\t\t}\n"
    "\t\t\tsums[i] = i * 10\n"
    "\t\t\treturn nil\n"
    "\t\t})\n"
    "\t}\n"
    "\terr := g.Wait()\n"
    "\tmu := sync.Mutex{}\n"
    "\tcond := sync.NewCond(&mu)\n"
    "\tready := false\n"
    "\tgo func() { mu.Lock(); ready = true; cond.Broadcast(); mu.Unlock() }()\n"
    "\tmu.Lock()\n"
    "\tfor !ready {\n"
    "\t\tcond.Wait()\n"
    "\t}\n"
    "\tmu.Unlock()\n"
    "\tv, _ := sm.Load(3)\n"
    "\tfmt.Println(c.n[\"k\"], hits.Load(), results[7], got, shared[3], sums, err, v)\n"
    "}\n";

static void test_race_free_programs(void **state)
{
    (void)state;
    if (!race_built())
        return;
    for (unsigned long long seed = 0; seed < 4; seed++) {
        struct lang_run_options ro = {.race = true, .seed = seed, .preempt_prob = 0.1};
        struct res x = run_opts(RACE_FREE, ro);
        if (x.nf != 0)
            fail_msg("seed %llu: %zu findings\n%s", seed, x.nf, x.o->err);
        assert_int_equal(x.o->exit_code, 0);
        assert_string_equal(x.o->out, "8 8 1 [10 20 3] 3 [0 10 20 30] <nil> 9\n");
        res_free(&x);
    }
}

/* ---- leaks ----------------------------------------------------------------------------- */

/* Goroutine 5 blocks sending on a channel only it holds (line 9, created
 * at line 13) while main keeps running; goroutine 6 blocks receiving on a
 * channel main still holds when it returns (line 10, created at line 15). */
static const char *LEAKY = "package main\n"                   /* 1 */
                           "\n"                               /* 2 */
                           "import (\n"                       /* 3 */
                           "\t\"fmt\"\n"                      /* 4 */
                           "\t\"time\"\n"                     /* 5 */
                           ")\n"                              /* 6 */
                           "\n"                               /* 7 */
                           "func producer(ch chan int) {\n"   /* 8 */
                           "\tch <- 42\n"                     /* 9 */
                           "}\n"                              /* 10 */
                           "\n"                               /* 11 */
                           "func main() {\n"                  /* 12 */
                           "\tgo producer(make(chan int))\n"  /* 13 */
                           "\tjobs := make(chan int)\n"       /* 14 */
                           "\tgo func() { <-jobs }()\n"       /* 15 */
                           "\ttime.Sleep(time.Millisecond)\n" /* 16 */
                           "\tsum := 0\n"                     /* 17 */
                           "\tfor i := 0; i < 20000; i++ {\n" /* 18 */
                           "\t\tsum += i\n"                   /* 19 */
                           "\t}\n"                            /* 20 */
                           "\tfmt.Println(sum, cap(jobs))\n"  /* 21 */
                           "}\n";                             /* 22 */

static void test_leak_found_mid_run(void **state)
{
    (void)state;
    struct lang_program *p = lang_load_source("x.go", LEAKY, strlen(LEAKY), NULL);
    assert_true(lang_program_runnable(p));
    struct lang_run_options ro = {.leaks = true, .capture = true};
    struct lang_run *r = lang_run_new(p, &ro, NULL);
    struct rt *rt = lang_run_runtime(r);
    enum lang_run_status st = LANG_RUN_RUNNING;
    while (st == LANG_RUN_RUNNING && rt_findings_count(rt, RT_FIND_LEAK) == 0)
        st = lang_run_step(r, 1);
    /* found while main still runs its loop */
    assert_int_equal(st, LANG_RUN_RUNNING);
    size_t n;
    const struct rt_finding *f = rt_findings(rt, &n);
    assert_int_equal(n, 1);
    assert_int_equal(f[0].kind, RT_FIND_LEAK);
    assert_int_equal(f[0].g[0], 5);
    assert_int_equal(f[0].g[1], 1); /* created by main */
    struct rt_frame fr[8];
    assert_int_equal(rt_site_frames(rt, f[0].site[0], fr, 8), 1);
    assert_string_equal(fr[0].func, "main.producer");
    assert_int_equal(fr[0].line, 9);
    assert_int_equal(rt_site_frames(rt, f[0].site[1], fr, 8), 1);
    assert_string_equal(fr[0].func, "main.main");
    assert_int_equal(fr[0].line, 13);
    assert_string_equal(f[0].summary,
                        "leak: goroutine 5 [chan send] at x.go:9 (created at x.go:13)");
    assert_string_equal(f[0].report, "goroutine leak: goroutine 5 [chan send] can never proceed: "
                                     "no other goroutine can reach the channel\n"
                                     "  main.producer()\n"
                                     "      x.go:9\n"
                                     "created by main.main at x.go:13\n");
    /* to the end: goroutine 6 is reported by goleak's view, 5 not again */
    st = lang_run_step(r, 0);
    assert_int_equal(st, LANG_RUN_OK);
    f = rt_findings(rt, &n);
    assert_int_equal(n, 2);
    assert_int_equal(f[1].g[0], 6);
    assert_int_equal(f[1].g[1], 1);
    assert_string_equal(f[1].summary, "leak: goroutine 6 [chan receive] at x.go:15 (created at "
                                      "x.go:15): still blocked when main returned");
    assert_int_equal(strncmp(f[1].report,
                             "goroutine leak: goroutine 6 [chan receive] still blocked when main "
                             "returned\n  main.main.func1()\n      x.go:15\n",
                             strlen("goroutine leak: goroutine 6 [chan receive] still blocked "
                                    "when main returned\n  main.main.func1()\n      x.go:15\n")),
                     0);
    /* the program's own output is untouched */
    assert_string_equal(lang_run_outcome(r)->out, "199990000 0\n");
    assert_int_equal(lang_run_outcome(r)->exit_code, 0);
    lang_run_free(r);
    lang_program_free(p);
}

static void test_leak_same_seed_same_findings(void **state)
{
    (void)state;
    char first[4][200] = {{0}};
    for (int k = 0; k < 2; k++) {
        struct lang_run_options ro = {.leaks = true, .seed = 11, .preempt_prob = 0.2};
        struct res x = run_opts(LEAKY, ro);
        assert_int_equal(x.nf, 2);
        for (size_t i = 0; i < x.nf; i++) {
            if (k == 0)
                snprintf(first[i], sizeof first[i], "%s @%lld", x.f[i].summary,
                         (long long)x.f[i].time);
            else {
                char now[200];
                snprintf(now, sizeof now, "%s @%lld", x.f[i].summary, (long long)x.f[i].time);
                assert_string_equal(now, first[i]);
            }
        }
        res_free(&x);
    }
}

/* Blocked on sync objects: a worker holds the mutex and blocks forever on
 * its own channel; a second one waits for that mutex; a third waits on a
 * WaitGroup only it can reach. All three can never proceed. */
static const char *LEAKY_SYNC = "package main\n"                   /* 1 */
                                "\n"                               /* 2 */
                                "import (\n"                       /* 3 */
                                "\t\"sync\"\n"                     /* 4 */
                                "\t\"time\"\n"                     /* 5 */
                                ")\n"                              /* 6 */
                                "\n"                               /* 7 */
                                "func start() {\n"                 /* 8 */
                                "\tvar mu sync.Mutex\n"            /* 9 */
                                "\tgo func() {\n"                  /* 10 */
                                "\t\tmu.Lock()\n"                  /* 11 */
                                "\t\t<-make(chan int)\n"           /* 12 */
                                "\t}()\n"                          /* 13 */
                                "\ttime.Sleep(time.Millisecond)\n" /* 14 */
                                "\tgo func() { mu.Lock() }()\n"    /* 15 */
                                "\tvar wg sync.WaitGroup\n"        /* 16 */
                                "\twg.Add(1)\n"                    /* 17 */
                                "\tgo func() { wg.Wait() }()\n"    /* 18 */
                                "}\n"                              /* 19 */
                                "\n"                               /* 20 */
                                "func main() {\n"                  /* 21 */
                                "\tstart()\n"                      /* 22 */
                                "\ttime.Sleep(time.Millisecond)\n" /* 23 */
                                "\tn := 0\n"                       /* 24 */
                                "\tfor i := 0; i < 20000; i++ {\n" /* 25 */
                                "\t\tn++\n"                        /* 26 */
                                "\t}\n"                            /* 27 */
                                "\t_ = n\n"                        /* 28 */
                                "}\n";

static void test_leak_sync_objects(void **state)
{
    (void)state;
    struct lang_run_options ro = {.leaks = true};
    struct res x = run_opts(LEAKY_SYNC, ro);
    assert_int_equal(x.nf, 3);
    int seen = 0;
    for (size_t i = 0; i < x.nf; i++) {
        assert_int_equal(x.f[i].kind, RT_FIND_LEAK);
        assert_non_null(strstr(x.f[i].report, "can never proceed"));
        int l = line_of(&x, x.f[i].site[0]), c = line_of(&x, x.f[i].site[1]);
        if (x.f[i].g[0] == 5) {
            assert_int_equal(l, 12);
            assert_int_equal(c, 10);
            seen |= 1;
        } else if (x.f[i].g[0] == 6) {
            assert_non_null(strstr(x.f[i].report, "[sync.Mutex.Lock]"));
            assert_int_equal(c, 15);
            seen |= 2;
        } else if (x.f[i].g[0] == 7) {
            assert_non_null(strstr(x.f[i].report, "[sync.WaitGroup.Wait]"));
            assert_non_null(strstr(x.f[i].report, "reach the WaitGroup"));
            assert_int_equal(c, 18);
            seen |= 4;
        }
    }
    assert_int_equal(seen, 7);
    res_free(&x);
}

/* A correct program: a worker pool that closes its channels, a goroutine
 * waiting on a timer channel and on a context with a deadline while main
 * runs, a ticker stopped at the end. No finding. */
static const char *NO_LEAK = "package main\n"
                             "\n"
                             "import (\n"
                             "\t\"context\"\n"
                             "\t\"fmt\"\n"
                             "\t\"sync\"\n"
                             "\t\"time\"\n"
                             ")\n"
                             "\n"
                             "func main() {\n"
                             "\tjobs := make(chan int)\n"
                             "\tresults := make(chan int, 100)\n"
                             "\tvar wg sync.WaitGroup\n"
                             "\tfor w := 0; w < 3; w++ {\n"
                             "\t\twg.Add(1)\n"
                             "\t\tgo func() {\n"
                             "\t\t\tdefer wg.Done()\n"
                             "\t\t\tfor j := range jobs {\n"
                             "\t\t\t\tresults <- j * 2\n"
                             "\t\t\t}\n"
                             "\t\t}()\n"
                             "\t}\n"
                             "\tdone := make(chan bool)\n"
                             "\tgo func() { <-time.After(50 * time.Millisecond); done <- true }()\n"
                             "\tctx, cancel := context.WithTimeout(context.Background(), "
                             "20*time.Millisecond)\n"
                             "\tdefer cancel()\n"
                             "\tgo func() { <-ctx.Done(); done <- true }()\n"
                             "\tfor i := 0; i < 50; i++ {\n"
                             "\t\tjobs <- i\n"
                             "\t}\n"
                             "\tclose(jobs)\n"
                             "\twg.Wait()\n"
                             "\tclose(results)\n"
                             "\tsum := 0\n"
                             "\tfor r := range results {\n"
                             "\t\tsum += r\n"
                             "\t}\n"
                             "\tfor i := 0; i < 20000; i++ {\n"
                             "\t\tsum++\n"
                             "\t}\n"
                             "\t<-done\n"
                             "\t<-done\n"
                             "\tfmt.Println(sum)\n"
                             "}\n";

static void test_no_leak_in_correct_program(void **state)
{
    (void)state;
    for (unsigned long long seed = 0; seed < 3; seed++) {
        struct lang_run_options ro = {.leaks = true, .seed = seed, .procs = 1 + (int)seed};
        struct res x = run_opts(NO_LEAK, ro);
        if (x.nf)
            fail_msg("seed %llu: %s", seed, x.f[0].report);
        assert_string_equal(x.o->out, "22450\n");
        res_free(&x);
    }
}

/* A deadlock ends the run as Go's fatal error; goleak's view does not add
 * findings after it. */
static void test_deadlock_is_not_a_leak(void **state)
{
    (void)state;
    const char *src = "package main\n\nfunc main() {\n\tch := make(chan int)\n"
                      "\tgo func() { ch <- 1; ch <- 2 }()\n\t<-ch\n\tselect {}\n}\n";
    struct lang_run_options ro = {.leaks = true};
    struct res x = run_opts(src, ro);
    assert_int_equal(x.o->status, LANG_RUN_FATAL);
    assert_non_null(strstr(x.o->err, "all goroutines are asleep - deadlock!"));
    assert_int_equal(x.nf, 0);
    res_free(&x);
}

/* ---- options ------------------------------------------------------------------------- */

static const char *PINGPONG =
    "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tch := make(chan int)\n"
    "\tdone := make(chan bool)\n\tgo func() {\n\t\tfor v := range ch {\n"
    "\t\t\tfmt.Print(v, \" \")\n\t\t}\n\t\tdone <- true\n\t}()\n"
    "\tfor i := 0; i < 5; i++ {\n\t\tch <- i\n\t}\n\tclose(ch)\n\t<-done\n"
    "\tfmt.Println()\n}\n";

static void test_trace_only_when_asked(void **state)
{
    (void)state;
    struct rt_event ev[8];
    struct lang_run_options off = {0};
    struct res x = run_opts(PINGPONG, off);
    assert_true(rt_trace_last_seq(lang_run_runtime(x.r)) > 0); /* events still counted */
    assert_int_equal(rt_trace_read(lang_run_runtime(x.r), 1, ev, 8), 0);
    res_free(&x);
    struct lang_run_options on = {.trace = true};
    x = run_opts(PINGPONG, on);
    assert_int_equal(rt_trace_read(lang_run_runtime(x.r), 1, ev, 8), 8);
    assert_int_equal(ev[0].seq, 1);
    res_free(&x);
}

/* trace_text runs src with ro and the trace on, and returns its formatted
 * events and output (caller frees). */
static char *trace_text(const char *src, struct lang_run_options ro)
{
    ro.trace = true;
    struct res x = run_opts(src, ro);
    struct rt *rt = lang_run_runtime(x.r);
    size_t cap = 1 << 16, len = 0;
    char *s = malloc(cap);
    struct rt_event ev;
    for (uint64_t q = 1; rt_trace_read(rt, q, &ev, 1) == 1; q = ev.seq + 1) {
        char line[256];
        size_t n = rt_event_format(&ev, line, sizeof line);
        if (len + n + 2 > cap)
            s = realloc(s, cap *= 2);
        memcpy(s + len, line, n);
        len += n;
        s[len++] = '\n';
    }
    size_t on = strlen(x.o->out);
    s = realloc(s, len + on + 1);
    memcpy(s + len, x.o->out, on + 1);
    res_free(&x);
    return s;
}

static void test_schedule_options_replay(void **state)
{
    (void)state;
    /* PCT and random preemption reach the runtime: the same options give
     * the same trace; the output stays the program's. */
    struct lang_run_options pct = {.seed = 5, .pct_depth = 3, .pct_steps = 50};
    struct lang_run_options rnd = {.seed = 5, .preempt_prob = 0.5};
    struct lang_run_options plain = {.seed = 5};
    char *a = trace_text(PINGPONG, pct), *b = trace_text(PINGPONG, pct);
    char *c = trace_text(PINGPONG, rnd), *d = trace_text(PINGPONG, rnd);
    char *e = trace_text(PINGPONG, plain);
    assert_string_equal(a, b);
    assert_string_equal(c, d);
    assert_non_null(strstr(a, "0 1 2 3 4 \n"));
    assert_non_null(strstr(c, "0 1 2 3 4 \n"));
    /* preempting at every other statement changes the schedule */
    assert_string_not_equal(c, e);
    free(a), free(b), free(c), free(d), free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_race_main_returns),
        cmocka_unit_test(test_race_exit_rules),
        cmocka_unit_test(test_race_off_is_plain),
        cmocka_unit_test(test_race_patterns),
        cmocka_unit_test(test_race_free_programs),
        cmocka_unit_test(test_leak_found_mid_run),
        cmocka_unit_test(test_leak_same_seed_same_findings),
        cmocka_unit_test(test_leak_sync_objects),
        cmocka_unit_test(test_no_leak_in_correct_program),
        cmocka_unit_test(test_deadlock_is_not_a_leak),
        cmocka_unit_test(test_trace_only_when_asked),
        cmocka_unit_test(test_schedule_options_replay),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
