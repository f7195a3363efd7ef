/* test_check_cli.c: `chanlab check` through the real binary, on the small
 * bank of tests/bank/good standing in for the shipped one
 * ($CHANLAB_BANK_DIR), with a user bank in a temporary $XDG_CONFIG_HOME.
 *
 * These tests are about validation: what the bank layer reports and how
 * banks combine. Whether the programs run as declared depends on the
 * interpreter and is tested in suite exercises (check-testbank); here the
 * lines about running programs are ignored. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "harness.h"

#define SUMMARY                                                                                    \
    "chanlab check: 4 questions (1 junior, 2 mid, 1 senior), 6 exercises (2 with a fix), 8 "       \
    "quiz items, 4 predict items"

/* has_line reports whether text holds line (without its newline) as a
 * whole line. */
static bool has_line(const char *text, const char *line)
{
    size_t n = strlen(line);
    for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
        if (strncmp(p, line, n) == 0 && (p[n] == '\n' || p[n] == '\0'))
            return true;
    return false;
}

/* summary returns the line that starts with "chanlab check: " and names
 * the counts (static buffer), failing when there is none. */
static const char *summary(const char *out)
{
    static char line[1024];
    const char *p = strstr(out, "\nchanlab check: ");
    p = strncmp(out, "chanlab check: ", 15) == 0 ? out : p ? p + 1 : NULL;
    if (!p)
        fail_msg("no summary line in:\n%s", out);
    size_t n = strcspn(p, "\n");
    snprintf(line, sizeof line, "%.*s", (int)n, p);
    return line;
}

/* no_bank_diagnostics fails when a line of out names a JSON file or a
 * bank directory: those are the bank layer's findings. */
static void no_bank_diagnostics(const char *out)
{
    if (strstr(out, ".json:") || strstr(out, "bank directory"))
        fail_msg("unexpected bank diagnostics:\n%s", out);
}

struct env {
    char *tmp;
    char *vars[4];
};

/* check runs chanlab check with args, the good bank as the shipped one and
 * an empty user config directory unless the test made one. */
static struct th_result check(struct env *e, const char *a1, const char *a2)
{
    char *argv[] = {(char *)th_env("CHANLAB"), "check", (char *)a1, (char *)a2, NULL};
    return th_run(argv, NULL, 60, e->vars);
}

static int setup(void **state)
{
    struct env *e = calloc(1, sizeof *e);
    assert_non_null(e);
    e->tmp = th_tmpdir();
    if (asprintf(&e->vars[0], "CHANLAB_BANK_DIR=%s", th_env("BANK_GOOD")) < 0 ||
        asprintf(&e->vars[1], "XDG_CONFIG_HOME=%s", e->tmp) < 0)
        fail_msg("asprintf");
    *state = e;
    return 0;
}

static int teardown(void **state)
{
    struct env *e = *state;
    th_rmtree(e->tmp);
    free(e->tmp);
    for (size_t i = 0; e->vars[i]; i++)
        free(e->vars[i]);
    free(e);
    return 0;
}

static void test_good_bank(void **state)
{
    struct th_result r = check(*state, NULL, NULL);
    assert_true(r.status == 0 || r.status == 1);
    no_bank_diagnostics(r.out);
    assert_memory_equal(summary(r.out), SUMMARY "; ", strlen(SUMMARY "; "));
    assert_string_equal(r.err, "");
    th_result_free(&r);
}

static void test_broken_user_bank(void **state)
{
    struct env *e = *state;
    char path[4096];
    snprintf(path, sizeof path, "%s/chanlab", e->tmp);
    assert_int_equal(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/chanlab/questions", e->tmp);
    assert_int_equal(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/chanlab/questions/broken.json", e->tmp);
    th_write_file(path, "{\"schema\": 1, \"topic\": \"select\", \"title\": \"Mine\",\n"
                        " \"questions\": [], \"exercises\": [], \"extra\": true}\n");
    struct th_result r = check(e, NULL, NULL);
    char want[8192];
    snprintf(want, sizeof want, "%s:2:36: unknown field \"extra\"\n", path);
    /* The user's problem comes first, and the shipped bank still loads. */
    assert_int_equal(r.status, 1);
    assert_memory_equal(r.out, want, strlen(want));
    assert_memory_equal(summary(r.out), SUMMARY "; ", strlen(SUMMARY "; "));
    th_result_free(&r);
}

static void test_missing_bank_dir(void **state)
{
    struct th_result r = check(*state, "--bank", "/nonexistent/chanlab-bank");
    assert_int_equal(r.status, 1);
    const char *want = "/nonexistent/chanlab-bank: cannot read the bank directory: No such file "
                       "or directory\n";
    assert_memory_equal(r.out, want, strlen(want));
    assert_memory_equal(summary(r.out), SUMMARY "; ", strlen(SUMMARY "; "));
    th_result_free(&r);
}

static void test_missing_shipped_bank(void **state)
{
    struct env *e = *state;
    free(e->vars[0]);
    e->vars[0] = strdup("CHANLAB_BANK_DIR=/nonexistent/shipped");
    struct th_result r = check(e, NULL, NULL);
    assert_int_equal(r.status, 1);
    assert_true(has_line(r.out, "/nonexistent/shipped: cannot read the bank directory: No such "
                                "file or directory"));
    const char *line = summary(r.out);
    const char *head = "chanlab check: 0 questions (0 junior, 0 mid, 0 senior), 0 exercises (0 "
                       "with a fix), 0 quiz items, 0 predict items; ";
    assert_memory_equal(line, head, strlen(head));
    assert_string_equal(line + strlen(line) - strlen("; 1 problem"), "; 1 problem");
    th_result_free(&r);
}

static void test_usage_errors(void **state)
{
    struct th_result r = check(*state, "extra", NULL);
    assert_int_equal(r.status, 2);
    assert_string_equal(r.out, "");
    assert_string_equal(r.err, "chanlab check: unexpected argument 'extra'\n"
                               "Try 'chanlab check --help'.\n");
    th_result_free(&r);
    r = check(*state, "--bank", NULL);
    assert_int_equal(r.status, 2);
    assert_string_equal(r.err, "chanlab check: --bank needs a directory\n"
                               "Try 'chanlab check --help'.\n");
    th_result_free(&r);
    r = check(*state, "--frob", NULL);
    assert_int_equal(r.status, 2);
    assert_string_equal(r.err, "chanlab check: unknown option '--frob'\n"
                               "Try 'chanlab check --help'.\n");
    th_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_good_bank, setup, teardown),
        cmocka_unit_test_setup_teardown(test_broken_user_bank, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_bank_dir, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_shipped_bank, setup, teardown),
        cmocka_unit_test_setup_teardown(test_usage_errors, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
