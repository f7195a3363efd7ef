/* test_badstate.c: every bad state of the progress file ends in a clear
 * message and leaves the file byte-for-byte as it was: a corrupt database,
 * a file that is not a database (or not chanlab's), a schema newer than
 * this build, an unwritable location (read-only, said so), and a database
 * another process is writing. */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "harness.h"
#include "store_impl.h"

#define T0 INT64_C(1772409600000)

struct fixture {
    char *dir;
    char path[512];
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    f->dir = th_tmpdir();
    snprintf(f->path, sizeof f->path, "%s/progress.db", f->dir);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    th_rmtree(f->dir);
    free(f->dir);
    free(f);
    return 0;
}

/* A good database with two reviews, closed (so checkpointed). */
static void make_db(const char *path)
{
    struct store *st;
    char err[512];
    if (store_open(path, NULL, &st, err, sizeof err) != STORE_OK)
        fail_msg("%s", err);
    struct store_review r = {"channels.nil", T0, SRS_GOOD, 0, STORE_STUDY};
    assert_int_equal(store_record_review(st, &r, NULL), STORE_OK);
    r.question = "sync.mutex";
    assert_int_equal(store_record_review(st, &r, NULL), STORE_OK);
    store_close(st);
}

struct bytes {
    char *p;
    size_t n;
};

static struct bytes snapshot(const char *path)
{
    struct bytes b;
    b.p = th_read_file(path, &b.n);
    assert_non_null(b.p);
    return b;
}

static void assert_unchanged(const char *path, struct bytes before)
{
    struct bytes now = snapshot(path);
    if (now.n != before.n || memcmp(now.p, before.p, now.n) != 0)
        fail_msg("%s changed (%zu bytes before, %zu after)", path, before.n, now.n);
    free(now.p);
    free(before.p);
}

/* Opens path expecting failure code with message want (PATH is replaced by
 * the path). */
static void expect_open_fails(const char *path, enum store_status code, const char *want_fmt)
{
    struct store *st = (struct store *)1;
    char err[1024], want[1024];
    enum store_status s = store_open(path, NULL, &st, err, sizeof err);
    snprintf(want, sizeof want, want_fmt, path);
    if (s != code)
        fail_msg("status %d, want %d: %s", s, code, err);
    assert_null(st);
    assert_string_equal(err, want);
}

static void overwrite(const char *path, long off, size_t n, int byte)
{
    int fd = open(path, O_WRONLY);
    assert_true(fd >= 0);
    char *junk = malloc(n);
    memset(junk, byte, n);
    assert_int_equal(pwrite(fd, junk, n, off), (ssize_t)n);
    close(fd);
    free(junk);
}

static long root_page(const char *path, const char *table)
{
    sqlite3 *db;
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(
        sqlite3_prepare_v2(db, "SELECT rootpage FROM sqlite_master WHERE name = ?1", -1, &s, NULL),
        SQLITE_OK);
    sqlite3_bind_text(s, 1, table, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    long page = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return page;
}

/* The schema page damaged. */
static void test_corrupt_schema(void **state)
{
    struct fixture *f = *state;
    make_db(f->path);
    overwrite(f->path, 100, 200, 0xa5);
    struct bytes before = snapshot(f->path);
    expect_open_fails(f->path, STORE_CORRUPT,
                      "%s: the progress database is corrupt (database disk image is malformed); "
                      "it was left as it is. Restore a backup or move it away to start afresh");
    assert_unchanged(f->path, before);
}

/* A table's root page damaged: found at open, not at the first review. */
static void test_corrupt_table(void **state)
{
    struct fixture *f = *state;
    make_db(f->path);
    long page = root_page(f->path, "cards");
    overwrite(f->path, (page - 1) * 4096, 4096, 0x5a);
    struct bytes before = snapshot(f->path);
    expect_open_fails(f->path, STORE_CORRUPT,
                      "%s: the progress database is corrupt (database disk image is malformed); "
                      "it was left as it is. Restore a backup or move it away to start afresh");
    assert_unchanged(f->path, before);
}

static void test_not_a_database(void **state)
{
    struct fixture *f = *state;
    th_write_file(f->path, "these are my notes, not a database\n");
    struct bytes before = snapshot(f->path);
    expect_open_fails(f->path, STORE_NOTDB,
                      "%s: not a chanlab progress database (not an SQLite file); it was left as "
                      "it is");
    assert_unchanged(f->path, before);
    /* A file shorter than SQLite's magic. */
    th_write_file(f->path, "SQL");
    before = snapshot(f->path);
    expect_open_fails(f->path, STORE_NOTDB,
                      "%s: not a chanlab progress database (not an SQLite file); it was left as "
                      "it is");
    assert_unchanged(f->path, before);
}

/* Another program's SQLite database is not ours to migrate. */
static void test_foreign_sqlite(void **state)
{
    struct fixture *f = *state;
    sqlite3 *db;
    assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db,
                                  "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT);"
                                  "INSERT INTO photos (name) VALUES ('cat.jpg')",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);
    struct bytes before = snapshot(f->path);
    expect_open_fails(f->path, STORE_NOTDB,
                      "%s: an SQLite database, but not chanlab's progress (application id 0); it "
                      "was left as it is");
    assert_unchanged(f->path, before);
}

static void test_newer_schema(void **state)
{
    struct fixture *f = *state;
    make_db(f->path);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 9", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    struct bytes before = snapshot(f->path);
    expect_open_fails(f->path, STORE_NEWER,
                      "%s: written by a newer chanlab (schema 9; this build knows schema 3); it "
                      "was left as it is. Upgrade chanlab");
    assert_unchanged(f->path, before);
}

/* The read-only checks run in a child without the right to write: as
 * root, the child becomes nobody (root may write anything); otherwise the
 * file and its directory lose their write bits. Returns the child's exit
 * status: 0 when every check passed (messages on stderr). */
static int readonly_child(const char *dir, const char *path, const char *missing)
{
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid > 0) {
        int status;
        waitpid(pid, &status, 0);
        return WIFEXITED(status) ? WEXITSTATUS(status) : 100;
    }
    if (geteuid() == 0) {
        if (setgid(65534) != 0 || setuid(65534) != 0)
            _exit(90);
    } else {
        chmod(path, 0444);
        chmod(dir, 0555);
    }
    struct store *st;
    char err[1024], want[1024];
    if (store_open(path, NULL, &st, err, sizeof err) != STORE_OK) {
        fprintf(stderr, "open: %s\n", err);
        _exit(1);
    }
    snprintf(want, sizeof want,
             "%s: the file or its directory is not writable; running read-only, progress will "
             "not be saved this time",
             path);
    if (!store_readonly(st) || !store_notice(st) || strcmp(store_notice(st), want) != 0) {
        fprintf(stderr, "notice: %s\n", store_notice(st) ? store_notice(st) : "(none)");
        _exit(2);
    }
    struct srs_card c;
    if (store_card(st, "channels.nil", &c) != STORE_OK || c.reps != 1) {
        fprintf(stderr, "cannot read the card\n");
        _exit(3);
    }
    struct store_review r = {"channels.nil", T0 + 1, SRS_GOOD, 0, STORE_STUDY};
    if (store_record_review(st, &r, NULL) != STORE_READONLY ||
        strcmp(store_errmsg(st), want) != 0) {
        fprintf(stderr, "write: %s\n", store_errmsg(st));
        _exit(4);
    }
    store_close(st);
    /* A file that cannot even be created: read-only and empty. */
    if (store_open(missing, NULL, &st, err, sizeof err) != STORE_OK) {
        fprintf(stderr, "open missing: %s\n", err);
        _exit(5);
    }
    snprintf(want, sizeof want,
             "%s: cannot create its directory (Permission denied); running read-only, progress "
             "will not be saved this time",
             missing);
    if (!store_readonly(st) || strcmp(store_notice(st), want) != 0) {
        fprintf(stderr, "notice: %s\n", store_notice(st));
        _exit(6);
    }
    store_close(st);
    _exit(0);
}

static void test_unwritable(void **state)
{
    (void)state;
    char dir[] = "/tmp/chanlab-ro-XXXXXX";
    assert_non_null(mkdtemp(dir));
    chmod(dir, 0755);
    char path[256], missing[256];
    snprintf(path, sizeof path, "%s/progress.db", dir);
    snprintf(missing, sizeof missing, "%s/sub/progress.db", dir);
    make_db(path);
    chmod(path, 0644);
    struct bytes before = snapshot(path);
    int status = readonly_child(dir, path, missing);
    chmod(dir, 0755);
    chmod(path, 0644);
    assert_int_equal(status, 0);
    assert_unchanged(path, before);
    struct stat sb;
    assert_int_not_equal(stat(missing, &sb), 0);
    th_rmtree(dir);
}

/* Another process holds the write lock: the store waits its busy timeout,
 * then says so; nothing is written. */
static void test_busy(void **state)
{
    struct fixture *f = *state;
    make_db(f->path);
    int ready[2], done[2];
    assert_int_equal(pipe(ready), 0);
    assert_int_equal(pipe(done), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        sqlite3 *db;
        char c = 'x';
        if (sqlite3_open(f->path, &db) != SQLITE_OK ||
            sqlite3_exec(db, "BEGIN IMMEDIATE; INSERT INTO settings VALUES ('k', 'v')", NULL, NULL,
                         NULL) != SQLITE_OK)
            _exit(1);
        if (write(ready[1], &c, 1) != 1 || read(done[0], &c, 1) != 1)
            _exit(2);
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        sqlite3_close(db);
        _exit(0);
    }
    char c;
    assert_int_equal(read(ready[0], &c, 1), 1);
    struct store *st;
    char err[1024];
    struct store_options opt = {.busy_timeout_ms = 300};
    assert_int_equal(store_open(f->path, &opt, &st, err, sizeof err), STORE_OK);
    struct store_review r = {"channels.nil", T0 + 1, SRS_GOOD, 0, STORE_STUDY};
    assert_int_equal(store_record_review(st, &r, NULL), STORE_BUSY);
    char want[1024];
    snprintf(want, sizeof want,
             "%s: another chanlab is writing the progress database; gave up after 0.3 s while "
             "starting to save (nothing was changed). Try again",
             f->path);
    assert_string_equal(store_errmsg(st), want);
    assert_int_equal(store_setting_set(st, "a", "b"), STORE_BUSY);
    assert_int_equal(write(done[1], &c, 1), 1);
    int status;
    waitpid(pid, &status, 0);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    struct srs_card card;
    assert_int_equal(store_card(st, "channels.nil", &card), STORE_OK);
    assert_int_equal(card.reps, 1);
    /* Once the other writer is gone, writing works again. */
    assert_int_equal(store_record_review(st, &r, &card), STORE_OK);
    assert_int_equal(card.reps, 2);
    store_close(st);
    close(ready[0]);
    close(ready[1]);
    close(done[0]);
    close(done[1]);
}

/* An old file that another process is writing cannot be upgraded now: the
 * open waits, then says so, and the file stays as it was; later it
 * upgrades. */
static void test_busy_upgrade(void **state)
{
    struct fixture *f = *state;
    sqlite3 *db;
    char msg[256];
    assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(store__migrate_to(db, 2, msg, sizeof msg), SQLITE_OK);
    sqlite3_close(db);
    int ready[2], done[2];
    assert_int_equal(pipe(ready), 0);
    assert_int_equal(pipe(done), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        char c = 'x';
        if (sqlite3_open(f->path, &db) != SQLITE_OK ||
            sqlite3_exec(db, "BEGIN IMMEDIATE; INSERT INTO settings VALUES ('k', 'v')", NULL, NULL,
                         NULL) != SQLITE_OK)
            _exit(1);
        if (write(ready[1], &c, 1) != 1 || read(done[0], &c, 1) != 1)
            _exit(2);
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        sqlite3_close(db);
        _exit(0);
    }
    char c;
    assert_int_equal(read(ready[0], &c, 1), 1);
    struct bytes before = snapshot(f->path);
    struct store *st = (struct store *)1;
    char err[1024], want[1024];
    struct store_options opt = {.busy_timeout_ms = 300};
    assert_int_equal(store_open(f->path, &opt, &st, err, sizeof err), STORE_BUSY);
    assert_null(st);
    snprintf(want, sizeof want,
             "%s: another chanlab is writing the progress database; gave up after 0.3 s while "
             "upgrading the schema (nothing was changed). Try again",
             f->path);
    assert_string_equal(err, want);
    assert_unchanged(f->path, before);
    assert_int_equal(write(done[1], &c, 1), 1);
    int status;
    waitpid(pid, &status, 0);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    assert_int_equal(store_open(f->path, &opt, &st, err, sizeof err), STORE_OK);
    assert_int_equal(store_schema_version(st), STORE_SCHEMA_VERSION);
    store_close(st);
    close(ready[0]);
    close(ready[1]);
    close(done[0]);
    close(done[1]);
}

/* A directory where the file should be. */
static void test_directory(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(mkdir(f->path, 0700), 0);
    expect_open_fails(f->path, STORE_IO, "%s: is a directory");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_corrupt_schema, setup, teardown),
        cmocka_unit_test_setup_teardown(test_corrupt_table, setup, teardown),
        cmocka_unit_test_setup_teardown(test_not_a_database, setup, teardown),
        cmocka_unit_test_setup_teardown(test_foreign_sqlite, setup, teardown),
        cmocka_unit_test_setup_teardown(test_newer_schema, setup, teardown),
        cmocka_unit_test(test_unwritable),
        cmocka_unit_test_setup_teardown(test_busy, setup, teardown),
        cmocka_unit_test_setup_teardown(test_busy_upgrade, setup, teardown),
        cmocka_unit_test_setup_teardown(test_directory, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
