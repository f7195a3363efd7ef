/* test_watch_cli.c: `chanlab watch` as a script meets it: usage errors
 * (exit 2), a file that cannot be read (exit 1), no terminal (exit 1); and
 * the Run view's small formatters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"
#include "run_view.h"

static struct th_result watch(const char *a1, const char *a2, const char *a3)
{
    char *argv[] = {(char *)th_env("CHANLAB"), "watch", (char *)a1, (char *)a2, (char *)a3, NULL};
    return th_run(argv, NULL, 20, NULL);
}

static void expect(struct th_result r, int status, const char *err)
{
    if (r.status != status || strcmp(r.err, err) != 0)
        fail_msg("status %d, stderr:\n%s\nwant status %d, stderr:\n%s", r.status, r.err, status,
                 err);
    th_result_free(&r);
}

static void test_usage_errors(void **state)
{
    (void)state;
    expect(watch(NULL, NULL, NULL), 2,
           "chanlab watch: missing FILE.go\nTry 'chanlab watch --help'.\n");
    expect(watch("a.go", "--procs", "0"), 2,
           "chanlab watch: --procs: '0' is not a number from 1 to 256\n"
           "Try 'chanlab watch --help'.\n");
    expect(watch("a.go", "--seed=x", NULL), 2,
           "chanlab watch: --seed: 'x' is not a number\nTry 'chanlab watch --help'.\n");
    expect(watch("a.go", "--seed", NULL), 2,
           "chanlab watch: --seed needs a number\nTry 'chanlab watch --help'.\n");
    expect(watch("a.go", "b.go", NULL), 2,
           "chanlab watch: one FILE.go only ('b.go' is a second)\nTry 'chanlab watch --help'.\n");
    expect(watch("--race", "a.go", NULL), 2,
           "chanlab watch: unknown option '--race'\nTry 'chanlab watch --help'.\n");
}

static void test_unreadable_file_and_no_terminal(void **state)
{
    (void)state;
    expect(watch("/nonexistent/x.go", NULL, NULL), 1,
           "chanlab watch: /nonexistent/x.go: No such file or directory\n");
    char path[700];
    snprintf(path, sizeof path, "%s/testdata/run/pipeline.go", th_env("TUI_TESTDATA"));
    struct th_result r = watch(path, "--seed", "5");
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "needs a terminal"));
    th_result_free(&r);
}

static void test_durations_and_letters(void **state)
{
    (void)state;
    struct {
        long long ns;
        const char *want;
    } cases[] = {
        {0, "0s"},
        {999, "999ns"},
        {1500, "1.5\u00b5s"},
        {250000000, "250ms"},
        {1500000000, "1.5s"},
        {120000000000LL, "2m0s"},
        {3725000000000LL, "1h2m5s"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[32];
        run_view_duration(cases[i].ns, buf, sizeof buf);
        assert_string_equal(buf, cases[i].want);
    }
    assert_int_equal(run_view_wait_letter(RT_WAIT_CHAN_SEND), 's');
    assert_int_equal(run_view_wait_letter(RT_WAIT_CHAN_RECV_NIL), 'r');
    assert_int_equal(run_view_wait_letter(RT_WAIT_MUTEX), 'm');
    assert_int_equal(run_view_wait_letter(RT_WAIT_SLEEP), 'z');
    assert_int_equal(run_view_line_count("a\nb\n", 4), 2);
    assert_int_equal(run_view_line_count("a\nb", 3), 2);
    assert_int_equal(run_view_line_count("", 0), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_usage_errors),
        cmocka_unit_test(test_unreadable_file_and_no_terminal),
        cmocka_unit_test(test_durations_and_letters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
