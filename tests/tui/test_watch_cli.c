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

/* find_row returns the row of cv holding text, or -1; *col gets its column
 * in cells (the text is ASCII). */
static int find_row(const struct canvas *cv, const char *text, int *col)
{
    for (int y = 0; y < cv->h; y++) {
        char *row = cv_row_text(cv, y);
        char *at = strstr(row, text);
        if (at) {
            /* Count code points before it: the box drawing is multibyte. */
            int c = 0;
            for (char *q = row; q < at; q++)
                if (((unsigned char)*q & 0xC0) != 0x80)
                    c++;
            *col = c;
            free(row);
            return y;
        }
        free(row);
    }
    return -1;
}

/* The Findings panel lists each detector finding's summary, its kind in
 * the kind's colour, after the outcome line. */
static void test_findings_panel(void **state)
{
    (void)state;
    struct rt_finding fs[2] = {
        {.kind = RT_FIND_RACE,
         .summary = "data race: write at x.go:10 by goroutine 7 vs write at x.go:10 by "
                    "goroutine 6"},
        {.kind = RT_FIND_LEAK,
         .summary = "leak: goroutine 6 [chan send] at x.go:12 (created at x.go:20)"},
    };
    struct run_view v = {.src = "package main\n", .src_len = 13, .out = "", .findings = ""};
    v.found = fs;
    v.nfound = 2;
    struct canvas *cv = canvas_new(120, 40);
    run_view_draw(cv, (struct rect){0, 0, 120, 40}, &v);
    int col = 0;
    int y = find_row(cv, "data race: write at x.go:10", &col);
    if (y < 0)
        fail_msg("no race summary in:\n%s", cv_dump(cv));
    assert_int_equal(cv_cell(cv, col, y)->role, ROLE_BAD);
    assert_true(cv_cell(cv, col, y)->attr & ATTR_BOLD);
    assert_int_equal(cv_cell(cv, col + 11, y)->role, ROLE_TEXT); /* "write", after the kind */
    int y2 = find_row(cv, "leak: goroutine 6 [chan send]", &col);
    assert_true(y2 > y);
    assert_int_equal(cv_cell(cv, col, y2)->role, ROLE_WARN);
    /* More than fit: the last row says how many more and where to see them. */
    struct rt_finding many[8];
    for (int i = 0; i < 8; i++)
        many[i] = (struct rt_finding){.kind = RT_FIND_LOCK_ORDER,
                                      .summary = "lock-order inversion: mu1 -> mu2 (x.go:19, "
                                                 "x.go:20) and mu2 -> mu1 (x.go:30, x.go:31)"};
    v.found = many;
    v.nfound = 8;
    canvas_free(cv);
    cv = canvas_new(120, 40);
    run_view_draw(cv, (struct rect){0, 0, 120, 40}, &v);
    int more = find_row(cv, " more: d shows every report", &col);
    if (more < 0)
        fail_msg("no '+N more' row in:\n%s", cv_dump(cv));
    assert_int_equal(cv_cell(cv, col - 2, more)->ch, '+');
    int kinds = 0;
    for (int yy = 0; yy < cv->h; yy++) {
        char *row = cv_row_text(cv, yy);
        if (strstr(row, "lock-order inversion: mu1"))
            kinds++;
        free(row);
    }
    char digit = (char)cv_cell(cv, col - 1, more)->ch;
    assert_true(kinds >= 1 && kinds < 8);
    assert_int_equal(digit - '0', 8 - kinds);
    /* Nothing found: the panel says what it watches for. */
    canvas_free(cv);
    cv = canvas_new(120, 40);
    v.nfound = 0;
    run_view_draw(cv, (struct rect){0, 0, 120, 40}, &v);
    assert_true(find_row(cv, "none so far", &col) >= 0);
    assert_true(find_row(cv, "(watching for data races, leaks and lock-order", &col) >= 0);
    canvas_free(cv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_usage_errors),
        cmocka_unit_test(test_unreadable_file_and_no_terminal),
        cmocka_unit_test(test_durations_and_letters),
        cmocka_unit_test(test_findings_panel),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
