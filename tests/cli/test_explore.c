/* test_explore.c: the explorer's API (lang.h, "EXPLORER") without the
 * command line: the flags a run's options replay as, what a failing
 * schedule's result holds, that its replay options give the same run, and
 * that the progress callback sees every schedule and can stop early. */
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

static void test_flags(void **state)
{
    (void)state;
    char buf[256];
    struct lang_run_options o = {0};
    lang_run_flags(&o, buf, sizeof buf);
    assert_string_equal(buf, "--seed 0");
    o = (struct lang_run_options){.seed = 17,
                                  .procs = 2,
                                  .pct_depth = 3,
                                  .pct_steps = 412,
                                  .preempt_prob = 0.05,
                                  .race = true,
                                  .leaks = true,
                                  .lockorder = true,
                                  .max_steps = 1000000,
                                  .max_goroutines = 50,
                                  .max_heap = 1 << 20};
    size_t n = lang_run_flags(&o, buf, sizeof buf);
    assert_string_equal(buf, "--seed 17 --procs 2 --pct-depth 3 --pct-steps 412 --preempt 0.05 "
                             "--race --leaks --lockorder --max-steps 1000000 "
                             "--max-goroutines 50 --max-heap 1048576");
    assert_int_equal(n, strlen(buf));
    /* The shortest form that reads back as the same double. */
    o = (struct lang_run_options){.preempt_prob = 1.0 / 3};
    lang_run_flags(&o, buf, sizeof buf);
    assert_string_equal(buf, "--seed 0 --preempt 0.3333333333333333");
    /* Truncated, NUL-terminated, with the length it needed. */
    char small[8];
    o = (struct lang_run_options){.seed = 123456789};
    n = lang_run_flags(&o, small, sizeof small);
    assert_string_equal(small, "--seed ");
    assert_int_equal(n, strlen("--seed 123456789"));
}

/* Prints which of two ready channels a select took. */
static const char flaky_go[] = "package main\n\nimport \"fmt\"\n\nfunc main() {\n"
                               "\ta := make(chan int, 1)\n\tb := make(chan int, 1)\n"
                               "\ta <- 1\n\tb <- 2\n\tselect {\n\tcase v := <-a:\n"
                               "\t\tfmt.Println(\"got\", v)\n\tcase v := <-b:\n"
                               "\t\tfmt.Println(\"got\", v)\n\t}\n}\n";

static const char clean_go[] = "package main\n\nimport \"fmt\"\n\nfunc main() {\n"
                               "\tch := make(chan int)\n\tgo func() { ch <- 42 }()\n"
                               "\tfmt.Println(<-ch)\n}\n";

static const char panic_go[] = "package main\n\nfunc main() {\n\tpanic(\"boom\")\n}\n";

static struct lang_program *load(const char *name, const char *src)
{
    struct lang_program *p = lang_load_source(name, src, strlen(src), NULL);
    assert_true(lang_program_runnable(p));
    return p;
}

static void test_different_stdout_and_replay(void **state)
{
    (void)state;
    struct lang_program *p = load("flaky.go", flaky_go);
    struct lang_run_options o = {.seed = 10};
    struct lang_explorer *x = lang_explore(p, &o, 200, 2, NULL, NULL, NULL);
    assert_non_null(x);
    const struct lang_explore_result *r = lang_explorer_result(x);
    assert_true(r->done);
    assert_true(r->failed);
    assert_int_equal(r->kind, LANG_EXPLORE_STDOUT);
    assert_true(r->schedule >= 1);
    assert_int_equal(r->ran, r->schedule + 1);
    assert_int_equal(r->total, 200);
    assert_int_equal(r->replay.seed, 10 + r->schedule);
    assert_int_equal(r->replay.pct_depth, 2);
    assert_int_equal(r->pct_depth, 2);
    assert_true(r->replay.pct_steps >= 100);
    assert_int_equal(r->replay.pct_steps, r->pct_steps);
    assert_true(r->replay.leaks);
    assert_false(r->replay.race);
    assert_true(r->replay.max_steps >= 1000000);
    assert_null(r->replay.out);
    assert_false(r->replay.capture);
    assert_string_equal(lang_explore_kind_text(r->kind), "different stdout");
    assert_non_null(strstr(r->message, "stdout line 1 is \"got "));
    char want[256];
    lang_run_flags(&r->replay, want, sizeof want);
    assert_string_equal(r->flags, want);

    /* The replay options give that schedule again: the other line. */
    struct lang_run_options ro = r->replay;
    ro.capture = true;
    struct lang_run *run0 =
        lang_run_program(p, &(struct lang_run_options){.seed = 10, .capture = true}, NULL);
    struct lang_run *run1 = lang_run_program(p, &ro, NULL);
    struct lang_run *run2 = lang_run_program(p, &ro, NULL);
    assert_string_not_equal(lang_run_outcome(run0)->out, lang_run_outcome(run1)->out);
    assert_string_equal(lang_run_outcome(run1)->out, lang_run_outcome(run2)->out);
    lang_run_free(run0);
    lang_run_free(run1);
    lang_run_free(run2);
    lang_explorer_free(x);
    lang_program_free(p);
}

static void test_no_failure(void **state)
{
    (void)state;
    struct lang_program *p = load("clean.go", clean_go);
    struct lang_explorer *x = lang_explorer_new(p, NULL, 30, 0, NULL);
    assert_non_null(x);
    int steps = 0;
    while (lang_explorer_next(x))
        steps++;
    const struct lang_explore_result *r = lang_explorer_result(x);
    assert_int_equal(steps, 29); /* the last call says it is over */
    assert_true(r->done);
    assert_false(r->failed);
    assert_int_equal(r->kind, LANG_EXPLORE_NONE);
    assert_int_equal(r->ran, 30);
    assert_int_equal(r->pct_depth, 3);
    assert_true(r->steps0 > 0);
    assert_int_equal(r->pct_steps, 100); /* a tiny program: the floor */
    assert_false(lang_explorer_next(x));
    lang_explorer_free(x);
    lang_program_free(p);
}

static void test_schedule_zero_fails(void **state)
{
    (void)state;
    struct lang_program *p = load("panic.go", panic_go);
    struct lang_run_options o = {.seed = 5, .procs = 2};
    struct lang_explorer *x = lang_explore(p, &o, 10, 0, NULL, NULL, NULL);
    const struct lang_explore_result *r = lang_explorer_result(x);
    assert_true(r->failed);
    assert_int_equal(r->schedule, 0);
    assert_int_equal(r->ran, 1);
    assert_int_equal(r->kind, LANG_EXPLORE_PANIC);
    assert_string_equal(r->message, "panic: boom");
    assert_int_equal(r->exit_code, 2);
    assert_non_null(strstr(r->err, "goroutine 1 [running]:"));
    assert_string_equal(r->flags, "--seed 5 --procs 2"); /* the plain run, as given */
    lang_explorer_free(x);
    lang_program_free(p);
}

struct counter {
    unsigned long calls, last;
    unsigned long stop_at;
};

static bool progress(void *ud, const struct lang_explore_result *r)
{
    struct counter *c = ud;
    c->calls++;
    c->last = r->ran;
    return r->ran < c->stop_at;
}

static void test_progress_stops(void **state)
{
    (void)state;
    struct lang_program *p = load("clean.go", clean_go);
    struct counter c = {.stop_at = 7};
    struct lang_explorer *x = lang_explore(p, NULL, 50, 0, progress, &c, NULL);
    const struct lang_explore_result *r = lang_explorer_result(x);
    assert_int_equal(c.calls, 7);
    assert_int_equal(c.last, 7);
    assert_int_equal(r->ran, 7);
    assert_false(r->done);
    assert_false(r->failed);
    lang_explorer_free(x);
    /* Not stopped: one call per schedule. */
    c = (struct counter){.stop_at = 1000};
    x = lang_explore(p, NULL, 12, 0, progress, &c, NULL);
    assert_int_equal(c.calls, 12);
    assert_true(lang_explorer_result(x)->done);
    lang_explorer_free(x);
    lang_program_free(p);
}

static void test_not_runnable(void **state)
{
    (void)state;
    const char *src = "package main\n\nfunc main() {\n\tx := 1\n}\n";
    struct lang_program *p = lang_load_source("bad.go", src, strlen(src), NULL);
    const char *why = NULL;
    assert_null(lang_explore(p, NULL, 5, 0, NULL, NULL, &why));
    assert_non_null(why);
    lang_program_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_flags),          cmocka_unit_test(test_different_stdout_and_replay),
        cmocka_unit_test(test_no_failure),     cmocka_unit_test(test_schedule_zero_fails),
        cmocka_unit_test(test_progress_stops), cmocka_unit_test(test_not_runnable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
