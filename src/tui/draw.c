/* draw.c: drawing helpers the screens share: list rows, boxed notices and
 * wrapped paragraphs. */
#include <stdlib.h>
#include <string.h>

#include "tui_impl.h"

void draw_list_row(struct canvas *cv, struct rect r, int y, bool selected)
{
    if (selected)
        cv_paint(cv, (struct rect){r.x, y, r.w, 1}, ROLE_SELECTED, 0);
}

int draw_wrapped(struct canvas *cv, struct rect r, int first, int role, int attr, const char *text)
{
    int n = text_wrap(text, r.w, NULL, 0);
    struct wrap_line *wl = xmalloc((size_t)n * sizeof *wl);
    text_wrap(text, r.w, wl, n);
    for (int i = first; i < n && i - first < r.h; i++)
        if (i >= 0)
            cv_textn(cv, r.x, r.y + i - first, r.w, role, attr, text + wl[i].off, wl[i].len);
    free(wl);
    return n;
}

void draw_message(struct canvas *cv, struct rect r, int role, const char *title, const char *text)
{
    int w = r.w - 8 < 70 ? r.w - 8 : 70;
    if (w < 10)
        w = r.w;
    int n = text_wrap(text, w - 4, NULL, 0);
    int h = n + 4;
    if (h > r.h)
        h = r.h;
    struct rect box = {r.x + (r.w - w) / 2, r.y + (r.h - h) / 2, w, h};
    cv_fill(cv, box, ' ', ROLE_TEXT);
    cv_box(cv, box, ROLE_BORDER, title);
    draw_wrapped(cv, rect_inset(box, 2, 2), 0, role, 0, text);
}
