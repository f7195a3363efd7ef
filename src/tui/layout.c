/* layout.c: rectangles, proportional splits, list scrolling and word
 * wrapping: the arithmetic of every screen's layout, tested on its own. */
#include <string.h>

#include "tui_impl.h"

static int clampi(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

struct rect rect_cut_top(struct rect *r, int n)
{
    n = clampi(n, 0, r->h);
    struct rect out = {r->x, r->y, r->w, n};
    r->y += n;
    r->h -= n;
    return out;
}

struct rect rect_cut_bottom(struct rect *r, int n)
{
    n = clampi(n, 0, r->h);
    struct rect out = {r->x, r->y + r->h - n, r->w, n};
    r->h -= n;
    return out;
}

struct rect rect_cut_left(struct rect *r, int n)
{
    n = clampi(n, 0, r->w);
    struct rect out = {r->x, r->y, n, r->h};
    r->x += n;
    r->w -= n;
    return out;
}

struct rect rect_cut_right(struct rect *r, int n)
{
    n = clampi(n, 0, r->w);
    struct rect out = {r->x + r->w - n, r->y, n, r->h};
    r->w -= n;
    return out;
}

struct rect rect_inset(struct rect r, int dx, int dy)
{
    int w = r.w - 2 * dx, h = r.h - 2 * dy;
    return (struct rect){r.x + dx, r.y + dy, w < 0 ? 0 : w, h < 0 ? 0 : h};
}

bool rect_contains(struct rect r, int x, int y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

void layout_split(int total, int n, const int *weights, const int *min, int *out)
{
    if (n <= 0)
        return;
    if (total < 0)
        total = 0;
    int need = 0;
    for (int i = 0; i < n; i++)
        need += min ? min[i] : 0;
    int left = total;
    if (min && need <= total) {
        for (int i = 0; i < n; i++)
            out[i] = min[i];
        left = total - need;
    } else {
        for (int i = 0; i < n; i++)
            out[i] = 0;
    }
    long long wsum = 0;
    for (int i = 0; i < n; i++)
        wsum += weights[i] > 0 ? weights[i] : 0;
    if (wsum == 0) {
        out[n - 1] += left;
        return;
    }
    /* Largest remainder: floor shares first, then one cell each to the
     * parts with the biggest fractions, earlier parts winning ties. */
    int given = 0;
    long long rem[64];
    int m = n < 64 ? n : 64;
    for (int i = 0; i < n; i++) {
        long long w = weights[i] > 0 ? weights[i] : 0;
        int share = (int)(w * left / wsum);
        out[i] += share;
        given += share;
        if (i < m)
            rem[i] = w * left % wsum;
    }
    while (given < left) {
        int best = 0;
        for (int i = 1; i < m; i++)
            if (rem[i] > rem[best])
                best = i;
        out[best]++;
        rem[best] = -1;
        given++;
    }
}

int layout_scroll(int sel, int count, int height, int top)
{
    if (height <= 0 || count <= 0)
        return 0;
    if (sel < 0)
        sel = 0;
    if (sel >= count)
        sel = count - 1;
    if (sel < top)
        top = sel;
    if (sel >= top + height)
        top = sel - height + 1;
    if (top > count - height)
        top = count - height;
    if (top < 0)
        top = 0;
    return top;
}

int text_wrap(const char *s, int width, struct wrap_line *out, int max)
{
    int nlines = 0;
    size_t len = strlen(s);
    size_t i = 0;
    if (width < 1)
        width = 1;
    for (;;) {
        /* One output line starting at i. */
        size_t start = i, end = i, last_break = (size_t)-1;
        int col = 0, col_at_break = 0;
        while (end < len && s[end] != '\n') {
            uint32_t cp;
            int n = utf8_next(s + end, len - end, &cp);
            int w = cp_width(cp);
            if (cp == ' ') {
                last_break = end;
                col_at_break = col;
            }
            if (col + w > width) {
                break;
            }
            col += w;
            end += (size_t)n;
        }
        size_t next;
        int lw;
        if (end < len && s[end] != '\n' && last_break != (size_t)-1 && last_break > start) {
            /* Break at the last space; the space is dropped. */
            next = last_break + 1;
            end = last_break;
            lw = col_at_break;
        } else if (end < len && s[end] != '\n' && s[end] == ' ') {
            next = end + 1;
            lw = col;
        } else {
            next = end;
            lw = col;
            if (next == start && next < len && s[next] != '\n') {
                /* A character wider than the line: take it anyway. */
                uint32_t cp;
                next += (size_t)utf8_next(s + next, len - next, &cp);
                end = next;
                lw = cp_width(cp);
            }
        }
        while (end > start && s[end - 1] == ' ') {
            end--;
            lw--;
        }
        if (nlines < max && out)

            out[nlines] = (struct wrap_line){start, end - start, lw};
        nlines++;
        i = next;
        if (i < len && s[i] == '\n') {
            i++;
            if (i == len) {
                break;
            }
            continue;
        }
        /* Skip the spaces a soft break leaves at the start of a line. */
        while (i < len && s[i] == ' ')
            i++;
        if (i >= len)
            break;
    }
    return nlines;
}
