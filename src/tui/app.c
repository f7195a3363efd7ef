/* app.c: the screen stack and the frame around every screen: the header,
 * the footer with the current screen's keys, the status line, the Help
 * overlay, and the "terminal too small" notice. Keys the screen does not
 * use fall through to the global ones here (q, ?, Esc, Ctrl-C). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model.h"
#include "tui_impl.h"

static const struct screen *const screens[SCR_COUNT] = {
    [SCR_HOME] = &screen_home, [SCR_BROWSE] = &screen_browse, [SCR_QUESTION] = &screen_question,
    [SCR_RUN] = &screen_run,   [SCR_QUIZ] = &screen_quiz,     [SCR_STATS] = &screen_stats,
};

/* Keys that work on every screen, listed in Help after the screen's own. */
static const struct keyhelp global_keys[] = {
    {"?", "this help"},
    {"q", "back (quit from Home)"},
    {"Esc", "close an overlay, or back"},
    {"\u2191\u2193 j k", "move"},
    {"g G", "first, last"},
    {"PgUp PgDn", "page"},
    {"mouse", "click to select, wheel to scroll"},
    {"Ctrl-C", "quit at once"},
    {NULL, NULL},
};

struct app *app_new(const struct tui_options *opt)
{
    struct app *a = xcalloc(1, sizeof *a);
    a->opt = *opt;
    a->model = model_open(opt);
    a->stack[0] = SCR_HOME;
    a->depth = 1;
    return a;
}

void app_free(struct app *a)
{
    if (!a)
        return;
    while (a->depth > 0) {
        const struct screen *s = screens[a->stack[a->depth - 1]];
        if (s->leave)
            s->leave(a);
        a->depth--;
    }
    home_free(a);
    browse_free(a);
    question_free(a);
    run_free(a);
    quiz_free(a);
    stats_free(a);
    model_close(a->model);
    free(a);
}

enum screen_id app_top(const struct app *a)
{
    return a->stack[a->depth - 1];
}

void app_push(struct app *a, enum screen_id id)
{
    if (app_top(a) == id)
        return;
    /* Re-opening a screen already on the stack goes back to it. */
    for (int i = 0; i < a->depth; i++) {
        if (a->stack[i] == id) {
            while (a->depth - 1 > i)
                app_pop(a);
            return;
        }
    }
    if (a->depth == APP_MAX_DEPTH)
        app_pop(a);
    a->stack[a->depth++] = id;
}

void app_pop(struct app *a)
{
    /* `chanlab watch` opened Run over Home: leaving Run leaves the app. */
    if (a->depth <= 1 || (a->opt.watch_file && a->depth == 2 && app_top(a) == SCR_RUN)) {

        a->quit = true;
        return;
    }
    const struct screen *s = screens[app_top(a)];
    if (s->leave)
        s->leave(a);
    a->depth--;
}

void app_status(struct app *a, int role, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->status, sizeof a->status, fmt, ap);
    va_end(ap);
    a->status_role = role;
}

long long app_now(const struct app *a)
{
    if (a->now_override)
        return a->now_override;
    return (long long)time(NULL);
}

bool key_is(struct tkey k, uint32_t c)
{
    return k.code == TK_CHAR && k.ch == c;
}

/* ---- drawing ----------------------------------------------------------- */

static void draw_header(struct app *a, struct canvas *cv, struct rect r)
{
    cv_fill(cv, r, ' ', ROLE_HEADER);
    int x = cv_text(cv, r.x + 1, r.y, r.w - 2, ROLE_HEADER, 0, "chanlab");
    for (int i = 1; i < a->depth; i++) {
        x += cv_text(cv, r.x + 1 + x, r.y, r.w - 2 - x, ROLE_HEADER, 0, " \u203a ");
        x += cv_text(cv, r.x + 1 + x, r.y, r.w - 2 - x, ROLE_HEADER, 0, screens[a->stack[i]]->name);
    }
    char right[96];
    model_header_note(a->model, app_now(a), right, sizeof right);
    int rw = utf8_width(right, strlen(right));
    if (rw > 0 && x + rw + 4 < r.w)
        cv_text(cv, r.x + r.w - rw - 1, r.y, rw, ROLE_HEADER, 0, right);
}

/* The footer lists the screen's keys, then ? and q, as many as fit. */
static void draw_footer(struct app *a, struct canvas *cv, struct rect r)
{
    cv_fill(cv, r, ' ', ROLE_FOOTER);
    const struct keyhelp *keys = screens[app_top(a)]->keys;
    static const struct keyhelp tail[] = {{"?", "help"}, {"q", "back"}, {NULL, NULL}};
    static const struct keyhelp tail_home[] = {{"?", "help"}, {"q", "quit"}, {NULL, NULL}};
    const struct keyhelp *lists[2] = {keys, a->depth == 1 ? tail_home : tail};
    if (a->help) {
        static const struct keyhelp help_keys[] = {
            {"\u2191\u2193", "scroll"}, {"Esc", "close help"}, {NULL, NULL}};
        lists[0] = help_keys;
        lists[1] = NULL;
    }
    int x = r.x + 1;
    int tail_w = 0;
    for (const struct keyhelp *k = lists[1]; k && k->key; k++)
        tail_w += utf8_width(k->key, strlen(k->key)) + utf8_width(k->what, strlen(k->what)) + 3;
    for (int l = 0; l < 2; l++) {
        for (const struct keyhelp *k = lists[l]; k && k->key; k++) {
            int kw = utf8_width(k->key, strlen(k->key));
            int ww = utf8_width(k->what, strlen(k->what));
            int limit = r.x + r.w - (l == 0 ? tail_w : 0);
            if (x + kw + 1 + ww > limit)
                break;
            cv_text(cv, x, r.y, kw, ROLE_FOOTER_KEY, 0, k->key);
            cv_text(cv, x + kw + 1, r.y, ww, ROLE_FOOTER, 0, k->what);
            x += kw + 1 + ww + 2;
        }
    }
}

static int help_line(struct canvas *cv, struct rect r, int line, int first, const struct keyhelp *k)
{
    int y = r.y + line - first;
    if (y >= r.y && y < r.y + r.h) {
        cv_text_fit(cv, r.x, y, 12, ROLE_KEY, 0, k->key);
        cv_text_fit(cv, r.x + 13, y, r.w - 13, ROLE_TEXT, 0, k->what);
    }
    return line + 1;
}

static int help_title(struct canvas *cv, struct rect r, int line, int first, const char *t)
{
    int y = r.y + line - first;
    if (y >= r.y && y < r.y + r.h)
        cv_text_fit(cv, r.x, y, r.w, ROLE_TITLE, ATTR_BOLD, t);
    return line + 1;
}

static void draw_help(struct app *a, struct canvas *cv, struct rect body)
{
    const struct screen *s = screens[app_top(a)];
    int w = body.w - 8 < 76 ? body.w - 8 : 76;
    int h = body.h - 2;
    struct rect box = {body.x + (body.w - w) / 2, body.y + 1, w, h};
    cv_fill(cv, box, ' ', ROLE_TEXT);
    char title[64];
    snprintf(title, sizeof title, "Help: %s", s->name);
    cv_box(cv, box, ROLE_BORDER, title);
    struct rect in = rect_inset(box, 2, 1);
    int first = a->help_scroll, line = 0;
    if (s->help) {
        struct wrap_line wl[32];
        int n = text_wrap(s->help, in.w, wl, 32);
        for (int i = 0; i < n && i < 32; i++, line++) {
            int y = in.y + line - first;
            if (y >= in.y && y < in.y + in.h)
                cv_textn(cv, in.x, y, in.w, ROLE_TEXT, 0, s->help + wl[i].off, wl[i].len);
        }
        line++;
    }
    line = help_title(cv, in, line, first, "Keys on this screen");
    for (const struct keyhelp *k = s->keys; k && k->key; k++)
        line = help_line(cv, in, line, first, k);
    line++;
    line = help_title(cv, in, line, first, "Everywhere");
    for (const struct keyhelp *k = global_keys; k->key; k++)
        line = help_line(cv, in, line, first, k);
    int max = line - in.h;
    if (a->help_scroll > (max > 0 ? max : 0))
        a->help_scroll = max > 0 ? max : 0;
}

static void draw_too_small(struct app *a, struct canvas *cv)
{
    struct rect all = {0, 0, cv->w, cv->h};
    char msg[128];
    snprintf(msg, sizeof msg, "terminal too small: %dx%d, chanlab needs at least %dx%d", cv->w,
             cv->h, APP_MIN_W, APP_MIN_H);
    struct wrap_line wl[8];
    int n = text_wrap(msg, cv->w > 0 ? cv->w : 1, wl, 8);
    if (n > 8)
        n = 8;
    int y0 = (cv->h - n - 1) / 2;
    if (y0 < 0)
        y0 = 0;
    for (int i = 0; i < n; i++) {
        int x = (cv->w - wl[i].width) / 2;
        cv_textn(cv, x < 0 ? 0 : x, y0 + i, cv->w, ROLE_WARN, ATTR_BOLD, msg + wl[i].off,
                 wl[i].len);
    }
    cv_center(cv, all, y0 + n, ROLE_DIM, 0, a->depth == 1 ? "q quits" : "q goes back");
}

void app_draw(struct app *a, struct canvas *cv)
{
    canvas_clear(cv);
    a->w = cv->w;
    a->h = cv->h;
    if (cv->w < APP_MIN_W || cv->h < APP_MIN_H) {
        draw_too_small(a, cv);
        return;
    }
    struct rect r = {0, 0, cv->w, cv->h};
    struct rect header = rect_cut_top(&r, 1);
    struct rect footer = rect_cut_bottom(&r, 1);
    a->body = r;
    draw_header(a, cv, header);
    screens[app_top(a)]->draw(a, cv, r);
    if (a->status[0]) {
        struct rect sl = {r.x, r.y + r.h - 1, r.w, 1};
        cv_fill(cv, sl, ' ', a->status_role);
        cv_text_fit(cv, sl.x + 1, sl.y, sl.w - 2, a->status_role, ATTR_BOLD, a->status);
    }
    if (a->help)
        draw_help(a, cv, r);
    draw_footer(a, cv, footer);
}

/* ---- input ------------------------------------------------------------- */

static void help_key(struct app *a, struct tkey k)
{
    if (k.code == TK_ESC || key_is(k, '?') || key_is(k, 'q')) {
        a->help = false;
        return;
    }
    if (k.code == TK_DOWN || key_is(k, 'j') || k.code == TK_WHEEL_DOWN)
        a->help_scroll++;
    else if ((k.code == TK_UP || key_is(k, 'k') || k.code == TK_WHEEL_UP) && a->help_scroll > 0)
        a->help_scroll--;
    else if (k.code == TK_PGDN)
        a->help_scroll += 10;
    else if (k.code == TK_PGUP)
        a->help_scroll = a->help_scroll > 10 ? a->help_scroll - 10 : 0;
    else if (key_is(k, 'g') || k.code == TK_HOME)
        a->help_scroll = 0;
}

void app_key(struct app *a, struct tkey k)
{
    if (k.code == TK_INTERRUPT) {
        a->quit = true;
        return;
    }
    if (k.code == TK_TIMEOUT || k.code == TK_NONE || k.code == TK_RESIZE)
        return;
    a->status[0] = '\0';
    if (a->w < APP_MIN_W || a->h < APP_MIN_H) {
        if (key_is(k, 'q') || k.code == TK_ESC)
            app_pop(a);
        return;
    }
    if (a->help) {
        help_key(a, k);
        return;
    }
    if (screens[app_top(a)]->key(a, k))
        return;
    if (key_is(k, '?')) {
        a->help = true;
        a->help_scroll = 0;
    } else if (key_is(k, 'q') || k.code == TK_ESC) {
        app_pop(a);
    }
}

int app_tick_ms(struct app *a)
{
    if (model_pending(a->model, app_now(a)))
        return 0;
    const struct screen *s = screens[app_top(a)];
    return s->tick_ms ? s->tick_ms(a) : -1;
}

void app_tick(struct app *a)
{
    if (model_idle(a->model, app_now(a)))
        return;
    const struct screen *s = screens[app_top(a)];

    if (s->tick)
        s->tick(a);
}
