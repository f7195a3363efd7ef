/* term.c: the terminal: the only file that includes <curses.h>.
 *
 * It turns a canvas into ncurses cells, ncurses input into struct tkey, and
 * roles into colours (256, 8 or none). It also owns the promise that the
 * terminal comes back whatever happens: term_close on a normal exit;
 * SIGINT, SIGTERM and SIGHUP only set a flag that term_getkey reports as
 * TK_INTERRUPT, so the app quits through its normal path; crash signals
 * (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT) restore the saved termios and
 * write the escape sequences that leave the alternate screen, using only
 * async-signal-safe calls, then re-raise the signal.
 *
 * The terminal is one per process, so this file keeps its state in
 * file-scope variables: the only globals of the TUI. */
#include <curses.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "tui_impl.h"

static bool term_is_open;
static bool have_termios;
static struct termios saved_termios;
static enum color_mode color_mode;
static volatile sig_atomic_t got_interrupt;

/* What a role looks like: a colour pair for 256 and for 8 colours (-1 is
 * the terminal's default) and the attributes it keeps without colour. */
struct role_style {
    short fg256, bg256;
    short fg8, bg8;
    int attr_color; /* ATTR_* with colours */
    int attr_mono;  /* ATTR_* under NO_COLOR or a monochrome terminal */
};

static const struct role_style styles[ROLE_COUNT] = {
    [ROLE_TEXT] = {-1, -1, -1, -1, 0, 0},
    [ROLE_DIM] = {245, -1, COLOR_WHITE, -1, 0, 0},
    [ROLE_TITLE] = {255, -1, COLOR_WHITE, -1, ATTR_BOLD, ATTR_BOLD},
    [ROLE_HEADER] = {255, 24, COLOR_WHITE, COLOR_BLUE, ATTR_BOLD, ATTR_REVERSE},
    [ROLE_FOOTER] = {250, 236, COLOR_WHITE, COLOR_BLACK, 0, 0},
    [ROLE_FOOTER_KEY] = {222, 236, COLOR_YELLOW, COLOR_BLACK, ATTR_BOLD, ATTR_BOLD},
    [ROLE_KEY] = {222, -1, COLOR_YELLOW, -1, ATTR_BOLD, ATTR_BOLD},
    [ROLE_SELECTED] = {255, 31, COLOR_WHITE, COLOR_CYAN, ATTR_BOLD, ATTR_REVERSE},
    [ROLE_BORDER] = {240, -1, COLOR_BLUE, -1, 0, 0},
    [ROLE_JUNIOR] = {114, -1, COLOR_GREEN, -1, ATTR_BOLD, 0},
    [ROLE_MID] = {179, -1, COLOR_YELLOW, -1, ATTR_BOLD, 0},
    [ROLE_SENIOR] = {204, -1, COLOR_RED, -1, ATTR_BOLD, ATTR_BOLD},
    [ROLE_GOOD] = {114, -1, COLOR_GREEN, -1, 0, 0},
    [ROLE_WARN] = {179, -1, COLOR_YELLOW, -1, 0, ATTR_BOLD},
    [ROLE_BAD] = {203, -1, COLOR_RED, -1, ATTR_BOLD, ATTR_BOLD},
    [ROLE_INFO] = {117, -1, COLOR_CYAN, -1, 0, 0},
    [ROLE_BAR_DONE] = {114, -1, COLOR_GREEN, -1, 0, 0},
    [ROLE_BAR_SEEN] = {179, -1, COLOR_YELLOW, -1, 0, 0},
    [ROLE_BAR_EMPTY] = {238, -1, COLOR_WHITE, -1, 0, 0},
    [ROLE_CODE] = {223, 235, COLOR_YELLOW, -1, 0, ATTR_UNDERLINE},
    [ROLE_SYN_KEYWORD] = {176, -1, COLOR_MAGENTA, -1, ATTR_BOLD, ATTR_BOLD},
    [ROLE_SYN_TYPE] = {117, -1, COLOR_CYAN, -1, 0, 0},
    [ROLE_SYN_STRING] = {150, -1, COLOR_GREEN, -1, 0, 0},
    [ROLE_SYN_NUMBER] = {215, -1, COLOR_YELLOW, -1, 0, 0},
    [ROLE_SYN_COMMENT] = {244, -1, COLOR_BLUE, -1, ATTR_ITALIC, 0},
    [ROLE_SYN_OP] = {250, -1, -1, -1, 0, 0},
    [ROLE_GUTTER] = {242, -1, COLOR_WHITE, -1, 0, 0},
    [ROLE_G_RUNNING] = {114, -1, COLOR_GREEN, -1, ATTR_BOLD, ATTR_BOLD},
    [ROLE_G_RUNNABLE] = {117, -1, COLOR_CYAN, -1, 0, 0},
    [ROLE_G_BLOCKED] = {203, -1, COLOR_RED, -1, 0, ATTR_UNDERLINE},
};

static attr_t curses_attr(int a)
{
    attr_t r = A_NORMAL;
    if (a & ATTR_BOLD)
        r |= A_BOLD;
    if (a & ATTR_UNDERLINE)
        r |= A_UNDERLINE;
    if (a & ATTR_REVERSE)
        r |= A_REVERSE;
#ifdef A_ITALIC
    if (a & ATTR_ITALIC)
        r |= A_ITALIC;
#endif
    return r;
}

/* Async-signal-safe: termios back, leave the alternate screen, show the
 * cursor, reset attributes, stop mouse reporting. */
static void restore_raw(void)
{
    static const char seq[] = "\033[0m\033[?1000l\033[?1002l\033[?1006l\033[?25h\033[?1049l\r\n";
    if (have_termios)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_termios);
    ssize_t w = write(STDOUT_FILENO, seq, sizeof seq - 1);
    (void)w;
}

static void on_crash(int sig)
{
    restore_raw();
    static const char msg[] = "chanlab: crashed; the terminal was restored\n";
    ssize_t w = write(STDERR_FILENO, msg, sizeof msg - 1);
    (void)w;
    signal(sig, SIG_DFL);
    raise(sig);
}

static void on_interrupt(int sig)
{
    (void)sig;
    got_interrupt = 1;
}

static void install_handlers(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_interrupt;
    sa.sa_flags = 0; /* no SA_RESTART: a blocking read returns so the loop sees it */
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sa.sa_handler = on_crash;
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    sigaction(SIGILL, &sa, NULL);
    sigaction(SIGFPE, &sa, NULL);
    sigaction(SIGABRT, &sa, NULL);
}

static void remove_handlers(void)
{
    int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        signal(sigs[i], SIG_DFL);
}

static void setup_colors(void)
{
    const char *nc = getenv("NO_COLOR");
    color_mode = COLOR_MODE_NONE;
    if ((nc && *nc) || !has_colors())
        return;
    if (start_color() != OK)
        return;
    use_default_colors();
    color_mode = COLORS >= 256 ? COLOR_MODE_256 : COLOR_MODE_8;
    for (int r = 0; r < ROLE_COUNT; r++) {
        short fg = color_mode == COLOR_MODE_256 ? styles[r].fg256 : styles[r].fg8;
        short bg = color_mode == COLOR_MODE_256 ? styles[r].bg256 : styles[r].bg8;
        init_pair((short)(r + 1), fg, bg);
    }
}

bool term_open(void)
{
    if (term_is_open)
        return true;
    setlocale(LC_ALL, "");
    have_termios = tcgetattr(STDIN_FILENO, &saved_termios) == 0;
    install_handlers();
    got_interrupt = 0;
    if (!getenv("ESCDELAY"))
        set_escdelay(25);
    if (!initscr()) {
        remove_handlers();
        fprintf(stderr, "chanlab: cannot initialise the terminal (TERM=%s)\n",
                getenv("TERM") ? getenv("TERM") : "");
        return false;
    }
    term_is_open = true;
    raw();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    curs_set(0);
    mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
    mouseinterval(0);
    setup_colors();
    return true;
}

void term_close(void)
{
    if (!term_is_open)
        return;
    term_is_open = false;
    mousemask(0, NULL);
    curs_set(1);
    endwin();
    remove_handlers();
    fflush(stdout);
}

enum color_mode term_color_mode(void)
{
    return color_mode;
}

void term_size(int *w, int *h)
{
    int y, x;
    getmaxyx(stdscr, y, x);
    *w = x;
    *h = y;
}

void term_blit(const struct canvas *cv)
{
    int tw, th;
    term_size(&tw, &th);
    for (int y = 0; y < cv->h && y < th; y++) {
        for (int x = 0; x < cv->w && x < tw; x++) {
            const struct cell *c = cv_cell(cv, x, y);
            if (c->ch == 0)
                continue; /* the right half of a wide character */
            const struct role_style *st = &styles[c->role < ROLE_COUNT ? c->role : 0];
            int a = c->attr | (color_mode == COLOR_MODE_NONE ? st->attr_mono : st->attr_color);
            short pair = color_mode == COLOR_MODE_NONE ? 0 : (short)(c->role + 1);
            wchar_t wc[2] = {(wchar_t)c->ch, 0};
            cchar_t cc;
            setcchar(&cc, wc, curses_attr(a), pair, NULL);
            /* The bottom-right cell would scroll the screen: write it
             * with insert, which does not advance the cursor. */
            if (y == th - 1 && x == tw - 1)
                mvins_wch(y, x, &cc);
            else
                mvadd_wch(y, x, &cc);
        }
    }
    wnoutrefresh(stdscr);
    doupdate();
}

struct tkey term_getkey(int timeout_ms)
{
    struct tkey k = {TK_NONE, 0, 0, 0};
    if (got_interrupt) {
        got_interrupt = 0;
        k.code = TK_INTERRUPT;
        return k;
    }
    timeout(timeout_ms);
    wint_t ch;
    int r = get_wch(&ch);
    if (got_interrupt) {
        got_interrupt = 0;
        k.code = TK_INTERRUPT;
        return k;
    }
    if (r == ERR) {
        k.code = TK_TIMEOUT;
        return k;
    }
    if (r == OK) {
        switch (ch) {
        case 3: k.code = TK_INTERRUPT; return k;
        case '\r':
        case '\n': k.code = TK_ENTER; return k;
        case 27: k.code = TK_ESC; return k;
        case '\t': k.code = TK_TAB; return k;
        case 127:
        case 8: k.code = TK_BACKSPACE; return k;
        default:
            k.code = TK_CHAR;
            k.ch = (uint32_t)ch;
            return k;
        }
    }
    switch (ch) {
    case KEY_UP: k.code = TK_UP; break;
    case KEY_DOWN: k.code = TK_DOWN; break;
    case KEY_LEFT: k.code = TK_LEFT; break;
    case KEY_RIGHT: k.code = TK_RIGHT; break;
    case KEY_PPAGE: k.code = TK_PGUP; break;
    case KEY_NPAGE: k.code = TK_PGDN; break;
    case KEY_HOME: k.code = TK_HOME; break;
    case KEY_END: k.code = TK_END; break;
    case KEY_ENTER: k.code = TK_ENTER; break;
    case KEY_BACKSPACE: k.code = TK_BACKSPACE; break;
    case KEY_BTAB: k.code = TK_BTAB; break;
    case KEY_RESIZE: k.code = TK_RESIZE; break;
    case KEY_MOUSE: {
        MEVENT ev;
        if (getmouse(&ev) != OK)
            break;
        k.x = ev.x;
        k.y = ev.y;
        if (ev.bstate & BUTTON4_PRESSED)
            k.code = TK_WHEEL_UP;
#ifdef BUTTON5_PRESSED
        else if (ev.bstate & BUTTON5_PRESSED)
            k.code = TK_WHEEL_DOWN;
#endif
        else if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED))
            k.code = TK_CLICK;
        break;
    }
    default: break;
    }
    return k;
}

void term_suspend(void)
{
    if (!term_is_open)
        return;
    def_prog_mode();
    endwin();
    fflush(stdout);
}

void term_resume(void)
{
    if (!term_is_open)
        return;
    reset_prog_mode();
    clearok(curscr, TRUE);
    refresh();
}
