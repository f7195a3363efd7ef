/* test_limits.c: programs that exceed chanlab's limits or grow large end
 * with a clear message and exit status 2 within seconds, never with the host
 * dying; and 100,000 goroutines parked on one channel, then released, run to
 * the end in under 1.5 GiB resident (the figure is printed). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"

#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif
#ifndef SANITIZED
#define SANITIZED 0
#endif

static char *write_prog(const char *dir, const char *name, const char *src)
{
    char *path = malloc(strlen(dir) + strlen(name) + 2);
    assert_non_null(path);
    sprintf(path, "%s/%s", dir, name);
    th_write_file(path, src);
    return path;
}

static struct th_result run(const char *prog, const char *o1, const char *o2)
{
    char *argv[] = {(char *)th_env("CHANLAB"), "run", (char *)o1, (char *)o2, (char *)prog, NULL};
    if (!o1) {
        argv[2] = (char *)prog;
        argv[3] = NULL;
    }
    return th_run(argv, NULL, 120, NULL);
}

static void expect_lines(struct th_result *r, int status, const char *line1, const char *line2)
{
    if (r->timed_out)
        fail_msg("timed out");
    if (r->status != status)
        fail_msg("exit status %d, want %d; stderr:\n%s", r->status, status, r->err);
    size_t n1 = strlen(line1);
    if (strncmp(r->err, line1, n1) != 0 || (r->err[n1] != '\n' && r->err[n1] != 0))
        fail_msg("stderr should start with\n%s\ngot:\n%s", line1, r->err);
    if (line2) {
        const char *second = r->err + n1 + 1;
        if (strncmp(second, line2, strlen(line2)) != 0)
            fail_msg("second stderr line should be\n%s\ngot:\n%s", line2, r->err);
    }
}

static void test_step_limit(void **state)
{
    (void)state;
    char *dir = th_tmpdir();
    char *p = write_prog(dir, "loop.go", "package main\n\nfunc main() {\n\tfor {\n\t}\n}\n");
    struct th_result r = run(p, "--max-steps", "100000");
    expect_lines(&r, 2, "chanlab: step limit of 100000 statements exceeded (--max-steps)", NULL);
    assert_string_equal(r.out, "");
    th_result_free(&r);
    free(p);
    th_rmtree(dir);
    free(dir);
}

static void test_unbounded_recursion(void **state)
{
    (void)state;
    char *dir = th_tmpdir();
    char *p = write_prog(dir, "rec.go",
                         "package main\n\nfunc f(n int) int { return f(n+1) + 1 }\n\n"
                         "func main() { println(f(0)) }\n");
    struct th_result r = run(p, NULL, NULL);
    /* Go's text, with Go's 1 GB figure (the limit is chanlab's own). */
    static const char want[] = "runtime: goroutine stack exceeds 1000000000-byte limit\n"
                               "fatal error: stack overflow\n";
    if (r.status != 2 || strncmp(r.err, want, sizeof want - 1) != 0)
        fail_msg("want Go's stack overflow report and exit 2, got %d:\n%s", r.status, r.err);
    th_result_free(&r);
    free(p);
    th_rmtree(dir);
    free(dir);
}

static void test_goroutine_limit(void **state)
{
    (void)state;
    char *dir = th_tmpdir();
    char *p = write_prog(dir, "many.go",
                         "package main\n\nfunc main() {\n\tch := make(chan int)\n"
                         "\tfor i := 0; i < 10000000; i++ {\n\t\tgo func() { <-ch }()\n\t}\n}\n");
    struct th_result r = run(p, "--max-goroutines", "20000");
    expect_lines(&r, 2, "chanlab: goroutine limit of 20000 exceeded (--max-goroutines)", NULL);
    th_result_free(&r);
    free(p);
    th_rmtree(dir);
    free(dir);
}

static void test_huge_allocation(void **state)
{
    (void)state;
    char *dir = th_tmpdir();
    char *p = write_prog(dir, "big.go",
                         "package main\n\nfunc main() {\n\tb := make([]byte, 10<<30)\n"
                         "\tprintln(len(b))\n}\n");
    struct th_result r = run(p, NULL, NULL);
    expect_lines(&r, 2, "fatal error: runtime: out of memory",
                 "chanlab: the program's heap would pass the limit of 4294967296 bytes");
    th_result_free(&r);
    struct th_result r2 = run(p, "--max-heap", "64M");
    expect_lines(&r2, 2, "fatal error: runtime: out of memory",
                 "chanlab: the program's heap would pass the limit of 67108864 bytes");
    th_result_free(&r2);
    free(p);
    th_rmtree(dir);
    free(dir);
}

static void test_park_many(void **state)
{
    (void)state;
    int n = SANITIZED ? 20000 : 100000;
    char src[2048];
    snprintf(src, sizeof src,
             "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\n"
             "func main() {\n\tstart := make(chan struct{})\n\tvar wg sync.WaitGroup\n"
             "\tvar mu sync.Mutex\n\tdone := 0\n\tfor i := 0; i < %d; i++ {\n"
             "\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\t<-start\n"
             "\t\t\tmu.Lock()\n\t\t\tdone++\n\t\t\tmu.Unlock()\n\t\t}()\n\t}\n"
             "\tclose(start)\n\twg.Wait()\n\tfmt.Println(done)\n}\n",
             n);
    char *dir = th_tmpdir();
    char *p = write_prog(dir, "park.go", src);
    char outpath[4096];
    snprintf(outpath, sizeof outpath, "%s/out", dir);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        if (!freopen(outpath, "w", stdout))
            _exit(127);
        execl(th_env("CHANLAB"), "chanlab", "run", p, (char *)NULL);
        _exit(127);
    }
    int status;
    struct rusage ru;
    assert_int_equal(wait4(pid, &status, 0, &ru), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    char *out = th_read_file(outpath, NULL);
    char want[32];
    snprintf(want, sizeof want, "%d\n", n);
    assert_string_equal(out, want);
    double mib = (double)ru.ru_maxrss / 1024.0;
    printf("park %d goroutines: %.0f MiB resident\n", n, mib);
    if (!SANITIZED && mib >= 1536)
        fail_msg("%d parked goroutines used %.0f MiB (limit 1536)", n, mib);
    free(out);
    free(p);
    th_rmtree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_step_limit),      cmocka_unit_test(test_unbounded_recursion),
        cmocka_unit_test(test_goroutine_limit), cmocka_unit_test(test_huge_allocation),
        cmocka_unit_test(test_park_many),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
