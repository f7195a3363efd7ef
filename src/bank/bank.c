/* bank.c: the bank object: vocabularies, diagnostics, resolving links
 * between files (bank_finish) and the queries the app and commands use.
 * Reading and validating one file is load.c; finding directories, paths.c. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bank_impl.h"

int bank_schema_version(void)
{
    return 1;
}

/* ---- memory ---------------------------------------------------------------- */

void bank_oom(void)
{
    fputs("chanlab: out of memory\n", stderr);
    abort();
}

static void *check_alloc(void *p)
{
    if (!p)
        bank_oom();
    return p;
}

void *bank_xmalloc(size_t n)
{
    return check_alloc(malloc(n ? n : 1));
}

void *bank_xcalloc(size_t n, size_t size)
{
    return check_alloc(calloc(n ? n : 1, size ? size : 1));
}

void *bank_xrealloc(void *p, size_t n)
{
    return check_alloc(realloc(p, n ? n : 1));
}

char *bank_xstrdup(const char *s)
{
    return check_alloc(strdup(s));
}

char *bank_xprintf(const char *fmt, ...)
{
    va_list ap;
    char *s;
    va_start(ap, fmt);
    int n = vasprintf(&s, fmt, ap);
    va_end(ap);
    if (n < 0)
        check_alloc(NULL);
    return s;
}

const char *bank_keep(struct bank *b, char *s)
{
    BANK_GROW(b->owned, b->nowned, b->capowned);
    b->owned[b->nowned++] = s;
    return s;
}

void *bank_block(struct bank *b, void *p)
{
    BANK_GROW(b->blocks, b->nblocks, b->capblocks);
    b->blocks[b->nblocks++] = p;
    return p;
}

/* ---- vocabularies ---------------------------------------------------------- */

static const char *const tier_names[BANK_NTIERS] = {"junior", "mid", "senior"};
static const char *const topic_names[BANK_NTOPICS] = {
    "goroutines", "channels",        "select",    "sync",  "context",
    "patterns",   "races-deadlocks", "scheduler", "leaks",
};
static const char *const outcome_names[BANK_NOUTCOMES] = {"ok",   "panic", "deadlock",
                                                          "leak", "race",  "exit"};

static int lookup(const char *const *names, int n, const char *name)
{
    for (int i = 0; name && i < n; i++)
        if (strcmp(names[i], name) == 0)
            return i;
    return -1;
}

const char *bank_tier_name(enum bank_tier t)
{
    return (unsigned)t < BANK_NTIERS ? tier_names[t] : "?";
}

const char *bank_topic_name(enum bank_topic t)
{
    return (unsigned)t < BANK_NTOPICS ? topic_names[t] : "?";
}

const char *bank_outcome_name(enum bank_outcome o)
{
    return (unsigned)o < BANK_NOUTCOMES ? outcome_names[o] : "?";
}

int bank_tier_parse(const char *name)
{
    return lookup(tier_names, BANK_NTIERS, name);
}

int bank_topic_parse(const char *name)
{
    return lookup(topic_names, BANK_NTOPICS, name);
}

int bank_outcome_parse(const char *name)
{
    return lookup(outcome_names, BANK_NOUTCOMES, name);
}

int bank_expect_status(const struct bank_expect *e)
{
    switch (e->outcome) {
    case BANK_PANIC:
    case BANK_DEADLOCK: return 2;
    case BANK_RACE: return 66;
    case BANK_EXIT: return e->exit;
    case BANK_OK:
    case BANK_LEAK:
    case BANK_NOUTCOMES: break;
    }
    return 0;
}

char *bank_outcome_sentence(const struct bank_expect *e, char *buf, size_t size)
{
    if (size == 0)
        return buf;
    switch (e->outcome) {
    case BANK_OK: snprintf(buf, size, "runs to completion"); break;
    case BANK_PANIC: snprintf(buf, size, "panics: %s", e->panic ? e->panic : ""); break;
    case BANK_DEADLOCK: snprintf(buf, size, "deadlocks"); break;
    case BANK_LEAK:
        snprintf(buf, size, "leaks %d goroutine%s", e->leaks, e->leaks == 1 ? "" : "s");
        break;
    case BANK_RACE: snprintf(buf, size, "reports a data race"); break;
    case BANK_EXIT: snprintf(buf, size, "exits with status %d", e->exit); break;
    case BANK_NOUTCOMES: buf[0] = '\0'; break;
    }
    return buf;
}

/* ---- the bank -------------------------------------------------------------- */

struct bank *bank_new(void)
{
    return bank_xcalloc(1, sizeof(struct bank));
}

void bank_free(struct bank *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->nroots; i++)
        cJSON_Delete(b->roots[i]);
    for (size_t i = 0; i < b->nowned; i++)
        free(b->owned[i]);
    for (size_t i = 0; i < b->nblocks; i++)
        free(b->blocks[i]);
    for (size_t i = 0; i < b->nquestions; i++) {
        free(b->questions[i]->links);
        free(b->questions[i]->exercises);
        free(b->questions[i]);
    }
    for (size_t i = 0; i < b->nexercises; i++) {
        free(b->exercises[i]->questions);
        free(b->exercises[i]);
    }
    free(b->diags);
    free(b->owned);
    free(b->roots);
    free(b->blocks);
    free(b->questions);
    free(b->exercises);
    free(b->rejected);
    free(b->exdirs);
    free(b->qsorted);
    free(b->xsorted);
    free(b);
}

/* ---- diagnostics ----------------------------------------------------------- */

void bank_report(struct bank *b, const char *file, int line, int col, const char *fmt, ...)
{
    va_list ap;
    char *msg;
    va_start(ap, fmt);
    int n = vasprintf(&msg, fmt, ap);
    va_end(ap);
    if (n < 0)
        check_alloc(NULL);
    BANK_GROW(b->diags, b->ndiags, b->capdiags);
    b->diags[b->ndiags++] = (struct bank_diag){
        .file = bank_keep(b, bank_xstrdup(file)),
        .line = line,
        .col = col,
        .message = bank_keep(b, msg),
    };
}

void bank_sort_diags(struct bank *b, size_t from)
{
    /* Insertion sort: stable, and a file rarely has many problems. */
    for (size_t i = from + 1; i < b->ndiags; i++) {
        struct bank_diag d = b->diags[i];
        size_t j = i;
        while (j > from && (b->diags[j - 1].line > d.line ||
                            (b->diags[j - 1].line == d.line && b->diags[j - 1].col > d.col))) {
            b->diags[j] = b->diags[j - 1];
            j--;
        }
        b->diags[j] = d;
    }
}

size_t bank_diag_count(const struct bank *b)
{
    return b->ndiags;
}

const struct bank_diag *bank_diag_at(const struct bank *b, size_t i)
{
    return i < b->ndiags ? &b->diags[i] : NULL;
}

void bank_print_diags(const struct bank *b, FILE *f)
{
    for (size_t i = 0; i < b->ndiags; i++) {
        const struct bank_diag *d = &b->diags[i];
        if (d->line > 0)
            fprintf(f, "%s:%d:%d: %s\n", d->file, d->line, d->col, d->message);
        else
            fprintf(f, "%s: %s\n", d->file, d->message);
    }
}

/* ---- bank_finish ----------------------------------------------------------- */

static int cmp_qid(const void *a, const void *b)
{
    return strcmp((*(const struct bank_question *const *)a)->id,
                  (*(const struct bank_question *const *)b)->id);
}

static int cmp_xid(const void *a, const void *b)
{
    return strcmp((*(const struct bank_exercise *const *)a)->id,
                  (*(const struct bank_exercise *const *)b)->id);
}

static int cmp_topic(const void *a, const void *b)
{
    const struct bank_qrec *x = *(struct bank_qrec *const *)a;
    const struct bank_qrec *y = *(struct bank_qrec *const *)b;
    if (x->pub.topic != y->pub.topic)
        return x->pub.topic < y->pub.topic ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

static bool was_rejected(const struct bank *b, const char *id)
{
    for (size_t i = 0; i < b->nrejected; i++)
        if (strcmp(b->rejected[i], id) == 0)
            return true;
    return false;
}

int bank_finish(struct bank *b)
{
    size_t before = b->ndiags;
    if (b->finished)
        return 0;
    b->finished = true;

    b->xsorted = bank_xcalloc(b->nexercises, sizeof *b->xsorted);
    for (size_t i = 0; i < b->nexercises; i++)
        b->xsorted[i] = &b->exercises[i]->pub;
    if (b->nexercises > 1)
        qsort(b->xsorted, b->nexercises, sizeof *b->xsorted, cmp_xid);

    for (size_t i = 0; i < b->nquestions; i++) {
        struct bank_qrec *q = b->questions[i];
        size_t from = b->ndiags;
        q->exercises = bank_xcalloc(q->nlinks, sizeof *q->exercises);
        for (size_t k = 0; k < q->nlinks; k++) {
            const struct bank_exercise *x = bank_exercise_find(b, q->links[k].id);
            if (x) {
                struct bank_xrec *xr = (struct bank_xrec *)x;
                q->exercises[q->pub.nexercises++] = x;
                BANK_GROW(xr->questions, xr->nquestions, xr->capquestions);
                xr->questions[xr->nquestions++] = &q->pub;
                xr->pub.questions = xr->questions;
                xr->pub.nquestions = xr->nquestions;
            } else if (!was_rejected(b, q->links[k].id)) {
                bank_report(b, q->pub.file, q->links[k].line, q->links[k].col,
                            "%s: no exercise \"%s\" in the bank", q->links[k].path, q->links[k].id);
            }
        }
        q->pub.exercises = q->exercises;
        bank_sort_diags(b, from);
    }

    if (b->nquestions > 1)
        qsort(b->questions, b->nquestions, sizeof *b->questions, cmp_topic);
    b->qsorted = bank_xcalloc(b->nquestions, sizeof *b->qsorted);
    for (size_t i = 0; i < b->nquestions; i++)
        b->qsorted[i] = &b->questions[i]->pub;
    if (b->nquestions > 1)
        qsort(b->qsorted, b->nquestions, sizeof *b->qsorted, cmp_qid);

    for (size_t i = 0; i < b->nexdirs; i++)
        bank_check_orphans(b, &b->exdirs[i]);
    return (int)(b->ndiags - before);
}

/* ---- queries --------------------------------------------------------------- */

size_t bank_question_count(const struct bank *b)
{
    return b->nquestions;
}

const struct bank_question *bank_question_at(const struct bank *b, size_t i)
{
    return i < b->nquestions ? &b->questions[i]->pub : NULL;
}

const struct bank_question *bank_question_find(const struct bank *b, const char *id)
{
    if (!id)
        return NULL;
    if (b->qsorted) { /* sorted by bank_finish */
        if (b->nquestions == 0)
            return NULL;
        struct bank_question key = {.id = id};
        const struct bank_question *kp = &key;
        const struct bank_question **hit =
            bsearch(&kp, b->qsorted, b->nquestions, sizeof *b->qsorted, cmp_qid);
        return hit ? *hit : NULL;
    }
    for (size_t i = 0; i < b->nquestions; i++)
        if (strcmp(b->questions[i]->pub.id, id) == 0)
            return &b->questions[i]->pub;
    return NULL;
}

size_t bank_exercise_count(const struct bank *b)
{
    return b->nexercises;
}

const struct bank_exercise *bank_exercise_at(const struct bank *b, size_t i)
{
    return i < b->nexercises ? &b->exercises[i]->pub : NULL;
}

const struct bank_exercise *bank_exercise_find(const struct bank *b, const char *id)
{
    if (!id)
        return NULL;
    if (b->xsorted) { /* sorted by bank_finish, before links resolve */
        if (b->nexercises == 0)
            return NULL;
        struct bank_exercise key = {.id = id};
        const struct bank_exercise *kp = &key;
        const struct bank_exercise **hit =
            bsearch(&kp, b->xsorted, b->nexercises, sizeof *b->xsorted, cmp_xid);
        return hit ? *hit : NULL;
    }
    for (size_t i = 0; i < b->nexercises; i++)
        if (strcmp(b->exercises[i]->pub.id, id) == 0)
            return &b->exercises[i]->pub;
    return NULL;
}

/* contains_word reports whether hay holds word (length n), ASCII
 * case-insensitively. */
static bool contains_word(const char *hay, const char *word, size_t n)
{
    if (!hay)
        return false;
    for (; *hay; hay++) {
        size_t k = 0;
        while (k < n && hay[k] && tolower((unsigned char)hay[k]) == tolower((unsigned char)word[k]))
            k++;
        if (k == n)
            return true;
    }
    return false;
}

static bool question_has(const struct bank_question *q, const char *word, size_t n)
{
    if (contains_word(q->id, word, n) || contains_word(q->question, word, n) ||
        contains_word(q->answer, word, n))
        return true;
    for (size_t i = 0; i < q->nkey_points; i++)
        if (contains_word(q->key_points[i], word, n))
            return true;
    for (size_t i = 0; i < q->nfollow_ups; i++)
        if (contains_word(q->follow_ups[i].question, word, n) ||
            contains_word(q->follow_ups[i].answer, word, n))
            return true;
    return false;
}

static bool matches(const struct bank_question *q, const struct bank_filter *f)
{
    if (f->tier != BANK_ANY && (int)q->tier != f->tier)
        return false;
    if (f->topic != BANK_ANY && (int)q->topic != f->topic)
        return false;
    for (const char *t = f->text; t && *t;) {
        while (*t && isspace((unsigned char)*t))
            t++;
        size_t n = 0;
        while (t[n] && !isspace((unsigned char)t[n]))
            n++;
        if (n > 0 && !question_has(q, t, n))
            return false;
        t += n;
    }
    return true;
}

size_t bank_query(const struct bank *b, const struct bank_filter *f,
                  const struct bank_question **out)
{
    size_t n = 0;
    for (size_t i = 0; i < b->nquestions; i++) {
        const struct bank_question *q = &b->questions[i]->pub;
        if (f && !matches(q, f))
            continue;
        if (out)
            out[n] = q;
        n++;
    }
    return n;
}

void bank_count(const struct bank *b, struct bank_counts *c)
{
    memset(c, 0, sizeof *c);
    c->questions = b->nquestions;
    c->exercises = b->nexercises;
    for (size_t i = 0; i < b->nquestions; i++) {
        const struct bank_question *q = &b->questions[i]->pub;
        c->by_tier[q->tier]++;
        c->by_topic[q->topic]++;
        c->quiz_items += q->nquiz;
    }
    for (size_t i = 0; i < b->nexercises; i++) {
        if (b->exercises[i]->pub.fix)
            c->fixes++;
        if (b->exercises[i]->pub.predict)
            c->predict_items++;
    }
}
