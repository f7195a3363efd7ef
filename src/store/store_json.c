/* store_json.c: all progress as one JSON document (docs/json-formats.md),
 * written by store_export and read back by store_import_file. Import
 * validates the whole file before it changes anything, and skips records
 * that are already present, so importing twice changes nothing. */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>

#include "store_impl.h"

#define EXPORT_FORMAT  "chanlab-progress"
#define EXPORT_VERSION 1
#define MAX_TIME_MS    INT64_C(253402300799999)  /* 9999-12-31 */
#define MAX_SAFE_INT   INT64_C(9007199254740992) /* 2^53 */

/* ---- export ------------------------------------------------------------------ */

static void put_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\t': fputs("\\t", f); break;
        case '\r': fputs("\\r", f); break;
        default:
            if (*p < 0x20)
                fprintf(f, "\\u%04x", *p);
            else
                fputc(*p, f);
        }
    }
    fputc('"', f);
}

static const char *col_text(sqlite3_stmt *s, int i)
{
    const char *t = (const char *)sqlite3_column_text(s, i);
    return t ? t : "";
}

/* Runs sql and calls row for each result row, with a separator before all
 * but the first. */
static int each_row(struct store *st, FILE *f, const char *sql,
                    void (*row)(FILE *f, sqlite3_stmt *s, struct store *st))
{
    sqlite3_stmt *s = NULL;
    int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
    bool first = true;
    while (rc == SQLITE_OK) {
        rc = sqlite3_step(s);
        if (rc != SQLITE_ROW)
            break;
        rc = SQLITE_OK;
        fputs(first ? "\n    " : ",\n    ", f);
        first = false;
        row(f, s, st);
        if (sqlite3_errcode(st->db) == SQLITE_NOMEM) /* a column could not be read */
            rc = SQLITE_NOMEM;
    }
    sqlite3_finalize(s);
    if (!first)
        fputs("\n  ", f);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static void review_row(FILE *f, sqlite3_stmt *s, struct store *st)
{
    (void)st;
    fputs("{\"question\": ", f);
    put_string(f, col_text(s, 0));
    const char *grade = srs_grade_name(sqlite3_column_int(s, 2));
    fprintf(f, ", \"at\": %" PRId64 ", \"grade\": \"%s\", \"duration_ms\": %" PRId64 ", \"mode\": ",
            (int64_t)sqlite3_column_int64(s, 1), grade ? grade : "again",
            (int64_t)sqlite3_column_int64(s, 3));
    put_string(f, col_text(s, 4));
    fputc('}', f);
}

static void run_row(FILE *f, sqlite3_stmt *s, struct store *st)
{
    (void)st;
    fputs("{\"exercise\": ", f);
    put_string(f, col_text(s, 0));
    fprintf(f, ", \"at\": %" PRId64 ", \"seed\": \"%" PRIu64 "\", \"procs\": %d, \"outcome\": ",
            (int64_t)sqlite3_column_int64(s, 1), (uint64_t)sqlite3_column_int64(s, 2),
            sqlite3_column_int(s, 3));
    put_string(f, col_text(s, 4));
    fputs(", \"findings\": ", f);
    if (sqlite3_column_type(s, 5) == SQLITE_NULL)
        fputs("null", f);
    else
        put_string(f, col_text(s, 5));
    fputc('}', f);
}

static void fix_row(FILE *f, sqlite3_stmt *s, struct store *st)
{
    (void)st;
    fputs("{\"exercise\": ", f);
    put_string(f, col_text(s, 0));
    fprintf(f, ", \"at\": %" PRId64 ", \"passed\": %s, \"schedules\": %" PRId64 ", \"hints\": %d}",
            (int64_t)sqlite3_column_int64(s, 1), sqlite3_column_int(s, 2) ? "true" : "false",
            (int64_t)sqlite3_column_int64(s, 3), sqlite3_column_int(s, 4));
}

static void quiz_row(FILE *f, sqlite3_stmt *s, struct store *st)
{
    fprintf(f, "{\"started\": %" PRId64 ", \"finished\": %" PRId64 ", \"scope\": ",
            (int64_t)sqlite3_column_int64(s, 1), (int64_t)sqlite3_column_int64(s, 2));
    put_string(f, col_text(s, 3));
    fprintf(f, ", \"score\": %d, \"total\": %d, \"answers\": [", sqlite3_column_int(s, 4),
            sqlite3_column_int(s, 5));
    sqlite3_stmt *a = NULL;
    int rc = sqlite3_prepare_v2(st->db,
                                "SELECT question, item, choice, correct, at FROM quiz_answers "
                                "WHERE session = ?1 ORDER BY seq",
                                -1, &a, NULL);
    if (rc == SQLITE_OK)
        sqlite3_bind_int64(a, 1, sqlite3_column_int64(s, 0));
    bool first = true;
    while (rc == SQLITE_OK && sqlite3_step(a) == SQLITE_ROW) {
        fputs(first ? "\n      {\"question\": " : ",\n      {\"question\": ", f);
        first = false;
        put_string(f, col_text(a, 0));
        fprintf(f, ", \"item\": %d, \"choice\": %d, \"correct\": %s, \"at\": %" PRId64 "}",
                sqlite3_column_int(a, 1), sqlite3_column_int(a, 2),
                sqlite3_column_int(a, 3) ? "true" : "false", (int64_t)sqlite3_column_int64(a, 4));
    }
    sqlite3_finalize(a);
    fputs(first ? "]}" : "\n    ]}", f);
}

enum store_status store_export(struct store *st, FILE *f, int64_t now)
{
    /* One read transaction: a consistent snapshot even while another
     * chanlab writes. */
    int rc = sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return store__sqlfail(st, rc, "exporting");
    fprintf(f, "{\n  \"format\": \"%s\",\n  \"version\": %d,\n  \"exported_at\": %" PRId64 ",\n",
            EXPORT_FORMAT, EXPORT_VERSION, now);
    fputs("  \"reviews\": [", f);
    rc = each_row(st, f,
                  "SELECT question, at, grade, duration_ms, mode FROM reviews ORDER BY at, id",
                  review_row);
    if (rc == SQLITE_OK) {
        fputs("],\n  \"runs\": [", f);
        rc = each_row(st, f,
                      "SELECT exercise, at, seed, procs, outcome, findings FROM runs "
                      "ORDER BY at, id",
                      run_row);
    }
    if (rc == SQLITE_OK) {
        fputs("],\n  \"fixes\": [", f);
        rc = each_row(st, f,
                      "SELECT exercise, at, passed, schedules, hints FROM fixes ORDER BY at, id",
                      fix_row);
    }
    if (rc == SQLITE_OK) {
        fputs("],\n  \"quiz_sessions\": [", f);
        rc = each_row(st, f,
                      "SELECT id, started, finished, scope, score, total FROM quiz_sessions "
                      "ORDER BY started, id",
                      quiz_row);
    }
    if (rc == SQLITE_OK) {
        fputs("],\n  \"settings\": {", f);
        sqlite3_stmt *s = NULL;
        rc = sqlite3_prepare_v2(st->db, "SELECT key, value FROM settings ORDER BY key", -1, &s,
                                NULL);
        bool first = true;
        while (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
            rc = SQLITE_OK;
            fputs(first ? "\n    " : ",\n    ", f);
            first = false;
            put_string(f, col_text(s, 0));
            fputs(": ", f);
            put_string(f, col_text(s, 1));
        }
        if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        sqlite3_finalize(s);
        fputs(first ? "}\n}\n" : "\n  }\n}\n", f);
    }
    sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return store__sqlfail(st, rc, "exporting");
    if (fflush(f) != 0 || ferror(f))
        return store__fail(st, STORE_IO, "writing the export: %s", strerror(errno));
    return STORE_OK;
}

/* ---- import: validation --------------------------------------------------------- */

/* Where validation is, for messages: the file and a JSON path. */
struct where {
    struct store *st;
    const char *file;
    char path[128];
    bool (*known)(enum store_id_kind, const char *, void *);
    void *ctx;
};

static enum store_status bad(struct where *w, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static enum store_status bad(struct where *w, const char *field, const char *fmt, ...)
{
    char what[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    return store__fail(w->st, STORE_INVALID, "%s: %s%s%s: %s; nothing was imported", w->file,
                       w->path, *w->path && field ? "." : "", field ? field : "", what);
}

/* Only the listed fields may appear in an object, each once. */
static enum store_status only_fields(struct where *w, const cJSON *o, const char *const *names)
{
    for (const cJSON *c = o->child; c; c = c->next) {
        bool ok = false;
        for (const char *const *n = names; *n; n++)
            ok = ok || (c->string && strcmp(c->string, *n) == 0);
        if (!ok)
            return bad(w, c->string, "unknown field");
        for (const cJSON *d = o->child; d != c; d = d->next)
            if (strcmp(d->string, c->string) == 0)
                return bad(w, c->string, "duplicate field");
    }
    return STORE_OK;
}

static enum store_status get_int(struct where *w, const cJSON *o, const char *name, int64_t lo,
                                 int64_t hi, int64_t *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
    if (!v)
        return bad(w, name, "missing");
    if (!cJSON_IsNumber(v))
        return bad(w, name, "expected a number");
    double d = v->valuedouble;
    if (!isfinite(d) || d != floor(d))
        return bad(w, name, "expected a whole number");
    if (d < (double)lo || d > (double)hi)
        return bad(w, name, "%.17g is out of range [%" PRId64 ", %" PRId64 "]", d, lo, hi);
    *out = (int64_t)d;
    return STORE_OK;
}

static enum store_status get_bool(struct where *w, const cJSON *o, const char *name, bool *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
    if (!v)
        return bad(w, name, "missing");
    if (!cJSON_IsBool(v))
        return bad(w, name, "expected true or false");
    *out = cJSON_IsTrue(v);
    return STORE_OK;
}

static enum store_status get_str(struct where *w, const cJSON *o, const char *name, size_t maxlen,
                                 bool nullable, const char **out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
    if (!v)
        return bad(w, name, "missing");
    if (nullable && cJSON_IsNull(v)) {
        *out = NULL;
        return STORE_OK;
    }
    if (!cJSON_IsString(v))
        return bad(w, name, nullable ? "expected a string or null" : "expected a string");
    if (strlen(v->valuestring) > maxlen)
        return bad(w, name, "longer than %zu bytes", maxlen);
    *out = v->valuestring;
    return STORE_OK;
}

static enum store_status get_id(struct where *w, const cJSON *o, const char *name,
                                enum store_id_kind kind, const char **out)
{
    enum store_status s = get_str(w, o, name, 200, false, out);
    if (s != STORE_OK)
        return s;
    if (!**out)
        return bad(w, name, "empty id");
    for (const char *p = *out; *p; p++)
        if ((unsigned char)*p < 0x21 || *p == 0x7f)
            return bad(w, name, "not an id: '%s'", *out);
    if (w->known && !w->known(kind, *out, w->ctx))
        return bad(w, name, "unknown %s id '%s'",
                   kind == STORE_ID_QUESTION ? "question" : "exercise", *out);
    return STORE_OK;
}

static const cJSON *get_array(struct where *w, const cJSON *o, const char *name,
                              enum store_status *s)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
    *s = STORE_OK;
    if (!v)
        *s = bad(w, name, "missing");
    else if (!cJSON_IsArray(v))
        *s = bad(w, name, "expected an array");
    return v;
}

/* One record of each kind, parsed. */
struct rec_review {
    const char *question, *mode;
    int64_t at, duration_ms;
    int grade;
};

static enum store_status check_review(struct where *w, const cJSON *o, struct rec_review *r)
{
    static const char *const fields[] = {"question", "at", "grade", "duration_ms", "mode", NULL};
    enum store_status s = only_fields(w, o, fields);
    const char *grade = NULL;
    if (s == STORE_OK)
        s = get_id(w, o, "question", STORE_ID_QUESTION, &r->question);
    if (s == STORE_OK)
        s = get_int(w, o, "at", 0, MAX_TIME_MS, &r->at);
    if (s == STORE_OK)
        s = get_str(w, o, "grade", 16, false, &grade);
    if (s == STORE_OK && !(r->grade = srs_grade_parse(grade)))
        s = bad(w, "grade", "expected again, hard, good or easy, not '%s'", grade);
    if (s == STORE_OK)
        s = get_int(w, o, "duration_ms", 0, INT64_C(1000000000000), &r->duration_ms);
    if (s == STORE_OK)
        s = get_str(w, o, "mode", 16, false, &r->mode);
    if (s == STORE_OK && store_mode_parse(r->mode) < 0)
        s = bad(w, "mode", "expected study, review or quiz, not '%s'", r->mode);
    return s;
}

struct rec_run {
    const char *exercise, *outcome, *findings;
    int64_t at, procs;
    uint64_t seed;
};

static enum store_status check_run(struct where *w, const cJSON *o, struct rec_run *r)
{
    static const char *const fields[] = {"exercise", "at",       "seed", "procs",
                                         "outcome",  "findings", NULL};
    static const char *const outcomes[] = {"ok", "panic", "deadlock", "leak", "race", "exit", NULL};
    enum store_status s = only_fields(w, o, fields);
    const char *seed = NULL;
    if (s == STORE_OK)
        s = get_id(w, o, "exercise", STORE_ID_EXERCISE, &r->exercise);
    if (s == STORE_OK)
        s = get_int(w, o, "at", 0, MAX_TIME_MS, &r->at);
    if (s == STORE_OK)
        s = get_str(w, o, "seed", 20, false, &seed);
    if (s == STORE_OK) {
        char *end;
        errno = 0;
        r->seed = strtoull(seed, &end, 10);
        if (!*seed || *end || errno || *seed == '-' || *seed == '+' || *seed == ' ')
            s = bad(w, "seed", "expected a decimal string of an unsigned 64-bit seed");
    }
    if (s == STORE_OK)
        s = get_int(w, o, "procs", 1, 1024, &r->procs);
    if (s == STORE_OK)
        s = get_str(w, o, "outcome", 15, false, &r->outcome);
    if (s == STORE_OK) {
        bool ok = false;
        for (const char *const *n = outcomes; *n; n++)
            ok = ok || strcmp(*n, r->outcome) == 0;
        if (!ok)
            s = bad(w, "outcome", "not an outcome: '%s'", r->outcome);
    }
    if (s == STORE_OK)
        s = get_str(w, o, "findings", 65536, true, &r->findings);
    return s;
}

struct rec_fix {
    const char *exercise;
    int64_t at, schedules, hints;
    bool passed;
};

static enum store_status check_fix(struct where *w, const cJSON *o, struct rec_fix *r)
{
    static const char *const fields[] = {"exercise", "at", "passed", "schedules", "hints", NULL};
    enum store_status s = only_fields(w, o, fields);
    if (s == STORE_OK)
        s = get_id(w, o, "exercise", STORE_ID_EXERCISE, &r->exercise);
    if (s == STORE_OK)
        s = get_int(w, o, "at", 0, MAX_TIME_MS, &r->at);
    if (s == STORE_OK)
        s = get_bool(w, o, "passed", &r->passed);
    if (s == STORE_OK)
        s = get_int(w, o, "schedules", 0, MAX_SAFE_INT, &r->schedules);
    if (s == STORE_OK)
        s = get_int(w, o, "hints", 0, 100, &r->hints);
    return s;
}

struct rec_answer {
    const char *question;
    int64_t item, choice, at;
    bool correct;
};

static enum store_status check_answer(struct where *w, const cJSON *o, struct rec_answer *r)
{
    static const char *const fields[] = {"question", "item", "choice", "correct", "at", NULL};
    enum store_status s = only_fields(w, o, fields);
    if (s == STORE_OK)
        s = get_id(w, o, "question", STORE_ID_QUESTION, &r->question);
    if (s == STORE_OK)
        s = get_int(w, o, "item", 0, 1000, &r->item);
    if (s == STORE_OK)
        s = get_int(w, o, "choice", 0, 1000, &r->choice);
    if (s == STORE_OK)
        s = get_bool(w, o, "correct", &r->correct);
    if (s == STORE_OK)
        s = get_int(w, o, "at", 0, MAX_TIME_MS, &r->at);
    return s;
}

static enum store_status check_session(struct where *w, const cJSON *o)
{
    static const char *const fields[] = {"started", "finished", "scope", "score",
                                         "total",   "answers",  NULL};
    enum store_status s = only_fields(w, o, fields);
    int64_t n;
    const char *scope;
    if (s == STORE_OK)
        s = get_int(w, o, "started", 0, MAX_TIME_MS, &n);
    if (s == STORE_OK)
        s = get_int(w, o, "finished", 0, MAX_TIME_MS, &n);
    if (s == STORE_OK)
        s = get_str(w, o, "scope", 63, false, &scope);
    if (s == STORE_OK)
        s = get_int(w, o, "score", 0, 1000000, &n);
    if (s == STORE_OK)
        s = get_int(w, o, "total", 0, 1000000, &n);
    const cJSON *answers = s == STORE_OK ? get_array(w, o, "answers", &s) : NULL;
    if (s != STORE_OK)
        return s;
    size_t base = strlen(w->path);
    int i = 0;
    for (const cJSON *a = answers->child; a && s == STORE_OK; a = a->next, i++) {
        snprintf(w->path + base, sizeof w->path - base, ".answers[%d]", i);
        struct rec_answer r;
        s = cJSON_IsObject(a) ? check_answer(w, a, &r) : bad(w, NULL, "expected an object");
    }
    w->path[base] = '\0';
    return s;
}

static enum store_status check_setting(struct where *w, const cJSON *v)
{
    if (!cJSON_IsString(v))
        return bad(w, v->string, "expected a string");
    if (strlen(v->string) == 0 || strlen(v->string) > 64 || strlen(v->valuestring) > 4096)
        return bad(w, v->string, "key or value too long");
    if (strcmp(v->string, "desired_retention") == 0) {
        char *end;
        double r = strtod(v->valuestring, &end);
        if (end == v->valuestring || *end || !(r >= 0.7 && r <= 0.99))
            return bad(w, v->string, "must be a number from 0.7 to 0.99, not '%s'", v->valuestring);
    }
    return STORE_OK;
}

/* Validates the whole document; nothing is written. */
static enum store_status check_doc(struct where *w, const cJSON *doc)
{
    static const char *const fields[] = {"format",        "version",  "exported_at",
                                         "reviews",       "runs",     "fixes",
                                         "quiz_sessions", "settings", NULL};
    if (!cJSON_IsObject(doc))
        return bad(w, NULL, "expected a JSON object, as `chanlab export` writes");
    const cJSON *fmt = cJSON_GetObjectItemCaseSensitive(doc, "format");
    if (!cJSON_IsString(fmt) || strcmp(fmt->valuestring, EXPORT_FORMAT) != 0)
        return bad(w, "format", "expected \"%s\": not a chanlab export", EXPORT_FORMAT);
    int64_t version, n;
    enum store_status s = get_int(w, doc, "version", 1, 1000000, &version);
    if (s == STORE_OK && version > EXPORT_VERSION)
        return bad(w, "version", "%" PRId64 " is newer than this chanlab reads (%d)", version,
                   EXPORT_VERSION);
    if (s == STORE_OK)
        s = only_fields(w, doc, fields);
    if (s == STORE_OK)
        s = get_int(w, doc, "exported_at", 0, MAX_TIME_MS, &n);
    static const char *const lists[] = {"reviews", "runs", "fixes", "quiz_sessions"};
    for (int l = 0; l < 4 && s == STORE_OK; l++) {
        const cJSON *arr = get_array(w, doc, lists[l], &s);
        int i = 0;
        for (const cJSON *o = arr ? arr->child : NULL; o && s == STORE_OK; o = o->next, i++) {
            snprintf(w->path, sizeof w->path, "%s[%d]", lists[l], i);
            if (!cJSON_IsObject(o)) {
                s = bad(w, NULL, "expected an object");
                break;
            }
            struct rec_review rv;
            struct rec_run rr;
            struct rec_fix rf;
            switch (l) {
            case 0: s = check_review(w, o, &rv); break;
            case 1: s = check_run(w, o, &rr); break;
            case 2: s = check_fix(w, o, &rf); break;
            default: s = check_session(w, o); break;
            }
        }
        w->path[0] = '\0';
    }
    if (s != STORE_OK)
        return s;
    const cJSON *settings = cJSON_GetObjectItemCaseSensitive(doc, "settings");
    if (!settings)
        return bad(w, "settings", "missing");
    if (!cJSON_IsObject(settings))
        return bad(w, "settings", "expected an object");
    snprintf(w->path, sizeof w->path, "settings");
    for (const cJSON *v = settings->child; v && s == STORE_OK; v = v->next)
        s = check_setting(w, v);
    w->path[0] = '\0';
    return s;
}

/* ---- import: writing ----------------------------------------------------------------- */

/* Runs a prepared "does it exist" query with bound parameters. */
static int exists(sqlite3_stmt *q, bool *yes)
{
    int rc = sqlite3_step(q);
    *yes = rc == SQLITE_ROW;
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int step_done(sqlite3_stmt *q)
{
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The import's statements. */
enum {
    I_REV_HAS,
    I_REV_ADD,
    I_RUN_HAS,
    I_RUN_ADD,
    I_FIX_HAS,
    I_FIX_ADD,
    I_QUIZ_HAS,
    I_QUIZ_ADD,
    I_ANS_ADD,
    I_SET_GET,
    I_SET_PUT,
    I_COUNT
};

static const char *const import_sql[I_COUNT] = {
    "SELECT 1 FROM reviews WHERE question = ?1 AND at = ?2 AND grade = ?3 AND mode = ?4",
    "INSERT INTO reviews (question, at, grade, duration_ms, mode) VALUES (?1, ?2, ?3, ?4, ?5)",
    "SELECT 1 FROM runs WHERE exercise = ?1 AND at = ?2 AND seed = ?3",
    "INSERT INTO runs (exercise, at, seed, procs, outcome, findings) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    "SELECT 1 FROM fixes WHERE exercise = ?1 AND at = ?2",
    "INSERT INTO fixes (exercise, at, passed, schedules, hints) VALUES (?1, ?2, ?3, ?4, ?5)",
    "SELECT 1 FROM quiz_sessions WHERE started = ?1 AND scope = ?2",
    "INSERT INTO quiz_sessions (started, finished, scope, score, total) "
    "VALUES (?1, ?2, ?3, ?4, ?5)",
    "INSERT INTO quiz_answers (session, seq, question, item, choice, correct, at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    "SELECT value FROM settings WHERE key = ?1",
    "INSERT INTO settings (key, value) VALUES (?1, ?2) "
    "ON CONFLICT (key) DO UPDATE SET value = ?2",
};

static int64_t jint(const cJSON *o, const char *name)
{
    return (int64_t)cJSON_GetObjectItemCaseSensitive(o, name)->valuedouble;
}

static const char *jstr(const cJSON *o, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static bool jbool(const cJSON *o, const char *name)
{
    return cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, name));
}

/* Adds what is new; the caller holds the transaction. */
static int import_records(sqlite3 *db, sqlite3_stmt **q, const cJSON *doc,
                          struct store_import_result *res)
{
    int rc = SQLITE_OK;
    bool has;
    const cJSON *o;
    cJSON_ArrayForEach(o, cJSON_GetObjectItemCaseSensitive(doc, "reviews"))
    {
        const char *question = jstr(o, "question"), *mode = jstr(o, "mode");
        int grade = srs_grade_parse(jstr(o, "grade"));
        sqlite3_bind_text(q[I_REV_HAS], 1, question, -1, SQLITE_STATIC);
        sqlite3_bind_int64(q[I_REV_HAS], 2, jint(o, "at"));
        sqlite3_bind_int(q[I_REV_HAS], 3, grade);
        sqlite3_bind_text(q[I_REV_HAS], 4, mode, -1, SQLITE_STATIC);
        if ((rc = exists(q[I_REV_HAS], &has)) != SQLITE_OK)
            return rc;
        if (has)
            continue;
        sqlite3_bind_text(q[I_REV_ADD], 1, question, -1, SQLITE_STATIC);
        sqlite3_bind_int64(q[I_REV_ADD], 2, jint(o, "at"));
        sqlite3_bind_int(q[I_REV_ADD], 3, grade);
        sqlite3_bind_int64(q[I_REV_ADD], 4, jint(o, "duration_ms"));
        sqlite3_bind_text(q[I_REV_ADD], 5, mode, -1, SQLITE_STATIC);
        if ((rc = step_done(q[I_REV_ADD])) != SQLITE_OK)
            return rc;
        res->reviews++;
    }
    cJSON_ArrayForEach(o, cJSON_GetObjectItemCaseSensitive(doc, "runs"))
    {
        uint64_t seed = strtoull(jstr(o, "seed"), NULL, 10);
        sqlite3_bind_text(q[I_RUN_HAS], 1, jstr(o, "exercise"), -1, SQLITE_STATIC);
        sqlite3_bind_int64(q[I_RUN_HAS], 2, jint(o, "at"));
        sqlite3_bind_int64(q[I_RUN_HAS], 3, (sqlite3_int64)seed);
        if ((rc = exists(q[I_RUN_HAS], &has)) != SQLITE_OK)
            return rc;
        if (has)
            continue;
        sqlite3_bind_text(q[I_RUN_ADD], 1, jstr(o, "exercise"), -1, SQLITE_STATIC);
        sqlite3_bind_int64(q[I_RUN_ADD], 2, jint(o, "at"));
        sqlite3_bind_int64(q[I_RUN_ADD], 3, (sqlite3_int64)seed);
        sqlite3_bind_int64(q[I_RUN_ADD], 4, jint(o, "procs"));
        sqlite3_bind_text(q[I_RUN_ADD], 5, jstr(o, "outcome"), -1, SQLITE_STATIC);
        if (jstr(o, "findings"))
            sqlite3_bind_text(q[I_RUN_ADD], 6, jstr(o, "findings"), -1, SQLITE_STATIC);
        if ((rc = step_done(q[I_RUN_ADD])) != SQLITE_OK)
            return rc;
        res->runs++;
    }
    cJSON_ArrayForEach(o, cJSON_GetObjectItemCaseSensitive(doc, "fixes"))
    {
        sqlite3_bind_text(q[I_FIX_HAS], 1, jstr(o, "exercise"), -1, SQLITE_STATIC);
        sqlite3_bind_int64(q[I_FIX_HAS], 2, jint(o, "at"));
        if ((rc = exists(q[I_FIX_HAS], &has)) != SQLITE_OK)
            return rc;
        if (has)
            continue;
        sqlite3_bind_text(q[I_FIX_ADD], 1, jstr(o, "exercise"), -1, SQLITE_STATIC);
        sqlite3_bind_int64(q[I_FIX_ADD], 2, jint(o, "at"));
        sqlite3_bind_int(q[I_FIX_ADD], 3, jbool(o, "passed"));
        sqlite3_bind_int64(q[I_FIX_ADD], 4, jint(o, "schedules"));
        sqlite3_bind_int64(q[I_FIX_ADD], 5, jint(o, "hints"));
        if ((rc = step_done(q[I_FIX_ADD])) != SQLITE_OK)
            return rc;
        res->fixes++;
    }
    cJSON_ArrayForEach(o, cJSON_GetObjectItemCaseSensitive(doc, "quiz_sessions"))
    {
        sqlite3_bind_int64(q[I_QUIZ_HAS], 1, jint(o, "started"));
        sqlite3_bind_text(q[I_QUIZ_HAS], 2, jstr(o, "scope"), -1, SQLITE_STATIC);
        if ((rc = exists(q[I_QUIZ_HAS], &has)) != SQLITE_OK)
            return rc;
        if (has)
            continue;
        sqlite3_bind_int64(q[I_QUIZ_ADD], 1, jint(o, "started"));
        sqlite3_bind_int64(q[I_QUIZ_ADD], 2, jint(o, "finished"));
        sqlite3_bind_text(q[I_QUIZ_ADD], 3, jstr(o, "scope"), -1, SQLITE_STATIC);
        sqlite3_bind_int64(q[I_QUIZ_ADD], 4, jint(o, "score"));
        sqlite3_bind_int64(q[I_QUIZ_ADD], 5, jint(o, "total"));
        if ((rc = step_done(q[I_QUIZ_ADD])) != SQLITE_OK)
            return rc;
        int64_t session = sqlite3_last_insert_rowid(db);
        res->quiz_sessions++;
        int seq = 0;
        const cJSON *a;
        cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(o, "answers"))
        {
            sqlite3_bind_int64(q[I_ANS_ADD], 1, session);
            sqlite3_bind_int(q[I_ANS_ADD], 2, seq++);
            sqlite3_bind_text(q[I_ANS_ADD], 3, jstr(a, "question"), -1, SQLITE_STATIC);
            sqlite3_bind_int64(q[I_ANS_ADD], 4, jint(a, "item"));
            sqlite3_bind_int64(q[I_ANS_ADD], 5, jint(a, "choice"));
            sqlite3_bind_int(q[I_ANS_ADD], 6, jbool(a, "correct"));
            sqlite3_bind_int64(q[I_ANS_ADD], 7, jint(a, "at"));
            if ((rc = step_done(q[I_ANS_ADD])) != SQLITE_OK)
                return rc;
            res->quiz_answers++;
        }
    }
    cJSON_ArrayForEach(o, cJSON_GetObjectItemCaseSensitive(doc, "settings"))
    {
        sqlite3_bind_text(q[I_SET_GET], 1, o->string, -1, SQLITE_STATIC);
        rc = sqlite3_step(q[I_SET_GET]);
        bool same = rc == SQLITE_ROW &&
                    strcmp((const char *)sqlite3_column_text(q[I_SET_GET], 0), o->valuestring) == 0;
        sqlite3_reset(q[I_SET_GET]);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return rc;
        rc = SQLITE_OK;
        if (same)
            continue;
        sqlite3_bind_text(q[I_SET_PUT], 1, o->string, -1, SQLITE_STATIC);
        sqlite3_bind_text(q[I_SET_PUT], 2, o->valuestring, -1, SQLITE_STATIC);
        if ((rc = step_done(q[I_SET_PUT])) != SQLITE_OK)
            return rc;
        res->settings++;
    }
    return rc;
}

static int max_review_id(sqlite3 *db, sqlite3_int64 *out)
{
    sqlite3_stmt *s = NULL;
    int rc = sqlite3_prepare_v2(db, "SELECT coalesce(max(id), 0) FROM reviews", -1, &s, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        *out = sqlite3_column_int64(s, 0);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(s);
    return rc;
}

/* The questions of reviews with ids above first, into out (only the
 * question field of each row is set). */
static int questions_since(sqlite3 *db, sqlite3_int64 first, struct store_cards *out)
{
    sqlite3_stmt *s = NULL;
    size_t cap = 0;
    int rc =
        sqlite3_prepare_v2(db, "SELECT DISTINCT question FROM reviews WHERE id > ?1", -1, &s, NULL);
    if (rc == SQLITE_OK)
        sqlite3_bind_int64(s, 1, first);
    while (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *question = (const char *)sqlite3_column_text(s, 0);
        if (!question) {
            rc = SQLITE_NOMEM;
            break;
        }
        if (out->n == cap) {
            cap = cap ? cap * 2 : 64;
            out->rows = realloc(out->rows, cap * sizeof *out->rows);
            if (!out->rows)
                abort();
        }
        memset(&out->rows[out->n], 0, sizeof out->rows[0]);
        out->rows[out->n].question = strdup(question);
        if (!out->rows[out->n++].question)
            abort();
        rc = SQLITE_OK;
    }
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The 1-based line and column of offset off in text. */
static void line_col(const char *text, size_t off, int *line, int *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < off && text[i]; i++) {
        if (text[i] == '\n') {
            (*line)++;
            *col = 1;
        } else {
            (*col)++;
        }
    }
}

enum store_status store_import_file(struct store *st, const char *path,
                                    bool (*known)(enum store_id_kind kind, const char *id,
                                                  void *ctx),
                                    void *ctx, struct store_import_result *res)
{
    memset(res, 0, sizeof *res);
    enum store_status s = store__writable(st);
    if (s != STORE_OK)
        return s;
    struct stat sb;
    if (stat(path, &sb) != 0)
        return store__fail(st, STORE_IO, "%s: %s", path, strerror(errno));
    if (!S_ISREG(sb.st_mode))
        return store__fail(st, STORE_INVALID, "%s: not a regular file", path);
    if (sb.st_size > STORE_IMPORT_MAX_BYTES)
        return store__fail(st, STORE_INVALID,
                           "%s: too large to be an export (%.1f MB; the limit is %ld MB); "
                           "nothing was imported",
                           path, (double)sb.st_size / (1024.0 * 1024.0),
                           STORE_IMPORT_MAX_BYTES / (1024 * 1024));
    FILE *f = fopen(path, "rb");
    if (!f)
        return store__fail(st, STORE_IO, "%s: %s", path, strerror(errno));
    size_t size = (size_t)sb.st_size;
    char *text = malloc(size + 1);
    if (!text)
        abort();
    size_t got = fread(text, 1, size + 1, f);
    fclose(f);
    if (got > size) {
        free(text);
        return store__fail(st, STORE_INVALID, "%s: grew while being read; nothing was imported",
                           path);
    }
    text[got] = '\0';
    if (strlen(text) != got) {
        free(text);
        return store__fail(st, STORE_INVALID, "%s: contains a NUL byte: not JSON", path);
    }
    const char *end = NULL;
    cJSON *doc = cJSON_ParseWithLengthOpts(text, got, &end, false);
    if (!doc) {
        int line, col;
        const char *ep = cJSON_GetErrorPtr();
        size_t off = ep && ep >= text && ep <= text + got ? (size_t)(ep - text) : 0;
        line_col(text, off, &line, &col);
        free(text);
        return store__fail(st, STORE_INVALID, "%s:%d:%d: not valid JSON; nothing was imported",
                           path, line, col);
    }
    struct where w = {.st = st, .file = path, .known = known, .ctx = ctx};
    s = check_doc(&w, doc);
    if (s != STORE_OK) {
        cJSON_Delete(doc);
        free(text);
        return s;
    }

    sqlite3_stmt *q[I_COUNT] = {0};
    struct store_import_result r = {0};
    struct store_cards changed = {NULL, 0};
    sqlite3_int64 first_new = 0;
    s = store__begin(st);
    int rc = SQLITE_OK;
    for (int i = 0; s == STORE_OK && rc == SQLITE_OK && i < I_COUNT; i++)
        rc = sqlite3_prepare_v2(st->db, import_sql[i], -1, &q[i], NULL);
    /* New reviews get ids above the largest so far: that finds the
     * questions to replay. */
    if (s == STORE_OK && rc == SQLITE_OK)
        rc = max_review_id(st->db, &first_new);
    if (s == STORE_OK && rc == SQLITE_OK)
        rc = import_records(st->db, q, doc, &r);
    if (s == STORE_OK && rc == SQLITE_OK)
        rc = questions_since(st->db, first_new, &changed);
    for (int i = 0; i < I_COUNT; i++)
        sqlite3_finalize(q[i]);
    if (s == STORE_OK && rc != SQLITE_OK)
        s = store__rollback(st, store__sqlfail(st, rc, "importing"));
    if (s == STORE_OK) {
        st->params_loaded = false;
        for (size_t i = 0; i < changed.n && s == STORE_OK; i++)
            s = store__replay(st, changed.rows[i].question);
        s = s == STORE_OK ? store__commit(st) : store__rollback(st, s);
    }
    store_cards_free(&changed);
    cJSON_Delete(doc);
    free(text);
    if (s == STORE_OK)
        *res = r;
    return s;
}
