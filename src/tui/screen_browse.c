/* screen_browse.c: the Browse screen: questions grouped by topic with tier
 * badges and mastery marks, filtered by tier, topic and a search. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

/* A row of the list: a topic heading (q == NULL) or a question. */
struct brow {
    const struct bank_question *q;
    int topic;
};

struct browse_state {
    int tier, topic;   /* BANK_ANY or a filter */
    char search[128];  /* the applied search text */
    bool editing;      /* typing into the search field */
    struct brow *rows; /* the list as drawn */
    int nrows;
    int nmatch;                         /* questions among the rows */
    const struct bank_question **match; /* the questions, in row order */
    int sel, top;                       /* selected row (a question row), first shown */
    struct rect list;                   /* where the list was drawn */
    bool dirty;                         /* rows must be rebuilt */
};

static struct browse_state *state(struct app *a)
{
    if (!a->browse) {
        a->browse = xcalloc(1, sizeof *a->browse);
        a->browse->tier = BANK_ANY;
        a->browse->topic = BANK_ANY;
        a->browse->dirty = true;
    }
    return a->browse;
}

void browse_free(struct app *a)
{
    if (!a->browse)
        return;
    free(a->browse->rows);
    free(a->browse->match);
    free(a->browse);
    a->browse = NULL;
}

void browse_open(struct app *a)
{
    state(a)->dirty = true;
    app_push(a, SCR_BROWSE);
}

static void rebuild(struct app *a, struct browse_state *st)
{
    struct model *m = a->model;
    const struct bank_question *cur =
        st->sel >= 0 && st->sel < st->nrows ? st->rows[st->sel].q : NULL;
    free(st->rows);
    free(st->match);
    st->match = xmalloc((m->nquestions + 1) * sizeof *st->match);
    struct bank_filter f = {st->tier, st->topic, st->search};
    st->nmatch = (int)bank_query(m->bank, &f, st->match);
    st->rows = xmalloc(((size_t)st->nmatch * 2 + 1) * sizeof *st->rows);
    st->nrows = 0;
    int last_topic = -1;
    for (int i = 0; i < st->nmatch; i++) {
        const struct bank_question *q = st->match[i];
        if ((int)q->topic != last_topic) {
            st->rows[st->nrows++] = (struct brow){NULL, (int)q->topic};
            last_topic = (int)q->topic;
        }
        st->rows[st->nrows++] = (struct brow){q, (int)q->topic};
    }
    st->sel = -1;
    for (int i = 0; i < st->nrows; i++) {
        if (st->rows[i].q && (st->sel < 0 || st->rows[i].q == cur))
            st->sel = i;
        if (cur && st->rows[i].q == cur)
            break;
    }
    st->dirty = false;
}

static const char *tier_badge(enum bank_tier t)
{
    static const char *const b[BANK_NTIERS] = {"junior", " mid  ", "senior"};
    return b[t];
}

static int tier_role(enum bank_tier t)
{
    return t == BANK_JUNIOR ? ROLE_JUNIOR : t == BANK_MID ? ROLE_MID : ROLE_SENIOR;
}

static void browse_draw(struct app *a, struct canvas *cv, struct rect body)
{
    struct browse_state *st = state(a);
    if (a->model->bank_problem[0]) {
        draw_message(cv, body, ROLE_BAD, "Browse", a->model->bank_problem);
        return;
    }
    if (st->dirty)
        rebuild(a, st);
    struct rect r = rect_inset(body, 1, 0);
    struct rect bar = rect_cut_top(&r, 1);
    int x = bar.x;
    x += cv_text(cv, x, bar.y, 6, ROLE_DIM, 0, "tier ");
    x += cv_text(cv, x, bar.y, 8, st->tier == BANK_ANY ? ROLE_TEXT : tier_role(st->tier), ATTR_BOLD,
                 st->tier == BANK_ANY ? "all" : bank_tier_name(st->tier));
    x += cv_text(cv, x, bar.y, 9, ROLE_DIM, 0, "  topic ");
    x += cv_text(cv, x, bar.y, 16, ROLE_TEXT, ATTR_BOLD,
                 st->topic == BANK_ANY ? "all" : bank_topic_name(st->topic));
    x += cv_text(cv, x, bar.y, 10, ROLE_DIM, 0, "  search ");
    char shown[160];
    snprintf(shown, sizeof shown, "%s%s", st->search, st->editing ? "\u2581" : "");
    if (!shown[0])
        snprintf(shown, sizeof shown, "(/ to search)");
    x += cv_text_fit(cv, x, bar.y, bar.x + bar.w - x - 14, st->editing ? ROLE_KEY : ROLE_TEXT, 0,
                     shown);
    char count[32];
    snprintf(count, sizeof count, "%d of %zu", st->nmatch, a->model->nquestions);
    cv_text(cv, bar.x + bar.w - (int)strlen(count), bar.y, 12, ROLE_DIM, 0, count);
    rect_cut_top(&r, 1);
    st->list = r;
    if (st->nmatch == 0) {
        cv_text(cv, r.x + 2, r.y + 1, r.w - 2, ROLE_WARN, 0,
                "No question matches. 0 shows every tier, t every topic, Esc clears the search.");
        return;
    }
    st->top = layout_scroll(st->sel, st->nrows, r.h, st->top);
    long long now = app_now(a);
    for (int i = st->top; i < st->nrows && i - st->top < r.h; i++) {
        int y = r.y + i - st->top;
        const struct brow *row = &st->rows[i];
        if (!row->q) {
            int n = 0;
            for (int j = i + 1; j < st->nrows && st->rows[j].q; j++)
                n++;
            char head[64];
            snprintf(head, sizeof head, "%s (%d)", bank_topic_name((enum bank_topic)row->topic), n);
            cv_text(cv, r.x, y, r.w, ROLE_TITLE, ATTR_BOLD, head);
            continue;
        }
        struct qprogress p;
        model_progress(a->model, row->q->id, now, &p);
        const char *mark = p.mastered ? "\u2605" : p.due ? "!" : p.seen ? "\u2713" : "\u00b7";
        int mrole = p.mastered ? ROLE_GOOD : p.due ? ROLE_WARN : p.seen ? ROLE_INFO : ROLE_DIM;
        cv_text(cv, r.x + 2, y, 6, tier_role(row->q->tier), 0, tier_badge(row->q->tier));
        cv_text(cv, r.x + 9, y, 1, mrole, 0, mark);
        cv_text_fit(cv, r.x + 11, y, r.w - 11, ROLE_TEXT, 0, row->q->question);
        if (i == st->sel)
            cv_paint(cv, (struct rect){r.x, y, r.w, 1}, ROLE_SELECTED, 0);
    }
}

/* Moves the selection by delta question rows (skipping headings). */
static void move(struct browse_state *st, int delta)
{
    int step = delta > 0 ? 1 : -1, left = delta > 0 ? delta : -delta;
    int i = st->sel;
    while (left > 0) {
        int j = i + step;
        while (j >= 0 && j < st->nrows && !st->rows[j].q)
            j += step;
        if (j < 0 || j >= st->nrows)
            break;
        i = j;
        left--;
    }
    st->sel = i;
}

static void open_selected(struct app *a, struct browse_state *st)
{
    if (st->sel < 0 || st->sel >= st->nrows || !st->rows[st->sel].q)
        return;
    int pos = 0;
    for (int i = 0; i < st->nmatch; i++)
        if (st->match[i] == st->rows[st->sel].q)
            pos = i;
    question_open(a, st->match, st->nmatch, pos);
}

static bool edit_key(struct browse_state *st, struct tkey k)
{
    size_t n = strlen(st->search);
    if (k.code == TK_ENTER) {
        st->editing = false;
    } else if (k.code == TK_ESC) {
        st->editing = false;
        st->search[0] = '\0';
        st->dirty = true;
    } else if (k.code == TK_BACKSPACE) {
        while (n > 0 && ((unsigned char)st->search[n - 1] & 0xC0) == 0x80)
            n--;
        if (n > 0)
            st->search[n - 1] = '\0';
        st->dirty = true;
    } else if (k.code == TK_CHAR && k.ch >= 0x20 && n + 5 < sizeof st->search) {
        n += (size_t)utf8_encode(k.ch, st->search + n);
        st->search[n] = '\0';
        st->dirty = true;
    } else if (k.code == TK_UP || k.code == TK_DOWN) {
        st->editing = false;
        return false;
    }
    return true;
}

static bool browse_key(struct app *a, struct tkey k)
{
    struct browse_state *st = state(a);
    if (a->model->bank_problem[0])
        return false;
    if (st->editing && edit_key(st, k))
        return true;
    int page = st->list.h > 2 ? st->list.h - 2 : 1;
    switch (k.code) {
    case TK_UP: move(st, -1); return true;
    case TK_DOWN: move(st, 1); return true;
    case TK_PGUP: move(st, -page); return true;
    case TK_PGDN: move(st, page); return true;
    case TK_HOME: move(st, -st->nrows); return true;
    case TK_END: move(st, st->nrows); return true;
    case TK_WHEEL_UP: move(st, -3); return true;
    case TK_WHEEL_DOWN: move(st, 3); return true;
    case TK_ENTER: open_selected(a, st); return true;
    case TK_CLICK:
        if (rect_contains(st->list, k.x, k.y)) {
            int i = st->top + k.y - st->list.y;
            if (i < st->nrows && st->rows[i].q) {
                if (i == st->sel)
                    open_selected(a, st);
                st->sel = i;
            }
        }
        return true;
    case TK_ESC:
        if (st->search[0]) {
            st->search[0] = '\0';
            st->dirty = true;
            return true;
        }
        return false;
    case TK_CHAR: break;
    default: return false;
    }
    switch (k.ch) {
    case 'j': move(st, 1); return true;
    case 'k': move(st, -1); return true;
    case 'g': move(st, -st->nrows); return true;
    case 'G': move(st, st->nrows); return true;
    case '0': st->tier = BANK_ANY; break;
    case '1': st->tier = BANK_JUNIOR; break;
    case '2': st->tier = BANK_MID; break;
    case '3': st->tier = BANK_SENIOR; break;
    case 't': st->topic = st->topic + 1 >= BANK_NTOPICS ? BANK_ANY : st->topic + 1; break;
    case 'T': st->topic = st->topic == BANK_ANY ? BANK_NTOPICS - 1 : st->topic - 1; break;
    case '/': st->editing = true; return true;
    default: return false;
    }
    st->dirty = true;
    return true;
}

static const struct keyhelp browse_keys[] = {
    {"\u21b5", "open"},
    {"/", "search"},
    {"1 2 3", "junior, mid, senior"},
    {"0", "all tiers"},
    {"t T", "next, previous topic"},
    {NULL, NULL},
};

const struct screen screen_browse = {
    .name = "Browse",
    .keys = browse_keys,
    .help = "Questions by topic. The badge is the tier; the mark is your progress: \u00b7 new, "
            "\u2713 seen, ! due, \u2605 mastered. / searches the questions and answers (every "
            "word must occur); Enter applies, Esc clears.",
    .draw = browse_draw,
    .key = browse_key,
};
