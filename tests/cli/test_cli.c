/* test_cli.c: global options, help texts, usage errors and the terminal
 * check, as the user sees them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"

static struct th_result run(const char *a1, const char *a2, const char *a3)
{
    char *argv[] = {(char *)th_env("CHANLAB"), (char *)a1, (char *)a2, (char *)a3, NULL};
    return th_run(argv, NULL, 20, NULL);
}

static void test_version(void **state)
{
    (void)state;
    struct th_result r = run("--version", NULL, NULL);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "chanlab 0.1.0\n");
    th_result_free(&r);
}

static void test_help_lists_every_command(void **state)
{
    (void)state;
    struct th_result r = run("--help", NULL, NULL);
    assert_int_equal(r.status, 0);
    const char *names[] = {"run",    "watch", "vet",    "check", "list",
                           "review", "stats", "export", "import"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char want[32];
        snprintf(want, sizeof want, "\n  %s ", names[i]);
        if (!strstr(r.out, want))
            fail_msg("--help does not list %s:\n%s", names[i], r.out);
    }
    assert_non_null(strstr(r.out, "--db PATH"));
    th_result_free(&r);
}

static void test_command_help(void **state)
{
    (void)state;
    const char *names[] = {"run",    "watch", "vet",    "check", "list",
                           "review", "stats", "export", "import"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        struct th_result r = run(names[i], "--help", NULL);
        assert_int_equal(r.status, 0);
        char want[64];
        snprintf(want, sizeof want, "usage: chanlab %s", names[i]);
        if (strncmp(r.out, want, strlen(want)) != 0)
            fail_msg("chanlab %s --help printed:\n%s", names[i], r.out);
        th_result_free(&r);
    }
}

static void test_unknown_command(void **state)
{
    (void)state;
    struct th_result r = run("frobnicate", NULL, NULL);
    assert_int_equal(r.status, 2);
    assert_string_equal(r.err, "chanlab: unknown command 'frobnicate'\nTry 'chanlab --help'.\n");
    th_result_free(&r);
}

static void test_unknown_option(void **state)
{
    (void)state;
    struct th_result r = run("--frob", NULL, NULL);
    assert_int_equal(r.status, 2);
    assert_string_equal(r.err, "chanlab: unknown option '--frob'\nTry 'chanlab --help'.\n");
    th_result_free(&r);
}

static void test_no_terminal(void **state)
{
    (void)state;
    /* stdin is /dev/null and stdout a pipe: the app must refuse to draw. */
    struct th_result r = run(NULL, NULL, NULL);
    assert_int_equal(r.status, 1);
    assert_string_equal(r.out, "");
    assert_non_null(strstr(r.err, "needs a terminal"));
    th_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_version),        cmocka_unit_test(test_help_lists_every_command),
        cmocka_unit_test(test_command_help),   cmocka_unit_test(test_unknown_command),
        cmocka_unit_test(test_unknown_option), cmocka_unit_test(test_no_terminal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
