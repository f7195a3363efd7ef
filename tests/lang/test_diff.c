/* test_diff.c: differential tests of the standard library against Go 1.23.
 *
 * Each program of tests/lang/diff/ generates its own inputs (slices with
 * many ties for sort, values of every kind for fmt, ...) from a pseudo-random
 * generator seeded by the line `const seed = 1` and prints what the library
 * makes of them. This test rewrites that line for each seed, runs the
 * program with `chanlab run` and, when GO names a Go 1.23 toolchain, as the
 * binary `go build` makes, and requires the two stdouts to be identical.
 *
 * Seeds: DIFF_SEED=N runs seed N only; otherwise seeds 1, 2 and 3. The seed
 * is printed with every failure. Without Go the chanlab run must still exit
 * 0 with an empty stderr and no line starting "BAD" (the programs check
 * some invariants themselves, such as stability), and the test then reports
 * itself skipped, as the comparison did not happen. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"

static const char seed_line[] = "const seed = 1\n";

/* with_seed returns src with its seed line set to seed (caller frees). */
static char *with_seed(const char *file, const char *src, unsigned long seed)
{
    const char *at = strstr(src, seed_line);
    if (!at)
        fail_msg("%s: no line \"const seed = 1\"", file);
    size_t n = strlen(src) + 32;
    char *out = malloc(n);
    assert_non_null(out);
    snprintf(out, n, "%.*sconst seed = %lu\n%s", (int)(at - src), src, seed,
             at + strlen(seed_line));
    return out;
}

/* first_diff prints where two outputs part, with the line from each. */
static void first_diff(const char *file, unsigned long seed, const char *want, const char *got)
{
    int line = 1;
    const char *w = want, *g = got;
    while (*w && *w == *g) {
        if (*w == '\n') {
            line++;
            want = w + 1;
            got = g + 1;
        }
        w++;
        g++;
    }
    const char *we = strchr(want, '\n'), *ge = strchr(got, '\n');
    int wn = we ? (int)(we - want) : (int)strlen(want);
    int gn = ge ? (int)(ge - got) : (int)strlen(got);
    fail_msg("%s seed %lu: stdout differs from Go's at line %d\nGo:      %.*s\nchanlab: %.*s", file,
             seed, line, wn, want, gn, got);
}

static bool run_seed(const char *file, const char *src, unsigned long seed, const char *go)
{
    char *dir = th_tmpdir();
    char prog[4096], bin[4096];
    snprintf(prog, sizeof prog, "%s/prog.go", dir);
    snprintf(bin, sizeof bin, "%s/prog", dir);
    char *text = with_seed(file, src, seed);
    th_write_file(prog, text);
    free(text);

    char *argv[] = {(char *)th_env("CHANLAB"), "run", prog, NULL};
    struct th_result r = th_run(argv, NULL, 300, NULL);
    if (r.timed_out)
        fail_msg("%s seed %lu: chanlab run timed out", file, seed);
    if (r.status != 0 || r.err[0])
        fail_msg("%s seed %lu: chanlab exit status %d, stderr:\n%s", file, seed, r.status, r.err);
    for (const char *p = r.out; (p = strstr(p, "BAD")) != NULL; p++)
        if (p == r.out || p[-1] == '\n')
            fail_msg("%s seed %lu: the program found a broken invariant:\n%s", file, seed, p);

    bool compared = false;
    if (go && go[0] && access(go, X_OK) == 0) {
        char *bargv[] = {(char *)go, "build", "-o", bin, prog, NULL};
        struct th_result b = th_run(bargv, NULL, 300, NULL);
        if (b.status != 0)
            fail_msg("%s seed %lu: go build failed:\n%s", file, seed, b.err);
        th_result_free(&b);
        char *pargv[] = {bin, NULL};
        char *env[] = {"GOMAXPROCS=1", NULL};
        struct th_result p = th_run(pargv, NULL, 120, env);
        if (p.status != 0)
            fail_msg("%s seed %lu: the Go binary exited %d:\n%s", file, seed, p.status, p.err);
        if (strcmp(p.out, r.out) != 0)
            first_diff(file, seed, p.out, r.out);
        print_message("%s seed %lu: %zu bytes of output, identical to Go's\n", file, seed,
                      r.out_len);
        th_result_free(&p);
        compared = true;
    }
    th_result_free(&r);
    th_rmtree(dir);
    free(dir);
    return compared;
}

static void test_program(void **state)
{
    (void)state;
    const char *file = th_env("DIFF_FILE");
    char *src = th_read_file(file, NULL);
    assert_non_null(src);
    const char *go = getenv("GO");
    unsigned long seeds[3] = {1, 2, 3};
    int nseeds = 3;
    const char *one = getenv("DIFF_SEED");
    if (one && one[0]) {
        seeds[0] = strtoul(one, NULL, 10);
        nseeds = 1;
    }
    bool compared = false;
    for (int i = 0; i < nseeds; i++)
        compared = run_seed(file, src, seeds[i], go);
    free(src);
    if (!compared)
        skip(); /* Go 1.23 is not installed: nothing to compare with */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_program),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
