/* test_crash.c: crash safety. A child records reviews in a loop and tells
 * the parent through a pipe after each one returns; the parent kills it with
 * SIGKILL after a random delay, 20 times over the same file. Every review
 * the child acknowledged must be in the database afterwards, and SQLite's
 * integrity check must say ok. The delays come from a seed, printed;
 * STORE_SEED=N replays a run. */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "harness.h"
#include "store.h"

#define T0       INT64_C(1772409600000)
#define KILLS    20
#define RUN_SPAN INT64_C(1000000000)

static uint64_t rng_next(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * UINT64_C(2685821657736338717);
}

/* The child: reviews until killed; each acknowledged by its number. */
static void child(const char *path, int run, int fd)
{
    struct store *st;
    char err[1024];
    if (store_open(path, NULL, &st, err, sizeof err) != STORE_OK) {
        fprintf(stderr, "child open: %s\n", err);
        _exit(1);
    }
    for (uint32_t k = 0;; k++) {
        char q[32];
        snprintf(q, sizeof q, "crash.q%u", k % 7);
        struct store_review r = {q, T0 + run * RUN_SPAN + k, (enum srs_grade)(1 + k % 4), 5,
                                 STORE_REVIEW_MODE};
        if (store_record_review(st, &r, NULL) != STORE_OK) {
            fprintf(stderr, "child record: %s\n", store_errmsg(st));
            _exit(2);
        }
        if (write(fd, &k, sizeof k) != (ssize_t)sizeof k)
            _exit(3);
    }
}

static void sleep_us(long us)
{
    struct timespec ts = {us / 1000000, (us % 1000000) * 1000};
    nanosleep(&ts, NULL);
}

static void test_sigkill(void **state)
{
    (void)state;
    uint64_t seed = 20260301;
    const char *env = getenv("STORE_SEED");
    if (env)
        seed = strtoull(env, NULL, 0);
    printf("crash test: seed %llu (STORE_SEED=%llu replays the kill delays)\n",
           (unsigned long long)seed, (unsigned long long)seed);
    uint64_t rs = seed ? seed : 1;
    char *dir = th_tmpdir();
    char path[512];
    snprintf(path, sizeof path, "%s/progress.db", dir);
    long total_acked = 0;
    for (int run = 0; run < KILLS; run++) {
        int fds[2];
        assert_int_equal(pipe(fds), 0);
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            close(fds[0]);
            child(path, run, fds[1]);
        }
        close(fds[1]);
        /* Wait for the first acknowledgement, so every kill lands in the
         * loop, then a random 0 to 40 ms more. */
        uint32_t k, last = 0;
        long acked = 0;
        if (read(fds[0], &k, sizeof k) == (ssize_t)sizeof k) {
            last = k;
            acked = 1;
        }
        long delay = (long)(rng_next(&rs) % 40000);
        sleep_us(delay);
        kill(pid, SIGKILL);
        int status;
        waitpid(pid, &status, 0);
        assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
        while (read(fds[0], &k, sizeof k) == (ssize_t)sizeof k) {
            last = k;
            acked++;
        }
        close(fds[0]);
        assert_true(acked > 0);
        assert_int_equal(last + 1, acked);
        total_acked += acked;

        /* Every acknowledged review of this run is there. */
        sqlite3 *db;
        sqlite3_stmt *s;
        assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
        assert_int_equal(sqlite3_prepare_v2(db,
                                            "SELECT count(*) FROM reviews WHERE at >= ?1 AND "
                                            "at < ?2",
                                            -1, &s, NULL),
                         SQLITE_OK);
        sqlite3_bind_int64(s, 1, T0 + run * RUN_SPAN);
        sqlite3_bind_int64(s, 2, T0 + run * RUN_SPAN + acked);
        assert_int_equal(sqlite3_step(s), SQLITE_ROW);
        long have = sqlite3_column_int(s, 0);
        sqlite3_finalize(s);
        if (have != acked)
            fail_msg("seed %llu, kill %d after %ld us: %ld acknowledged, %ld in the database",
                     (unsigned long long)seed, run + 1, delay, acked, have);
        assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, NULL), SQLITE_OK);
        assert_int_equal(sqlite3_step(s), SQLITE_ROW);
        assert_string_equal((const char *)sqlite3_column_text(s, 0), "ok");
        sqlite3_finalize(s);
        sqlite3_close(db);
    }
    /* The store opens, and each card has seen exactly its question's
     * reviews: no review was committed without its card, nor the reverse. */
    struct store *st;
    char err[1024];
    assert_int_equal(store_open(path, NULL, &st, err, sizeof err), STORE_OK);
    struct store_cards all;
    assert_int_equal(store_cards_all(st, &all), STORE_OK);
    sqlite3 *db;
    sqlite3_stmt *q;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(
        sqlite3_prepare_v2(db, "SELECT count(*) FROM reviews WHERE question = ?1", -1, &q, NULL),
        SQLITE_OK);
    long sum = 0;
    for (size_t i = 0; i < all.n; i++) {
        sqlite3_bind_text(q, 1, all.rows[i].question, -1, SQLITE_STATIC);
        assert_int_equal(sqlite3_step(q), SQLITE_ROW);
        assert_int_equal(all.rows[i].card.reps, sqlite3_column_int(q, 0));
        sum += sqlite3_column_int(q, 0);
        sqlite3_reset(q);
    }
    sqlite3_finalize(q);
    sqlite3_close(db);
    assert_true(sum >= total_acked);
    store_cards_free(&all);
    store_close(st);
    printf("crash test: %d kills, %ld acknowledged reviews, all present, integrity ok\n", KILLS,
           total_acked);
    th_rmtree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sigkill),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
