/* fields.c: the generic half of validating a topic file: reporting a
 * problem at a JSON value's position with its JSON path, checking an object
 * against a table of fields (unknown, repeated, missing, mistyped), and the
 * rules for texts, string arrays and ids. load.c applies them to the bank's
 * schema. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bank_impl.h"

/* ---- reporting ------------------------------------------------------------- */

static void vreport(struct fld_ctx *c, const cJSON *node, bool at_key, const char *path,
                    const char *fmt, va_list ap)
{
    const struct bjson_pos *p = bjson_find(c->ix, node);
    int line = 0, col = 0;
    if (p) {
        line = at_key && p->kline ? p->kline : p->line;
        col = at_key && p->kline ? p->kcol : p->col;
    }
    char *msg;
    if (vasprintf(&msg, fmt, ap) < 0)
        bank_oom();
    if (line == 0)
        line = 1, col = 1; /* a tree without positions: point at the file */
    if (path && *path)
        bank_report(c->b, c->file, line, col, "%s: %s", path, msg);
    else
        bank_report(c->b, c->file, line, col, "%s", msg);
    free(msg);
    c->errors++;
}

void fld_report(struct fld_ctx *c, const cJSON *node, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(c, node, false, path, fmt, ap);
    va_end(ap);
}

void fld_report_key(struct fld_ctx *c, const cJSON *node, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(c, node, true, path, fmt, ap);
    va_end(ap);
}

/* ---- paths ----------------------------------------------------------------- */

/* Paths longer than struct fld_path hold are cut short; the schema's deepest
 * path is far shorter. */
struct fld_path fld_path_field(const char *base, const char *name)
{
    struct fld_path p;
    int n;
    if (base && *base)
        n = snprintf(p.s, sizeof p.s, "%s.%s", base, name);
    else
        n = snprintf(p.s, sizeof p.s, "%s", name);
    if (n < 0)
        p.s[0] = '\0';
    return p;
}

struct fld_path fld_path_index(const char *base, size_t i)
{
    struct fld_path p;
    if (snprintf(p.s, sizeof p.s, "%s[%zu]", base, i) < 0)
        p.s[0] = '\0';
    return p;
}

/* ---- values ---------------------------------------------------------------- */

const char *fld_kind_name(const cJSON *v)
{
    if (cJSON_IsString(v))
        return "a string";
    if (cJSON_IsNumber(v))
        return "a number";
    if (cJSON_IsBool(v))
        return "a boolean";
    if (cJSON_IsNull(v))
        return "null";
    if (cJSON_IsArray(v))
        return "an array";
    if (cJSON_IsObject(v))
        return "an object";
    return "an unknown value";
}

static const char *type_name(enum fld_type t)
{
    switch (t) {
    case FLD_STRING: return "a string";
    case FLD_INT: return "an integer";
    case FLD_BOOL: return "a boolean";
    case FLD_ARRAY: return "an array";
    case FLD_OBJECT: return "an object";
    }
    return "?";
}

/* is_integer reports whether the number node was written as an integer
 * (digits only: no fraction, no exponent) that fits an int. */
static bool is_integer(const struct fld_ctx *c, const cJSON *v)
{
    const struct bjson_pos *p = bjson_find(c->ix, v);
    if (p) {
        for (size_t i = 0; i < p->len; i++) {
            char ch = c->src[p->start + i];
            if (!(ch == '-' || (ch >= '0' && ch <= '9')))
                return false;
        }
    }
    double d = v->valuedouble;
    return d >= -2147483648.0 && d <= 2147483647.0 && d == (double)(int)d;
}

static bool has_type(const struct fld_ctx *c, const cJSON *v, enum fld_type t)
{
    switch (t) {
    case FLD_STRING: return cJSON_IsString(v);
    case FLD_INT: return cJSON_IsNumber(v) && is_integer(c, v);
    case FLD_BOOL: return cJSON_IsBool(v);
    case FLD_ARRAY: return cJSON_IsArray(v);
    case FLD_OBJECT: return cJSON_IsObject(v);
    }
    return false;
}

/* edit_distance between short names, for "did you mean" hints. */
static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    size_t row[64];
    if (la >= 63 || lb >= 63)
        return 99;
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

bool fld_check(struct fld_ctx *c, const cJSON *obj, const char *path,
               const struct fld_field *fields, size_t n, const cJSON **out)
{
    size_t before = c->errors;
    for (size_t i = 0; i < n; i++)
        out[i] = NULL;
    bool seen[FLD_MAX_FIELDS] = {false};
    for (const cJSON *m = obj->child; m; m = m->next) {
        size_t slot = n;
        for (size_t i = 0; i < n; i++)
            if (strcmp(fields[i].name, m->string) == 0)
                slot = i;
        if (slot == n) {
            const char *best = NULL;
            size_t bestd = 3;
            for (size_t i = 0; i < n; i++) {
                size_t d = edit_distance(fields[i].name, m->string);
                if (d < bestd)
                    bestd = d, best = fields[i].name;
            }
            if (best)
                fld_report_key(c, m, path, "unknown field \"%s\" (did you mean \"%s\"?)", m->string,
                               best);
            else
                fld_report_key(c, m, path, "unknown field \"%s\"", m->string);
            continue;
        }
        if (seen[slot]) {
            fld_report_key(c, m, path, "field \"%s\" appears twice", m->string);
            continue;
        }
        seen[slot] = true;
        struct fld_path fp = fld_path_field(path, m->string);
        if (!has_type(c, m, fields[slot].type)) {
            if (fields[slot].type == FLD_INT && cJSON_IsNumber(m))
                fld_report(c, m, fp.s, "expected an integer, found %g", m->valuedouble);
            else
                fld_report(c, m, fp.s, "expected %s, found %s", type_name(fields[slot].type),
                           fld_kind_name(m));
            continue;
        }
        out[slot] = m;
    }
    for (size_t i = 0; i < n; i++)
        if (fields[i].required && !seen[i])
            fld_report(c, obj, path, "missing field \"%s\"", fields[i].name);
    return c->errors == before;
}

/* blank reports whether s has nothing but white space. */
static bool blank(const char *s)
{
    for (; *s; s++)
        if (!isspace((unsigned char)*s))
            return false;
    return true;
}

const char *fld_text(struct fld_ctx *c, const cJSON *v, const char *path)
{
    if (!v)
        return NULL;
    if (blank(v->valuestring)) {
        fld_report(c, v, path, "must not be empty");
        return NULL;
    }
    return v->valuestring;
}

const char *fld_one_line(struct fld_ctx *c, const cJSON *v, const char *path)
{
    const char *s = fld_text(c, v, path);
    if (s && strchr(s, '\n')) {
        fld_report(c, v, path, "must be one line");
        return NULL;
    }
    return s;
}

const char *const *fld_strings(struct fld_ctx *c, const cJSON *arr, const char *path, size_t min,
                               size_t max, const char *what, size_t *count)
{
    size_t n = (size_t)cJSON_GetArraySize(arr);
    *count = 0;
    if (n < min || (max && n > max)) {
        if (max == 0)
            fld_report(c, arr, path, "needs at least %zu %s, found %zu", min, what, n);
        else if (min == max)
            fld_report(c, arr, path, "needs %zu %s, found %zu", min, what, n);
        else
            fld_report(c, arr, path, "needs %zu to %zu %s, found %zu", min, max, what, n);
    }
    const char **out = bank_block(c->b, bank_xcalloc(n, sizeof *out));
    size_t i = 0;
    for (const cJSON *e = arr->child; e; e = e->next, i++) {
        struct fld_path ep = fld_path_index(path, i);
        if (!cJSON_IsString(e)) {
            fld_report(c, e, ep.s, "expected a string, found %s", fld_kind_name(e));
            continue;
        }
        if (fld_text(c, e, ep.s))
            out[(*count)++] = e->valuestring;
    }
    return out;
}

/* ---- ids ------------------------------------------------------------------- */

static bool is_slug(const char *s, size_t n)
{
    if (n == 0)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
            return false;
    return true;
}

int fld_split_id(const char *id, char sep, bool *known_shape)
{
    const char *d = strchr(id, sep);
    *known_shape = false;
    if (!d || !is_slug(d + 1, strlen(d + 1)))
        return -1;
    *known_shape = true;
    char topic[32];
    size_t n = (size_t)(d - id);
    if (n >= sizeof topic)
        return -1;
    memcpy(topic, id, n);
    topic[n] = '\0';
    return bank_topic_parse(topic);
}
