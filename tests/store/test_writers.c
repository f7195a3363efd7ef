/* test_writers.c: two processes record reviews into one file at the same
 * time, some on the same question. No call fails (each waits out the
 * other's write lock), nothing is lost, and the shared question's card has
 * seen every review of both. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"
#include "store.h"

#define T0 INT64_C(1772409600000)
#define N  300

static void writer(const char *path, int who, int go)
{
    char c;
    if (read(go, &c, 1) != 1)
        _exit(9);
    struct store *st;
    char err[1024];
    if (store_open(path, NULL, &st, err, sizeof err) != STORE_OK) {
        fprintf(stderr, "writer %d open: %s\n", who, err);
        _exit(1);
    }
    for (int i = 0; i < N; i++) {
        char own[32];
        snprintf(own, sizeof own, "w%d.q%d", who, i % 5);
        struct store_review r = {i % 2 ? own : "shared.q", T0 + 2 * i + who, SRS_GOOD, 1,
                                 STORE_STUDY};
        if (store_record_review(st, &r, NULL) != STORE_OK) {
            fprintf(stderr, "writer %d review %d: %s\n", who, i, store_errmsg(st));
            _exit(2);
        }
        struct store_run run = {"x/y", T0 + 2 * i + who, (uint64_t)i, 1, "ok", NULL};
        if (i % 10 == 0 && store_record_run(st, &run) != STORE_OK) {
            fprintf(stderr, "writer %d run %d: %s\n", who, i, store_errmsg(st));
            _exit(3);
        }
    }
    store_close(st);
    _exit(0);
}

static void test_two_writers(void **state)
{
    (void)state;
    char *dir = th_tmpdir();
    char path[512];
    snprintf(path, sizeof path, "%s/progress.db", dir);
    struct store *st;
    char err[1024];
    assert_int_equal(store_open(path, NULL, &st, err, sizeof err), STORE_OK);
    store_close(st);
    int go[2];
    assert_int_equal(pipe(go), 0);
    pid_t pids[2];
    for (int w = 0; w < 2; w++) {
        pids[w] = fork();
        assert_true(pids[w] >= 0);
        if (pids[w] == 0)
            writer(path, w, go[0]);
    }
    assert_int_equal(write(go[1], "gg", 2), 2);
    for (int w = 0; w < 2; w++) {
        int status;
        waitpid(pids[w], &status, 0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            fail_msg("writer %d failed (status %d)", w, status);
    }
    assert_int_equal(store_open(path, NULL, &st, err, sizeof err), STORE_OK);
    struct store_stats s;
    assert_int_equal(store_stats(st, T0, 0, 1, NULL, NULL, &s), STORE_OK);
    assert_int_equal(s.reviews, 2 * N);
    struct srs_card c;
    assert_int_equal(store_card(st, "shared.q", &c), STORE_OK);
    assert_int_equal(c.reps, N);
    struct store_exercise_summary ex;
    assert_int_equal(store_exercise_summary(st, "x/y", &ex), STORE_OK);
    assert_int_equal(ex.runs, 2 * N / 10);
    store_close(st);
    close(go[0]);
    close(go[1]);
    th_rmtree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_two_writers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
