/* canvas.c: the grid of cells every screen draws into, UTF-8 decoding and
 * display widths. term.c copies a canvas to the terminal; tests read it
 * back as text with cv_row_text and cv_dump. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_impl.h"

static const char *const role_names[] = {
#define TUI_ROLE_NAME(name) #name,
    TUI_ROLES(TUI_ROLE_NAME)
#undef TUI_ROLE_NAME
};

const char *role_name(int role)
{
    if (role < 0 || role >= ROLE_COUNT)
        return "?";
    return role_names[role];
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fputs("chanlab: out of memory\n", stderr);
        abort();
    }
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) {
        fputs("chanlab: out of memory\n", stderr);
        abort();
    }
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fputs("chanlab: out of memory\n", stderr);
        abort();
    }
    return q;
}

char *xstrdup(const char *s)
{
    size_t n = strlen(s ? s : "") + 1;
    char *p = xmalloc(n);
    memcpy(p, s ? s : "", n);
    return p;
}

/* ---- utf-8 ------------------------------------------------------------- */

int utf8_next(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n == 0) {
        *cp = 0;
        return 0;
    }
    unsigned c = u[0];
    int len;
    uint32_t v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        len = 2, v = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3, v = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4, v = c & 0x07, min = 0x10000;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if ((size_t)len > n) {
        *cp = 0xFFFD;
        return 1;
    }
    for (int i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (u[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        v = 0xFFFD;
    *cp = v;
    return len;
}

int utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    } else if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    } else if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Ranges of code points, sorted, for the width tables. */
struct cp_range {
    uint32_t lo, hi;
};

static const struct cp_range zero_width[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A}, {0x064B, 0x065F},
    {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x200B, 0x200F}, {0x2028, 0x202E}, {0x2060, 0x2064},
    {0x20D0, 0x20FF}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF},
};

static const struct cp_range wide[] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},
    {0x23F0, 0x23F0},   {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},
    {0x2648, 0x2653},   {0x267F, 0x267F},   {0x2693, 0x2693},   {0x26A1, 0x26A1},
    {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},   {0x26CE, 0x26CE},
    {0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F3},   {0x26F5, 0x26F5},
    {0x26FA, 0x26FA},   {0x26FD, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},
    {0x2728, 0x2728},   {0x274C, 0x274C},   {0x274E, 0x274E},   {0x2753, 0x2755},
    {0x2757, 0x2757},   {0x2795, 0x2797},   {0x27B0, 0x27B0},   {0x27BF, 0x27BF},
    {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},   {0x2E80, 0x303E},
    {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
    {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE30, 0xFE4F},   {0xFF00, 0xFF60},
    {0xFFE0, 0xFFE6},   {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF}, {0x1F900, 0x1F9FF},
    {0x20000, 0x3FFFD},
};

static bool in_ranges(uint32_t cp, const struct cp_range *r, size_t n)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < r[mid].lo)
            hi = mid;
        else if (cp > r[mid].hi)
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

int cp_width(uint32_t cp)
{
    if (cp < 0x300)
        return 1;
    if (in_ranges(cp, zero_width, sizeof zero_width / sizeof zero_width[0]))
        return 0;
    if (in_ranges(cp, wide, sizeof wide / sizeof wide[0]))
        return 2;
    return 1;
}

int utf8_width(const char *s, size_t n)
{
    int w = 0;
    size_t i = 0;
    while (i < n && s[i]) {
        uint32_t cp;
        i += (size_t)utf8_next(s + i, n - i, &cp);
        w += cp_width(cp);
    }
    return w;
}

/* ---- canvas ------------------------------------------------------------ */

struct canvas *canvas_new(int w, int h)
{
    struct canvas *cv = xcalloc(1, sizeof *cv);
    canvas_resize(cv, w, h);
    return cv;
}

void canvas_free(struct canvas *cv)
{
    if (!cv)
        return;
    free(cv->cells);
    free(cv);
}

void canvas_resize(struct canvas *cv, int w, int h)
{
    if (w < 0)
        w = 0;
    if (h < 0)
        h = 0;
    if (w != cv->w || h != cv->h) {
        free(cv->cells);
        cv->cells = xcalloc((size_t)w * (size_t)h + 1, sizeof *cv->cells);
        cv->w = w;
        cv->h = h;
    }
    canvas_clear(cv);
}

void canvas_clear(struct canvas *cv)
{
    size_t n = (size_t)cv->w * (size_t)cv->h;
    for (size_t i = 0; i < n; i++)
        cv->cells[i] = (struct cell){' ', ROLE_TEXT, 0};
}

static struct cell *cell_at(struct canvas *cv, int x, int y)
{
    if (x < 0 || y < 0 || x >= cv->w || y >= cv->h)
        return NULL;
    return &cv->cells[(size_t)y * (size_t)cv->w + (size_t)x];
}

const struct cell *cv_cell(const struct canvas *cv, int x, int y)
{
    return cell_at((struct canvas *)cv, x, y);
}

/* Writing over half of a wide character blanks its other half so the
 * terminal never shows a split glyph. */
static void clear_wide_neighbours(struct canvas *cv, int x, int y)
{
    struct cell *c = cell_at(cv, x, y);
    if (!c)
        return;
    if (c->ch == 0) {
        struct cell *l = cell_at(cv, x - 1, y);
        if (l)
            l->ch = ' ';
    }
    struct cell *r = cell_at(cv, x + 1, y);
    if (r && r->ch == 0)
        r->ch = ' ';
}

void cv_put(struct canvas *cv, int x, int y, uint32_t ch, int role, int attr)
{
    struct cell *c = cell_at(cv, x, y);
    if (!c)
        return;
    clear_wide_neighbours(cv, x, y);
    *c = (struct cell){ch, (uint8_t)role, (uint8_t)attr};
}

int cv_textn(struct canvas *cv, int x, int y, int maxw, int role, int attr, const char *s, size_t n)
{
    if (!s)
        return 0;
    if (n == (size_t)-1)
        n = strlen(s);
    int col = 0;
    size_t i = 0;
    while (i < n && s[i] && s[i] != '\n') {
        uint32_t cp;
        i += (size_t)utf8_next(s + i, n - i, &cp);
        if (cp < 0x20 || cp == 0x7F)
            cp = ' ';
        int w = cp_width(cp);
        if (w == 0) {
            continue; /* combining marks are dropped: cells hold one code point */
        }
        if (col + w > maxw)
            break;
        if (y >= 0 && y < cv->h && x + col >= 0 && x + col + w <= cv->w) {
            cv_put(cv, x + col, y, cp, role, attr);
            if (w == 2) {
                clear_wide_neighbours(cv, x + col + 1, y);
                *cell_at(cv, x + col + 1, y) = (struct cell){0, (uint8_t)role, (uint8_t)attr};
            }
        }
        col += w;
    }
    return col;
}

int cv_text(struct canvas *cv, int x, int y, int maxw, int role, int attr, const char *s)
{
    return cv_textn(cv, x, y, maxw, role, attr, s, (size_t)-1);
}

int cv_text_fit(struct canvas *cv, int x, int y, int maxw, int role, int attr, const char *s)
{
    if (maxw <= 0 || !s)
        return 0;
    size_t n = strcspn(s, "\n");
    if (utf8_width(s, n) <= maxw && s[n] == '\0')
        return cv_textn(cv, x, y, maxw, role, attr, s, n);
    int used = cv_textn(cv, x, y, maxw - 1, role, attr, s, n);
    cv_put(cv, x + used, y, 0x2026, role, attr);
    return used + 1;
}

int cv_printf(struct canvas *cv, int x, int y, int maxw, int role, int attr, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return cv_text_fit(cv, x, y, maxw, role, attr, buf);
}

void cv_fill(struct canvas *cv, struct rect r, uint32_t ch, int role)
{
    for (int y = r.y; y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++)
            cv_put(cv, x, y, ch, role, 0);
}

void cv_paint(struct canvas *cv, struct rect r, int role, int attr)
{
    for (int y = r.y; y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++) {
            struct cell *c = cell_at(cv, x, y);
            if (c) {
                c->role = (uint8_t)role;
                c->attr = (uint8_t)(c->attr | attr);
            }
        }
}

void cv_box(struct canvas *cv, struct rect r, int role, const char *title)
{
    if (r.w < 2 || r.h < 2)
        return;
    int x1 = r.x + r.w - 1, y1 = r.y + r.h - 1;
    for (int x = r.x + 1; x < x1; x++) {
        cv_put(cv, x, r.y, 0x2500, role, 0);
        cv_put(cv, x, y1, 0x2500, role, 0);
    }
    for (int y = r.y + 1; y < y1; y++) {
        cv_put(cv, r.x, y, 0x2502, role, 0);
        cv_put(cv, x1, y, 0x2502, role, 0);
    }
    cv_put(cv, r.x, r.y, 0x256D, role, 0);
    cv_put(cv, x1, r.y, 0x256E, role, 0);
    cv_put(cv, r.x, y1, 0x2570, role, 0);
    cv_put(cv, x1, y1, 0x256F, role, 0);
    if (title && *title && r.w > 6) {
        cv_put(cv, r.x + 1, r.y, ' ', role, 0);
        int used = cv_text_fit(cv, r.x + 2, r.y, r.w - 5, ROLE_TITLE, ATTR_BOLD, title);
        cv_put(cv, r.x + 2 + used, r.y, ' ', role, 0);
    }
}

void cv_bar(struct canvas *cv, int x, int y, int w, int done, int seen, int total)
{
    if (w <= 0)
        return;
    int d = 0, s = 0;
    if (total > 0) {
        if (done > total)
            done = total;
        if (seen > total)
            seen = total;
        if (seen < done)
            seen = done;
        d = (int)((long long)done * w / total);
        s = (int)((long long)seen * w / total);
        if (done > 0 && d == 0)
            d = 1;
        if (seen > done && s == d && s < w)
            s = d + 1;
    }
    for (int i = 0; i < w; i++) {
        if (i < d)
            cv_put(cv, x + i, y, 0x2588, ROLE_BAR_DONE, 0);
        else if (i < s)
            cv_put(cv, x + i, y, 0x2592, ROLE_BAR_SEEN, 0);
        else
            cv_put(cv, x + i, y, 0x2591, ROLE_BAR_EMPTY, 0);
    }
}

void cv_center(struct canvas *cv, struct rect r, int y, int role, int attr, const char *s)
{
    int w = utf8_width(s, strlen(s));
    if (w > r.w)
        w = r.w;
    cv_text_fit(cv, r.x + (r.w - w) / 2, y, r.w, role, attr, s);
}

char *cv_row_text(const struct canvas *cv, int y)
{
    char *out = xmalloc((size_t)cv->w * 4 + 1);
    size_t n = 0, keep = 0;
    for (int x = 0; x < cv->w && y >= 0 && y < cv->h; x++) {
        uint32_t ch = cv->cells[(size_t)y * (size_t)cv->w + (size_t)x].ch;
        if (ch == 0)
            continue;
        n += (size_t)utf8_encode(ch, out + n);
        if (ch != ' ')
            keep = n;
    }
    out[keep] = '\0';
    return out;
}

char *cv_dump(const struct canvas *cv)
{
    size_t cap = (size_t)cv->h * ((size_t)cv->w * 4 + 1) + 1, n = 0;
    char *out = xmalloc(cap);
    for (int y = 0; y < cv->h; y++) {
        char *row = cv_row_text(cv, y);
        size_t len = strlen(row);
        memcpy(out + n, row, len);
        n += len;
        out[n++] = '\n';
        free(row);
    }
    out[n] = '\0';
    return out;
}
