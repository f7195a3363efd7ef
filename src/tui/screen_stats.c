/* screen_stats.c: the Stats screen: mastery by tier and by topic, leeches
 * (8 or more lapses, as Anki marks them), reviews per day over 30 days as a
 * bar chart, retention, and the due forecast for the next 14 days. Every
 * number comes from store_stats over 13 groups at once: everything, the 3
 * tiers, the 9 topics. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

enum { G_ALL, G_TIER0, G_TOPIC0 = G_TIER0 + BANK_NTIERS, NGROUPS = G_TOPIC0 + BANK_NTOPICS };

struct stats_state {
    long long gen;    /* model generation the numbers are for; -1 none */
    long long minute; /* ... and the minute */
    bool ok;          /* store_stats succeeded */
    char error[300];  /* why not */
    struct store_stats g[NGROUPS];
    int total[NGROUPS];  /* questions in the bank per group */
    char leeches[8][96]; /* "id (N lapses)" */
    int nleeches;
    int scroll;
};

void stats_free(struct app *a)
{
    free(a->stats);
    a->stats = NULL;
}

void stats_open(struct app *a)
{
    if (!a->stats)
        a->stats = xcalloc(1, sizeof *a->stats);
    a->stats->gen = -1;
    app_push(a, SCR_STATS);
}

static uint32_t classify(const char *id, void *ctx)
{
    const struct bank_question *q = bank_question_find(ctx, id);
    if (!q)
        return 1u << G_ALL;
    return 1u << G_ALL | 1u << (G_TIER0 + (int)q->tier) | 1u << (G_TOPIC0 + (int)q->topic);
}

static void compute(struct app *a, struct stats_state *st)
{
    struct model *m = a->model;
    long long now = app_now(a);
    memset(st->total, 0, sizeof st->total);
    for (size_t i = 0; i < m->nquestions; i++) {
        const struct bank_question *q = bank_question_at(m->bank, i);
        st->total[G_ALL]++;
        st->total[G_TIER0 + (int)q->tier]++;
        st->total[G_TOPIC0 + (int)q->topic]++;
    }
    enum store_status rc =
        store_stats(m->store, now * 1000, model_tz_offset(now), NGROUPS, classify, m->bank, st->g);
    st->ok = rc == STORE_OK;
    if (!st->ok)
        snprintf(st->error, sizeof st->error, "Statistics failed: %s", store_errmsg(m->store));
    st->nleeches = 0;
    struct store_cards all = {0};
    if (store_cards_all(m->store, &all) == STORE_OK) {
        for (size_t i = 0; i < all.n && st->nleeches < 8; i++)
            if (all.rows[i].card.lapses >= STORE_LEECH_LAPSES)
                snprintf(st->leeches[st->nleeches++], sizeof st->leeches[0], "%s (%d lapses)",
                         all.rows[i].question, all.rows[i].card.lapses);
        store_cards_free(&all);
    }
    st->gen = m->generation;
    st->minute = now / 60;
}

static void bar_row(struct canvas *cv, int x, int y, int w, const char *label, int role,
                    const struct store_stats *s, int total)
{
    cv_text_fit(cv, x, y, 15, role, 0, label);
    char nums[32];
    snprintf(nums, sizeof nums, "%3d/%3d/%3d", s->mastered, s->seen, total);
    int bw = w - 16 - 12;
    cv_bar(cv, x + 16, y, bw < 3 ? 3 : bw, s->mastered, s->seen, total);
    cv_text(cv, x + w - 11, y, 11, ROLE_DIM, 0, nums);
}

/* A column chart of n values in r: one column per value (gap columns when
 * r is wide enough), eighth blocks for the fractional top. */
static void column_chart(struct canvas *cv, struct rect r, const int *v, int n, int role)
{
    static const uint32_t eighths[9] = {' ',    0x2581, 0x2582, 0x2583, 0x2584,
                                        0x2585, 0x2586, 0x2587, 0x2588};
    int max = 0;
    for (int i = 0; i < n; i++)
        if (v[i] > max)
            max = v[i];
    int step = r.w >= 2 * n ? 2 : 1;
    for (int i = 0; i < n && i * step < r.w; i++) {
        long long units = max > 0 ? (long long)v[i] * r.h * 8 / max : 0;
        if (v[i] > 0 && units == 0)
            units = 1;
        for (int row = 0; row < r.h; row++) {
            long long cell = units - (long long)row * 8;
            int e = cell >= 8 ? 8 : cell <= 0 ? 0 : (int)cell;
            cv_put(cv, r.x + i * step, r.y + r.h - 1 - row, eighths[e], role, 0);
        }
    }
}

static void stats_draw(struct app *a, struct canvas *cv, struct rect body)
{
    struct model *m = a->model;
    if (!m->store) {
        draw_message(cv, body, ROLE_WARN, "Stats", m->store_problem);
        return;
    }
    struct stats_state *st = a->stats;
    if (st->gen != m->generation || st->minute != app_now(a) / 60)
        compute(a, st);
    if (!st->ok) {
        draw_message(cv, body, ROLE_BAD, "Stats", st->error);
        return;
    }
    struct rect r = rect_inset(body, 1, 0);
    int lw = r.w / 2;
    struct rect left = rect_cut_left(&r, lw);
    rect_cut_left(&r, 1);
    struct rect right = r;

    /* Left: mastery by tier and topic, then leeches. */
    int y = left.y;
    cv_text(cv, left.x, y, left.w, ROLE_TITLE, ATTR_BOLD, "Mastery by tier");
    cv_text(cv, left.x + left.w - 19, y, 19, ROLE_DIM, 0, "mastered/seen/total");
    y++;
    static const int tier_roles[BANK_NTIERS] = {ROLE_JUNIOR, ROLE_MID, ROLE_SENIOR};
    for (int t = 0; t < BANK_NTIERS; t++)
        bar_row(cv, left.x, y++, left.w, bank_tier_name((enum bank_tier)t), tier_roles[t],
                &st->g[G_TIER0 + t], st->total[G_TIER0 + t]);
    y++;
    cv_text(cv, left.x, y++, left.w, ROLE_TITLE, ATTR_BOLD, "Mastery by topic");
    for (int t = 0; t < BANK_NTOPICS; t++)
        bar_row(cv, left.x, y++, left.w, bank_topic_name((enum bank_topic)t), ROLE_TEXT,
                &st->g[G_TOPIC0 + t], st->total[G_TOPIC0 + t]);
    y++;
    char head[64];
    snprintf(head, sizeof head, "Leeches (%d or more lapses): %d", STORE_LEECH_LAPSES,
             st->g[G_ALL].leeches);
    cv_text(cv, left.x, y++, left.w, ROLE_TITLE, ATTR_BOLD, head);
    if (st->nleeches == 0 && y < left.y + left.h)
        cv_text(cv, left.x + 2, y++, left.w - 2, ROLE_GOOD, 0, "none");
    for (int i = 0; i < st->nleeches && y < left.y + left.h; i++)
        cv_text_fit(cv, left.x + 2, y++, left.w - 2, ROLE_BAD, 0, st->leeches[i]);

    /* Right: the numbers, reviews per day, due forecast. */
    const struct store_stats *all = &st->g[G_ALL];
    y = right.y;
    char line[128];
    if (all->retention >= 0)
        snprintf(line, sizeof line, "Retention (30 days): %.0f%% of %lld", all->retention * 100,
                 (long long)all->recall_reviews);
    else
        snprintf(line, sizeof line, "Retention (30 days): no reviews yet");
    cv_text_fit(cv, right.x, y++, right.w, ROLE_TEXT, 0, line);
    snprintf(line, sizeof line, "%lld review%s \u00b7 streak %d day%s \u00b7 %d due",
             (long long)all->reviews, all->reviews == 1 ? "" : "s", all->streak,
             all->streak == 1 ? "" : "s", all->due);

    cv_text_fit(cv, right.x, y++, right.w, ROLE_TEXT, 0, line);
    y++;
    int sumd = 0;
    for (int i = 0; i < STORE_DAYS_HISTORY; i++) {
        sumd += all->per_day[i];
    }
    snprintf(line, sizeof line, "Reviews per day (30 days: %d)", sumd);
    cv_text_fit(cv, right.x, y++, right.w, ROLE_TITLE, ATTR_BOLD, line);
    column_chart(cv, (struct rect){right.x, y, right.w, 6}, all->per_day, STORE_DAYS_HISTORY,
                 ROLE_INFO);
    y += 6;
    cv_text(cv, right.x, y, 12, ROLE_DIM, 0, "30 days ago");
    cv_text(cv, right.x + (right.w >= 60 ? 59 : 30) - 5, y, 5, ROLE_DIM, 0, "today");
    y += 2;
    int sumf = 0;
    for (int i = 0; i < STORE_DAYS_FORECAST; i++)
        sumf += all->forecast[i];
    snprintf(line, sizeof line, "Due in the next 14 days (%d)", sumf);
    cv_text_fit(cv, right.x, y++, right.w, ROLE_TITLE, ATTR_BOLD, line);
    int fh = right.y + right.h - y - 2;
    if (fh > 5)
        fh = 5;
    if (fh > 0) {
        column_chart(cv, (struct rect){right.x, y, right.w, fh}, all->forecast, STORE_DAYS_FORECAST,
                     ROLE_WARN);
        y += fh;
        for (int i = 0; i < STORE_DAYS_FORECAST && 2 * i + 1 < right.w; i++) {
            char n[16];

            snprintf(n, sizeof n, "%d", all->forecast[i] > 99 ? 99 : all->forecast[i]);
            cv_text(cv, right.x + 2 * i, y, 2, ROLE_DIM, 0, all->forecast[i] ? n : "\u00b7");
        }
        y++;
        cv_text(cv, right.x, y, 6, ROLE_DIM, 0, "today");
        cv_text(cv, right.x + 2 * 13 - 1, y, 4, ROLE_DIM, 0, "+13");
    }
}

static bool stats_key(struct app *a, struct tkey k)
{
    if (key_is(k, 'r')) {
        a->stats->gen = -1;
        return true;
    }
    return false;
}

static const struct keyhelp stats_keys[] = {{"r", "recompute"}, {NULL, NULL}};

const struct screen screen_stats = {
    .name = "Stats",
    .keys = stats_keys,
    .help = "Mastered: in review and not due for 21 days or more. Leeches: questions you "
            "failed (graded again in review) 8 times or more; rewrite your notes on them. "
            "Retention: the share of reviews of learned questions in the last 30 days that "
            "you recalled (hard or better).",
    .draw = stats_draw,
    .key = stats_key,
};
