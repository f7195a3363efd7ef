/* store.c: finding, opening, checking and migrating the progress database;
 * the statement cache, transactions, errors and settings every other store
 * file uses. The records themselves are in store_progress.c, export and
 * import in store_json.c. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store_impl.h"

/* ---- small helpers -------------------------------------------------------- */

static char *xstrdup(const char *s)
{
    char *p = strdup(s);
    if (!p)
        abort();
    return p;
}

static char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *xasprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = malloc((size_t)n + 1);
    if (!p)
        abort();
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

enum store_status store__fail(struct store *st, enum store_status code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(st->errmsg, sizeof st->errmsg, fmt, ap);
    va_end(ap);
    return code;
}

static enum store_status status_of(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_OK:
    case SQLITE_DONE:
    case SQLITE_ROW: return STORE_OK;
    case SQLITE_CORRUPT: return STORE_CORRUPT;
    case SQLITE_NOTADB: return STORE_NOTDB;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return STORE_BUSY;
    case SQLITE_READONLY: return STORE_READONLY;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_PERM: return STORE_IO;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE: return STORE_INVALID;
    default: return STORE_FAILED;
    }
}

/* The sentence for a failure: the bad states get their own words. */
static void describe(char *buf, size_t size, const char *path, int rc, const char *sqlmsg,
                     const char *doing, int busy_ms)
{
    switch (status_of(rc)) {
    case STORE_CORRUPT:
        snprintf(buf, size,
                 "%s: the progress database is corrupt (%s); it was left as it is. Restore a "
                 "backup or move it away to start afresh",
                 path, sqlmsg);
        break;
    case STORE_NOTDB:
        snprintf(buf, size, "%s: not a chanlab progress database (not an SQLite file)", path);
        break;
    case STORE_BUSY:
        snprintf(buf, size,
                 "%s: another chanlab is writing the progress database; gave up after %.1f s "
                 "while %s (nothing was changed). Try again",
                 path, busy_ms / 1000.0, doing);
        break;
    default: snprintf(buf, size, "%s: %s: %s", path, doing, sqlmsg); break;
    }
}

enum store_status store__sqlfail(struct store *st, int rc, const char *doing)
{
    describe(st->errmsg, sizeof st->errmsg, st->path, rc,
             st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc), doing, st->busy_ms);
    return status_of(rc);
}

sqlite3_stmt *store__stmt(struct store *st, enum store_sql_id id)
{
    static const char *const text[SQL_COUNT] = {
#define STORE_SQL_TEXT(name, sql) sql,
        STORE_SQL(STORE_SQL_TEXT)
#undef STORE_SQL_TEXT
    };
    if (!st->stmts[id]) {
        int rc = sqlite3_prepare_v3(st->db, text[id], -1, SQLITE_PREPARE_PERSISTENT, &st->stmts[id],
                                    NULL);
        if (rc != SQLITE_OK) {
            store__sqlfail(st, rc, "preparing a query");
            return NULL;
        }
    }
    sqlite3_reset(st->stmts[id]);
    sqlite3_clear_bindings(st->stmts[id]);
    return st->stmts[id];
}

static int exec_stmt(struct store *st, enum store_sql_id id)
{
    sqlite3_stmt *s = store__stmt(st, id);
    if (!s)
        return SQLITE_ERROR;
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

enum store_status store__writable(struct store *st)
{
    if (st->readonly)
        return store__fail(st, STORE_READONLY, "%s", st->notice);
    return STORE_OK;
}

enum store_status store__begin(struct store *st)
{
    enum store_status s = store__writable(st);
    if (s != STORE_OK)
        return s;
    int rc = exec_stmt(st, SQL_BEGIN);
    if (rc != SQLITE_OK)
        return store__sqlfail(st, rc, "starting to save");
    return STORE_OK;
}

enum store_status store__commit(struct store *st)
{
    int rc = exec_stmt(st, SQL_COMMIT);
    if (rc != SQLITE_OK) {
        enum store_status s = store__sqlfail(st, rc, "saving");
        if (!sqlite3_get_autocommit(st->db))
            exec_stmt(st, SQL_ROLLBACK);
        return s;
    }
    return STORE_OK;
}

enum store_status store__rollback(struct store *st, enum store_status code)
{
    if (!sqlite3_get_autocommit(st->db))
        exec_stmt(st, SQL_ROLLBACK);
    return code;
}

/* The busy handler: another connection holds the write lock. SQLite's own
 * handler backs off to 100 ms between tries, so a process that writes in a
 * tight loop (each commit holds the lock through its fsync, the gaps are
 * microseconds) can starve it; polling every half millisecond finds the
 * gaps. Gives up after busy_ms of sleeping. */
static int wait_for_writer(void *ctx, int tries)
{
    const struct store *st = ctx;
    if ((int64_t)tries * 500 >= (int64_t)st->busy_ms * 1000)
        return 0;
    struct timespec ts = {0, 500000};
    nanosleep(&ts, NULL);
    return 1;
}

/* ---- location --------------------------------------------------------------- */

char *store_default_path(const char *flag, char *err, size_t errsize)
{
    if (flag && *flag)
        return xstrdup(flag);
    const char *env = getenv("CHANLAB_DB");
    if (env && *env)
        return xstrdup(env);
    env = getenv("XDG_DATA_HOME");
    if (env && *env == '/')
        return xasprintf("%s/chanlab/progress.db", env);
    env = getenv("HOME");
    if (env && *env)
        return xasprintf("%s/.local/share/chanlab/progress.db", env);
    snprintf(err, errsize,
             "no place for the progress database: HOME is not set (use --db PATH or CHANLAB_DB)");
    return NULL;
}

/* mkdir -p of path's directory; new directories get mode 0700. Returns 0 or
 * an errno. */
static int make_parent_dirs(const char *path)
{
    char *dir = xstrdup(path);
    char *slash = strrchr(dir, '/');
    if (!slash || slash == dir) {
        free(dir);
        return 0;
    }
    *slash = '\0';
    int err = 0;
    for (char *p = dir + 1;; p++) {
        if (*p == '/' || *p == '\0') {
            char c = *p;
            *p = '\0';
            if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
                err = errno;
                break;
            }
            *p = c;
            if (c == '\0')
                break;
        }
    }
    if (!err) {
        struct stat sb;
        if (stat(dir, &sb) != 0)
            err = errno;
        else if (!S_ISDIR(sb.st_mode))
            err = ENOTDIR;
    }
    free(dir);
    return err;
}

static bool dir_writable(const char *path)
{
    char *dir = xstrdup(path);
    char *slash = strrchr(dir, '/');
    bool ok;
    if (!slash)
        ok = access(".", W_OK | X_OK) == 0;
    else if (slash == dir)
        ok = access("/", W_OK | X_OK) == 0;
    else {
        *slash = '\0';
        ok = access(dir, W_OK | X_OK) == 0;
    }
    free(dir);
    return ok;
}

/* ---- migrations ------------------------------------------------------------- */

/* Version 1: reviews, cards, settings. */
static const char schema_v1[] =
    "CREATE TABLE reviews (id INTEGER PRIMARY KEY, question TEXT NOT NULL, at INTEGER NOT NULL,"
    " grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 4),"
    " mode TEXT NOT NULL CHECK (mode IN ('study', 'review', 'quiz')));"
    "CREATE INDEX reviews_question_at ON reviews (question, at);"
    "CREATE INDEX reviews_at ON reviews (at);"
    "CREATE TABLE cards (question TEXT PRIMARY KEY, phase INTEGER NOT NULL,"
    " step INTEGER NOT NULL, stability REAL NOT NULL, difficulty REAL NOT NULL,"
    " due INTEGER NOT NULL, last_review INTEGER NOT NULL, interval_ms INTEGER NOT NULL,"
    " reps INTEGER NOT NULL, lapses INTEGER NOT NULL);"
    "CREATE INDEX cards_due ON cards (due);"
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);";

/* Version 2: time taken per review; exercise runs and fix attempts. */
static const char schema_v2[] =
    "ALTER TABLE reviews ADD COLUMN duration_ms INTEGER NOT NULL DEFAULT 0;"
    "CREATE TABLE runs (id INTEGER PRIMARY KEY, exercise TEXT NOT NULL, at INTEGER NOT NULL,"
    " seed INTEGER NOT NULL, procs INTEGER NOT NULL, outcome TEXT NOT NULL, findings TEXT);"
    "CREATE INDEX runs_exercise ON runs (exercise, at);"
    "CREATE TABLE fixes (id INTEGER PRIMARY KEY, exercise TEXT NOT NULL, at INTEGER NOT NULL,"
    " passed INTEGER NOT NULL, schedules INTEGER NOT NULL, hints INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX fixes_exercise ON fixes (exercise, at);";

/* Version 3: quizzes; each review remembers the card's phase before it
 * (filled for old reviews by replaying them), for the retention figure. */
static const char schema_v3[] =
    "ALTER TABLE reviews ADD COLUMN phase INTEGER;"
    "CREATE TABLE quiz_sessions (id INTEGER PRIMARY KEY, started INTEGER NOT NULL,"
    " finished INTEGER NOT NULL DEFAULT 0, scope TEXT NOT NULL DEFAULT '',"
    " score INTEGER NOT NULL DEFAULT 0, total INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE quiz_answers (session INTEGER NOT NULL REFERENCES quiz_sessions (id)"
    " ON DELETE CASCADE, seq INTEGER NOT NULL, question TEXT NOT NULL, item INTEGER NOT NULL,"
    " choice INTEGER NOT NULL, correct INTEGER NOT NULL, at INTEGER NOT NULL,"
    " PRIMARY KEY (session, seq));";

/* Fills reviews.phase by replaying each question's reviews with the
 * default scheduler (the phase does not depend on the desired retention). */
static int fill_review_phases(sqlite3 *db)
{
    sqlite3_stmt *sel = NULL, *upd = NULL;
    int rc = sqlite3_prepare_v2(db,
                                "SELECT id, question, at, grade FROM reviews "
                                "ORDER BY question, at, id",
                                -1, &sel, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db, "UPDATE reviews SET phase = ?2 WHERE id = ?1", -1, &upd, NULL);
    struct srs_params p;
    srs_params_default(&p);
    struct srs_card c = srs_card_new();
    char last[256] = "";
    while (rc == SQLITE_OK && (rc = sqlite3_step(sel)) == SQLITE_ROW) {
        const char *q = (const char *)sqlite3_column_text(sel, 1);
        if (!q)
            q = "";
        if (strcmp(q, last) != 0) {
            snprintf(last, sizeof last, "%s", q);
            c = srs_card_new();
        }
        int g = sqlite3_column_int(sel, 3);
        sqlite3_bind_int64(upd, 1, sqlite3_column_int64(sel, 0));
        sqlite3_bind_int(upd, 2, (int)c.phase);
        rc = sqlite3_step(upd);
        sqlite3_reset(upd);
        rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        if (g >= SRS_AGAIN && g <= SRS_EASY)
            c = srs_review(&p, &c, (enum srs_grade)g, sqlite3_column_int64(sel, 2));
    }
    if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    sqlite3_finalize(sel);
    sqlite3_finalize(upd);
    return rc;
}

/* The forward migrations: steps[v - 1] takes a database from v - 1 to v. */
static const struct {
    const char *sql;
    int (*after)(sqlite3 *db);
} steps[STORE_SCHEMA_VERSION] = {
    {schema_v1, NULL},
    {schema_v2, NULL},
    {schema_v3, fill_review_phases},
};

static int read_int(sqlite3 *db, const char *sql, int *out)
{
    sqlite3_stmt *s = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(s);
        if (rc == SQLITE_ROW) {
            *out = sqlite3_column_int(s, 0);
            rc = SQLITE_OK;
        } else if (rc == SQLITE_DONE) {
            rc = SQLITE_ERROR;
        }
    }
    sqlite3_finalize(s);
    return rc;
}

int store__migrate_to(sqlite3 *db, int version, char *msg, size_t msgsize)
{
    int from = 0;
    int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        snprintf(msg, msgsize, "%s", sqlite3_errmsg(db));
        return rc;
    }
    rc = read_int(db, "PRAGMA user_version", &from);
    for (int v = from + 1; rc == SQLITE_OK && v <= version; v++) {
        rc = sqlite3_exec(db, steps[v - 1].sql, NULL, NULL, NULL);
        if (rc == SQLITE_OK && steps[v - 1].after)
            rc = steps[v - 1].after(db);
        if (rc != SQLITE_OK)
            snprintf(msg, msgsize, "migrating schema %d to %d: %s", v - 1, v, sqlite3_errmsg(db));
    }
    if (rc == SQLITE_OK) {
        char sql[64];
        snprintf(sql, sizeof sql, "PRAGMA user_version = %d", version);
        rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(db, "PRAGMA application_id = 1128811586", NULL, NULL, NULL);
    }
    if (rc == SQLITE_OK) {
        rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
        if (rc != SQLITE_OK)
            snprintf(msg, msgsize, "committing the migration: %s", sqlite3_errmsg(db));
    }
    if (rc != SQLITE_OK && !sqlite3_get_autocommit(db))
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

/* Copies the open database to dest (through a temporary file and a rename,
 * so a half-written backup never carries the name). */
static int backup_to(sqlite3 *db, const char *dest, char *msg, size_t msgsize)
{
    char *tmp = xasprintf("%s.tmp", dest);
    sqlite3 *out = NULL;
    unlink(tmp);
    int rc = sqlite3_open_v2(tmp, &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_backup *b = sqlite3_backup_init(out, "main", db, "main");
        if (!b) {
            rc = sqlite3_errcode(out);
        } else {
            rc = sqlite3_backup_step(b, -1);
            int frc = sqlite3_backup_finish(b);
            rc = rc == SQLITE_DONE ? frc : rc;
        }
    }
    if (rc != SQLITE_OK)
        snprintf(msg, msgsize, "cannot write the backup %s: %s", dest,
                 out ? sqlite3_errmsg(out) : sqlite3_errstr(rc));
    if (out && sqlite3_close(out) != SQLITE_OK && rc == SQLITE_OK)
        rc = SQLITE_IOERR;
    if (rc == SQLITE_OK && rename(tmp, dest) != 0) {
        snprintf(msg, msgsize, "cannot write the backup %s: %s", dest, strerror(errno));
        rc = SQLITE_IOERR;
    }
    if (rc != SQLITE_OK)
        unlink(tmp);
    free(tmp);
    return rc;
}

/* ---- opening ---------------------------------------------------------------- */

/* The first bytes of every SQLite 3 file. */
static const char sqlite_magic[16] = "SQLite format 3";

/* Reads what tells whether a file is ours and how old: application_id,
 * user_version and the number of schema objects. */
static int probe(sqlite3 *db, int *app, int *version, int *objects)
{
    int rc = read_int(db, "PRAGMA application_id", app);
    if (rc == SQLITE_OK)
        rc = read_int(db, "PRAGMA user_version", version);
    if (rc == SQLITE_OK)
        rc = read_int(db, "SELECT count(*) FROM sqlite_master", objects);
    return rc;
}

/* The tables of the current schema, each touched once so a damaged root
 * page shows at open. */
static int check_tables(sqlite3 *db, char *bad, size_t badsize)
{
    static const char *const tables[] = {"reviews", "cards",         "settings",    "runs",
                                         "fixes",   "quiz_sessions", "quiz_answers"};
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        char sql[96];
        sqlite3_stmt *s = NULL;
        snprintf(sql, sizeof sql, "SELECT * FROM %s LIMIT 1", tables[i]);
        int rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL);
        if (rc == SQLITE_OK) {
            rc = sqlite3_step(s);
            rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
        sqlite3_finalize(s);
        if (rc != SQLITE_OK) {
            snprintf(bad, badsize, "%s", tables[i]);
            return rc;
        }
    }
    return SQLITE_OK;
}

static enum store_status open_fail(struct store *st, enum store_status code, char *err,
                                   size_t errsize)
{
    snprintf(err, errsize, "%s", st->errmsg);
    store_close(st);
    return code;
}

/* Opens a read-only view: the file copied into memory (migrated there if
 * old), or an empty database when there is no file. Writes are refused. */
static enum store_status open_readonly(struct store *st, bool exists, const char *why)
{
    sqlite3 *mem = NULL;
    int rc = sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE, NULL);
    if (rc != SQLITE_OK) {
        sqlite3_close(mem);
        return store__fail(st, STORE_FAILED, "%s: cannot open memory database", st->path);
    }
    st->readonly = true;
    st->notice =
        xasprintf("%s: %s; running read-only, progress will not be saved this time", st->path, why);
    if (exists) {
        sqlite3 *src = NULL;
        rc = sqlite3_open_v2(st->path, &src, SQLITE_OPEN_READONLY, NULL);
        int app = 0, version = 0, objects = 0;
        if (rc == SQLITE_OK)
            rc = probe(src, &app, &version, &objects);
        if (rc == SQLITE_CANTOPEN || rc == SQLITE_READONLY) {
            /* A WAL file whose -shm cannot be created: read it as immutable. */
            sqlite3_close(src);
            char *uri = xasprintf("file:%s?immutable=1", st->path);
            rc = sqlite3_open_v2(uri, &src, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
            free(uri);
            if (rc == SQLITE_OK)
                rc = probe(src, &app, &version, &objects);
        }
        if (rc == SQLITE_OK && app != STORE_APP_ID && (version != 0 || objects != 0))
            rc = SQLITE_NOTADB;
        if (rc == SQLITE_OK && version > STORE_SCHEMA_VERSION) {
            sqlite3_close(src);
            sqlite3_close(mem);
            return store__fail(st, STORE_NEWER,
                               "%s: written by a newer chanlab (schema %d; this build knows "
                               "schema %d); it was left as it is. Upgrade chanlab",
                               st->path, version, STORE_SCHEMA_VERSION);
        }
        if (rc == SQLITE_OK) {
            sqlite3_backup *b = sqlite3_backup_init(mem, "main", src, "main");
            rc = b ? sqlite3_backup_step(b, -1) : sqlite3_errcode(mem);
            rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
            if (b)
                sqlite3_backup_finish(b);
        }
        if (rc != SQLITE_OK) {
            describe(st->errmsg, sizeof st->errmsg, st->path, rc, sqlite3_errmsg(src), "reading",
                     st->busy_ms);
            sqlite3_close(src);
            sqlite3_close(mem);
            return status_of(rc);
        }
        sqlite3_close(src);
    }
    st->db = mem;
    char msg[512] = "";
    int version = 0;
    read_int(mem, "PRAGMA user_version", &version);
    if (version < STORE_SCHEMA_VERSION &&
        (rc = store__migrate_to(mem, STORE_SCHEMA_VERSION, msg, sizeof msg)) != SQLITE_OK)
        return store__fail(st, STORE_MIGRATE, "%s: %s", st->path, msg);
    return STORE_OK;
}

enum store_status store_open(const char *path, const struct store_options *opt, struct store **out,
                             char *err, size_t errsize)
{
    struct store *st = calloc(1, sizeof *st);
    if (!st)
        abort();
    *out = NULL;
    st->path = xstrdup(path);
    st->busy_ms = opt && opt->busy_timeout_ms > 0 ? opt->busy_timeout_ms : STORE_BUSY_TIMEOUT_MS;
    srs_params_default(&st->params);

    struct stat sb;
    bool exists = stat(path, &sb) == 0;
    if (exists && S_ISDIR(sb.st_mode))
        return open_fail(st, store__fail(st, STORE_IO, "%s: is a directory", path), err, errsize);
    if (!exists) {
        int e = make_parent_dirs(path);
        if (e) {
            char why[256];
            snprintf(why, sizeof why, "cannot create its directory (%s)", strerror(e));
            enum store_status s = open_readonly(st, false, why);
            if (s != STORE_OK)
                return open_fail(st, s, err, errsize);
            *out = st;
            return STORE_OK;
        }
    }
    if (exists && sb.st_size > 0) {
        char head[16] = {0};
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return open_fail(st, store__fail(st, STORE_IO, "%s: %s", path, strerror(errno)), err,
                             errsize);
        ssize_t n = read(fd, head, sizeof head);
        close(fd);
        if (n != (ssize_t)sizeof head || memcmp(head, sqlite_magic, sizeof head) != 0)
            return open_fail(st,
                             store__fail(st, STORE_NOTDB,
                                         "%s: not a chanlab progress database (not an SQLite "
                                         "file); it was left as it is",
                                         path),
                             err, errsize);
    }
    bool writable =
        exists ? access(path, R_OK | W_OK) == 0 && dir_writable(path) : dir_writable(path);
    if (!writable) {
        enum store_status s = open_readonly(st, exists,
                                            exists ? "the file or its directory is not writable"
                                                   : "its directory is not writable");
        if (s != STORE_OK)
            return open_fail(st, s, err, errsize);
        *out = st;
        return STORE_OK;
    }

    int rc = sqlite3_open_v2(
        path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) {
        store__sqlfail(st, rc, "opening");
        return open_fail(st, status_of(rc), err, errsize);
    }
    sqlite3_extended_result_codes(st->db, 1);
    sqlite3_busy_handler(st->db, wait_for_writer, st);

    int app = 0, version = 0, objects = 0;
    rc = probe(st->db, &app, &version, &objects);
    if (rc != SQLITE_OK) {
        store__sqlfail(st, rc, "reading the schema");
        return open_fail(st, status_of(rc), err, errsize);
    }
    if (app != STORE_APP_ID && (version != 0 || objects != 0))
        return open_fail(st,
                         store__fail(st, STORE_NOTDB,
                                     "%s: an SQLite database, but not chanlab's progress "
                                     "(application id %d); it was left as it is",
                                     path, app),
                         err, errsize);
    if (version > STORE_SCHEMA_VERSION)
        return open_fail(st,
                         store__fail(st, STORE_NEWER,
                                     "%s: written by a newer chanlab (schema %d; this build "
                                     "knows schema %d); it was left as it is. Upgrade chanlab",
                                     path, version, STORE_SCHEMA_VERSION),
                         err, errsize);
    char msg[512] = "";
    if (version == 0) {
        rc = sqlite3_exec(st->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
        if (rc == SQLITE_OK)
            rc = store__migrate_to(st->db, STORE_SCHEMA_VERSION, msg, sizeof msg);
        if (rc != SQLITE_OK) {
            if (status_of(rc) == STORE_BUSY) {
                store__sqlfail(st, rc, "creating the schema");
                return open_fail(st, STORE_BUSY, err, errsize);
            }
            store__fail(st, STORE_MIGRATE, "%s: cannot create the schema: %s", path,
                        msg[0] ? msg : sqlite3_errmsg(st->db));
            return open_fail(st, STORE_MIGRATE, err, errsize);
        }
    } else if (version < STORE_SCHEMA_VERSION) {
        char *bak = xasprintf("%s.v%d.bak", path, version);
        rc = backup_to(st->db, bak, msg, sizeof msg);
        if (rc != SQLITE_OK) {
            free(bak);
            if (status_of(rc) == STORE_BUSY) {
                store__sqlfail(st, rc, "backing up before an upgrade");
                return open_fail(st, STORE_BUSY, err, errsize);
            }
            store__fail(st, STORE_MIGRATE, "%s: not upgraded: %s", path, msg);
            return open_fail(st, STORE_MIGRATE, err, errsize);
        }
        rc = store__migrate_to(st->db, STORE_SCHEMA_VERSION, msg, sizeof msg);
        if (rc != SQLITE_OK) {
            if (status_of(rc) == STORE_BUSY) {
                free(bak);
                store__sqlfail(st, rc, "upgrading the schema");
                return open_fail(st, STORE_BUSY, err, errsize);
            }
            store__fail(st, STORE_MIGRATE,
                        "%s: upgrading from schema %d failed (%s); the database was left as it "
                        "was, and a copy is in %s",
                        path, version, msg, bak);
            free(bak);
            return open_fail(st, STORE_MIGRATE, err, errsize);
        }
        free(bak);
    }
    char bad[32] = "";
    rc = check_tables(st->db, bad, sizeof bad);
    if (rc != SQLITE_OK) {
        if (status_of(rc) == STORE_CORRUPT || status_of(rc) == STORE_BUSY)
            store__sqlfail(st, rc, "reading the tables");
        else
            store__fail(st, STORE_CORRUPT,
                        "%s: the progress database is damaged (table %s: %s); it was left as "
                        "it is",
                        path, bad, sqlite3_errmsg(st->db));
        return open_fail(st, status_of(rc) == STORE_BUSY ? STORE_BUSY : STORE_CORRUPT, err,
                         errsize);
    }
    /* Our files are created in WAL mode; this only changes files written by
     * other tools, and only after every check passed. */
    rc = sqlite3_exec(st->db,
                      "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                      "PRAGMA foreign_keys = ON",
                      NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        store__sqlfail(st, rc, "setting up");
        return open_fail(st, status_of(rc), err, errsize);
    }
    *out = st;
    return STORE_OK;
}

void store_close(struct store *st)
{
    if (!st)
        return;
    for (int i = 0; i < SQL_COUNT; i++)
        sqlite3_finalize(st->stmts[i]);
    sqlite3_close(st->db);
    free(st->path);
    free(st->notice);
    free(st);
}

bool store_readonly(const struct store *st)
{
    return st->readonly;
}

const char *store_notice(const struct store *st)
{
    return st->notice;
}

const char *store_path(const struct store *st)
{
    return st->path;
}

const char *store_errmsg(const struct store *st)
{
    return st->errmsg;
}

int store_schema_version(struct store *st)
{
    int v = 0;
    read_int(st->db, "PRAGMA user_version", &v);
    return v;
}

const char *store_sqlite_version(void)
{
    return sqlite3_libversion();
}

/* ---- settings ---------------------------------------------------------------- */

char *store_setting_get(struct store *st, const char *key)
{
    sqlite3_stmt *s = store__stmt(st, SQL_SETTING_GET);
    if (!s)
        return NULL;
    sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
    char *v = NULL;
    int rc = sqlite3_step(s);
    const char *text = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(s, 0) : NULL;
    if (text)
        v = xstrdup(text);
    else if (rc == SQLITE_ROW)
        store__sqlfail(st, SQLITE_NOMEM, "reading a setting");
    else if (rc != SQLITE_DONE)
        store__sqlfail(st, rc, "reading a setting");
    sqlite3_reset(s);
    return v;
}

/* Checks a setting's value; returns false with the message recorded. */
static bool setting_ok(struct store *st, const char *key, const char *value)
{
    if (strcmp(key, "desired_retention") == 0) {
        char *end;
        errno = 0;
        double r = strtod(value, &end);
        if (errno || end == value || *end || !(r >= 0.7 && r <= 0.99)) {
            store__fail(st, STORE_INVALID,
                        "desired_retention must be a number from 0.7 to 0.99, not '%s'", value);
            return false;
        }
    }
    if (strlen(key) == 0 || strlen(key) > 64 || strlen(value) > 4096) {
        store__fail(st, STORE_INVALID, "setting key or value too long");
        return false;
    }
    return true;
}

enum store_status store_setting_set(struct store *st, const char *key, const char *value)
{
    if (!setting_ok(st, key, value))
        return STORE_INVALID;
    enum store_status s = store__writable(st);
    if (s != STORE_OK)
        return s;
    sqlite3_stmt *q = store__stmt(st, SQL_SETTING_PUT);
    if (!q)
        return STORE_FAILED;
    sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, value, -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    if (rc != SQLITE_DONE)
        return store__sqlfail(st, rc, "saving a setting");
    st->params_loaded = false;
    return STORE_OK;
}

enum store_status store_params(struct store *st, struct srs_params *p)
{
    if (!st->params_loaded) {
        srs_params_default(&st->params);
        char *v = store_setting_get(st, "desired_retention");
        if (v) {
            double r = strtod(v, NULL);
            if (r >= 0.7 && r <= 0.99)
                st->params.desired_retention = r;
            free(v);
        }
        st->params_loaded = true;
    }
    *p = st->params;
    return STORE_OK;
}
