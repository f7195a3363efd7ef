/* test_vet_cli.c: `chanlab vet` as a user runs it: output on stderr as
 * `file:line:col: message`, exit 0 when clean, 1 on errors or vet
 * warnings, 2 on usage errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"

static char *dir;

static int setup(void **state)
{
    (void)state;
    dir = th_tmpdir();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    th_rmtree(dir);
    free(dir);
    return 0;
}

/* vet writes src to dir/name and runs `chanlab vet [extra] path`. */
static struct th_result vet(const char *name, const char *src, const char *extra)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (src)
        th_write_file(path, src);
    const char *chanlab = th_env("CHANLAB");
    char *argv[6] = {(char *)chanlab, "vet", NULL, NULL, NULL, NULL};
    int i = 2;
    if (extra) {
        argv[i++] = "--lang";
        argv[i++] = (char *)extra;
    }
    argv[i++] = path;
    return th_run(argv, NULL, 60, NULL);
}

static void test_clean_exits_0(void **state)
{
    (void)state;
    struct th_result r = vet("ok.go", "package main\n\nfunc main() {}\n", NULL);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.err, "");
    assert_string_equal(r.out, "");
    th_result_free(&r);
}

static void test_errors_exit_1(void **state)
{
    (void)state;
    struct th_result r = vet("bad.go", "package main\n\nfunc main() {\n\tx := 1\n}\n", NULL);
    assert_int_equal(r.status, 1);
    char want[4200];
    snprintf(want, sizeof want, "%s/bad.go:4:2: declared and not used: x\n", dir);
    assert_string_equal(r.err, want);
    th_result_free(&r);
}

static const char *loop_src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n"
                              "\tfor i := 0; i < 3; i++ {\n\t\tdefer func() {\n"
                              "\t\t\tfmt.Println(i)\n\t\t}()\n\t}\n}\n";

static void test_vet_warning_exits_1(void **state)
{
    (void)state;
    struct th_result r = vet("loop.go", loop_src, "go1.21");
    assert_int_equal(r.status, 1);
    char want[4200];
    snprintf(want, sizeof want, "%s/loop.go:8:16: loop variable i captured by func literal\n", dir);
    assert_string_equal(r.err, want);
    th_result_free(&r);
    /* the same program with go1.22 loop variables is fine */
    r = vet("loop.go", loop_src, NULL);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.err, "");
    th_result_free(&r);
}

static void test_usage_errors_exit_2(void **state)
{
    (void)state;
    const char *chanlab = th_env("CHANLAB");
    char *none[] = {(char *)chanlab, "vet", NULL};
    struct th_result r = th_run(none, NULL, 60, NULL);
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "chanlab vet: missing FILE.go"));
    th_result_free(&r);
    char *bad[] = {(char *)chanlab, "vet", "--frobnicate", "x.go", NULL};
    r = th_run(bad, NULL, 60, NULL);
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "unknown option --frobnicate"));
    th_result_free(&r);
    char *lang[] = {(char *)chanlab, "vet", "--lang", "rust", "x.go", NULL};
    r = th_run(lang, NULL, 60, NULL);
    assert_int_equal(r.status, 2);
    th_result_free(&r);
}

static void test_missing_file_exits_1(void **state)
{
    (void)state;
    struct th_result r = vet("nothere.go", NULL, NULL);
    assert_int_equal(r.status, 1);
    char want[4200];
    snprintf(want, sizeof want, "open %s/nothere.go: No such file or directory\n", dir);
    assert_string_equal(r.err, want);
    th_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clean_exits_0),        cmocka_unit_test(test_errors_exit_1),
        cmocka_unit_test(test_vet_warning_exits_1),  cmocka_unit_test(test_usage_errors_exit_2),
        cmocka_unit_test(test_missing_file_exits_1),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
