/* test_check.c: `chanlab check` on the shipped bank must find nothing wrong.
 * The user's own bank is kept out (an empty $XDG_CONFIG_HOME), so the
 * result depends only on questions/ and exercises/. On failure the whole
 * report is printed: each line names a file and position. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"

static void test_shipped_bank(void **state)
{
    (void)state;
    char *tmp = th_tmpdir();
    char *xdg;
    if (asprintf(&xdg, "XDG_CONFIG_HOME=%s", tmp) < 0)
        fail_msg("asprintf");
    char *env[] = {xdg, "CHANLAB_BANK_DIR=", NULL};
    char *argv[] = {(char *)th_env("CHANLAB"), "check", NULL};
    struct th_result r = th_run(argv, NULL, 600, env);
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
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shipped_bank),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
