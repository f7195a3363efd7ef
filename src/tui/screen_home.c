/* screen_home.c: the Home screen: the menu, reviews due now, the streak,
 * and mastered / seen / total per tier and per topic. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

struct home_state {
    int sel;              /* the selected menu entry */
    struct rect menu;     /* where the menu's entries were drawn */
    long long counted_at; /* generation of the counts below; -1 none */
    int done[BANK_NTIERS + BANK_NTOPICS], seen[BANK_NTIERS + BANK_NTOPICS],
        total[BANK_NTIERS + BANK_NTOPICS];
    int due;
};

struct menu_entry {
    const char *label;
    uint32_t key;
};

static const struct menu_entry menu[] = {
    {"Review due", 'r'}, {"Browse", 'b'}, {"Quiz", 'z'},
    {"Stats", 's'},      {"Help", '?'},   {"Quit", 'q'},
};
enum { NMENU = sizeof menu / sizeof menu[0] };

static struct home_state *state(struct app *a)
{
    if (!a->home) {
        a->home = xcalloc(1, sizeof *a->home);
        a->home->counted_at = -1;
    }
    return a->home;
}

void home_free(struct app *a)
{
    free(a->home);
    a->home = NULL;
}

static void count(struct app *a, struct home_state *st)
{
    struct model *m = a->model;
    long long now = app_now(a);
    memset(st->done, 0, sizeof st->done);
    memset(st->seen, 0, sizeof st->seen);
    memset(st->total, 0, sizeof st->total);
    for (size_t i = 0; i < m->nquestions; i++) {
        const struct bank_question *q = bank_question_at(m->bank, i);
        struct qprogress p;
        model_progress(m, q->id, now, &p);
        int slots[2] = {(int)q->tier, BANK_NTIERS + (int)q->topic};
        for (int s = 0; s < 2; s++) {
            st->total[slots[s]]++;
            st->seen[slots[s]] += p.seen;
            st->done[slots[s]] += p.mastered;
        }
    }
    st->due = model_due(m, now, NULL, 0);
    st->counted_at = m->generation;
}

static void draw_bar_row(struct canvas *cv, int x, int y, int w, const char *label, int role,
                         int done, int seen, int total)
{
    cv_text_fit(cv, x, y, 16, role, 0, label);
    char nums[32];
    snprintf(nums, sizeof nums, "%3d/%3d/%3d", done, seen, total);
    int bw = w - 17 - 12;
    if (bw < 4)
        bw = 4;
    cv_bar(cv, x + 17, y, bw, done, seen, total);
    cv_text(cv, x + 17 + bw + 1, y, 11, ROLE_DIM, 0, nums);
}

static const int tier_roles[BANK_NTIERS] = {ROLE_JUNIOR, ROLE_MID, ROLE_SENIOR};

static void draw_progress(struct app *a, struct home_state *st, struct canvas *cv, struct rect r)
{
    cv_box(cv, r, ROLE_BORDER, "Progress");
    struct rect in = rect_inset(r, 2, 1);
    int y = in.y;
    if (a->model->store) {
        char line[96];
        snprintf(line, sizeof line, "%d due now", st->due);
        cv_text(cv, in.x, y, in.w, st->due ? ROLE_WARN : ROLE_GOOD, ATTR_BOLD, line);
        int streak = model_streak(a->model, app_now(a));
        if (streak < 0)
            snprintf(line, sizeof line, "streak: \u2026");
        else
            snprintf(line, sizeof line, "streak: %d day%s", streak, streak == 1 ? "" : "s");

        cv_text(cv, in.x + 20, y, in.w - 20, ROLE_TEXT, 0, line);
        y += 2;
    } else {
        y += draw_wrapped(cv, (struct rect){in.x, y, in.w, 2}, 0, ROLE_WARN, 0,
                          a->model->store_problem) > 1
                 ? 2
                 : 1;
        y++;
    }
    cv_text(cv, in.x, y, in.w, ROLE_TITLE, ATTR_BOLD, "Tiers");
    cv_text(cv, in.x + in.w - 22, y, 22, ROLE_DIM, 0, "mastered/seen/total");
    y++;
    for (int t = 0; t < BANK_NTIERS && y < in.y + in.h; t++, y++)
        draw_bar_row(cv, in.x, y, in.w, bank_tier_name((enum bank_tier)t), tier_roles[t],
                     st->done[t], st->seen[t], st->total[t]);
    y++;
    if (y < in.y + in.h)
        cv_text(cv, in.x, y++, in.w, ROLE_TITLE, ATTR_BOLD, "Topics");
    for (int t = 0; t < BANK_NTOPICS && y < in.y + in.h; t++, y++) {
        int s = BANK_NTIERS + t;
        draw_bar_row(cv, in.x, y, in.w, bank_topic_name((enum bank_topic)t), ROLE_TEXT, st->done[s],
                     st->seen[s], st->total[s]);
    }
}

static void home_draw(struct app *a, struct canvas *cv, struct rect body)
{
    struct home_state *st = state(a);
    if (st->counted_at != a->model->generation)
        count(a, st);
    struct rect r = rect_inset(body, 1, 0);
    struct rect left = rect_cut_left(&r, 28);
    rect_cut_left(&r, 1);
    struct rect mbox = rect_cut_top(&left, NMENU + 2);
    cv_box(cv, mbox, ROLE_BORDER, "Menu");
    st->menu = rect_inset(mbox, 1, 1);
    for (int i = 0; i < NMENU; i++) {
        int y = st->menu.y + i;
        bool sel = i == st->sel;
        cv_text(cv, st->menu.x, y, 2, ROLE_KEY, 0, sel ? "\u25b8" : " ");
        cv_text(cv, st->menu.x + 2, y, 18, ROLE_TEXT, 0, menu[i].label);
        char k[8];
        k[utf8_encode(menu[i].key, k)] = '\0';
        cv_text(cv, st->menu.x + st->menu.w - 3, y, 2, ROLE_KEY, 0, k);
        if (sel)
            cv_paint(cv, (struct rect){st->menu.x, y, st->menu.w, 1}, ROLE_SELECTED, 0);
    }
    /* Under the menu: what the bank holds, or why it does not. */
    struct rect note = rect_inset(left, 1, 1);
    if (a->model->bank_problem[0]) {
        draw_wrapped(cv, note, 0, ROLE_BAD, 0, a->model->bank_problem);
    } else {
        struct bank_counts c;
        bank_count(a->model->bank, &c);
        char text[256];
        snprintf(text, sizeof text,
                 "%zu questions (%zu junior, %zu mid, %zu senior), %zu exercises, %zu with a fix.",
                 c.questions, c.by_tier[BANK_JUNIOR], c.by_tier[BANK_MID], c.by_tier[BANK_SENIOR],
                 c.exercises, c.fixes);
        int n = draw_wrapped(cv, note, 0, ROLE_DIM, 0, text);
        struct rect tip = {note.x, note.y + n + 1, note.w, note.h - n - 1};
        draw_wrapped(cv, tip, 0, ROLE_DIM, 0,
                     "Grade your recall from 1 (again) to 4 (easy); reviews come back "
                     "when you are about to forget.");
    }
    if (r.h > 20)
        r.h = 20; /* the box fits its content on tall terminals */
    draw_progress(a, st, cv, r);
}

static void activate(struct app *a, uint32_t key)
{
    struct model *m = a->model;
    switch (key) {
    case 'r': {
        if (!m->store) {
            app_status(a, ROLE_WARN, "%s", m->store_problem);
            return;
        }
        long long now = app_now(a);
        int n = model_due(m, now, NULL, 0);
        if (n == 0) {
            app_status(a, ROLE_GOOD, "Nothing is due now. Browse (b) to learn new questions.");
            return;
        }
        const struct bank_question **list = xmalloc((size_t)n * sizeof *list);
        n = model_due(m, now, list, n);
        question_open(a, list, n, 0);
        free(list);
        break;
    }
    case 'b': browse_open(a); break;
    case 'z': quiz_open(a); break;
    case 's': stats_open(a); break;
    case '?':
        a->help = true;
        a->help_scroll = 0;
        break;
    case 'q': a->quit = true; break;
    default: break;
    }
}

static bool home_key(struct app *a, struct tkey k)
{
    struct home_state *st = state(a);
    switch (k.code) {
    case TK_UP: st->sel = (st->sel + NMENU - 1) % NMENU; return true;
    case TK_DOWN: st->sel = (st->sel + 1) % NMENU; return true;
    case TK_HOME: st->sel = 0; return true;
    case TK_END: st->sel = NMENU - 1; return true;
    case TK_ENTER: activate(a, menu[st->sel].key); return true;
    case TK_CLICK:
        if (rect_contains(st->menu, k.x, k.y)) {
            st->sel = k.y - st->menu.y;
            activate(a, menu[st->sel].key);
        }
        return true;
    case TK_CHAR:
        if (k.ch == 'j') {
            st->sel = (st->sel + 1) % NMENU;
            return true;
        }
        if (k.ch == 'k') {
            st->sel = (st->sel + NMENU - 1) % NMENU;
            return true;
        }
        if (k.ch == 'g') {
            st->sel = 0;
            return true;
        }
        if (k.ch == 'G') {
            st->sel = NMENU - 1;
            return true;
        }
        for (int i = 0; i < NMENU; i++)
            if (menu[i].key == k.ch && k.ch != '?' && k.ch != 'q') {
                st->sel = i;
                activate(a, k.ch);
                return true;
            }
        return false;
    default: return false;
    }
}

static const struct keyhelp home_keys[] = {
    {"r", "review due"}, {"b", "browse"},    {"z", "quiz"},
    {"s", "stats"},      {"\u21b5", "open"}, {NULL, NULL},
};

const struct screen screen_home = {
    .name = "Home",
    .keys = home_keys,
    .help = "Home shows what is due and how far you are in each tier and topic: the solid part "
            "of a bar is mastered (reviewed, and not due again for 21 days or more), the shaded "
            "part seen, the rest new.",
    .draw = home_draw,
    .key = home_key,
};
