/* tui_impl.h: what the files of src/tui share; no other layer includes it.
 *
 * The app is a stack of screens over one model. Every frame is drawn from
 * state into a canvas (a grid of cells, each a code point with a role);
 * term.c, the only file that includes <curses.h>, copies the canvas to the
 * terminal and turns the terminal's input into struct tkey values. Because
 * screens only ever see a canvas and keys, the tests drive the whole app
 * headless at a fixed size and read the canvas back as text.
 *
 * Colours are chosen by role (ROLE_*), never by the screens: term.c maps
 * roles to 256 colours, 8 colours or plain attributes (NO_COLOR). */
#ifndef CHANLAB_TUI_IMPL_H
#define CHANLAB_TUI_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tui.h"

/* ---- roles ------------------------------------------------------------- */

#define TUI_ROLES(X)                                                                               \
    X(TEXT)                                                                                        \
    X(DIM)                                                                                         \
    X(TITLE)                                                                                       \
    X(HEADER)                                                                                      \
    X(FOOTER)                                                                                      \
    X(FOOTER_KEY)                                                                                  \
    X(KEY)                                                                                         \
    X(SELECTED)                                                                                    \
    X(BORDER)                                                                                      \
    X(JUNIOR)                                                                                      \
    X(MID)                                                                                         \
    X(SENIOR)                                                                                      \
    X(GOOD)                                                                                        \
    X(WARN)                                                                                        \
    X(BAD)                                                                                         \
    X(INFO)                                                                                        \
    X(BAR_DONE)                                                                                    \
    X(BAR_SEEN)                                                                                    \
    X(BAR_EMPTY)                                                                                   \
    X(CODE)                                                                                        \
    X(SYN_KEYWORD)                                                                                 \
    X(SYN_TYPE)                                                                                    \
    X(SYN_STRING)                                                                                  \
    X(SYN_NUMBER)                                                                                  \
    X(SYN_COMMENT)                                                                                 \
    X(SYN_OP)                                                                                      \
    X(GUTTER)                                                                                      \
    X(G_RUNNING)                                                                                   \
    X(G_RUNNABLE)                                                                                  \
    X(G_BLOCKED)

enum role {
#define TUI_ROLE_ENUM(name) ROLE_##name,
    TUI_ROLES(TUI_ROLE_ENUM)
#undef TUI_ROLE_ENUM
        ROLE_COUNT
};

/* role_name returns "TEXT", "DIM", ... for golden tests; static storage. */
const char *role_name(int role);

enum { ATTR_BOLD = 1, ATTR_UNDERLINE = 2, ATTR_REVERSE = 4, ATTR_ITALIC = 8 };

/* ---- utf-8 ------------------------------------------------------------- */

/* utf8_next decodes one code point at s (at most n bytes) into *cp and
 * returns the bytes it used (at least 1; invalid bytes decode as U+FFFD). */
int utf8_next(const char *s, size_t n, uint32_t *cp);

/* cp_width is the number of columns a code point takes: 0 for combining
 * marks, 2 for East Asian wide and emoji, 1 otherwise. */
int cp_width(uint32_t cp);

/* utf8_width is the display width of n bytes of s (stops at NUL). */
int utf8_width(const char *s, size_t n);

/* utf8_encode writes cp as UTF-8 into out (at least 4 bytes), returns the
 * length. */
int utf8_encode(uint32_t cp, char *out);

/* ---- canvas ------------------------------------------------------------ */

/* One screen cell. ch == 0 marks the right half of a wide character. */
struct cell {
    uint32_t ch;  /* code point */
    uint8_t role; /* enum role */
    uint8_t attr; /* ATTR_* added to the role's own */
};

struct canvas {
    int w, h;           /* size in cells */
    struct cell *cells; /* h rows of w cells */
};

struct rect {
    int x, y, w, h;
};

/* canvas_new returns a blank canvas of w x h cells (caller frees with
 * canvas_free); canvas_resize changes the size and blanks it. */
struct canvas *canvas_new(int w, int h);
void canvas_free(struct canvas *cv);
void canvas_resize(struct canvas *cv, int w, int h);
void canvas_clear(struct canvas *cv);

/* cv_text writes the UTF-8 text s (n bytes, or up to NUL when n is
 * (size_t)-1) at column x of row y, in at most maxw columns, clipped to
 * the canvas; control characters show as spaces and a newline ends it.
 * Returns the columns written. */
int cv_textn(struct canvas *cv, int x, int y, int maxw, int role, int attr, const char *s,
             size_t n);
int cv_text(struct canvas *cv, int x, int y, int maxw, int role, int attr, const char *s);

/* cv_text_fit is cv_text that ends with "…" when s does not fit. */
int cv_text_fit(struct canvas *cv, int x, int y, int maxw, int role, int attr, const char *s);

/* cv_printf formats into at most maxw columns like cv_text_fit. */
int cv_printf(struct canvas *cv, int x, int y, int maxw, int role, int attr, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

void cv_put(struct canvas *cv, int x, int y, uint32_t ch, int role, int attr);
void cv_fill(struct canvas *cv, struct rect r, uint32_t ch, int role);
/* cv_paint sets the role (and adds attr) of every cell of r, keeping text. */
void cv_paint(struct canvas *cv, struct rect r, int role, int attr);
/* cv_box draws a rounded border around r with title (may be NULL) on it. */
void cv_box(struct canvas *cv, struct rect r, int role, const char *title);
/* cv_bar draws a progress bar of w cells: done/total solid, seen/total
 * shaded, the rest light. */
void cv_bar(struct canvas *cv, int x, int y, int w, int done, int seen, int total);
/* cv_center writes s centred in row y of r. */
void cv_center(struct canvas *cv, struct rect r, int y, int role, int attr, const char *s);

const struct cell *cv_cell(const struct canvas *cv, int x, int y);
/* cv_row_text returns row y as UTF-8 without trailing blanks; cv_dump the
 * whole canvas, one line per row. Caller frees both. */
char *cv_row_text(const struct canvas *cv, int y);
char *cv_dump(const struct canvas *cv);

/* ---- layout ------------------------------------------------------------ */

/* rect_cut_* take n rows or columns off one side of *r (clamped to what is
 * there) and return them. */
struct rect rect_cut_top(struct rect *r, int n);
struct rect rect_cut_bottom(struct rect *r, int n);
struct rect rect_cut_left(struct rect *r, int n);
struct rect rect_cut_right(struct rect *r, int n);
struct rect rect_inset(struct rect r, int dx, int dy);
bool rect_contains(struct rect r, int x, int y);

/* layout_split divides total cells among n parts in proportion to
 * weights, each part getting at least min[i] (min may be NULL) when the
 * total allows; out[i] receives the sizes, which sum to total. */
void layout_split(int total, int n, const int *weights, const int *min, int *out);

/* layout_scroll returns the first visible row of a list of count rows
 * shown in height rows so that sel is visible, moving top as little as
 * possible. */
int layout_scroll(int sel, int count, int height, int top);

/* One line of wrapped text: a byte range of the input. */
struct wrap_line {
    size_t off, len; /* bytes of the source */
    int width;       /* display columns */
};

/* text_wrap breaks s into lines of at most width columns at spaces
 * (breaking inside a word only when it is longer than a line; hard
 * newlines always break). Writes up to max lines to out and returns how
 * many lines the whole text needs. */
int text_wrap(const char *s, int width, struct wrap_line *out, int max);

/* ---- keys -------------------------------------------------------------- */

enum tkey_code {
    TK_NONE,
    TK_CHAR, /* ch holds the code point (control keys as 1..31) */
    TK_UP,
    TK_DOWN,
    TK_LEFT,
    TK_RIGHT,
    TK_PGUP,
    TK_PGDN,
    TK_HOME,
    TK_END,
    TK_ENTER,
    TK_ESC,
    TK_BACKSPACE,
    TK_TAB,
    TK_BTAB,
    TK_RESIZE,
    TK_CLICK, /* x, y: the cell clicked */
    TK_WHEEL_UP,
    TK_WHEEL_DOWN,
    TK_INTERRUPT, /* Ctrl-C, SIGINT, SIGTERM, SIGHUP */
    TK_TIMEOUT,   /* no input within the timeout */
};

struct tkey {
    enum tkey_code code;
    uint32_t ch; /* with TK_CHAR */
    int x, y;    /* with TK_CLICK and wheel */
};

/* key_is reports whether k is the character c. */
bool key_is(struct tkey k, uint32_t c);

/* A key's line in the footer and in Help. */
struct keyhelp {
    const char *key;  /* "space", "1-4", ... */
    const char *what; /* "reveal the answer" */
};

/* ---- terminal (term.c, the only file with <curses.h>) --------------- */

enum color_mode { COLOR_MODE_NONE, COLOR_MODE_8, COLOR_MODE_256 };

/* term_open takes over the terminal (alternate screen, raw keys, mouse)
 * and installs the handlers that give it back on SIGINT, SIGTERM, SIGHUP
 * and on crash signals. Returns false with a message on stderr when the
 * terminal cannot be used. */
bool term_open(void);
/* term_close gives the terminal back; safe to call more than once. */
void term_close(void);
enum color_mode term_color_mode(void);
void term_size(int *w, int *h);
/* term_blit shows the canvas (same size as the terminal). */
void term_blit(const struct canvas *cv);
/* term_getkey waits up to timeout_ms (-1: forever) for input. */
struct tkey term_getkey(int timeout_ms);
/* term_suspend and term_resume bracket running another program (the
 * user's editor) in the terminal. */
void term_suspend(void);
void term_resume(void);

/* ---- the app and its screens ----------------------------------------- */

struct app;
struct model;
struct bank_question;

enum screen_id {
    SCR_HOME,
    SCR_BROWSE,
    SCR_QUESTION,
    SCR_RUN,
    SCR_QUIZ,
    SCR_STATS,
    SCR_COUNT,
};

/* A screen: draws itself from state into body and handles keys. key
 * returns true when it used the key; the app handles the rest (q, ?, Esc,
 * Ctrl-C). tick, when not NULL, is called when tick_ms ms pass without
 * input; tick_ms returns -1 when the screen needs no ticks now. leave is
 * called when the screen is popped. */
struct screen {
    const char *name;           /* shown in the header: "Browse" */
    const struct keyhelp *keys; /* footer and Help, ends with {NULL} */
    const char *help;           /* a paragraph for Help, or NULL */
    void (*draw)(struct app *a, struct canvas *cv, struct rect body);
    bool (*key)(struct app *a, struct tkey k);
    int (*tick_ms)(struct app *a);
    void (*tick)(struct app *a);
    void (*leave)(struct app *a);
};

extern const struct screen screen_home;
extern const struct screen screen_browse;
extern const struct screen screen_question;
extern const struct screen screen_run;
extern const struct screen screen_quiz;
extern const struct screen screen_stats;

/* Per-screen state, each defined in its screen's file. */
struct home_state;
struct browse_state;
struct question_state;
struct run_state;
struct quiz_state;
struct stats_state;

#define APP_MAX_DEPTH 8

struct app {
    struct tui_options opt; /* copied; strings borrowed */
    struct model *model;    /* bank and progress */
    enum screen_id stack[APP_MAX_DEPTH];
    int depth;              /* screens on the stack; Home at the bottom */
    bool help;              /* the Help overlay is open */
    int help_scroll;        /* first line of Help shown */
    bool quit;              /* leave the loop */
    int exit_status;        /* tui_main's result */
    char status[200];       /* a one-line message, cleared by the next key */
    int status_role;        /* its role */
    int w, h;               /* the size of the last frame */
    struct rect body;       /* where the current screen drew */
    long long now_override; /* tests: the time to use, else 0 */
    /* run_external runs argv in the terminal (the editor); NULL headless.
     * Returns the exit status or -1. */
    int (*run_external)(struct app *a, char *const argv[]);

    struct home_state *home;
    struct browse_state *browse;
    struct question_state *question;
    struct run_state *run;
    struct quiz_state *quiz;
    struct stats_state *stats;
};

/* Minimum terminal size; below it the app says so instead of drawing. */
enum { APP_MIN_W = 80, APP_MIN_H = 24 };

/* app_new makes the app for opt (copied) without touching the terminal:
 * it opens the bank and the store. Never NULL (failures are shown on
 * screen). app_free releases everything. */
struct app *app_new(const struct tui_options *opt);
void app_free(struct app *a);
/* app_draw redraws the whole frame into cv from state. */
void app_draw(struct app *a, struct canvas *cv);
/* app_key handles one input event. */
void app_key(struct app *a, struct tkey k);
/* app_tick_ms: how long the loop may wait for input before app_tick. */
int app_tick_ms(struct app *a);
void app_tick(struct app *a);

void app_push(struct app *a, enum screen_id id);
void app_pop(struct app *a);
enum screen_id app_top(const struct app *a);
void app_status(struct app *a, int role, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* app_now is the current time in Unix seconds (or the test override). */
long long app_now(const struct app *a);

/* Screen entry points with arguments. */
void browse_open(struct app *a);
/* question_open shows list[pos] of a list of n questions (the list is
 * copied) so that n and p move within it. */
void question_open(struct app *a, const struct bank_question *const *list, int n, int pos);
/* run_open_exercise opens the Run screen on a bank exercise; run_open_file
 * on any Go file (chanlab watch). */
void run_open_exercise(struct app *a, const char *exercise_id);
void run_open_file(struct app *a, const char *path, unsigned long long seed, int procs);
void quiz_open(struct app *a);
void stats_open(struct app *a);

/* Each screen frees its state (NULL is fine); called by app_free. */
void home_free(struct app *a);
void browse_free(struct app *a);
void question_free(struct app *a);
void run_free(struct app *a);
void quiz_free(struct app *a);
void stats_free(struct app *a);

/* Shared drawing helpers (draw.c). */
void draw_list_row(struct canvas *cv, struct rect r, int y, bool selected);
/* draw_message draws a boxed, wrapped notice centred in r. */
void draw_message(struct canvas *cv, struct rect r, int role, const char *title, const char *text);
/* draw_wrapped draws text wrapped to r.w starting at row first of the
 * wrapped lines; returns the total number of wrapped lines. */
int draw_wrapped(struct canvas *cv, struct rect r, int first, int role, int attr, const char *text);

/* xmalloc and friends abort on out of memory. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

#endif
