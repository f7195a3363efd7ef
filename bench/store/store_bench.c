/* store_bench.c: the store's two costs a user feels. (1) Opening the
 * database, checking its schema (no migration due) and reading the due
 * queue, with 100,000 reviews over 500 questions: the app does this at
 * start (target under 20 ms). (2) Recording one review, committed with
 * fsync in WAL mode: the app does this on every grade (target under 2 ms).
 * Each figure is the median of repeated runs. For scale it also prints the
 * disk's own fsync latency in the same directory, and the review cost with
 * SQLite's syncs turned off. Prints `name value unit`. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "store_impl.h"
#include <fcntl.h>
#include <unistd.h>

#define NREVIEWS   100000
#define NQUESTIONS 500
#define T0         INT64_C(1772409600000)
#define DAY        SRS_DAY_MS

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void die(const char *what, const char *msg)
{
    fprintf(stderr, "store-bench: %s: %s\n", what, msg);
    exit(1);
}

/* 200 reviews for each of 500 questions, a review every few days, each
 * question's card the replay of its history: written in one transaction
 * straight into the store's schema. */
static void populate(const char *path)
{
    struct store *st;
    char err[1024];
    if (store_open(path, NULL, &st, err, sizeof err) != STORE_OK)
        die("open", err);
    store_close(st);
    sqlite3 *db;
    if (sqlite3_open(path, &db) != SQLITE_OK)
        die("open", sqlite3_errmsg(db));
    sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
    sqlite3_stmt *rev, *card;
    sqlite3_prepare_v2(db,
                       "INSERT INTO reviews (question, at, grade, duration_ms, mode, phase) "
                       "VALUES (?1, ?2, ?3, 4000, 'review', ?4)",
                       -1, &rev, NULL);
    sqlite3_prepare_v2(db, "INSERT INTO cards VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", -1,
                       &card, NULL);
    struct srs_params p;
    srs_params_default(&p);
    uint64_t rng = 88172645463325252u;
    for (int q = 0; q < NQUESTIONS; q++) {
        char id[32];
        snprintf(id, sizeof id, "topic%d.question-%d", q % 9, q);
        struct srs_card c = srs_card_new();
        int64_t at = T0 - 400 * DAY + (int64_t)q * 60000;
        for (int i = 0; i < NREVIEWS / NQUESTIONS; i++) {
            rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
            int g = rng % 10 == 0 ? SRS_AGAIN : rng % 10 == 1 ? SRS_HARD : SRS_GOOD;
            sqlite3_bind_text(rev, 1, id, -1, SQLITE_STATIC);
            sqlite3_bind_int64(rev, 2, at);
            sqlite3_bind_int(rev, 3, g);
            sqlite3_bind_int(rev, 4, (int)c.phase);
            sqlite3_step(rev);
            sqlite3_reset(rev);
            c = srs_review(&p, &c, (enum srs_grade)g, at);
            at += 2 * DAY * (int64_t)(1 + rng % 3) / 3 + 1;
        }
        sqlite3_bind_text(card, 1, id, -1, SQLITE_STATIC);
        sqlite3_bind_int(card, 2, (int)c.phase);
        sqlite3_bind_int(card, 3, c.step);
        sqlite3_bind_double(card, 4, c.stability);
        sqlite3_bind_double(card, 5, c.difficulty);
        sqlite3_bind_int64(card, 6, c.due);
        sqlite3_bind_int64(card, 7, c.last_review);
        sqlite3_bind_int64(card, 8, c.interval_ms);
        sqlite3_bind_int(card, 9, c.reps);
        sqlite3_bind_int(card, 10, c.lapses);
        sqlite3_step(card);
        sqlite3_reset(card);
    }
    sqlite3_finalize(rev);
    sqlite3_finalize(card);
    if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        die("populate", sqlite3_errmsg(db));
    sqlite3_close(db);
}

/* Groups like `chanlab stats`: all, one of 3 tiers, one of 9 topics. */
static uint32_t classify(const char *question, void *ctx)
{
    (void)ctx;
    int topic = question[5] - '0', n = atoi(strchr(question, '-') + 1);
    return 1u | (1u << (1 + n % 3)) | (1u << (4 + topic));
}

int main(int argc, char **argv)
{
    char dir[256];
    if (argc > 1) {
        snprintf(dir, sizeof dir, "%s", argv[1]);
    } else {
        snprintf(dir, sizeof dir, "/var/tmp/chanlab-bench-XXXXXX");
        if (!mkdtemp(dir))
            die("mkdtemp", dir);
    }
    char path[512];
    snprintf(path, sizeof path, "%s/bench.db", dir);
    remove(path);
    populate(path);

    /* (1) open + schema check + due queue, cold handle each time. */
    enum { OPENS = 30, RECORDS = 200 };
    double t[RECORDS];
    size_t due_n = 0;
    char err[1024];
    for (int i = 0; i < OPENS; i++) {
        double t0 = now_ms();
        struct store *st;
        if (store_open(path, NULL, &st, err, sizeof err) != STORE_OK)
            die("open", err);
        struct store_cards due;
        if (store_due(st, T0, 0, &due) != STORE_OK)
            die("due", store_errmsg(st));
        due_n = due.n;
        store_cards_free(&due);
        store_close(st);
        t[i] = now_ms() - t0;
    }
    printf("store_open_due_100k %.3f ms\n", median(t, OPENS));
    printf("store_due_queue_len %zu questions\n", due_n);

    /* Statistics for 13 groups (all, tiers, topics) over the same file. */
    for (int i = 0; i < OPENS; i++) {
        struct store *st;
        if (store_open(path, NULL, &st, err, sizeof err) != STORE_OK)
            die("open", err);
        struct store_stats s[13];
        double t0 = now_ms();
        if (store_stats(st, T0, 0, 13, classify, NULL, s) != STORE_OK)
            die("stats", store_errmsg(st));
        t[i] = now_ms() - t0;
        store_close(st);
    }
    printf("store_stats_100k %.3f ms\n", median(t, OPENS));

    /* (2) one review, one transaction, fsync'd. */
    struct store *st;
    if (store_open(path, NULL, &st, err, sizeof err) != STORE_OK)
        die("open", err);
    for (int i = 0; i < RECORDS; i++) {
        char id[32];
        snprintf(id, sizeof id, "topic%d.question-%d", i % 9, i % NQUESTIONS);
        struct store_review r = {id, T0 + i, SRS_GOOD, 3000, STORE_REVIEW_MODE};
        double t0 = now_ms();
        if (store_record_review(st, &r, NULL) != STORE_OK)
            die("record", store_errmsg(st));
        t[i] = now_ms() - t0;
    }
    printf("store_record_review %.3f ms\n", median(t, RECORDS));
    sqlite3_exec(st->db, "PRAGMA synchronous = OFF", NULL, NULL, NULL);
    for (int i = 0; i < RECORDS; i++) {
        struct store_review r = {"topic0.question-0", T0 + DAY + i, SRS_GOOD, 3000,
                                 STORE_REVIEW_MODE};
        double t0 = now_ms();
        if (store_record_review(st, &r, NULL) != STORE_OK)
            die("record", store_errmsg(st));
        t[i] = now_ms() - t0;
    }
    printf("store_record_review_nosync %.3f ms\n", median(t, RECORDS));
    store_close(st);

    /* The disk's fsync of a 4 KiB write, the floor of a durable commit. */
    char probe[600];
    snprintf(probe, sizeof probe, "%s/fsync.probe", dir);
    int fd = open(probe, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        die("open", probe);
    char page[4096];
    memset(page, 'x', sizeof page);
    for (int i = 0; i < RECORDS; i++) {
        if (write(fd, page, sizeof page) != (ssize_t)sizeof page)
            die("write", probe);
        double t0 = now_ms();
        fsync(fd);
        t[i] = now_ms() - t0;
    }
    close(fd);
    remove(probe);
    printf("disk_fsync_4k %.3f ms\n", median(t, RECORDS));
    if (argc <= 1) {
        char side[600];
        snprintf(side, sizeof side, "%s-wal", path);
        remove(side);
        snprintf(side, sizeof side, "%s-shm", path);
        remove(side);
        remove(path);
        remove(dir);
    }
    return 0;
}
