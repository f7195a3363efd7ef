/* test_gorun.c: one exercise program under the real Go toolchain.
 *
 * usage: test_gorun TOPIC/SLUG.go | TOPIC/SLUG.fixed.go, with $GO (the go
 * binary), $EXERCISES, $QUESTIONS and $GOWORK_DIR (build cache) set by
 * meson. The program's declaration is looked up in the bank; the program is
 * built in a fresh module (`go 1.23`, or `go 1.21` for `"lang": "go1.21"`)
 * and run, and its stdout and exit status must be what the bank declares,
 * and for a panic or a deadlock the first line of stderr too.
 *
 * Race exercises, and the fixes of race exercises, are built with -race
 * (cgo and the C toolchain): a race program must exit 66 with Go's "WARNING:
 * DATA RACE" report, its fix must run clean. Programs importing
 * golang.org/x/sync use Debian's copy of the real module
 * (golang-golang-x-sync-dev, $GOXSYNC) through a replace directive.
 *
 * Skipped (exit 77, with the reason): no Go toolchain; schedule-dependent
 * programs (one run proves nothing); golang.org/x/sync programs when
 * $GOXSYNC is not installed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "bank.h"
#include "harness.h"

#define SKIP 77

static const char *rel;   /* the argument: TOPIC/SLUG[.fixed].go */
static char id[512];      /* TOPIC/SLUG */
static bool fixed;        /* the .fixed.go of a pair */
static struct bank *bank; /* the shipped bank */
static const struct bank_exercise *ex;
static const struct bank_expect *want;
static bool race;  /* build with -race */
static bool xsync; /* imports golang.org/x/sync */

static char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *xasprintf(const char *fmt, ...)
{
    va_list ap;
    char *s;
    va_start(ap, fmt);
    int n = vasprintf(&s, fmt, ap);
    va_end(ap);
    if (n < 0)
        abort();
    return s;
}

/* quoted prints s as a C string literal, so invisible differences show. */
static void quoted(const char *label, const char *s)
{
    printf("%s \"", label);
    for (; *s; s++) {
        if (*s == '\n')
            fputs("\\n", stdout);
        else if (*s == '"' || *s == '\\')
            printf("\\%c", *s);
        else
            putchar(*s);
    }
    puts("\"");
}

static void test_under_go(void **state)
{
    (void)state;
    char *tmp = th_tmpdir();
    char *mod = xasprintf("%s/go.mod", tmp);
    char *main_go = xasprintf("%s/main.go", tmp);
    char *prog = xasprintf("%s/prog", tmp);
    char *src_path = xasprintf("%s/%s", th_env("EXERCISES"), rel);
    char *src = th_read_file(src_path, NULL);
    assert_non_null(src);
    th_write_file(main_go, src);
    char *modtext =
        xasprintf("module chanlab.test/exercise\n\ngo %s\n", ex->go121 ? "1.21" : "1.23");
    if (xsync) {
        char *more =
            xasprintf("%s\nrequire golang.org/x/sync v0.0.0\n\nreplace golang.org/x/sync => %s\n",
                      modtext, getenv("GOXSYNC"));
        free(modtext);
        modtext = more;
    }
    th_write_file(mod, modtext);
    free(modtext);

    const char *work = th_env("GOWORK_DIR");
    char *gocache = xasprintf("GOCACHE=%s/cache", work);
    char *gopath = xasprintf("GOPATH=%s/gopath", work);
    char *env[] = {gocache,
                   gopath,
                   "GOTOOLCHAIN=local",
                   "GOPROXY=off",
                   "GOENV=off",
                   "GOFLAGS=-mod=mod",
                   "GO111MODULE=on",
                   "GOWORK=off",
                   race ? "CGO_ENABLED=1" : "CGO_ENABLED=0",
                   NULL};
    char *build[] = {(char *)th_env("GO"), "-C", tmp, "build", "-o", prog, ".", NULL, NULL};
    if (race) {
        build[4] = "-race";
        build[5] = "-o";
        build[6] = prog;
        build[7] = ".";
    }
    struct th_result b = th_run(build, NULL, 600, env);
    if (b.status != 0 || b.timed_out)
        fail_msg("go build %s failed (exit %d):\n%s%s", rel, b.status, b.out, b.err);
    th_result_free(&b);

    char *run[] = {prog, NULL};
    struct th_result r = th_run(run, NULL, 60, env);
    assert_false(r.timed_out);
    int status = bank_expect_status(want);
    /* Go's timers and syscall hand-off follow a loaded machine's wall
     * clock: a timing-dependent program may print otherwise once. It gets
     * two more runs; a real difference shows in all three. */
    for (int retry = 0;
         retry < 2 && (r.status != status || (want->out && strcmp(r.out, want->out) != 0));
         retry++) {
        th_result_free(&r);
        r = th_run(run, NULL, 60, env);
        assert_false(r.timed_out);
    }
    bool ok = true;
    if (r.status != status) {
        printf("%s: exit status %d; the bank declares %d\n", rel, r.status, status);
        ok = false;
    }
    if (want->out && strcmp(r.out, want->out) != 0) {
        printf("%s: stdout differs from the declaration\n", rel);
        quoted("  got: ", r.out);
        quoted("  want:", want->out);
        ok = false;
    }
    char *first = NULL;
    if (want->outcome == BANK_PANIC)
        first = xasprintf("panic: %s\n", want->panic);
    else if (want->outcome == BANK_DEADLOCK)
        first = xasprintf("fatal error: all goroutines are asleep - deadlock!\n");
    else if (want->outcome == BANK_RACE)
        first = xasprintf("==================\nWARNING: DATA RACE\n");
    if (race && want->outcome != BANK_RACE && strstr(r.err, "WARNING: DATA RACE")) {
        printf("%s: Go's race detector reports a race in this fix\n", rel);
        ok = false;
    }
    if (first && strncmp(r.err, first, strlen(first)) != 0) {
        printf("%s: stderr does not start with the declared line\n", rel);
        quoted("  want:", first);
        ok = false;
    }
    if (!ok)
        printf("stderr of the run:\n%s", r.err);
    assert_true(ok);

    free(first);
    th_result_free(&r);
    free(gocache);
    free(gopath);
    free(src);
    free(src_path);
    free(prog);
    free(main_go);
    free(mod);
    th_rmtree(tmp);
    free(tmp);
}

/* prepare finds the declaration; returns SKIP, 1 (failure) or 0 (run). */
static int prepare(void)
{
    size_t n = strlen(rel);
    fixed = n > 9 && strcmp(rel + n - 9, ".fixed.go") == 0;
    size_t cut = fixed ? 9 : 3;
    if (n <= cut || n - cut >= sizeof id || strcmp(rel + n - 3, ".go") != 0) {
        fprintf(stderr, "%s: not an exercise program name\n", rel);
        return 1;
    }
    memcpy(id, rel, n - cut);
    id[n - cut] = '\0';

    const char *go = getenv("GO");
    if (!go || access(go, X_OK) != 0) {
        printf("SKIP %s: no Go toolchain at %s\n", rel, go ? go : "(GO unset)");
        return SKIP;
    }
    bank = bank_new();
    bank_add_dir(bank, th_env("QUESTIONS"), false, false);
    bank_finish(bank);
    ex = bank_exercise_find(bank, id);
    if (!ex) {
        printf("%s: the bank declares no sound exercise \"%s\"; its problems:\n", rel, id);
        for (size_t i = 0; i < bank_diag_count(bank); i++) {
            const struct bank_diag *d = bank_diag_at(bank, i);
            if (strstr(d->message, id) || strstr(d->file, id))
                printf("  %s:%d:%d: %s\n", d->file, d->line, d->col, d->message);
        }
        return 1;
    }
    if (fixed && !ex->fix) {
        printf("%s: exercise \"%s\" declares no fix\n", rel, id);
        return 1;
    }
    want = fixed ? &ex->fix->expect : &ex->expect;
    race = want->outcome == BANK_RACE || (fixed && ex->expect.outcome == BANK_RACE);
    if (want->schedule_dependent) {
        printf("SKIP %s: schedule-dependent (one run under Go proves nothing)\n", rel);
        return SKIP;
    }
    char *path = xasprintf("%s/%s", th_env("EXERCISES"), rel);
    char *src = th_read_file(path, NULL);
    free(path);
    if (!src) {
        printf("%s: cannot read it\n", rel);
        return 1;
    }
    bool xmod = strstr(src, "\"golang.org/x/") != NULL;
    xsync = strstr(src, "\"golang.org/x/sync/") != NULL;
    free(src);
    if (xmod && !xsync) {
        printf("SKIP %s: imports a golang.org/x module other than x/sync\n", rel);
        return SKIP;
    }
    const char *xs = getenv("GOXSYNC");
    if (xsync && (!xs || access(xs, R_OK) != 0)) {
        printf("SKIP %s: golang.org/x/sync is not installed at %s (Debian: "
               "golang-golang-x-sync-dev)\n",
               rel, xs ? xs : "(GOXSYNC unset)");
        return SKIP;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s TOPIC/SLUG.go\n", argv[0]);
        return 2;
    }
    rel = argv[1];
    int pre = prepare();
    if (pre != 0) {
        bank_free(bank);
        return pre;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_under_go),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    bank_free(bank);
    return rc;
}
