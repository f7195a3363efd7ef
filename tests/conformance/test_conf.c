/* test_conf.c: one conformance test per program of Go's own test tree
 * (/usr/share/go-1.23/test). Go's harness (cmd/internal/testdir) runs such a
 * `// run` program with stdout and stderr going to one buffer, and requires
 * exit status 0 and, when FILE.out exists, exactly that combined output
 * (else none): print/println write to stderr and count. This runs it with
 * `chanlab run` under the same rule, merging the two streams with a shell's
 * 2>&1 so their order is the order of the writes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"

static void test_program(void **state)
{
    (void)state;
    const char *file = th_env("CONF_FILE");
    if (access(file, R_OK) != 0)
        skip(); /* golang-1.23-src is not installed */
    char want_path[4096];
    snprintf(want_path, sizeof want_path, "%.*s.out", (int)(strlen(file) - 3), file);
    char *want = th_read_file(want_path, NULL);
    char *argv[] = {"/bin/sh",    "-c", "exec \"$0\" run \"$1\" 2>&1", (char *)th_env("CHANLAB"),
                    (char *)file, NULL};
    struct th_result r = th_run(argv, NULL, 120, NULL);
    if (r.timed_out)
        fail_msg("%s: timed out", file);
    if (r.status != 0)
        fail_msg("%s: exit status %d\n%s", file, r.status, r.out);
    if (strcmp(r.out, want ? want : "") != 0)
        fail_msg("%s: output\n--- want\n%s--- got\n%s---", file, want ? want : "", r.out);
    free(want);
    th_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_program),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
