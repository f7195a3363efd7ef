/* load.c: reading one topic file and checking it against every rule of
 * questions/README.md, with the position of each problem.
 *
 * Each object kind has a table of its fields (name, type, required);
 * check_fields reports unknown, repeated, missing and mistyped fields in one
 * pass and hands back the members by table slot. The item checks then apply
 * the rules that tables cannot say (ranges, vocabularies, "exactly one
 * correct choice"). A question or exercise is kept only when its checks
 * added no diagnostic. */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bank_impl.h"

/* Files larger than this are refused: a topic file is tens of kilobytes. */
#define MAX_FILE_SIZE (16u << 20)

enum ftype { T_STRING, T_INT, T_BOOL, T_ARRAY, T_OBJECT };

struct field {
    const char *name;
    enum ftype type;
    bool required;
};

#define MAX_FIELDS 10

/* What a file's checks share. */
struct lctx {
    struct bank *b;
    const char *file;  /* the JSON file, as named to the loader */
    const char *exdir; /* where its exercises' programs are */
    const struct bjson_index *ix;
    const char *src; /* the file's text, for raw number tokens */
    int topic;       /* the file's topic, or -1 when unknown */
    bool user;
    size_t errors; /* diagnostics added so far for this file */
};

/* ---- reporting ------------------------------------------------------------- */

static void vreport(struct lctx *c, const cJSON *node, bool at_key, const char *path,
                    const char *fmt, va_list ap)
{
    const struct bjson_pos *p = bjson_find(c->ix, node);
    int line = 0, col = 0;
    if (p) {
        line = at_key && p->kline ? p->kline : p->line;
        col = at_key && p->kline ? p->kcol : p->col;
    }
    char *msg;
    if (vasprintf(&msg, fmt, ap) < 0)
        bank_xmalloc((size_t)-1);
    if (line == 0)
        line = 1, col = 1; /* a tree without positions: point at the file */
    if (path && *path)
        bank_report(c->b, c->file, line, col, "%s: %s", path, msg);
    else
        bank_report(c->b, c->file, line, col, "%s", msg);
    free(msg);
    c->errors++;
}

/* report: a problem with the value node at path. */
static void report(struct lctx *c, const cJSON *node, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void report(struct lctx *c, const cJSON *node, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(c, node, false, path, fmt, ap);
    va_end(ap);
}

/* report_key: a problem with the key of member node, in the object at path. */
static void report_key(struct lctx *c, const cJSON *node, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void report_key(struct lctx *c, const cJSON *node, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(c, node, true, path, fmt, ap);
    va_end(ap);
}

/* ---- paths ----------------------------------------------------------------- */

/* A JSON path such as questions[3].quiz[1].choices[0]. */
struct path {
    char s[192];
};

/* Paths longer than struct path hold are cut short; the schema's deepest
 * path is far shorter. */
static struct path path_field(const char *base, const char *name)
{
    struct path p;
    int n;
    if (base && *base)
        n = snprintf(p.s, sizeof p.s, "%s.%s", base, name);
    else
        n = snprintf(p.s, sizeof p.s, "%s", name);
    if (n < 0)
        p.s[0] = '\0';
    return p;
}

static struct path path_index(const char *base, size_t i)
{
    struct path p;
    if (snprintf(p.s, sizeof p.s, "%s[%zu]", base, i) < 0)
        p.s[0] = '\0';
    return p;
}

/* ---- values ---------------------------------------------------------------- */

static const char *kind_name(const cJSON *v)
{
    if (cJSON_IsString(v))
        return "a string";
    if (cJSON_IsNumber(v))
        return "a number";
    if (cJSON_IsBool(v))
        return "a boolean";
    if (cJSON_IsNull(v))
        return "null";
    if (cJSON_IsArray(v))
        return "an array";
    if (cJSON_IsObject(v))
        return "an object";
    return "an unknown value";
}

static const char *type_name(enum ftype t)
{
    switch (t) {
    case T_STRING: return "a string";
    case T_INT: return "an integer";
    case T_BOOL: return "a boolean";
    case T_ARRAY: return "an array";
    case T_OBJECT: return "an object";
    }
    return "?";
}

/* is_integer reports whether the number node was written as an integer
 * (digits only: no fraction, no exponent) that fits an int. */
static bool is_integer(const struct lctx *c, const cJSON *v)
{
    const struct bjson_pos *p = bjson_find(c->ix, v);
    if (p) {
        for (size_t i = 0; i < p->len; i++) {
            char ch = c->src[p->start + i];
            if (!(ch == '-' || (ch >= '0' && ch <= '9')))
                return false;
        }
    }
    double d = v->valuedouble;
    return d >= -2147483648.0 && d <= 2147483647.0 && d == (double)(int)d;
}

static bool has_type(const struct lctx *c, const cJSON *v, enum ftype t)
{
    switch (t) {
    case T_STRING: return cJSON_IsString(v);
    case T_INT: return cJSON_IsNumber(v) && is_integer(c, v);
    case T_BOOL: return cJSON_IsBool(v);
    case T_ARRAY: return cJSON_IsArray(v);
    case T_OBJECT: return cJSON_IsObject(v);
    }
    return false;
}

/* edit_distance between short names, for "did you mean" hints. */
static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    size_t row[64];
    if (la >= 63 || lb >= 63)
        return 99;
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

/* check_fields checks the object obj at path against fields[0..n) and
 * stores each present, well-typed member in out[slot] (NULL otherwise).
 * Returns true when it found no problem. */
static bool check_fields(struct lctx *c, const cJSON *obj, const char *path,
                         const struct field *fields, size_t n, const cJSON **out)
{
    size_t before = c->errors;
    for (size_t i = 0; i < n; i++)
        out[i] = NULL;
    bool seen[MAX_FIELDS] = {false};
    for (const cJSON *m = obj->child; m; m = m->next) {
        size_t slot = n;
        for (size_t i = 0; i < n; i++)
            if (strcmp(fields[i].name, m->string) == 0)
                slot = i;
        if (slot == n) {
            const char *best = NULL;
            size_t bestd = 3;
            for (size_t i = 0; i < n; i++) {
                size_t d = edit_distance(fields[i].name, m->string);
                if (d < bestd)
                    bestd = d, best = fields[i].name;
            }
            if (best)
                report_key(c, m, path, "unknown field \"%s\" (did you mean \"%s\"?)", m->string,
                           best);
            else
                report_key(c, m, path, "unknown field \"%s\"", m->string);
            continue;
        }
        if (seen[slot]) {
            report_key(c, m, path, "field \"%s\" appears twice", m->string);
            continue;
        }
        seen[slot] = true;
        struct path fp = path_field(path, m->string);
        if (!has_type(c, m, fields[slot].type)) {
            if (fields[slot].type == T_INT && cJSON_IsNumber(m))
                report(c, m, fp.s, "expected an integer, found %g", m->valuedouble);
            else
                report(c, m, fp.s, "expected %s, found %s", type_name(fields[slot].type),
                       kind_name(m));
            continue;
        }
        out[slot] = m;
    }
    for (size_t i = 0; i < n; i++)
        if (fields[i].required && !seen[i])
            report(c, obj, path, "missing field \"%s\"", fields[i].name);
    return c->errors == before;
}

/* blank reports whether s has nothing but white space. */
static bool blank(const char *s)
{
    for (; *s; s++)
        if (!isspace((unsigned char)*s))
            return false;
    return true;
}

/* text checks a string that must say something; returns it, or NULL. */
static const char *text(struct lctx *c, const cJSON *v, const char *path)
{
    if (!v)
        return NULL;
    if (blank(v->valuestring)) {
        report(c, v, path, "must not be empty");
        return NULL;
    }
    return v->valuestring;
}

/* one_line checks a text that must fit on one line. */
static const char *one_line(struct lctx *c, const cJSON *v, const char *path)
{
    const char *s = text(c, v, path);
    if (s && strchr(s, '\n')) {
        report(c, v, path, "must be one line");
        return NULL;
    }
    return s;
}

/* string_array checks an array of non-empty strings with min..max items
 * (max 0: no limit) and returns them in a block owned by the bank. */
static const char *const *string_array(struct lctx *c, const cJSON *arr, const char *path,
                                       size_t min, size_t max, const char *what, size_t *count)
{
    size_t n = (size_t)cJSON_GetArraySize(arr);
    *count = 0;
    if (n < min || (max && n > max)) {
        if (max == 0)
            report(c, arr, path, "needs at least %zu %s, found %zu", min, what, n);
        else if (min == max)
            report(c, arr, path, "needs %zu %s, found %zu", min, what, n);
        else
            report(c, arr, path, "needs %zu to %zu %s, found %zu", min, max, what, n);
    }
    const char **out = bank_block(c->b, bank_xcalloc(n, sizeof *out));
    size_t i = 0;
    for (const cJSON *e = arr->child; e; e = e->next, i++) {
        struct path ep = path_index(path, i);
        if (!cJSON_IsString(e)) {
            report(c, e, ep.s, "expected a string, found %s", kind_name(e));
            continue;
        }
        if (text(c, e, ep.s))
            out[(*count)++] = e->valuestring;
    }
    return out;
}

/* ---- ids ------------------------------------------------------------------- */

static bool is_slug(const char *s, size_t n)
{
    if (n == 0)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
            return false;
    return true;
}

/* split_id splits "topic<sep>slug" and returns the topic, or -1 when the
 * shape is wrong or the topic unknown (*known_shape tells which). */
static int split_id(const char *id, char sep, bool *known_shape)
{
    const char *d = strchr(id, sep);
    *known_shape = false;
    if (!d || !is_slug(d + 1, strlen(d + 1)))
        return -1;
    *known_shape = true;
    char topic[32];
    size_t n = (size_t)(d - id);
    if (n >= sizeof topic)
        return -1;
    memcpy(topic, id, n);
    topic[n] = '\0';
    return bank_topic_parse(topic);
}

/* ---- EXPECT ---------------------------------------------------------------- */

enum { E_OUTCOME, E_STDOUT, E_PANIC, E_EXIT, E_LEAKS, E_SCHED, E_N };
static const struct field expect_fields[E_N] = {
    [E_OUTCOME] = {"outcome", T_STRING, true}, [E_STDOUT] = {"stdout", T_STRING, false},
    [E_PANIC] = {"panic", T_STRING, false},    [E_EXIT] = {"exit", T_INT, false},
    [E_LEAKS] = {"leaks", T_INT, false},       [E_SCHED] = {"schedule_dependent", T_BOOL, false},
};

/* check_expect checks an EXPECT object and fills *e. */
static void check_expect(struct lctx *c, const cJSON *obj, const char *path, struct bank_expect *e)
{
    const cJSON *f[E_N];
    memset(e, 0, sizeof *e);
    check_fields(c, obj, path, expect_fields, E_N, f);
    e->schedule_dependent = f[E_SCHED] && cJSON_IsTrue(f[E_SCHED]);
    if (f[E_STDOUT])
        e->out = f[E_STDOUT]->valuestring;
    else if (!e->schedule_dependent && cJSON_GetObjectItemCaseSensitive(obj, "stdout") == NULL)
        report(c, obj, path,
               "missing field \"stdout\" (only a schedule-dependent program may "
               "leave it out)");

    int o = -1;
    if (f[E_OUTCOME]) {
        o = bank_outcome_parse(f[E_OUTCOME]->valuestring);
        if (o < 0)
            report(c, f[E_OUTCOME], path_field(path, "outcome").s,
                   "unknown outcome \"%s\" (want ok, panic, deadlock, leak, race or exit)",
                   f[E_OUTCOME]->valuestring);
        else
            e->outcome = (enum bank_outcome)o;
    }

    /* panic, exit and leaks: present with their outcome, absent otherwise. */
    static const struct {
        int slot, outcome;
    } specific[] = {{E_PANIC, BANK_PANIC}, {E_EXIT, BANK_EXIT}, {E_LEAKS, BANK_LEAK}};
    for (size_t i = 0; i < sizeof specific / sizeof specific[0]; i++) {
        const char *name = expect_fields[specific[i].slot].name;
        const cJSON *present = cJSON_GetObjectItemCaseSensitive(obj, name);
        if (o < 0)
            continue;
        if (o == specific[i].outcome && !present)
            report(c, obj, path, "missing field \"%s\" (outcome \"%s\" needs it)", name,
                   bank_outcome_name((enum bank_outcome)o));
        else if (o != specific[i].outcome && present)
            report_key(c, present, path, "field \"%s\" goes only with outcome \"%s\"", name,
                       bank_outcome_name((enum bank_outcome)specific[i].outcome));
    }
    if (f[E_PANIC] && o == BANK_PANIC) {
        struct path pp = path_field(path, "panic");
        e->panic = one_line(c, f[E_PANIC], pp.s);
        if (e->panic && strncmp(e->panic, "panic: ", 7) == 0)
            report(c, f[E_PANIC], pp.s, "write the text after \"panic: \", not the prefix");
    }
    if (f[E_EXIT] && o == BANK_EXIT) {
        e->exit = f[E_EXIT]->valueint;
        if (e->exit < 0 || e->exit > 255)
            report(c, f[E_EXIT], path_field(path, "exit").s, "an exit status is 0 to 255, found %d",
                   e->exit);
    }
    if (f[E_LEAKS] && o == BANK_LEAK) {
        e->leaks = f[E_LEAKS]->valueint;
        if (e->leaks < 1)
            report(c, f[E_LEAKS], path_field(path, "leaks").s,
                   "a leak leaves at least 1 goroutine blocked, found %d", e->leaks);
    }
}

/* ---- exercises ------------------------------------------------------------- */

enum { X_ID, X_TITLE, X_SHOWS, X_PROCS, X_LANG, X_EXPECT, X_FIX, X_PREDICT, X_N };
static const struct field exercise_fields[X_N] = {
    [X_ID] = {"id", T_STRING, true},       [X_TITLE] = {"title", T_STRING, true},
    [X_SHOWS] = {"shows", T_STRING, true}, [X_PROCS] = {"procs", T_INT, false},
    [X_LANG] = {"lang", T_STRING, false},  [X_EXPECT] = {"expect", T_OBJECT, true},
    [X_FIX] = {"fix", T_OBJECT, false},    [X_PREDICT] = {"predict", T_OBJECT, false},
};

enum { FX_EXPECT, FX_HINTS, FX_N };
static const struct field fix_fields[FX_N] = {
    [FX_EXPECT] = {"expect", T_OBJECT, true},
    [FX_HINTS] = {"hints", T_ARRAY, true},
};

enum { P_ASK, P_PROMPT, P_DISTRACTORS, P_N };
static const struct field predict_fields[P_N] = {
    [P_ASK] = {"ask", T_STRING, true},
    [P_PROMPT] = {"prompt", T_STRING, true},
    [P_DISTRACTORS] = {"distractors", T_ARRAY, true},
};

/* first_line reads the first line of path into buf; false when the file
 * cannot be read. */
static bool first_line(const char *path, char *buf, size_t size)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    if (!fgets(buf, (int)size, f))
        buf[0] = '\0';
    buf[strcspn(buf, "\r\n")] = '\0';
    fclose(f);
    return true;
}

static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static void check_predict(struct lctx *c, const cJSON *obj, const char *path, struct bank_xrec *x)
{
    const cJSON *f[P_N];
    struct bank_predict *p = &x->predict;
    check_fields(c, obj, path, predict_fields, P_N, f);
    if (f[P_ASK]) {
        const char *ask = f[P_ASK]->valuestring;
        if (strcmp(ask, "stdout") == 0)
            p->ask = BANK_ASK_STDOUT;
        else if (strcmp(ask, "outcome") == 0)
            p->ask = BANK_ASK_OUTCOME;
        else
            report(c, f[P_ASK], path_field(path, "ask").s,
                   "unknown ask \"%s\" (want stdout or outcome)", ask);
    }
    if (f[P_PROMPT])
        p->prompt = text(c, f[P_PROMPT], path_field(path, "prompt").s);
    if (!f[P_DISTRACTORS] || !f[P_ASK])
        return;
    struct path dp = path_field(path, "distractors");
    size_t n = (size_t)cJSON_GetArraySize(f[P_DISTRACTORS]);
    if (n < 1 || n > 4)
        report(c, f[P_DISTRACTORS], dp.s, "needs 1 to 4 distractors, found %zu", n);
    const char **out = bank_block(c->b, bank_xcalloc(n, sizeof *out));
    const struct bank_expect *e = &x->pub.expect;
    char sentence[256];
    bank_outcome_sentence(e, sentence, sizeof sentence);
    if (p->ask == BANK_ASK_STDOUT && e->schedule_dependent && !e->out)
        report(c, f[P_ASK], path_field(path, "ask").s,
               "a stdout item needs the program's stdout, which this exercise does not declare");
    size_t i = 0;
    for (const cJSON *d = f[P_DISTRACTORS]->child; d; d = d->next, i++) {
        struct path ip = path_index(dp.s, i);
        if (!cJSON_IsString(d)) {
            report(c, d, ip.s, "expected a string, found %s", kind_name(d));
            continue;
        }
        const char *s = d->valuestring;
        /* An empty stdout is a fair guess ("prints nothing"); an empty
         * outcome sentence is not. */
        if (p->ask == BANK_ASK_OUTCOME && !text(c, d, ip.s))
            continue;
        bool dup = false;
        for (size_t k = 0; k < p->ndistractors; k++)
            dup = dup || strcmp(out[k], s) == 0;
        if (dup) {
            report(c, d, ip.s, "repeats an earlier distractor");
            continue;
        }
        if (p->ask == BANK_ASK_STDOUT && e->out && strcmp(e->out, s) == 0 && !e->schedule_dependent)
            report(c, d, ip.s, "equals the declared stdout, which is the right answer");
        else if (p->ask == BANK_ASK_OUTCOME && strcmp(sentence, s) == 0)
            report(c, d, ip.s, "equals \"%s\", the declared outcome, which is the right answer",
                   sentence);
        out[p->ndistractors++] = s;
    }
    p->distractors = out;
}

static void check_exercise(struct lctx *c, const cJSON *obj, const char *path, struct bank_xrec *x)
{
    const cJSON *f[X_N];
    struct bank_exercise *pub = &x->pub;
    check_fields(c, obj, path, exercise_fields, X_N, f);
    pub->procs = 1;
    bool id_ok = false;
    if (f[X_ID]) {
        struct path ip = path_field(path, "id");
        bool shape;
        int t = split_id(f[X_ID]->valuestring, '/', &shape);
        if (!shape)
            report(c, f[X_ID], ip.s,
                   "malformed exercise id \"%s\": want \"topic/slug\" with a slug of a-z, 0-9 "
                   "and -",
                   f[X_ID]->valuestring);
        else if (t < 0)
            report(c, f[X_ID], ip.s, "exercise id \"%s\" does not start with a known topic",
                   f[X_ID]->valuestring);
        else
            pub->topic = (enum bank_topic)t, id_ok = true;
        pub->id = f[X_ID]->valuestring;
    }
    if (f[X_TITLE])
        pub->title = one_line(c, f[X_TITLE], path_field(path, "title").s);
    if (f[X_SHOWS])
        pub->shows = text(c, f[X_SHOWS], path_field(path, "shows").s);
    if (f[X_PROCS]) {
        pub->procs = f[X_PROCS]->valueint;
        if (pub->procs < 1 || pub->procs > 256)
            report(c, f[X_PROCS], path_field(path, "procs").s,
                   "GOMAXPROCS must be 1 to 256, found %d", pub->procs);
    }
    if (f[X_LANG]) {
        if (strcmp(f[X_LANG]->valuestring, "go1.21") == 0)
            pub->go121 = true;
        else
            report(c, f[X_LANG], path_field(path, "lang").s,
                   "unknown lang \"%s\" (the only one is go1.21)", f[X_LANG]->valuestring);
    }
    if (f[X_EXPECT])
        check_expect(c, f[X_EXPECT], path_field(path, "expect").s, &pub->expect);
    if (f[X_FIX]) {
        struct path fp = path_field(path, "fix");
        const cJSON *g[FX_N];
        check_fields(c, f[X_FIX], fp.s, fix_fields, FX_N, g);
        if (g[FX_EXPECT])
            check_expect(c, g[FX_EXPECT], path_field(fp.s, "expect").s, &x->fix.expect);
        if (g[FX_HINTS])
            x->fix.hints = string_array(c, g[FX_HINTS], path_field(fp.s, "hints").s, 1, 3, "hints",
                                        &x->fix.nhints);
        pub->fix = &x->fix;
    }
    if (f[X_PREDICT]) {
        check_predict(c, f[X_PREDICT], path_field(path, "predict").s, x);
        pub->predict = &x->predict;
    }

    /* The programs on disk. */
    if (!id_ok)
        return;
    const char *idpath = path_field(path, "id").s;
    char *go = bank_xprintf("%s/%s.go", c->exdir, pub->id);
    char *fixed = bank_xprintf("%s/%s.fixed.go", c->exdir, pub->id);
    pub->path = bank_keep(c->b, go);
    char line[128];
    if (!is_file(go) || !first_line(go, line, sizeof line)) {
        report(c, f[X_ID], idpath, "the program exercises/%s.go does not exist", pub->id);
    } else {
        bool tagged = strcmp(line, "//go:build go1.21") == 0;
        if (pub->go121 && !tagged)
            report(c, f[X_LANG], path_field(path, "lang").s,
                   "exercises/%s.go must start with the line //go:build go1.21", pub->id);
        else if (!pub->go121 && tagged)
            report(c, f[X_ID], idpath,
                   "exercises/%s.go starts with //go:build go1.21 but the exercise does not "
                   "declare \"lang\": \"go1.21\"",
                   pub->id);
    }
    if (pub->fix) {
        x->fix.path = bank_keep(c->b, fixed);
        if (!is_file(fixed))
            report(c, f[X_FIX], path_field(path, "fix").s,
                   "the fixed program exercises/%s.fixed.go does not exist", pub->id);
    } else {
        if (is_file(fixed))
            report(c, f[X_ID], idpath,
                   "exercises/%s.fixed.go exists but the exercise declares no \"fix\"", pub->id);
        free(fixed);
    }
}

/* ---- questions ------------------------------------------------------------- */

enum {
    Q_ID,
    Q_TIER,
    Q_ORIGIN,
    Q_QUESTION,
    Q_ANSWER,
    Q_KEY_POINTS,
    Q_FOLLOW_UPS,
    Q_EXERCISES,
    Q_QUIZ,
    Q_N
};
static const struct field question_fields[Q_N] = {
    [Q_ID] = {"id", T_STRING, true},
    [Q_TIER] = {"tier", T_STRING, true},
    [Q_ORIGIN] = {"origin", T_STRING, true},
    [Q_QUESTION] = {"question", T_STRING, true},
    [Q_ANSWER] = {"answer", T_STRING, true},
    [Q_KEY_POINTS] = {"key_points", T_ARRAY, true},
    [Q_FOLLOW_UPS] = {"follow_ups", T_ARRAY, true},
    [Q_EXERCISES] = {"exercises", T_ARRAY, true},
    [Q_QUIZ] = {"quiz", T_ARRAY, true},
};

enum { FU_QUESTION, FU_ANSWER, FU_N };
static const struct field follow_up_fields[FU_N] = {
    [FU_QUESTION] = {"question", T_STRING, true},
    [FU_ANSWER] = {"answer", T_STRING, true},
};

enum { QZ_PROMPT, QZ_CHOICES, QZ_N };
static const struct field quiz_fields[QZ_N] = {
    [QZ_PROMPT] = {"prompt", T_STRING, true},
    [QZ_CHOICES] = {"choices", T_ARRAY, true},
};

enum { C_TEXT, C_CORRECT, C_WHY, C_N };
static const struct field choice_fields[C_N] = {
    [C_TEXT] = {"text", T_STRING, true},
    [C_CORRECT] = {"correct", T_BOOL, false},
    [C_WHY] = {"why", T_STRING, false},
};

static void check_quiz(struct lctx *c, const cJSON *obj, const char *path, struct bank_quiz *q)
{
    const cJSON *f[QZ_N];
    check_fields(c, obj, path, quiz_fields, QZ_N, f);
    if (f[QZ_PROMPT])
        q->prompt = text(c, f[QZ_PROMPT], path_field(path, "prompt").s);
    if (!f[QZ_CHOICES])
        return;
    struct path cp = path_field(path, "choices");
    size_t n = (size_t)cJSON_GetArraySize(f[QZ_CHOICES]);
    if (n < 3 || n > 5)
        report(c, f[QZ_CHOICES], cp.s, "needs 3 to 5 choices, found %zu", n);
    struct bank_choice *ch = bank_block(c->b, bank_xcalloc(n, sizeof *ch));
    size_t ncorrect = 0, i = 0;
    for (const cJSON *e = f[QZ_CHOICES]->child; e; e = e->next, i++) {
        struct path ep = path_index(cp.s, i);
        const cJSON *g[C_N];
        if (!cJSON_IsObject(e)) {
            report(c, e, ep.s, "expected an object, found %s", kind_name(e));
            continue;
        }
        check_fields(c, e, ep.s, choice_fields, C_N, g);
        struct bank_choice *k = &ch[q->nchoices++];
        if (g[C_TEXT])
            k->text = text(c, g[C_TEXT], path_field(ep.s, "text").s);
        for (size_t j = 0; k->text && j + 1 < q->nchoices; j++)
            if (ch[j].text && strcmp(ch[j].text, k->text) == 0)
                report(c, g[C_TEXT], path_field(ep.s, "text").s, "repeats the text of choice %zu",
                       j);
        if (g[C_CORRECT] && !cJSON_IsTrue(g[C_CORRECT]))
            report(c, g[C_CORRECT], path_field(ep.s, "correct").s,
                   "write \"correct\": true on the right choice only; leave it out on wrong ones");
        k->correct = g[C_CORRECT] && cJSON_IsTrue(g[C_CORRECT]);
        if (k->correct) {
            if (ncorrect++ == 0)
                q->correct = q->nchoices - 1;
        } else if (!g[C_WHY] && !cJSON_GetObjectItemCaseSensitive(e, "why")) {
            report(c, e, ep.s, "a wrong choice needs a \"why\"");
        }
        if (g[C_WHY])
            k->why = one_line(c, g[C_WHY], path_field(ep.s, "why").s);
    }
    if (ncorrect != 1)
        report(c, f[QZ_CHOICES], cp.s, "needs exactly one correct choice, found %zu", ncorrect);
    q->choices = ch;
}

static void check_question(struct lctx *c, const cJSON *obj, const char *path, struct bank_qrec *r)
{
    const cJSON *f[Q_N];
    struct bank_question *q = &r->pub;
    check_fields(c, obj, path, question_fields, Q_N, f);
    if (f[Q_ID]) {
        const char *id = f[Q_ID]->valuestring;
        struct path ip = path_field(path, "id");
        bool shape;
        int t = split_id(id, '.', &shape);
        if (!shape)
            report(c, f[Q_ID], ip.s,
                   "malformed question id \"%s\": want \"topic.slug\" with a slug of a-z, 0-9 "
                   "and -",
                   id);
        else if (c->topic >= 0 && t != c->topic)
            report(c, f[Q_ID], ip.s, "question id \"%s\" must start with the file's topic \"%s.\"",
                   id, bank_topic_name((enum bank_topic)c->topic));
        q->id = id;
    }
    if (c->topic >= 0)
        q->topic = (enum bank_topic)c->topic;
    if (f[Q_TIER]) {
        int t = bank_tier_parse(f[Q_TIER]->valuestring);
        if (t < 0)
            report(c, f[Q_TIER], path_field(path, "tier").s,
                   "unknown tier \"%s\" (want junior, mid or senior)", f[Q_TIER]->valuestring);
        else
            q->tier = (enum bank_tier)t;
    }
    if (f[Q_ORIGIN]) {
        const char *o = f[Q_ORIGIN]->valuestring;
        if (strcmp(o, "reference") == 0)
            q->reference = true;
        else if (strcmp(o, "extra") != 0)
            report(c, f[Q_ORIGIN], path_field(path, "origin").s,
                   "unknown origin \"%s\" (want reference or extra)", o);
    }
    if (f[Q_QUESTION]) {
        struct path qp = path_field(path, "question");
        q->question = text(c, f[Q_QUESTION], qp.s);
        if (q->question && strstr(q->question, "\n\n"))
            report(c, f[Q_QUESTION], qp.s, "must be one paragraph (it has a blank line)");
    }
    if (f[Q_ANSWER])
        q->answer = text(c, f[Q_ANSWER], path_field(path, "answer").s);
    if (f[Q_KEY_POINTS])
        q->key_points = string_array(c, f[Q_KEY_POINTS], path_field(path, "key_points").s, 3, 6,
                                     "key points", &q->nkey_points);

    if (f[Q_FOLLOW_UPS]) {
        struct path fp = path_field(path, "follow_ups");
        size_t n = (size_t)cJSON_GetArraySize(f[Q_FOLLOW_UPS]);
        if (n < 1 || n > 2)
            report(c, f[Q_FOLLOW_UPS], fp.s, "needs 1 or 2 follow-ups, found %zu", n);
        struct bank_follow_up *fu = bank_block(c->b, bank_xcalloc(n, sizeof *fu));
        size_t i = 0;
        for (const cJSON *e = f[Q_FOLLOW_UPS]->child; e; e = e->next, i++) {
            struct path ep = path_index(fp.s, i);
            const cJSON *g[FU_N];
            if (!cJSON_IsObject(e)) {
                report(c, e, ep.s, "expected an object, found %s", kind_name(e));
                continue;
            }
            check_fields(c, e, ep.s, follow_up_fields, FU_N, g);
            struct bank_follow_up *u = &fu[q->nfollow_ups++];
            if (g[FU_QUESTION])
                u->question = text(c, g[FU_QUESTION], path_field(ep.s, "question").s);
            if (g[FU_ANSWER])
                u->answer = text(c, g[FU_ANSWER], path_field(ep.s, "answer").s);
        }
        q->follow_ups = fu;
    }

    if (f[Q_EXERCISES]) {
        struct path xp = path_field(path, "exercises");
        size_t n = (size_t)cJSON_GetArraySize(f[Q_EXERCISES]);
        if (n < 1)
            report(c, f[Q_EXERCISES], xp.s, "needs at least 1 exercise, found 0");
        r->links = bank_xcalloc(n, sizeof *r->links);
        size_t i = 0;
        for (const cJSON *e = f[Q_EXERCISES]->child; e; e = e->next, i++) {
            struct path ep = path_index(xp.s, i);
            if (!cJSON_IsString(e)) {
                report(c, e, ep.s, "expected a string, found %s", kind_name(e));
                continue;
            }
            bool shape;
            if (split_id(e->valuestring, '/', &shape) < 0) {
                report(c, e, ep.s, "\"%s\" is not an exercise id (want \"topic/slug\")",
                       e->valuestring);
                continue;
            }
            bool dup = false;
            for (size_t k = 0; k < r->nlinks; k++)
                dup = dup || strcmp(r->links[k].id, e->valuestring) == 0;
            if (dup) {
                report(c, e, ep.s, "exercise \"%s\" is linked twice", e->valuestring);
                continue;
            }
            const struct bjson_pos *p = bjson_find(c->ix, e);
            r->links[r->nlinks++] = (struct bank_link){
                .id = e->valuestring,
                .path = bank_keep(c->b, bank_xstrdup(ep.s)),
                .line = p ? p->line : 1,
                .col = p ? p->col : 1,
            };
        }
    }

    if (f[Q_QUIZ]) {
        struct path zp = path_field(path, "quiz");
        size_t n = (size_t)cJSON_GetArraySize(f[Q_QUIZ]);
        if (n < 2)
            report(c, f[Q_QUIZ], zp.s, "needs at least 2 quiz items, found %zu", n);
        struct bank_quiz *qz = bank_block(c->b, bank_xcalloc(n, sizeof *qz));
        size_t i = 0;
        for (const cJSON *e = f[Q_QUIZ]->child; e; e = e->next, i++) {
            struct path ep = path_index(zp.s, i);
            if (!cJSON_IsObject(e)) {
                report(c, e, ep.s, "expected an object, found %s", kind_name(e));
                continue;
            }
            check_quiz(c, e, ep.s, &qz[q->nquiz++]);
        }
        q->quiz = qz;
    }
}

/* ---- the file -------------------------------------------------------------- */

enum { F_SCHEMA, F_TOPIC, F_TITLE, F_QUESTIONS, F_EXERCISES, F_N };
static const struct field file_fields[F_N] = {
    [F_SCHEMA] = {"schema", T_INT, true},         [F_TOPIC] = {"topic", T_STRING, true},
    [F_TITLE] = {"title", T_STRING, true},        [F_QUESTIONS] = {"questions", T_ARRAY, true},
    [F_EXERCISES] = {"exercises", T_ARRAY, true},
};

/* read_all reads path into a NUL-terminated buffer (caller frees). */
static char *read_all(struct bank *b, const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        bank_report(b, path, 0, 0, "cannot read: %s", strerror(errno));
        return NULL;
    }
    size_t cap = 8192, n = 0;
    char *buf = bank_xmalloc(cap);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n > MAX_FILE_SIZE) {
            bank_report(b, path, 0, 0, "larger than %u bytes: not a topic file", MAX_FILE_SIZE);
            free(buf);
            fclose(f);
            return NULL;
        }
        if (cap - n - 1 == 0)
            buf = bank_xrealloc(buf, cap *= 2);
    }
    bool bad = ferror(f);
    fclose(f);
    if (bad) {
        bank_report(b, path, 0, 0, "cannot read: %s", strerror(EIO));
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* first_question etc. find an id among what the bank holds already. */
static const struct bank_question *loaded_question(const struct bank *b, const char *id)
{
    for (size_t i = 0; i < b->nquestions; i++)
        if (strcmp(b->questions[i]->pub.id, id) == 0)
            return &b->questions[i]->pub;
    return NULL;
}

static const struct bank_exercise *loaded_exercise(const struct bank *b, const char *id)
{
    for (size_t i = 0; i < b->nexercises; i++)
        if (strcmp(b->exercises[i]->pub.id, id) == 0)
            return &b->exercises[i]->pub;
    return NULL;
}

static void reject_exercise(struct bank *b, const char *id)
{
    if (!id)
        return;
    BANK_GROW(b->rejected, b->nrejected, b->caprejected);
    b->rejected[b->nrejected++] = id;
}

/* load_items checks every question and exercise of a file whose top level
 * is sound enough to read, and adds the sound ones to the bank unless
 * keep is false. */
static void load_items(struct lctx *c, const cJSON *const *f, bool keep)
{
    struct bank *b = c->b;
    size_t i = 0;
    for (const cJSON *e = f[F_EXERCISES] ? f[F_EXERCISES]->child : NULL; e; e = e->next, i++) {
        struct path p = path_index("exercises", i);
        if (!cJSON_IsObject(e)) {
            report(c, e, p.s, "expected an object, found %s", kind_name(e));
            continue;
        }
        struct bank_xrec *x = bank_xcalloc(1, sizeof *x);
        size_t before = c->errors;
        check_exercise(c, e, p.s, x);
        const struct bank_exercise *dup = x->pub.id ? loaded_exercise(b, x->pub.id) : NULL;
        if (c->errors == before && dup) {
            report(c, cJSON_GetObjectItemCaseSensitive(e, "id"), path_field(p.s, "id").s,
                   "duplicate exercise id \"%s\" (first declared at %s:%d:%d)", x->pub.id,
                   dup->file, dup->line, dup->col);
            free(x);
            continue;
        }
        if (c->errors != before || !keep) {
            reject_exercise(b, x->pub.id);
            free(x);
            continue;
        }
        const struct bjson_pos *pos = bjson_find(c->ix, e);
        x->pub.file = c->file;
        x->pub.line = pos ? pos->line : 1;
        x->pub.col = pos ? pos->col : 1;
        x->pub.user = c->user;
        BANK_GROW(b->exercises, b->nexercises, b->capexercises);
        b->exercises[b->nexercises++] = x;
    }

    i = 0;
    for (const cJSON *e = f[F_QUESTIONS] ? f[F_QUESTIONS]->child : NULL; e; e = e->next, i++) {
        struct path p = path_index("questions", i);
        if (!cJSON_IsObject(e)) {
            report(c, e, p.s, "expected an object, found %s", kind_name(e));
            continue;
        }
        struct bank_qrec *q = bank_xcalloc(1, sizeof *q);
        size_t before = c->errors;
        check_question(c, e, p.s, q);
        const struct bank_question *dup = q->pub.id ? loaded_question(b, q->pub.id) : NULL;
        if (c->errors == before && dup)
            report(c, cJSON_GetObjectItemCaseSensitive(e, "id"), path_field(p.s, "id").s,
                   "duplicate question id \"%s\" (first declared at %s:%d:%d)", q->pub.id,
                   dup->file, dup->line, dup->col);
        if (c->errors != before || !keep) {
            free(q->links);
            free(q);
            continue;
        }
        const struct bjson_pos *pos = bjson_find(c->ix, e);
        q->pub.file = c->file;
        q->pub.line = pos ? pos->line : 1;
        q->pub.col = pos ? pos->col : 1;
        q->pub.user = c->user;
        q->order = b->nquestions;
        BANK_GROW(b->questions, b->nquestions, b->capquestions);
        b->questions[b->nquestions++] = q;
    }
}

int bank_add_file(struct bank *b, const char *path, const char *exercises_dir, bool user)
{
    size_t before = b->ndiags;
    size_t len = 0;
    char *text = read_all(b, path, &len);
    if (!text)
        return (int)(b->ndiags - before);
    const char *file = bank_keep(b, bank_xstrdup(path));

    struct bjson_index ix = {0};
    struct bjson_error err = {0};
    size_t skip = 0;
    if (!bjson_scan(text, len, &ix, &err, &skip)) {
        bank_report(b, file, err.line, err.col, "%s", err.message);
        bjson_index_free(&ix);
        free(text);
        return (int)(b->ndiags - before);
    }
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text + skip, len - skip, &end, false);
    if (!root) {
        bank_report(b, file, 1, 1, "malformed JSON: cJSON could not read the file");
        bjson_index_free(&ix);
        free(text);
        return (int)(b->ndiags - before);
    }
    /* Positions count from the start of the file; cJSON read after the BOM,
     * which the scanner skipped too, so the two agree. */
    bjson_bind(&ix, root);
    BANK_GROW(b->roots, b->nroots, b->caproots);
    b->roots[b->nroots++] = root;

    struct lctx c = {.b = b,
                     .file = file,
                     .exdir = exercises_dir,
                     .ix = &ix,
                     .src = text,
                     .topic = -1,
                     .user = user};
    if (!cJSON_IsObject(root)) {
        report(&c, root, "", "expected a JSON object at the top level, found %s", kind_name(root));
    } else {
        const cJSON *f[F_N];
        check_fields(&c, root, "", file_fields, F_N, f);
        if (f[F_SCHEMA] && f[F_SCHEMA]->valueint != bank_schema_version())
            report(&c, f[F_SCHEMA], "schema",
                   "unsupported schema version %d (this chanlab reads version %d)",
                   f[F_SCHEMA]->valueint, bank_schema_version());
        if (f[F_TOPIC]) {
            c.topic = bank_topic_parse(f[F_TOPIC]->valuestring);
            if (c.topic < 0)
                report(&c, f[F_TOPIC], "topic",
                       "unknown topic \"%s\" (want goroutines, channels, select, sync, context, "
                       "patterns, races-deadlocks, scheduler or leaks)",
                       f[F_TOPIC]->valuestring);
        }
        if (f[F_TITLE])
            one_line(&c, f[F_TITLE], "title");
        /* A file with a top-level problem contributes nothing, but its
         * items are still checked so that every problem shows at once. */
        bool keep = c.errors == 0;
        load_items(&c, f, keep);
    }
    bank_sort_diags(b, before);
    bjson_index_free(&ix);
    free(text);
    return (int)(b->ndiags - before);
}
