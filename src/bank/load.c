/* load.c: reading one topic file and checking it against every rule of
 * questions/README.md, with the position of each problem.
 *
 * Each object kind has a table of its fields (name, type, required);
 * fld_check (fields.c) reports unknown, repeated, missing and mistyped
 * fields in one pass and hands back the members by table slot. The item
 * checks here then apply
 * the rules that tables cannot say (ranges, vocabularies, "exactly one
 * correct choice"). A question or exercise is kept only when its checks
 * added no diagnostic. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bank_impl.h"

/* Files larger than this are refused: a topic file is tens of kilobytes. */
#define MAX_FILE_SIZE (16u << 20)

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
static const struct fld_field question_fields[Q_N] = {
    [Q_ID] = {"id", FLD_STRING, true},
    [Q_TIER] = {"tier", FLD_STRING, true},
    [Q_ORIGIN] = {"origin", FLD_STRING, true},
    [Q_QUESTION] = {"question", FLD_STRING, true},
    [Q_ANSWER] = {"answer", FLD_STRING, true},
    [Q_KEY_POINTS] = {"key_points", FLD_ARRAY, true},
    [Q_FOLLOW_UPS] = {"follow_ups", FLD_ARRAY, true},
    [Q_EXERCISES] = {"exercises", FLD_ARRAY, true},
    [Q_QUIZ] = {"quiz", FLD_ARRAY, true},
};

enum { FU_QUESTION, FU_ANSWER, FU_N };
static const struct fld_field follow_up_fields[FU_N] = {
    [FU_QUESTION] = {"question", FLD_STRING, true},
    [FU_ANSWER] = {"answer", FLD_STRING, true},
};

enum { QZ_PROMPT, QZ_CHOICES, QZ_N };
static const struct fld_field quiz_fields[QZ_N] = {
    [QZ_PROMPT] = {"prompt", FLD_STRING, true},
    [QZ_CHOICES] = {"choices", FLD_ARRAY, true},
};

enum { C_TEXT, C_CORRECT, C_WHY, C_N };
static const struct fld_field choice_fields[C_N] = {
    [C_TEXT] = {"text", FLD_STRING, true},
    [C_CORRECT] = {"correct", FLD_BOOL, false},
    [C_WHY] = {"why", FLD_STRING, false},
};

static void check_quiz(struct fld_ctx *c, const cJSON *obj, const char *path, struct bank_quiz *q)
{
    const cJSON *f[QZ_N];
    fld_check(c, obj, path, quiz_fields, QZ_N, f);
    if (f[QZ_PROMPT])
        q->prompt = fld_text(c, f[QZ_PROMPT], fld_path_field(path, "prompt").s);
    if (!f[QZ_CHOICES])
        return;
    struct fld_path cp = fld_path_field(path, "choices");
    size_t n = (size_t)cJSON_GetArraySize(f[QZ_CHOICES]);
    if (n < 3 || n > 5)
        fld_report(c, f[QZ_CHOICES], cp.s, "needs 3 to 5 choices, found %zu", n);
    struct bank_choice *ch = bank_block(c->b, bank_xcalloc(n, sizeof *ch));
    size_t ncorrect = 0, i = 0;
    for (const cJSON *e = f[QZ_CHOICES]->child; e; e = e->next, i++) {
        struct fld_path ep = fld_path_index(cp.s, i);
        const cJSON *g[C_N];
        if (!cJSON_IsObject(e)) {
            fld_report(c, e, ep.s, "expected an object, found %s", fld_kind_name(e));
            continue;
        }
        fld_check(c, e, ep.s, choice_fields, C_N, g);
        struct bank_choice *k = &ch[q->nchoices++];
        if (g[C_TEXT])
            k->text = fld_text(c, g[C_TEXT], fld_path_field(ep.s, "text").s);
        for (size_t j = 0; k->text && j + 1 < q->nchoices; j++)
            if (ch[j].text && strcmp(ch[j].text, k->text) == 0)
                fld_report(c, g[C_TEXT], fld_path_field(ep.s, "text").s,
                           "repeats the text of choice %zu", j);
        if (g[C_CORRECT] && !cJSON_IsTrue(g[C_CORRECT]))
            fld_report(
                c, g[C_CORRECT], fld_path_field(ep.s, "correct").s,
                "write \"correct\": true on the right choice only; leave it out on wrong ones");
        k->correct = g[C_CORRECT] && cJSON_IsTrue(g[C_CORRECT]);
        if (k->correct) {
            if (ncorrect++ == 0)
                q->correct = q->nchoices - 1;
        } else if (!g[C_WHY] && !cJSON_GetObjectItemCaseSensitive(e, "why")) {
            fld_report(c, e, ep.s, "a wrong choice needs a \"why\"");
        }
        if (g[C_WHY])
            k->why = fld_one_line(c, g[C_WHY], fld_path_field(ep.s, "why").s);
    }
    if (ncorrect != 1)
        fld_report(c, f[QZ_CHOICES], cp.s, "needs exactly one correct choice, found %zu", ncorrect);
    q->choices = ch;
}

static void check_question(struct fld_ctx *c, const cJSON *obj, const char *path,
                           struct bank_qrec *r)
{
    const cJSON *f[Q_N];
    struct bank_question *q = &r->pub;
    fld_check(c, obj, path, question_fields, Q_N, f);
    if (f[Q_ID]) {
        const char *id = f[Q_ID]->valuestring;
        struct fld_path ip = fld_path_field(path, "id");
        bool shape;
        int t = fld_split_id(id, '.', &shape);
        if (!shape)
            fld_report(c, f[Q_ID], ip.s,
                       "malformed question id \"%s\": want \"topic.slug\" with a slug of a-z, 0-9 "
                       "and -",
                       id);
        else if (c->topic >= 0 && t != c->topic)
            fld_report(c, f[Q_ID], ip.s,
                       "question id \"%s\" must start with the file's topic \"%s.\"", id,
                       bank_topic_name((enum bank_topic)c->topic));
        q->id = id;
    }
    if (c->topic >= 0)
        q->topic = (enum bank_topic)c->topic;
    if (f[Q_TIER]) {
        int t = bank_tier_parse(f[Q_TIER]->valuestring);
        if (t < 0)
            fld_report(c, f[Q_TIER], fld_path_field(path, "tier").s,
                       "unknown tier \"%s\" (want junior, mid or senior)", f[Q_TIER]->valuestring);
        else
            q->tier = (enum bank_tier)t;
    }
    if (f[Q_ORIGIN]) {
        const char *o = f[Q_ORIGIN]->valuestring;
        if (strcmp(o, "reference") == 0)
            q->reference = true;
        else if (strcmp(o, "extra") != 0)
            fld_report(c, f[Q_ORIGIN], fld_path_field(path, "origin").s,
                       "unknown origin \"%s\" (want reference or extra)", o);
    }
    if (f[Q_QUESTION]) {
        struct fld_path qp = fld_path_field(path, "question");
        q->question = fld_text(c, f[Q_QUESTION], qp.s);
        if (q->question && strstr(q->question, "\n\n"))
            fld_report(c, f[Q_QUESTION], qp.s, "must be one paragraph (it has a blank line)");
    }
    if (f[Q_ANSWER])
        q->answer = fld_text(c, f[Q_ANSWER], fld_path_field(path, "answer").s);
    if (f[Q_KEY_POINTS])
        q->key_points = fld_strings(c, f[Q_KEY_POINTS], fld_path_field(path, "key_points").s, 3, 6,
                                    "key points", &q->nkey_points);

    if (f[Q_FOLLOW_UPS]) {
        struct fld_path fp = fld_path_field(path, "follow_ups");
        size_t n = (size_t)cJSON_GetArraySize(f[Q_FOLLOW_UPS]);
        if (n < 1 || n > 2)
            fld_report(c, f[Q_FOLLOW_UPS], fp.s, "needs 1 or 2 follow-ups, found %zu", n);
        struct bank_follow_up *fu = bank_block(c->b, bank_xcalloc(n, sizeof *fu));
        size_t i = 0;
        for (const cJSON *e = f[Q_FOLLOW_UPS]->child; e; e = e->next, i++) {
            struct fld_path ep = fld_path_index(fp.s, i);
            const cJSON *g[FU_N];
            if (!cJSON_IsObject(e)) {
                fld_report(c, e, ep.s, "expected an object, found %s", fld_kind_name(e));
                continue;
            }
            fld_check(c, e, ep.s, follow_up_fields, FU_N, g);
            struct bank_follow_up *u = &fu[q->nfollow_ups++];
            if (g[FU_QUESTION])
                u->question = fld_text(c, g[FU_QUESTION], fld_path_field(ep.s, "question").s);
            if (g[FU_ANSWER])
                u->answer = fld_text(c, g[FU_ANSWER], fld_path_field(ep.s, "answer").s);
        }
        q->follow_ups = fu;
    }

    if (f[Q_EXERCISES]) {
        struct fld_path xp = fld_path_field(path, "exercises");
        size_t n = (size_t)cJSON_GetArraySize(f[Q_EXERCISES]);
        if (n < 1)
            fld_report(c, f[Q_EXERCISES], xp.s, "needs at least 1 exercise, found 0");
        r->links = bank_xcalloc(n, sizeof *r->links);
        size_t i = 0;
        for (const cJSON *e = f[Q_EXERCISES]->child; e; e = e->next, i++) {
            struct fld_path ep = fld_path_index(xp.s, i);
            if (!cJSON_IsString(e)) {
                fld_report(c, e, ep.s, "expected a string, found %s", fld_kind_name(e));
                continue;
            }
            bool shape;
            if (fld_split_id(e->valuestring, '/', &shape) < 0) {
                fld_report(c, e, ep.s, "\"%s\" is not an exercise id (want \"topic/slug\")",
                           e->valuestring);
                continue;
            }
            bool dup = false;
            for (size_t k = 0; k < r->nlinks; k++)
                dup = dup || strcmp(r->links[k].id, e->valuestring) == 0;
            if (dup) {
                fld_report(c, e, ep.s, "exercise \"%s\" is linked twice", e->valuestring);
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
        struct fld_path zp = fld_path_field(path, "quiz");
        size_t n = (size_t)cJSON_GetArraySize(f[Q_QUIZ]);
        if (n < 2)
            fld_report(c, f[Q_QUIZ], zp.s, "needs at least 2 quiz items, found %zu", n);
        struct bank_quiz *qz = bank_block(c->b, bank_xcalloc(n, sizeof *qz));
        size_t i = 0;
        for (const cJSON *e = f[Q_QUIZ]->child; e; e = e->next, i++) {
            struct fld_path ep = fld_path_index(zp.s, i);
            if (!cJSON_IsObject(e)) {
                fld_report(c, e, ep.s, "expected an object, found %s", fld_kind_name(e));
                continue;
            }
            check_quiz(c, e, ep.s, &qz[q->nquiz++]);
        }
        q->quiz = qz;
    }
}

/* ---- the file -------------------------------------------------------------- */

enum { F_SCHEMA, F_TOPIC, F_TITLE, F_QUESTIONS, F_EXERCISES, F_N };
static const struct fld_field file_fields[F_N] = {
    [F_SCHEMA] = {"schema", FLD_INT, true},         [F_TOPIC] = {"topic", FLD_STRING, true},
    [F_TITLE] = {"title", FLD_STRING, true},        [F_QUESTIONS] = {"questions", FLD_ARRAY, true},
    [F_EXERCISES] = {"exercises", FLD_ARRAY, true},
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
static void load_items(struct fld_ctx *c, const cJSON *const *f, bool keep)
{
    struct bank *b = c->b;
    size_t i = 0;
    for (const cJSON *e = f[F_EXERCISES] ? f[F_EXERCISES]->child : NULL; e; e = e->next, i++) {
        struct fld_path p = fld_path_index("exercises", i);
        if (!cJSON_IsObject(e)) {
            fld_report(c, e, p.s, "expected an object, found %s", fld_kind_name(e));
            continue;
        }
        struct bank_xrec *x = bank_xcalloc(1, sizeof *x);
        size_t before = c->errors;
        bank_check_exercise(c, e, p.s, x);
        const struct bank_exercise *dup = x->pub.id ? loaded_exercise(b, x->pub.id) : NULL;
        if (c->errors == before && dup) {
            fld_report(c, cJSON_GetObjectItemCaseSensitive(e, "id"), fld_path_field(p.s, "id").s,
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
        struct fld_path p = fld_path_index("questions", i);
        if (!cJSON_IsObject(e)) {
            fld_report(c, e, p.s, "expected an object, found %s", fld_kind_name(e));
            continue;
        }
        struct bank_qrec *q = bank_xcalloc(1, sizeof *q);
        size_t before = c->errors;
        check_question(c, e, p.s, q);
        const struct bank_question *dup = q->pub.id ? loaded_question(b, q->pub.id) : NULL;
        if (c->errors == before && dup)
            fld_report(c, cJSON_GetObjectItemCaseSensitive(e, "id"), fld_path_field(p.s, "id").s,
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

    struct fld_ctx c = {.b = b,
                        .file = file,
                        .exdir = exercises_dir,
                        .ix = &ix,
                        .src = text,
                        .topic = -1,
                        .user = user};
    if (!cJSON_IsObject(root)) {
        fld_report(&c, root, "", "expected a JSON object at the top level, found %s",
                   fld_kind_name(root));
    } else {
        const cJSON *f[F_N];
        fld_check(&c, root, "", file_fields, F_N, f);
        if (f[F_SCHEMA] && f[F_SCHEMA]->valueint != bank_schema_version())
            fld_report(&c, f[F_SCHEMA], "schema",
                       "unsupported schema version %d (this chanlab reads version %d)",
                       f[F_SCHEMA]->valueint, bank_schema_version());
        if (f[F_TOPIC]) {
            c.topic = bank_topic_parse(f[F_TOPIC]->valuestring);
            if (c.topic < 0)
                fld_report(
                    &c, f[F_TOPIC], "topic",
                    "unknown topic \"%s\" (want goroutines, channels, select, sync, context, "
                    "patterns, races-deadlocks, scheduler or leaks)",
                    f[F_TOPIC]->valuestring);
        }
        if (f[F_TITLE])
            fld_one_line(&c, f[F_TITLE], "title");
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
