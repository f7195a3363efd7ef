/* model.c: the app's bank and progress store, opened once; thin calls into
 * src/bank and src/store, with their failures turned into text the screens
 * show. Cards are cached per change (generation) so a frame never queries
 * the database more than once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model.h"

static void open_bank(struct model *m, const struct tui_options *opt)
{
    m->bank = bank_load(opt->bank_dir);
    m->nquestions = bank_question_count(m->bank);
    if (m->nquestions == 0) {
        if (bank_diag_count(m->bank) > 0) {
            const struct bank_diag *dg = bank_diag_at(m->bank, 0);
            if (dg->line > 0)
                snprintf(m->bank_problem, sizeof m->bank_problem,
                         "The question bank did not load: %s:%d:%d: %s", dg->file, dg->line,
                         dg->col, dg->message);
            else
                snprintf(m->bank_problem, sizeof m->bank_problem,
                         "The question bank did not load: %s: %s", dg->file, dg->message);
        } else {
            snprintf(m->bank_problem, sizeof m->bank_problem,
                     "The question bank is empty: no questions were found.");
        }
    }
}

void model_use_bank(struct model *m, struct bank *b)
{
    bank_free(m->bank);
    m->bank = b;
    m->nquestions = bank_question_count(b);
    m->bank_problem[0] = '\0';
    m->generation++;
}

static void open_store(struct model *m, const struct tui_options *opt)

{
    char err[256] = "";
    m->db_path = store_default_path(opt->db_path, err, sizeof err);
    if (!m->db_path) {
        snprintf(m->store_problem, sizeof m->store_problem, "Progress is off: %s", err);
        return;
    }
    enum store_status rc = store_open(m->db_path, NULL, &m->store, err, sizeof err);
    if (rc != STORE_OK) {
        m->store = NULL;
        snprintf(m->store_problem, sizeof m->store_problem, "Progress is off: %s", err);
    }
}

struct model *model_open(const struct tui_options *opt)
{
    struct model *m = xcalloc(1, sizeof *m);
    m->cards_gen = -1;
    m->cached_minute = -1;
    m->streak_gen = -1;
    m->streak_minute = -1;

    open_bank(m, opt);
    open_store(m, opt);
    return m;
}

void model_close(struct model *m)
{
    if (!m)
        return;
    store_cards_free(&m->cards);
    store_close(m->store);
    bank_free(m->bank);
    free(m->db_path);
    free(m);
}

static int cmp_row(const void *a, const void *b)
{
    const struct store_card_row *x = a, *y = b;
    return strcmp(x->question, y->question);
}

static void load_cards(struct model *m)
{
    if (!m->store || m->cards_gen == m->generation)
        return;
    store_cards_free(&m->cards);
    memset(&m->cards, 0, sizeof m->cards);
    if (store_cards_all(m->store, &m->cards) != STORE_OK)
        memset(&m->cards, 0, sizeof m->cards);
    else if (m->cards.n > 0) /* rows is NULL when there are none */
        qsort(m->cards.rows, m->cards.n, sizeof *m->cards.rows, cmp_row);
    m->cards_gen = m->generation;
    m->cached_minute = -1;
}

void model_progress(struct model *m, const char *id, long long now, struct qprogress *p)
{
    memset(p, 0, sizeof *p);
    load_cards(m);
    if (!m->store || m->cards.n == 0)
        return;
    struct store_card_row key = {.question = (char *)id};
    const struct store_card_row *r =
        bsearch(&key, m->cards.rows, m->cards.n, sizeof *m->cards.rows, cmp_row);
    if (!r || r->card.reps == 0)
        return;
    p->seen = true;
    p->mastered = r->card.phase == SRS_REVIEW && r->card.stability >= STORE_MASTERED_DAYS;
    p->due = r->card.due <= now * 1000;
    p->reps = r->card.reps;
    p->lapses = r->card.lapses;
    p->due_at = r->card.due / 1000;
}

int model_tz_offset(long long now)
{
    time_t t = (time_t)now;
    struct tm tm;
    if (!localtime_r(&t, &tm))
        return 0;
    return (int)tm.tm_gmtoff;
}

int model_due(struct model *m, long long now, const struct bank_question **out, int max)
{
    if (!m->store)
        return 0;
    load_cards(m);
    if (!out && m->cached_minute == now / 60)
        return m->cached_due;
    struct store_cards due = {0};
    if (store_due(m->store, now * 1000, 0, &due) != STORE_OK)
        return 0;
    int n = 0;
    for (size_t i = 0; i < due.n; i++) {
        const struct bank_question *q = bank_question_find(m->bank, due.rows[i].question);
        if (!q)
            continue; /* progress of a question no longer in the bank */
        if (out && n < max)
            out[n] = q;
        n++;
    }
    store_cards_free(&due);
    if (!out) {
        m->cached_due = n;
        m->cached_minute = now / 60;
    }
    return out && n > max ? max : n;
}

/* The streak reads every review day (store_stats), the slowest query of
 * Home: it is left to model_idle so the first frame does not wait. */
static bool streak_stale(const struct model *m, long long now)
{
    return m->store && (m->streak_gen != m->generation || m->streak_minute != now / 60);
}

int model_streak(struct model *m, long long now)
{
    if (!m->store)
        return 0;
    (void)now;
    return m->streak_minute < 0 || m->streak_gen != m->generation ? -1 : m->cached_streak;
}

bool model_pending(const struct model *m, long long now)
{
    return streak_stale(m, now);
}

bool model_idle(struct model *m, long long now)
{
    if (!streak_stale(m, now))
        return false;
    struct store_stats s;
    if (store_stats(m->store, now * 1000, model_tz_offset(now), 1, NULL, NULL, &s) == STORE_OK)
        m->cached_streak = s.streak;
    m->streak_gen = m->generation;
    m->streak_minute = now / 60;
    return true;
}

bool model_grade(struct model *m, const char *id, int grade, enum store_mode mode,
                 long long duration_ms, long long now, long long *next_due, char *err,
                 size_t errsize)
{
    *next_due = 0;
    if (!m->store) {
        snprintf(err, errsize, "%s", m->store_problem);
        return false;
    }
    struct store_review r = {
        .question = id,
        .at = now * 1000,
        .grade = (enum srs_grade)grade,
        .duration_ms = duration_ms < 0 ? 0 : duration_ms,
        .mode = mode,
    };
    struct srs_card card;
    enum store_status rc = store_record_review(m->store, &r, &card);
    if (rc != STORE_OK) {
        snprintf(err, errsize, "%s", store_errmsg(m->store));
        return false;
    }
    m->generation++;
    *next_due = card.due / 1000;
    return true;
}

void model_header_note(struct model *m, long long now, char *buf, size_t size)
{
    if (!m->store) {
        snprintf(buf, size, "progress off");
        return;
    }
    int due = model_due(m, now, NULL, 0);
    if (store_readonly(m->store))
        snprintf(buf, size, "%d due \u00b7 read-only", due);
    else
        snprintf(buf, size, "%d due", due);
}

void model_when(long long now, long long t, char *buf, size_t size)
{
    long long d = t - now;
    if (d <= 0) {
        snprintf(buf, size, "now");
        return;
    }
    static const struct {
        long long secs;
        const char *one, *many;
    } units[] = {
        {365LL * 86400, "year", "years"}, {30LL * 86400, "month", "months"},
        {86400, "day", "days"},           {3600, "hour", "hours"},
        {60, "minute", "minutes"},        {1, "second", "seconds"},
    };
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        if (d >= units[i].secs || units[i].secs == 1) {
            long long n = (d + units[i].secs / 2) / units[i].secs;
            if (n < 1)
                n = 1;
            snprintf(buf, size, "in %lld %s", n, n == 1 ? units[i].one : units[i].many);
            return;
        }
    }
}
