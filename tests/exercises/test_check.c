/* test_check.c: `chanlab check` must find nothing wrong, on the shipped
 * bank (questions/ and exercises/) and on the small test bank of
 * tests/bank/good, whose programs were verified under real Go 1.23: there
 * a problem means the interpreter diverges from Go. The user's own bank is
 * kept out (an empty $XDG_CONFIG_HOME). On failure the whole report is
 * printed: each line names a file and position. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"

/* run_check runs chanlab check with bank_dir as the shipped bank ("" for
 * the real one) and asserts a clean report. */
static void run_check(const char *bank_dir)
{
    char *tmp = th_tmpdir();
    char *xdg = NULL, *bank = NULL;
    if (asprintf(&xdg, "XDG_CONFIG_HOME=%s", tmp) < 0 ||
        asprintf(&bank, "CHANLAB_BANK_DIR=%s", bank_dir) < 0)
        fail_msg("asprintf");
    char *env[] = {xdg, bank, NULL};
    char *argv[] = {(char *)th_env("CHANLAB"), "check", NULL};
    struct th_result r = th_run(argv, NULL, 1200, env);
    fputs(r.out, stdout);
    fputs(r.err, stderr);
    assert_false(r.timed_out);
    /* Every problem line comes before the summary, which says 0 problems. */
    assert_memory_equal(r.out, "chanlab check: ", strlen("chanlab check: "));
    assert_non_null(strstr(r.out, "; 0 problems\n"));
    assert_int_equal(r.status, 0);
    th_result_free(&r);
    th_rmtree(tmp);
    free(tmp);
    free(xdg);
    free(bank);
}

static void test_check(void **state)
{
    (void)state;
    run_check(th_env("BANK_DIR"));
}

int main(int argc, char **argv)
{
    (void)argc, (void)argv;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_check),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
