/* test_run.c: one golden run test per Go program of tests/lang/run.
 *
 * A program states what `chanlab run` must produce, in comments at its end:
 *
 *   // Exit: 2                   exit status (default 0)
 *   // Stderr: panic: boom       first line of stderr (default: stderr empty)
 *   // Args: --seed 7            extra options for chanlab run
 *   // NoGo: reason              do not compare with the Go toolchain
 *   // Output:                   everything after this line is stdout, one
 *   // line                      `// ` comment per line (`//` alone: an
 *   //                           empty line)
 *
 * The test runs the program with `chanlab run` and requires exactly that
 * stdout, exit status and first line of stderr. When GO names a Go 1.23
 * toolchain (and the file has no NoGo line), it also builds the program with
 * `go build` and runs the binary, requiring the same stdout and exit status,
 * so the expectations cannot drift from Go. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"

struct expect {
    int exit;
    char *stderr_first; /* NULL: stderr must be empty */
    char *out;          /* expected stdout */
    char *args[16];
    int nargs;
    bool nogo;
};

static char *dupn(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    assert_non_null(p);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

static void parse_expect(const char *src, struct expect *e)
{
    memset(e, 0, sizeof *e);
    size_t cap = 1024, len = 0;
    e->out = malloc(cap);
    assert_non_null(e->out);
    e->out[0] = 0;
    bool in_output = false;
    for (const char *line = src; *line;) {
        const char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) : strlen(line);
        if (in_output) {
            if (n >= 2 && line[0] == '/' && line[1] == '/') {
                const char *t = line + 2;
                size_t tn = n - 2;
                if (tn && *t == ' ') {
                    t++;
                    tn--;
                }
                while (len + tn + 2 > cap) {
                    cap *= 2;
                    e->out = realloc(e->out, cap);
                    assert_non_null(e->out);
                }
                memcpy(e->out + len, t, tn);
                len += tn;
                e->out[len++] = '\n';
                e->out[len] = 0;
            }
        } else if (n >= 10 && strncmp(line, "// Output:", 10) == 0) {
            in_output = true;
        } else if (n > 9 && strncmp(line, "// Exit: ", 9) == 0) {
            e->exit = atoi(line + 9);
        } else if (n > 11 && strncmp(line, "// Stderr: ", 11) == 0) {
            e->stderr_first = dupn(line + 11, n - 11);
        } else if (n > 9 && strncmp(line, "// NoGo: ", 9) == 0) {
            e->nogo = true;
        } else if (n > 9 && strncmp(line, "// Args: ", 9) == 0) {
            char *a = dupn(line + 9, n - 9);
            for (char *tok = strtok(a, " "); tok && e->nargs < 15; tok = strtok(NULL, " "))
                e->args[e->nargs++] = strdup(tok);
            free(a);
        }
        line = nl ? nl + 1 : line + n;
    }
}

static void free_expect(struct expect *e)
{
    free(e->stderr_first);
    free(e->out);
    for (int i = 0; i < e->nargs; i++)
        free(e->args[i]);
}

static void check_first_line(const char *file, const char *what, const char *err, const char *want)
{
    const char *nl = strchr(err, '\n');
    size_t n = nl ? (size_t)(nl - err) : strlen(err);
    if (!want) {
        if (err[0])
            fail_msg("%s: %s: stderr should be empty, got:\n%s", file, what, err);
        return;
    }
    if (strlen(want) != n || strncmp(err, want, n) != 0)
        fail_msg("%s: %s: stderr first line\nwant: %s\ngot:  %.*s\n(full stderr:\n%s)", file, what,
                 want, (int)n, err, err);
}

static void test_program(void **state)
{
    (void)state;
    const char *file = th_env("RUN_FILE");
    const char *chanlab = th_env("CHANLAB");
    char *src = th_read_file(file, NULL);
    assert_non_null(src);
    struct expect e;
    parse_expect(src, &e);

    char *argv[24];
    int k = 0;
    argv[k++] = (char *)chanlab;
    argv[k++] = "run";
    for (int i = 0; i < e.nargs; i++)
        argv[k++] = e.args[i];
    argv[k++] = (char *)file;
    argv[k] = NULL;
    struct th_result r = th_run(argv, NULL, 60, NULL);
    if (r.timed_out)
        fail_msg("%s: chanlab run timed out", file);
    if (strcmp(r.out, e.out) != 0)
        fail_msg("%s: chanlab stdout\n--- want\n%s--- got\n%s---\n(stderr:\n%s)", file, e.out,
                 r.out, r.err);
    if (r.status != e.exit)
        fail_msg("%s: chanlab exit status: want %d, got %d\n(stderr:\n%s)", file, e.exit, r.status,
                 r.err);
    check_first_line(file, "chanlab", r.err, e.stderr_first);
    th_result_free(&r);

    const char *go = getenv("GO");
    if (go && go[0] && access(go, X_OK) == 0 && !e.nogo) {
        char *dir = th_tmpdir();
        char bin[4096];
        snprintf(bin, sizeof bin, "%s/prog", dir);
        char *gargv[] = {(char *)go, "build", "-o", bin, (char *)file, NULL};
        struct th_result b = th_run(gargv, NULL, 300, NULL);
        if (b.status != 0)
            fail_msg("%s: go build failed:\n%s", file, b.err);
        th_result_free(&b);
        char *pargv[] = {bin, NULL};
        char *env[] = {"GOMAXPROCS=1", NULL};
        struct th_result p = th_run(pargv, NULL, 60, env);
        /* Go's timers follow the wall clock, which a loaded machine moves:
         * a timing-dependent program may print otherwise once. It gets two
         * more runs; a real difference shows in all three. chanlab's clock
         * is virtual, so its run above is never retried. */
        for (int retry = 0; retry < 2 && (strcmp(p.out, e.out) != 0 || p.status != e.exit);
             retry++) {
            th_result_free(&p);
            p = th_run(pargv, NULL, 60, env);
        }
        if (strcmp(p.out, e.out) != 0)
            fail_msg("%s: Go's stdout differs from the expectation\n--- want\n%s--- Go\n%s---",
                     file, e.out, p.out);
        if (p.status != e.exit)
            fail_msg("%s: Go's exit status: want %d, got %d", file, e.exit, p.status);
        check_first_line(file, "go", p.err, e.stderr_first);
        th_result_free(&p);
        th_rmtree(dir);
        free(dir);
    }
    free_expect(&e);
    free(src);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_program),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
