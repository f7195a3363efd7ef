/* test_faults.c: I/O fault injection. A shim VFS, registered as SQLite's
 * default, makes the Nth write, sync or truncate fail (and every one after
 * it, like a full disk) while a store records a review, a run, a setting or
 * an import. Whatever N, the call returns a status (never crashes), and
 * once the disk works again the file passes PRAGMA integrity_check, every
 * card has seen exactly its question's reviews (a review is never saved
 * without its card, nor the reverse), and a call that returned STORE_OK
 * really saved its record; the file always opens again. N runs from 0
 * until a call meets no fault. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "harness.h"
#include "store.h"

#define T0 INT64_C(1772409600000)

/* ---- the shim: every method forwards, writes may fail ------------------- */

static sqlite3_vfs *real_vfs;
static int countdown;  /* faults start when it reaches 0; < 0: never */
static bool failing;   /* a fault happened: every later write fails too */
static int faults_hit; /* how many operations were refused */

struct shim_file {
    sqlite3_file base;
    sqlite3_file *real; /* follows this struct in the same allocation */
};

static bool fault(void)
{
    if (failing) {
        faults_hit++;
        return true;
    }
    if (countdown < 0)
        return false;
    if (countdown-- == 0) {
        failing = true;
        faults_hit++;
        return true;
    }
    return false;
}

static sqlite3_file *R(sqlite3_file *f)
{
    return ((struct shim_file *)f)->real;
}

static int s_close(sqlite3_file *f)
{
    return R(f)->pMethods->xClose(R(f));
}
static int s_read(sqlite3_file *f, void *b, int n, sqlite3_int64 o)
{
    return R(f)->pMethods->xRead(R(f), b, n, o);
}
static int s_write(sqlite3_file *f, const void *b, int n, sqlite3_int64 o)
{
    return fault() ? SQLITE_IOERR_WRITE : R(f)->pMethods->xWrite(R(f), b, n, o);
}
static int s_truncate(sqlite3_file *f, sqlite3_int64 size)
{
    return fault() ? SQLITE_IOERR_TRUNCATE : R(f)->pMethods->xTruncate(R(f), size);
}
static int s_sync(sqlite3_file *f, int flags)
{
    return fault() ? SQLITE_IOERR_FSYNC : R(f)->pMethods->xSync(R(f), flags);
}
static int s_size(sqlite3_file *f, sqlite3_int64 *size)
{
    return R(f)->pMethods->xFileSize(R(f), size);
}
static int s_lock(sqlite3_file *f, int l)
{
    return R(f)->pMethods->xLock(R(f), l);
}
static int s_unlock(sqlite3_file *f, int l)
{
    return R(f)->pMethods->xUnlock(R(f), l);
}
static int s_check(sqlite3_file *f, int *out)
{
    return R(f)->pMethods->xCheckReservedLock(R(f), out);
}
static int s_fcntl(sqlite3_file *f, int op, void *arg)
{
    return R(f)->pMethods->xFileControl(R(f), op, arg);
}
static int s_sector(sqlite3_file *f)
{
    return R(f)->pMethods->xSectorSize(R(f));
}
static int s_chars(sqlite3_file *f)
{
    return R(f)->pMethods->xDeviceCharacteristics(R(f));
}
static int s_shmmap(sqlite3_file *f, int pg, int sz, int ext, void volatile **pp)
{
    return R(f)->pMethods->xShmMap(R(f), pg, sz, ext, pp);
}
static int s_shmlock(sqlite3_file *f, int off, int n, int flags)
{
    return R(f)->pMethods->xShmLock(R(f), off, n, flags);
}
static void s_shmbarrier(sqlite3_file *f)
{
    R(f)->pMethods->xShmBarrier(R(f));
}
static int s_shmunmap(sqlite3_file *f, int del)
{
    return R(f)->pMethods->xShmUnmap(R(f), del);
}
static int s_fetch(sqlite3_file *f, sqlite3_int64 o, int n, void **pp)
{
    *pp = NULL; /* no memory-mapped reads: every page goes through xRead */
    (void)f, (void)o, (void)n;
    return SQLITE_OK;
}
static int s_unfetch(sqlite3_file *f, sqlite3_int64 o, void *p)
{
    (void)f, (void)o, (void)p;
    return SQLITE_OK;
}

static const sqlite3_io_methods shim_methods = {
    3,         s_close,      s_read,     s_write, s_truncate, s_sync,  s_size,
    s_lock,    s_unlock,     s_check,    s_fcntl, s_sector,   s_chars, s_shmmap,
    s_shmlock, s_shmbarrier, s_shmunmap, s_fetch, s_unfetch,
};

static int shim_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out)
{
    (void)vfs;
    struct shim_file *sf = (struct shim_file *)f;
    sf->real = (sqlite3_file *)(sf + 1);
    int rc = real_vfs->xOpen(real_vfs, name, sf->real, flags, out);
    f->pMethods = rc == SQLITE_OK ? &shim_methods : NULL;
    return rc;
}
static int shim_delete(sqlite3_vfs *v, const char *name, int sync)
{
    (void)v;
    return real_vfs->xDelete(real_vfs, name, sync);
}
static int shim_access(sqlite3_vfs *v, const char *name, int flags, int *out)
{
    (void)v;
    return real_vfs->xAccess(real_vfs, name, flags, out);
}
static int shim_full(sqlite3_vfs *v, const char *name, int n, char *out)
{
    (void)v;
    return real_vfs->xFullPathname(real_vfs, name, n, out);
}
static int shim_random(sqlite3_vfs *v, int n, char *out)
{
    (void)v;
    return real_vfs->xRandomness(real_vfs, n, out);
}
static int shim_sleep(sqlite3_vfs *v, int us)
{
    (void)v;
    return real_vfs->xSleep(real_vfs, us);
}
static int shim_time(sqlite3_vfs *v, double *out)
{
    (void)v;
    return real_vfs->xCurrentTime(real_vfs, out);
}
static int shim_error(sqlite3_vfs *v, int n, char *out)
{
    (void)v;
    return real_vfs->xGetLastError(real_vfs, n, out);
}
static int shim_time64(sqlite3_vfs *v, sqlite3_int64 *out)
{
    (void)v;
    return real_vfs->xCurrentTimeInt64(real_vfs, out);
}

static sqlite3_vfs shim_vfs;

static void install_shim(void)
{
    real_vfs = sqlite3_vfs_find(NULL);
    assert_non_null(real_vfs);
    memset(&shim_vfs, 0, sizeof shim_vfs);
    shim_vfs.iVersion = 2;
    shim_vfs.szOsFile = (int)sizeof(struct shim_file) + real_vfs->szOsFile;
    shim_vfs.mxPathname = real_vfs->mxPathname;
    shim_vfs.zName = "faulty";
    shim_vfs.xOpen = shim_open;
    shim_vfs.xDelete = shim_delete;
    shim_vfs.xAccess = shim_access;
    shim_vfs.xFullPathname = shim_full;
    shim_vfs.xRandomness = shim_random;
    shim_vfs.xSleep = shim_sleep;
    shim_vfs.xCurrentTime = shim_time;
    shim_vfs.xGetLastError = shim_error;
    shim_vfs.xCurrentTimeInt64 = shim_time64;
    assert_int_equal(sqlite3_vfs_register(&shim_vfs, 1), SQLITE_OK);
}

/* ---- the checks ------------------------------------------------------------ */

/* Integrity, and every card's reps equal to its reviews. */
static void check_consistent(const char *path, int n)
{
    sqlite3 *db;
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    if (strcmp((const char *)sqlite3_column_text(s, 0), "ok") != 0)
        fail_msg("fault at write %d: integrity_check says %s", n, sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT c.question, c.reps, (SELECT count(*) FROM reviews "
                                        "r WHERE r.question = c.question) FROM cards c",
                                        -1, &s, NULL),
                     SQLITE_OK);
    while (sqlite3_step(s) == SQLITE_ROW)
        if (sqlite3_column_int(s, 1) != sqlite3_column_int(s, 2))
            fail_msg("fault at write %d: card %s has %d reps but %d reviews", n,
                     sqlite3_column_text(s, 0), sqlite3_column_int(s, 1), sqlite3_column_int(s, 2));
    sqlite3_finalize(s);
    sqlite3_close(db);
}

static int count(const char *path, const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    int n = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return n;
}

/* The operations under test; each returns its status. */
enum op { OP_REVIEW, OP_RUN, OP_SETTING, OP_IMPORT, OP_NEW_FILE };

static enum store_status do_op(enum op op, struct store *st, const char *import_path)
{
    struct store_review r = {"channels.nil", T0 + 5000, SRS_GOOD, 10, STORE_REVIEW_MODE};
    struct store_run run = {"x/y", T0, 3, 1, "ok", NULL};
    struct store_import_result res;
    switch (op) {
    case OP_REVIEW: return store_record_review(st, &r, NULL);
    case OP_RUN: return store_record_run(st, &run);
    case OP_SETTING: return store_setting_set(st, "desired_retention", "0.85");
    case OP_IMPORT: return store_import_file(st, import_path, NULL, NULL, &res);
    case OP_NEW_FILE:
    default: return STORE_OK;
    }
}

/* The record the op saves is there (1) or not (0). */
static int saved(enum op op, const char *path)
{
    switch (op) {
    case OP_REVIEW: return count(path, "SELECT count(*) FROM reviews WHERE at = 1772409605000");
    case OP_RUN: return count(path, "SELECT count(*) FROM runs");
    case OP_SETTING: return count(path, "SELECT count(*) FROM settings WHERE value = '0.85'");
    case OP_IMPORT: return count(path, "SELECT count(*) FROM reviews") == 4 ? 1 : 0;
    case OP_NEW_FILE:
    default: return count(path, "PRAGMA user_version") == STORE_SCHEMA_VERSION;
    }
}

static void run_faults(enum op op, const char *name)
{
    char *dir = th_tmpdir();
    char path[512], import_path[512];
    snprintf(path, sizeof path, "%s/progress.db", dir);
    snprintf(import_path, sizeof import_path, "%s/in.json", dir);
    th_write_file(import_path,
                  "{\"format\": \"chanlab-progress\", \"version\": 1, \"exported_at\": 0,"
                  " \"reviews\": [{\"question\": \"channels.nil\", \"at\": 1772409700000,"
                  " \"grade\": \"again\", \"duration_ms\": 0, \"mode\": \"study\"},"
                  " {\"question\": \"sync.mutex\", \"at\": 1772409800000, \"grade\": \"easy\","
                  " \"duration_ms\": 0, \"mode\": \"quiz\"}, {\"question\": \"sync.mutex\", \"at\":"
                  " 1772409900000, \"grade\": \"good\", \"duration_ms\": 0, \"mode\": \"quiz\"}],"
                  " \"runs\": [], \"fixes\": [], \"quiz_sessions\": [], \"settings\": {}}");
    int n, ok_runs = 0, failed_runs = 0;
    for (n = 0; n < 500; n++) {
        remove(path);
        char side[600];
        snprintf(side, sizeof side, "%s-wal", path);
        remove(side);
        snprintf(side, sizeof side, "%s-shm", path);
        remove(side);
        struct store *st = NULL;
        char err[1024];
        countdown = -1;
        failing = false;
        faults_hit = 0;
        enum store_status s;
        if (op == OP_NEW_FILE) {
            countdown = n;
            s = store_open(path, NULL, &st, err, sizeof err);
        } else {
            assert_int_equal(store_open(path, NULL, &st, err, sizeof err), STORE_OK);
            struct store_review r = {"channels.nil", T0, SRS_GOOD, 10, STORE_STUDY};
            assert_int_equal(store_record_review(st, &r, NULL), STORE_OK);
            countdown = n;
            s = do_op(op, st, import_path);
        }
        bool hit = faults_hit > 0;
        if (!hit && s != STORE_OK)
            fail_msg("%s: no fault, yet status %d: %s", name, s, st ? store_errmsg(st) : err);
        const char *msg = s == STORE_OK ? "" : st ? store_errmsg(st) : err;
        if (s != STORE_OK && strncmp(msg, path, strlen(path)) != 0)
            fail_msg("%s: fault at write %d: status %d, message not naming the file: %s", name, n,
                     s, msg);
        if (n == 0)
            printf("%s: the first fault says: %s\n", name, msg);
        /* The disk works again. */
        countdown = -1;
        failing = false;
        store_close(st);
        /* The file opens again (a failed creation left nothing in the way),
         * then holds together. */
        struct store *again;
        if (store_open(path, NULL, &again, err, sizeof err) != STORE_OK)
            fail_msg("%s: fault at write %d: reopening: %s", name, n, err);
        store_close(again);
        check_consistent(path, n);
        if (s == STORE_OK) {
            ok_runs++;
            if (!saved(op, path))
                fail_msg("%s: fault at write %d: STORE_OK but the record is not there", name, n);
        } else {
            failed_runs++;
        }
        if (!hit)
            break;
    }
    printf("%s: faults at writes 0..%d: %d calls failed cleanly, %d succeeded\n", name, n - 1,
           failed_runs, ok_runs - 1);
    assert_true(failed_runs > 0);
    assert_true(n < 500);
    th_rmtree(dir);
    free(dir);
}

static void test_review(void **state)
{
    (void)state;
    run_faults(OP_REVIEW, "record a review");
}

static void test_run(void **state)
{
    (void)state;
    run_faults(OP_RUN, "record a run");
}

static void test_setting(void **state)
{
    (void)state;
    run_faults(OP_SETTING, "save a setting");
}

static void test_import(void **state)
{
    (void)state;
    run_faults(OP_IMPORT, "import");
}

static void test_new_file(void **state)
{
    (void)state;
    run_faults(OP_NEW_FILE, "create the database");
}

int main(void)
{
    install_shim();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_review),   cmocka_unit_test(test_run),
        cmocka_unit_test(test_setting),  cmocka_unit_test(test_import),
        cmocka_unit_test(test_new_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
