/* md.c: Markdown to styled, wrapped lines, through md4c's callbacks.
 *
 * md4c reports blocks and inline spans as a stream of enter/leave/text
 * events. Inline text collects into a paragraph of runs (text plus style);
 * when the paragraph's block ends, the runs are wrapped word by word into
 * lines that start with the current lead: the block-quote bars, the list
 * indentation and, on an item's first line, its bullet or number. Code
 * blocks collect verbatim and are split at newlines (and hard-wrapped when
 * longer than the width), with Go blocks given roles by the highlighter. */
#include <md4c.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "md.h"

/* ---- documents --------------------------------------------------------- */

struct md_doc *md_doc_new(int width)
{
    struct md_doc *d = xcalloc(1, sizeof *d);
    d->width = width < 1 ? 1 : width;
    return d;
}

void md_doc_free(struct md_doc *d)
{
    if (!d)
        return;
    for (int i = 0; i < d->n; i++) {
        for (int j = 0; j < d->lines[i].n; j++)
            free(d->lines[i].spans[j].text);
        free(d->lines[i].spans);
    }
    free(d->lines);
    free(d);
}

static struct md_line *doc_new_line(struct md_doc *d)
{
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 32;
        d->lines = xrealloc(d->lines, (size_t)d->cap * sizeof *d->lines);
    }
    struct md_line *l = &d->lines[d->n++];
    *l = (struct md_line){0};
    return l;
}

/* line_add appends text to l, merging with the last span of the same style. */
static void line_add(struct md_line *l, const char *s, size_t len, int role, int attr)
{
    if (len == 0)
        return;
    if (l->n > 0) {
        struct md_span *last = &l->spans[l->n - 1];
        if (last->role == role && last->attr == attr) {
            last->text = xrealloc(last->text, last->len + len + 1);
            memcpy(last->text + last->len, s, len);
            last->len += len;
            last->text[last->len] = '\0';
            return;
        }
    }
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 4;
        l->spans = xrealloc(l->spans, (size_t)l->cap * sizeof *l->spans);
    }
    struct md_span *sp = &l->spans[l->n++];
    sp->text = xmalloc(len + 1);
    memcpy(sp->text, s, len);
    sp->text[len] = '\0';
    sp->len = len;
    sp->role = (uint8_t)role;
    sp->attr = (uint8_t)attr;
}

void md_add_blank(struct md_doc *d)
{
    doc_new_line(d);
}

void md_add_line(struct md_doc *d, const char *text, int role, int attr, ...)
{
    struct md_line *l = doc_new_line(d);
    int col = 0;
    va_list ap;
    va_start(ap, attr);
    while (text) {
        size_t n = strlen(text), take = 0;
        while (take < n) {
            uint32_t cp;
            int b = utf8_next(text + take, n - take, &cp);
            int w = cp_width(cp);
            if (col + w > d->width)
                break;
            col += w;
            take += (size_t)b;
        }
        line_add(l, text, take, role, attr);
        text = va_arg(ap, const char *);
        if (text) {
            role = va_arg(ap, int);
            attr = va_arg(ap, int);
        }
    }
    va_end(ap);
}

void md_add_text(struct md_doc *d, const char *text, int indent, int role, int attr)
{
    int w = d->width - indent;
    if (w < 1)
        w = 1;
    int n = text_wrap(text, w, NULL, 0);
    struct wrap_line *wl = xmalloc((size_t)n * sizeof *wl);
    text_wrap(text, w, wl, n);
    for (int i = 0; i < n; i++) {
        struct md_line *l = doc_new_line(d);
        for (int s = 0; s < indent; s++)
            line_add(l, " ", 1, ROLE_TEXT, 0);
        line_add(l, text + wl[i].off, wl[i].len, role, attr);
    }
    free(wl);
}

void md_draw(struct canvas *cv, struct rect r, const struct md_doc *d, int first)
{
    for (int row = 0; row < r.h; row++) {
        int i = first + row;
        if (i < 0 || i >= d->n)
            continue;
        int x = 0;
        const struct md_line *l = &d->lines[i];
        for (int s = 0; s < l->n && x < r.w; s++)
            x += cv_textn(cv, r.x + x, r.y + row, r.w - x, l->spans[s].role, l->spans[s].attr,
                          l->spans[s].text, l->spans[s].len);
    }
}

char *md_line_text(const struct md_doc *d, int i)
{
    size_t n = 0;
    const struct md_line *l = &d->lines[i];
    for (int s = 0; s < l->n; s++)
        n += l->spans[s].len;
    char *out = xmalloc(n + 1);
    n = 0;
    for (int s = 0; s < l->n; s++) {
        memcpy(out + n, l->spans[s].text, l->spans[s].len);
        n += l->spans[s].len;
    }
    while (n > 0 && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
    return out;
}

char *md_doc_text(const struct md_doc *d)
{
    size_t cap = 1, n = 0;
    char *out = xmalloc(cap);
    for (int i = 0; i < d->n; i++) {
        char *t = md_line_text(d, i);
        size_t len = strlen(t);
        out = xrealloc(out, cap = n + len + 2);
        memcpy(out + n, t, len);
        n += len;
        if (i + 1 < d->n)
            out[n++] = '\n';
        free(t);
    }
    out[n] = '\0';
    return out;
}

/* ---- the renderer ------------------------------------------------------ */

struct run {
    char *text;
    size_t len;
    uint8_t role, attr;
};

struct list_level {
    bool ordered;
    unsigned next; /* the next item's number */
    int indent;    /* the indent before the list */
};

struct mdr {
    struct md_doc *d;
    md_highlight_fn hl;
    void *ud;
    struct run *runs; /* the paragraph being collected */
    int nruns, capruns;
    int indent;      /* columns of list indentation for block content */
    int quote;       /* block-quote depth */
    char marker[16]; /* the bullet or number for the next first line */
    struct list_level lists[16];
    int nlists;
    int strong, em, link, heading; /* open inline styles */
    bool in_code;                  /* inside a code block */
    bool code_go;                  /* ... whose info string is go */
    char *code;
    size_t code_len, code_cap;
    bool need_blank; /* a blank line goes before the next block */
    bool cell_open;  /* a table cell was started on this row */
};

static void run_add(struct mdr *m, const char *s, size_t len, int role, int attr)
{
    if (len == 0)
        return;
    if (m->nruns > 0) {
        struct run *last = &m->runs[m->nruns - 1];
        if (last->role == role && last->attr == attr) {
            last->text = xrealloc(last->text, last->len + len + 1);
            memcpy(last->text + last->len, s, len);
            last->len += len;
            return;
        }
    }
    if (m->nruns == m->capruns) {
        m->capruns = m->capruns ? m->capruns * 2 : 16;
        m->runs = xrealloc(m->runs, (size_t)m->capruns * sizeof *m->runs);
    }
    struct run *r = &m->runs[m->nruns++];
    r->text = xmalloc(len + 1);
    memcpy(r->text, s, len);
    r->len = len;
    r->role = (uint8_t)role;
    r->attr = (uint8_t)attr;
}

static void inline_style(const struct mdr *m, int *role, int *attr)
{
    *role = ROLE_TEXT;
    *attr = 0;
    if (m->heading) {
        *role = ROLE_TITLE;
        *attr |= ATTR_BOLD;
    }
    if (m->strong)
        *attr |= ATTR_BOLD;
    if (m->em)
        *attr |= ATTR_ITALIC;
    if (m->link) {
        *role = ROLE_INFO;
        *attr |= ATTR_UNDERLINE;
    }
}

/* Starts a line with the lead: quote bars, then the list indentation with
 * the pending marker right-aligned into it on an item's first line. */
static struct md_line *lead_line(struct mdr *m, int *used)
{
    struct md_line *l = doc_new_line(m->d);
    int col = 0;
    for (int q = 0; q < m->quote; q++) {
        line_add(l, "\u2502 ", strlen("\u2502 "), ROLE_BORDER, 0);
        col += 2;
    }
    int mb = (int)strlen(m->marker), mw = utf8_width(m->marker, (size_t)mb);
    int pad = m->indent - (m->marker[0] ? mw : 0);
    for (int i = 0; i < pad; i++)
        line_add(l, " ", 1, ROLE_TEXT, 0);
    col += pad > 0 ? pad : 0;
    if (m->marker[0]) {
        line_add(l, m->marker, (size_t)mb, ROLE_INFO, ATTR_BOLD);

        col += mw;
        m->marker[0] = '\0';
    }
    *used = col;
    return l;
}

static void block_start(struct mdr *m)
{
    if (m->need_blank && m->d->n > 0)
        md_add_blank(m->d);
    m->need_blank = false;
}

/* Wraps the collected runs into lines and clears them. */
static void flush_para(struct mdr *m)
{
    if (m->nruns == 0)
        return;
    block_start(m);
    int width = m->d->width, col, lead;
    struct md_line *l = lead_line(m, &lead);
    col = lead;
    bool space = false;
    int space_role = ROLE_TEXT, space_attr = 0;
    for (int r = 0; r < m->nruns; r++) {
        const struct run *run = &m->runs[r];
        size_t i = 0;
        while (i < run->len) {
            char c = run->text[i];
            if (c == ' ' || c == '\t') {
                if (col > lead) {
                    space = true;
                    space_role = run->role;
                    space_attr = run->attr;
                }
                i++;
                continue;
            }
            if (c == '\n') {
                l = lead_line(m, &lead);
                col = lead;
                space = false;
                i++;
                continue;
            }
            size_t j = i;
            while (j < run->len && run->text[j] != ' ' && run->text[j] != '\n' &&
                   run->text[j] != '\t')
                j++;
            int ww = utf8_width(run->text + i, j - i);
            if (col > lead && col + (space ? 1 : 0) + ww > width) {
                l = lead_line(m, &lead);
                col = lead;
                space = false;
            }
            if (space) {
                line_add(l, " ", 1, space_role, space_attr);
                col++;
                space = false;
            }
            /* A word longer than the line breaks where it must. */
            while (i < j) {
                size_t k = i;
                int w = 0;
                while (k < j) {
                    uint32_t cp;
                    int b = utf8_next(run->text + k, j - k, &cp);
                    int cw = cp_width(cp);
                    if (col + w + cw > width && (col + w > lead))
                        break;
                    w += cw;
                    k += (size_t)b;
                }
                line_add(l, run->text + i, k - i, run->role, run->attr);
                col += w;
                i = k;
                if (i < j) {
                    l = lead_line(m, &lead);
                    col = lead;
                }
            }
        }
    }
    for (int r = 0; r < m->nruns; r++)
        free(m->runs[r].text);
    m->nruns = 0;
}

static void flush_code(struct mdr *m)
{
    block_start(m);
    size_t n = m->code_len;
    uint8_t *roles = xmalloc(n + 1);
    memset(roles, ROLE_CODE, n + 1);
    if (m->code_go && m->hl && n > 0 && !m->hl(m->code, n, roles, m->ud))
        memset(roles, ROLE_CODE, n + 1);
    size_t i = 0;
    while (i < n || (i == 0 && n == 0)) {
        size_t e = i;
        while (e < n && m->code[e] != '\n')
            e++;
        int lead;
        struct md_line *l = lead_line(m, &lead);
        line_add(l, "  ", 2, ROLE_TEXT, 0);
        int col = lead + 2;
        size_t k = i;
        while (k < e) {
            uint32_t cp;
            int b = utf8_next(m->code + k, e - k, &cp);
            int cw = cp == '\t' ? 4 - ((col - lead - 2) % 4) : cp_width(cp);
            if (col + cw > m->d->width && col > lead + 2) {
                l = lead_line(m, &lead);
                line_add(l, "  ", 2, ROLE_TEXT, 0);
                col = lead + 2;
                continue;
            }
            if (cp == '\t')
                for (int s = 0; s < cw; s++)
                    line_add(l, " ", 1, roles[k], 0);
            else
                line_add(l, m->code + k, (size_t)b, roles[k], 0);
            col += cw;
            k += (size_t)b;
        }
        if (e >= n)
            break;
        i = e + 1;
        if (i >= n)
            break;
    }
    free(roles);
    m->code_len = 0;
    m->need_blank = true;
}

static int on_enter_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
    struct mdr *m = ud;
    if (type != MD_BLOCK_DOC && type != MD_BLOCK_TD && type != MD_BLOCK_TH)
        flush_para(m);
    switch (type) {
    case MD_BLOCK_QUOTE:
        block_start(m);
        m->quote++;
        break;
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
        if (m->nlists == 0)
            block_start(m);
        if (m->nlists < 16) {
            struct list_level *lv = &m->lists[m->nlists];
            lv->ordered = type == MD_BLOCK_OL;
            lv->next = lv->ordered ? ((MD_BLOCK_OL_DETAIL *)detail)->start : 0;
            lv->indent = m->indent;
        }
        m->nlists++;
        m->indent += type == MD_BLOCK_OL ? 3 : 2;
        break;
    case MD_BLOCK_LI:
        if (m->nlists > 0 && m->nlists <= 16) {
            struct list_level *lv = &m->lists[m->nlists - 1];
            if (lv->ordered)
                snprintf(m->marker, sizeof m->marker, "%u. ", lv->next++);
            else
                snprintf(m->marker, sizeof m->marker, "\u2022 ");
        }
        break;
    case MD_BLOCK_HR: {
        block_start(m);
        int lead;
        struct md_line *l = lead_line(m, &lead);
        for (int i = lead; i < m->d->width; i++)
            line_add(l, "\u2500", strlen("\u2500"), ROLE_BORDER, 0);
        m->need_blank = true;
        break;
    }
    case MD_BLOCK_H: m->heading = (int)((MD_BLOCK_H_DETAIL *)detail)->level; break;
    case MD_BLOCK_CODE: {
        MD_BLOCK_CODE_DETAIL *cd = detail;
        m->in_code = true;
        m->code_go = cd->lang.size == 2 && memcmp(cd->lang.text, "go", 2) == 0;
        m->code_len = 0;
        break;
    }
    case MD_BLOCK_TR: m->cell_open = false; break;
    case MD_BLOCK_TD:
    case MD_BLOCK_TH:
        if (m->cell_open)
            run_add(m, " \u2502 ", strlen(" \u2502 "), ROLE_BORDER, 0);
        m->cell_open = true;
        if (type == MD_BLOCK_TH)
            m->strong++;
        break;
    default: break;
    }
    return 0;
}

static int on_leave_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
    struct mdr *m = ud;
    (void)detail;
    switch (type) {
    case MD_BLOCK_P:
    case MD_BLOCK_H:
        flush_para(m);
        m->heading = 0;
        m->need_blank = true;
        break;
    case MD_BLOCK_LI: flush_para(m); break;
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
        flush_para(m);
        m->nlists--;
        if (m->nlists < 16)
            m->indent = m->lists[m->nlists].indent;
        if (m->nlists == 0)
            m->need_blank = true;
        break;
    case MD_BLOCK_QUOTE:
        flush_para(m);
        m->quote--;
        m->need_blank = true;
        break;
    case MD_BLOCK_CODE:
        m->in_code = false;
        flush_code(m);
        break;
    case MD_BLOCK_TH: m->strong--; break;
    case MD_BLOCK_TR: flush_para(m); break;
    case MD_BLOCK_TABLE: m->need_blank = true; break;
    default: break;
    }
    return 0;
}

static int on_enter_span(MD_SPANTYPE type, void *detail, void *ud)
{
    struct mdr *m = ud;
    (void)detail;
    switch (type) {
    case MD_SPAN_STRONG: m->strong++; break;
    case MD_SPAN_EM: m->em++; break;
    case MD_SPAN_A: m->link++; break;
    default: break;
    }
    return 0;
}

static int on_leave_span(MD_SPANTYPE type, void *detail, void *ud)
{
    struct mdr *m = ud;
    (void)detail;
    switch (type) {
    case MD_SPAN_STRONG: m->strong--; break;
    case MD_SPAN_EM: m->em--; break;
    case MD_SPAN_A: m->link--; break;
    default: break;
    }
    return 0;
}

/* The few entities answers use, and numeric ones. */
static void add_entity(struct mdr *m, const char *s, size_t len, int role, int attr)
{
    static const struct {
        const char *name, *text;
    } named[] = {
        {"&amp;", "&"},    {"&lt;", "<"},        {"&gt;", ">"},         {"&quot;", "\""},
        {"&apos;", "'"},   {"&nbsp;", " "},      {"&mdash;", "\u2014"}, {"&ndash;", "\u2013"},
        {"&hellip;", "…"}, {"&rarr;", "\u2192"}, {"&larr;", "\u2190"},
    };
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (strlen(named[i].name) == len && memcmp(named[i].name, s, len) == 0) {
            run_add(m, named[i].text, strlen(named[i].text), role, attr);
            return;
        }
    if (len > 3 && s[1] == '#') {
        unsigned long cp =
            (s[2] == 'x' || s[2] == 'X') ? strtoul(s + 3, NULL, 16) : strtoul(s + 2, NULL, 10);
        if (cp > 0 && cp <= 0x10FFFF) {
            char buf[4];
            run_add(m, buf, (size_t)utf8_encode((uint32_t)cp, buf), role, attr);
            return;
        }
    }
    run_add(m, s, len, role, attr);
}

static int on_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *ud)
{
    struct mdr *m = ud;
    if (m->in_code) {
        if (m->code_len + size + 1 > m->code_cap) {
            m->code_cap = (m->code_len + size + 1) * 2;
            m->code = xrealloc(m->code, m->code_cap);
        }
        memcpy(m->code + m->code_len, text, size);
        m->code_len += size;
        return 0;
    }
    int role, attr;
    inline_style(m, &role, &attr);
    switch (type) {
    case MD_TEXT_BR: run_add(m, "\n", 1, role, attr); break;
    case MD_TEXT_SOFTBR: run_add(m, " ", 1, role, attr); break;
    case MD_TEXT_NULLCHAR: run_add(m, "\uFFFD", strlen("\uFFFD"), role, attr); break;
    case MD_TEXT_ENTITY: add_entity(m, text, size, role, attr); break;
    case MD_TEXT_CODE: run_add(m, text, size, ROLE_CODE, attr & ~ATTR_ITALIC); break;
    default: run_add(m, text, size, role, attr); break;
    }
    return 0;
}

int md_render(struct md_doc *d, const char *md, size_t len, md_highlight_fn hl, void *ud)
{
    struct mdr m = {.d = d, .hl = hl, .ud = ud};
    m.need_blank = d->n > 0;
    MD_PARSER p = {0};
    p.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_NOHTML;
    p.enter_block = on_enter_block;
    p.leave_block = on_leave_block;
    p.enter_span = on_enter_span;
    p.leave_span = on_leave_span;
    p.text = on_text;
    int rc = md_parse(md, (MD_SIZE)len, &p, &m);
    flush_para(&m);
    for (int r = 0; r < m.nruns; r++)
        free(m.runs[r].text);
    free(m.runs);
    free(m.code);
    if (rc != 0) {
        char *copy = xmalloc(len + 1);
        memcpy(copy, md, len);
        copy[len] = '\0';
        md_add_text(d, copy, 0, ROLE_TEXT, 0);
        free(copy);
        return -1;
    }
    return 0;
}
