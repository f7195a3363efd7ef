/* exercise.c: checking one EXERCISE object of a topic file (with its
 * EXPECT, fix and predict item) and the programs it names on disk: the
 * .go file, the .fixed.go exactly when there is a fix, and the go1.21 build
 * line exactly when the exercise declares it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bank_impl.h"

/* ---- EXPECT ---------------------------------------------------------------- */

enum { E_OUTCOME, E_STDOUT, E_PANIC, E_EXIT, E_LEAKS, E_SCHED, E_N };
static const struct fld_field expect_fields[E_N] = {
    [E_OUTCOME] = {"outcome", FLD_STRING, true},
    [E_STDOUT] = {"stdout", FLD_STRING, false},
    [E_PANIC] = {"panic", FLD_STRING, false},
    [E_EXIT] = {"exit", FLD_INT, false},
    [E_LEAKS] = {"leaks", FLD_INT, false},
    [E_SCHED] = {"schedule_dependent", FLD_BOOL, false},
};

/* check_expect checks an EXPECT object and fills *e. */
static void check_expect(struct fld_ctx *c, const cJSON *obj, const char *path,
                         struct bank_expect *e)
{
    const cJSON *f[E_N];
    memset(e, 0, sizeof *e);
    fld_check(c, obj, path, expect_fields, E_N, f);
    e->schedule_dependent = f[E_SCHED] && cJSON_IsTrue(f[E_SCHED]);
    if (f[E_STDOUT])
        e->out = f[E_STDOUT]->valuestring;
    else if (!e->schedule_dependent && cJSON_GetObjectItemCaseSensitive(obj, "stdout") == NULL)
        fld_report(c, obj, path,
                   "missing field \"stdout\" (only a schedule-dependent program may "
                   "leave it out)");

    int o = -1;
    if (f[E_OUTCOME]) {
        o = bank_outcome_parse(f[E_OUTCOME]->valuestring);
        if (o < 0)
            fld_report(c, f[E_OUTCOME], fld_path_field(path, "outcome").s,
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
            fld_report(c, obj, path, "missing field \"%s\" (outcome \"%s\" needs it)", name,
                       bank_outcome_name((enum bank_outcome)o));
        else if (o != specific[i].outcome && present)
            fld_report_key(c, present, path, "field \"%s\" goes only with outcome \"%s\"", name,
                           bank_outcome_name((enum bank_outcome)specific[i].outcome));
    }
    if (f[E_PANIC] && o == BANK_PANIC) {
        struct fld_path pp = fld_path_field(path, "panic");
        e->panic = fld_one_line(c, f[E_PANIC], pp.s);
        if (e->panic && strncmp(e->panic, "panic: ", 7) == 0)
            fld_report(c, f[E_PANIC], pp.s, "write the text after \"panic: \", not the prefix");
    }
    if (f[E_EXIT] && o == BANK_EXIT) {
        e->exit = f[E_EXIT]->valueint;
        if (e->exit < 0 || e->exit > 255)
            fld_report(c, f[E_EXIT], fld_path_field(path, "exit").s,
                       "an exit status is 0 to 255, found %d", e->exit);
    }
    if (f[E_LEAKS] && o == BANK_LEAK) {
        e->leaks = f[E_LEAKS]->valueint;
        if (e->leaks < 1)
            fld_report(c, f[E_LEAKS], fld_path_field(path, "leaks").s,
                       "a leak leaves at least 1 goroutine blocked, found %d", e->leaks);
    }
}

/* ---- exercises ------------------------------------------------------------- */

enum { X_ID, X_TITLE, X_SHOWS, X_PROCS, X_LANG, X_EXPECT, X_FIX, X_PREDICT, X_N };
static const struct fld_field exercise_fields[X_N] = {
    [X_ID] = {"id", FLD_STRING, true},       [X_TITLE] = {"title", FLD_STRING, true},
    [X_SHOWS] = {"shows", FLD_STRING, true}, [X_PROCS] = {"procs", FLD_INT, false},
    [X_LANG] = {"lang", FLD_STRING, false},  [X_EXPECT] = {"expect", FLD_OBJECT, true},
    [X_FIX] = {"fix", FLD_OBJECT, false},    [X_PREDICT] = {"predict", FLD_OBJECT, false},
};

enum { FX_EXPECT, FX_HINTS, FX_N };
static const struct fld_field fix_fields[FX_N] = {
    [FX_EXPECT] = {"expect", FLD_OBJECT, true},
    [FX_HINTS] = {"hints", FLD_ARRAY, true},
};

enum { P_ASK, P_PROMPT, P_DISTRACTORS, P_N };
static const struct fld_field predict_fields[P_N] = {
    [P_ASK] = {"ask", FLD_STRING, true},
    [P_PROMPT] = {"prompt", FLD_STRING, true},
    [P_DISTRACTORS] = {"distractors", FLD_ARRAY, true},
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

static void check_predict(struct fld_ctx *c, const cJSON *obj, const char *path,
                          struct bank_xrec *x)
{
    const cJSON *f[P_N];
    struct bank_predict *p = &x->predict;
    fld_check(c, obj, path, predict_fields, P_N, f);
    if (f[P_ASK]) {
        const char *ask = f[P_ASK]->valuestring;
        if (strcmp(ask, "stdout") == 0)
            p->ask = BANK_ASK_STDOUT;
        else if (strcmp(ask, "outcome") == 0)
            p->ask = BANK_ASK_OUTCOME;
        else
            fld_report(c, f[P_ASK], fld_path_field(path, "ask").s,
                       "unknown ask \"%s\" (want stdout or outcome)", ask);
    }
    if (f[P_PROMPT])
        p->prompt = fld_text(c, f[P_PROMPT], fld_path_field(path, "prompt").s);
    if (!f[P_DISTRACTORS] || !f[P_ASK])
        return;
    struct fld_path dp = fld_path_field(path, "distractors");
    size_t n = (size_t)cJSON_GetArraySize(f[P_DISTRACTORS]);
    if (n < 1 || n > 4)
        fld_report(c, f[P_DISTRACTORS], dp.s, "needs 1 to 4 distractors, found %zu", n);
    const char **out = bank_block(c->b, bank_xcalloc(n, sizeof *out));
    const struct bank_expect *e = &x->pub.expect;
    char sentence[256];
    bank_outcome_sentence(e, sentence, sizeof sentence);
    if (p->ask == BANK_ASK_STDOUT && e->schedule_dependent && !e->out)
        fld_report(
            c, f[P_ASK], fld_path_field(path, "ask").s,
            "a stdout item needs the program's stdout, which this exercise does not declare");
    size_t i = 0;
    for (const cJSON *d = f[P_DISTRACTORS]->child; d; d = d->next, i++) {
        struct fld_path ip = fld_path_index(dp.s, i);
        if (!cJSON_IsString(d)) {
            fld_report(c, d, ip.s, "expected a string, found %s", fld_kind_name(d));
            continue;
        }
        const char *s = d->valuestring;
        /* An empty stdout is a fair guess ("prints nothing"); an empty
         * outcome sentence is not. */
        if (p->ask == BANK_ASK_OUTCOME && !fld_text(c, d, ip.s))
            continue;
        bool dup = false;
        for (size_t k = 0; k < p->ndistractors; k++)
            dup = dup || strcmp(out[k], s) == 0;
        if (dup) {
            fld_report(c, d, ip.s, "repeats an earlier distractor");
            continue;
        }
        if (p->ask == BANK_ASK_STDOUT && e->out && strcmp(e->out, s) == 0 && !e->schedule_dependent)
            fld_report(c, d, ip.s, "equals the declared stdout, which is the right answer");
        else if (p->ask == BANK_ASK_OUTCOME && strcmp(sentence, s) == 0)
            fld_report(c, d, ip.s, "equals \"%s\", the declared outcome, which is the right answer",
                       sentence);
        out[p->ndistractors++] = s;
    }
    p->distractors = out;
}

void bank_check_exercise(struct fld_ctx *c, const cJSON *obj, const char *path, struct bank_xrec *x)
{
    const cJSON *f[X_N];
    struct bank_exercise *pub = &x->pub;
    fld_check(c, obj, path, exercise_fields, X_N, f);
    pub->procs = 1;
    bool id_ok = false;
    if (f[X_ID]) {
        struct fld_path ip = fld_path_field(path, "id");
        bool shape;
        int t = fld_split_id(f[X_ID]->valuestring, '/', &shape);
        if (!shape)
            fld_report(c, f[X_ID], ip.s,
                       "malformed exercise id \"%s\": want \"topic/slug\" with a slug of a-z, 0-9 "
                       "and -",
                       f[X_ID]->valuestring);
        else if (t < 0)
            fld_report(c, f[X_ID], ip.s, "exercise id \"%s\" does not start with a known topic",
                       f[X_ID]->valuestring);
        else
            pub->topic = (enum bank_topic)t, id_ok = true;
        pub->id = f[X_ID]->valuestring;
    }
    if (f[X_TITLE])
        pub->title = fld_one_line(c, f[X_TITLE], fld_path_field(path, "title").s);
    if (f[X_SHOWS])
        pub->shows = fld_text(c, f[X_SHOWS], fld_path_field(path, "shows").s);
    if (f[X_PROCS]) {
        pub->procs = f[X_PROCS]->valueint;
        if (pub->procs < 1 || pub->procs > 256)
            fld_report(c, f[X_PROCS], fld_path_field(path, "procs").s,
                       "GOMAXPROCS must be 1 to 256, found %d", pub->procs);
    }
    if (f[X_LANG]) {
        if (strcmp(f[X_LANG]->valuestring, "go1.21") == 0)
            pub->go121 = true;
        else
            fld_report(c, f[X_LANG], fld_path_field(path, "lang").s,
                       "unknown lang \"%s\" (the only one is go1.21)", f[X_LANG]->valuestring);
    }
    if (f[X_EXPECT])
        check_expect(c, f[X_EXPECT], fld_path_field(path, "expect").s, &pub->expect);
    if (f[X_FIX]) {
        struct fld_path fp = fld_path_field(path, "fix");
        const cJSON *g[FX_N];
        fld_check(c, f[X_FIX], fp.s, fix_fields, FX_N, g);
        if (g[FX_EXPECT])
            check_expect(c, g[FX_EXPECT], fld_path_field(fp.s, "expect").s, &x->fix.expect);
        if (g[FX_HINTS])
            x->fix.hints = fld_strings(c, g[FX_HINTS], fld_path_field(fp.s, "hints").s, 1, 3,
                                       "hints", &x->fix.nhints);
        pub->fix = &x->fix;
    }
    if (f[X_PREDICT]) {
        check_predict(c, f[X_PREDICT], fld_path_field(path, "predict").s, x);
        pub->predict = &x->predict;
    }

    /* The programs on disk. */
    if (!id_ok)
        return;
    const char *idpath = fld_path_field(path, "id").s;
    char *go = bank_xprintf("%s/%s.go", c->exdir, pub->id);
    char *fixed = bank_xprintf("%s/%s.fixed.go", c->exdir, pub->id);
    pub->path = bank_keep(c->b, go);
    char line[128];
    if (!is_file(go) || !first_line(go, line, sizeof line)) {
        fld_report(c, f[X_ID], idpath, "the program exercises/%s.go does not exist", pub->id);
    } else {
        bool tagged = strcmp(line, "//go:build go1.21") == 0;
        if (pub->go121 && !tagged)
            fld_report(c, f[X_LANG], fld_path_field(path, "lang").s,
                       "exercises/%s.go must start with the line //go:build go1.21", pub->id);
        else if (!pub->go121 && tagged)
            fld_report(c, f[X_ID], idpath,
                       "exercises/%s.go starts with //go:build go1.21 but the exercise does not "
                       "declare \"lang\": \"go1.21\"",
                       pub->id);
    }
    if (pub->fix) {
        x->fix.path = bank_keep(c->b, fixed);
        if (!is_file(fixed))
            fld_report(c, f[X_FIX], fld_path_field(path, "fix").s,
                       "the fixed program exercises/%s.fixed.go does not exist", pub->id);
    } else {
        if (is_file(fixed))
            fld_report(c, f[X_ID], idpath,
                       "exercises/%s.fixed.go exists but the exercise declares no \"fix\"",
                       pub->id);
        free(fixed);
    }
}
