/* screen_question.c: the Question screen: the question, then on space the
 * answer rendered from its Markdown and the key points; 1-4 grade recall
 * and store a review; n and p walk the list it was opened from; e opens the
 * first exercise in Run; f shows the follow-ups. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "md.h"
#include "model.h"

struct question_state {
    const struct bank_question **list; /* copied from the opener */
    int n, pos;
    bool revealed;    /* the answer is shown */
    bool follow_ups;  /* the follow-ups are shown */
    int graded;       /* 0, or the grade given to this question */
    char result[400]; /* what grading said */
    int result_role;
    struct md_doc *doc; /* the rendered page, for doc_width */
    int doc_width;
    int scroll;
    int view_h;           /* rows the page had in the last frame */
    enum store_mode mode; /* how grades are recorded: study or review */
    long long shown_at;   /* when the current question appeared (s) */
};

static struct question_state *state(struct app *a)
{
    if (!a->question)
        a->question = xcalloc(1, sizeof *a->question);
    return a->question;
}

static void forget_doc(struct question_state *st)
{
    md_doc_free(st->doc);
    st->doc = NULL;
}

void question_free(struct app *a)
{
    if (!a->question)
        return;
    forget_doc(a->question);
    free(a->question->list);
    free(a->question);
    a->question = NULL;
}

static void reset_page(struct question_state *st)
{
    st->revealed = false;
    st->follow_ups = false;
    st->graded = 0;
    st->result[0] = '\0';
    st->scroll = 0;
    forget_doc(st);
}

void question_open(struct app *a, const struct bank_question *const *list, int n, int pos)
{
    struct question_state *st = state(a);
    st->mode = app_top(a) == SCR_HOME ? STORE_REVIEW_MODE : STORE_STUDY;
    free(st->list);
    st->list = xmalloc((size_t)(n > 0 ? n : 1) * sizeof *st->list);
    if (n > 0)
        memcpy(st->list, list, (size_t)n * sizeof *list);
    st->n = n;
    st->pos = pos;
    reset_page(st);
    st->shown_at = app_now(a);
    app_push(a, SCR_QUESTION);
}

static const struct bank_question *current(const struct question_state *st)
{
    return st->n > 0 && st->pos >= 0 && st->pos < st->n ? st->list[st->pos] : NULL;
}

static void add_markdown_list(struct md_doc *d, const char *const *items, size_t n)
{
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        len += strlen(items[i]) + 4;
    char *md = xmalloc(len + 1);
    size_t o = 0;
    for (size_t i = 0; i < n; i++)
        o += (size_t)sprintf(md + o, "- %s\n", items[i]);
    md_render(d, md, o, tui_highlight_go, NULL);
    free(md);
}

static struct md_doc *build_doc(const struct question_state *st, int width)
{
    const struct bank_question *q = current(st);
    struct md_doc *d = md_doc_new(width);
    md_add_text(d, q->question, 0, ROLE_TITLE, ATTR_BOLD);
    md_add_blank(d);
    if (!st->revealed) {
        md_add_line(d, "Answer it aloud, then press ", ROLE_DIM, 0, "space", ROLE_KEY, 0,
                    " to see the answer.", ROLE_DIM, 0, NULL);
        return d;
    }
    md_add_line(d, "Answer", ROLE_INFO, ATTR_BOLD, NULL);
    md_render(d, q->answer, strlen(q->answer), tui_highlight_go, NULL);
    md_add_blank(d);
    md_add_line(d, "Key points", ROLE_INFO, ATTR_BOLD, NULL);
    add_markdown_list(d, q->key_points, q->nkey_points);
    if (q->nexercises > 0) {
        md_add_blank(d);
        md_add_line(d, "Exercises", ROLE_INFO, ATTR_BOLD, "  (e opens the first in Run)", ROLE_DIM,
                    0, NULL);
        for (size_t i = 0; i < q->nexercises; i++) {
            char line[256];
            snprintf(line, sizeof line, "%s: %s", q->exercises[i]->id, q->exercises[i]->title);
            md_add_text(d, line, 2, ROLE_TEXT, 0);
        }
    }
    if (st->follow_ups) {
        for (size_t i = 0; i < q->nfollow_ups; i++) {
            md_add_blank(d);
            char head[32];
            snprintf(head, sizeof head, "Follow-up %zu", i + 1);
            md_add_line(d, head, ROLE_INFO, ATTR_BOLD, NULL);
            md_add_text(d, q->follow_ups[i].question, 0, ROLE_TITLE, ATTR_BOLD);
            md_render(d, q->follow_ups[i].answer, strlen(q->follow_ups[i].answer), tui_highlight_go,
                      NULL);
        }
    }
    return d;
}

static int tier_role(enum bank_tier t)
{
    return t == BANK_JUNIOR ? ROLE_JUNIOR : t == BANK_MID ? ROLE_MID : ROLE_SENIOR;
}

static void question_draw(struct app *a, struct canvas *cv, struct rect body)
{
    struct question_state *st = state(a);
    const struct bank_question *q = current(st);
    if (!q) {
        draw_message(cv, body, ROLE_WARN, "Question", "There is no question to show.");
        return;
    }
    struct rect r = rect_inset(body, 2, 0);
    struct rect top = rect_cut_top(&r, 1);
    int x = top.x;
    x += cv_text(cv, x, top.y, 8, tier_role(q->tier), ATTR_BOLD, bank_tier_name(q->tier));
    x += cv_text(cv, x, top.y, 3, ROLE_DIM, 0, " \u00b7 ");
    x += cv_text(cv, x, top.y, 20, ROLE_TEXT, 0, bank_topic_name(q->topic));
    x += cv_text(cv, x, top.y, 3, ROLE_DIM, 0, " \u00b7 ");
    cv_text_fit(cv, x, top.y, top.x + top.w - x - 10, ROLE_DIM, 0, q->id);
    char pos[32];
    snprintf(pos, sizeof pos, "%d/%d", st->pos + 1, st->n);
    cv_text(cv, top.x + top.w - (int)strlen(pos), top.y, 9, ROLE_DIM, 0, pos);
    rect_cut_top(&r, 1);

    struct rect grade = rect_cut_bottom(&r, 1);
    rect_cut_bottom(&r, 1);
    if (!st->doc || st->doc_width != r.w) {
        forget_doc(st);
        st->doc = build_doc(st, r.w - 2);
        st->doc_width = r.w;
    }
    st->view_h = r.h;
    int max = st->doc->n - r.h;
    if (st->scroll > max)
        st->scroll = max > 0 ? max : 0;
    md_draw(cv, (struct rect){r.x, r.y, r.w - 1, r.h}, st->doc, st->scroll);
    if (st->doc->n > r.h) {
        /* A scroll bar: the thumb's size and place show the view. */
        int th = r.h * r.h / st->doc->n, ty = r.h * st->scroll / st->doc->n;
        if (th < 1)
            th = 1;
        for (int y = 0; y < r.h; y++)
            cv_put(cv, r.x + r.w - 1, r.y + y, y >= ty && y < ty + th ? 0x2503 : 0x2502,
                   y >= ty && y < ty + th ? ROLE_INFO : ROLE_BORDER, 0);
    }

    if (st->graded) {
        cv_text_fit(cv, grade.x, grade.y, grade.w, st->result_role, ATTR_BOLD, st->result);
    } else if (st->revealed) {
        static const char *const names[] = {"again", "hard", "good", "easy"};
        int gx = grade.x + cv_text(cv, grade.x, grade.y, 20, ROLE_DIM, 0, "How well? ");
        for (int g = 0; g < 4; g++) {
            char k[4] = {(char)('1' + g), 0};
            gx += cv_text(cv, gx, grade.y, 2, ROLE_KEY, 0, k);
            gx += cv_text(cv, gx + 1, grade.y, 8, ROLE_TEXT, 0, names[g]) + 3;
        }
    }
}

static void grade(struct app *a, struct question_state *st, int g)
{
    const struct bank_question *q = current(st);
    static const char *const names[] = {"again", "hard", "good", "easy"};
    long long now = app_now(a), next = 0;
    char err[300];
    if (!model_grade(a->model, q->id, g, st->mode, (now - st->shown_at) * 1000, now, &next, err,
                     sizeof err)) {
        snprintf(st->result, sizeof st->result, "Not stored: %s", err);
        st->result_role = ROLE_BAD;
        st->graded = g;
        return;
    }
    char when[64];
    model_when(now, next, when, sizeof when);
    snprintf(st->result, sizeof st->result, "Stored \"%s\". It comes back %s.%s", names[g - 1],
             when, st->pos + 1 < st->n ? " n: next question" : "");
    st->result_role = g == 1 ? ROLE_WARN : ROLE_GOOD;
    st->graded = g;
}

static void scroll_by(struct question_state *st, int d)
{
    st->scroll += d;
    if (st->scroll < 0)
        st->scroll = 0;
}

static bool question_key(struct app *a, struct tkey k)
{
    struct question_state *st = state(a);
    const struct bank_question *q = current(st);
    if (!q)
        return false;
    int page = st->view_h > 2 ? st->view_h - 2 : 1;
    switch (k.code) {
    case TK_UP: scroll_by(st, -1); return true;
    case TK_DOWN: scroll_by(st, 1); return true;
    case TK_PGUP: scroll_by(st, -page); return true;
    case TK_PGDN: scroll_by(st, page); return true;
    case TK_WHEEL_UP: scroll_by(st, -3); return true;
    case TK_WHEEL_DOWN: scroll_by(st, 3); return true;
    case TK_HOME: st->scroll = 0; return true;
    case TK_END: st->scroll = 1 << 20; return true;
    case TK_CHAR: break;
    default: return false;
    }
    switch (k.ch) {
    case ' ':
        if (!st->revealed) {
            st->revealed = true;
            forget_doc(st);
        } else {
            scroll_by(st, page);
        }
        return true;
    case 'j': scroll_by(st, 1); return true;
    case 'k': scroll_by(st, -1); return true;
    case 'g': st->scroll = 0; return true;
    case 'G': st->scroll = 1 << 20; return true;
    case '1':
    case '2':
    case '3':
    case '4':
        if (!st->revealed) {
            app_status(a, ROLE_INFO, "Reveal the answer (space) before grading your recall.");
            return true;
        }
        grade(a, st, (int)(k.ch - '0'));
        return true;
    case 'n':
    case 'p': {
        int to = st->pos + (k.ch == 'n' ? 1 : -1);
        if (to < 0 || to >= st->n) {
            app_status(a, ROLE_INFO,
                       k.ch == 'n' ? "This is the last question of the list."
                                   : "This is the first question of the list.");
            return true;
        }
        st->pos = to;
        reset_page(st);
        st->shown_at = app_now(a);
        return true;
    }
    case 'f':
        if (!st->revealed) {
            st->revealed = true;
        }
        st->follow_ups = !st->follow_ups;
        forget_doc(st);
        if (st->follow_ups)
            st->scroll = 1 << 20;
        return true;
    case 'e':
        if (q->nexercises == 0) {
            app_status(a, ROLE_INFO, "This question has no exercise.");
            return true;
        }
        run_open_exercise(a, q->exercises[0]->id);
        return true;
    default: return false;
    }
}

static void question_leave(struct app *a)
{
    /* Progress changed: the screens below count again. */
    (void)a;
}

static const struct keyhelp question_keys[] = {
    {"space", "reveal"}, {"1-4", "grade"},    {"n p", "next, prev"},
    {"e", "exercise"},   {"f", "follow-ups"}, {NULL, NULL},
};

const struct screen screen_question = {
    .name = "Question",
    .keys = question_keys,
    .help = "Answer the question in your own words first, then reveal the answer and compare "
            "it with the key points. Grade how well you recalled it: 1 again (you did not), "
            "2 hard, 3 good, 4 easy. The grade is stored and schedules the next review.",
    .draw = question_draw,
    .key = question_key,
    .leave = question_leave,
};
