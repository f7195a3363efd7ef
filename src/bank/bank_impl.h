/* bank_impl.h: what the files of src/bank share; no other layer includes it.
 *
 * cJSON builds the tree but knows no positions, so bjson_scan reads the same
 * text first: it checks the JSON grammar strictly (RFC 8259, with messages a
 * person can act on) and records, for every value in document order, where
 * it starts and where its member key starts. bjson_bind then walks the cJSON
 * tree in the same order (cJSON keeps members and elements in document
 * order) and pairs each node with its position. Lines and columns are
 * 1-based; a column counts characters (UTF-8 code points), tabs as one. */
#ifndef CHANLAB_BANK_IMPL_H
#define CHANLAB_BANK_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

#include "bank.h"

/* Memory: every allocation goes through these; they abort on failure. */
void *bank_xmalloc(size_t n);
void *bank_xcalloc(size_t n, size_t size);
void *bank_xrealloc(void *p, size_t n);
char *bank_xstrdup(const char *s);
char *bank_xprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- the bank's private state ----------------------------------------------- */

/* A question's link to an exercise, resolved by bank_finish. */
struct bank_link {
    const char *id;   /* the exercise id as written */
    const char *path; /* JSON path of the link, for messages */
    int line, col;
};

/* A question with what only the loader needs. pub comes first so a
 * bank_question pointer converts back. */
struct bank_qrec {
    struct bank_question pub;
    struct bank_link *links;
    size_t nlinks;
    const struct bank_exercise **exercises; /* the resolved links */
    size_t order;                           /* load order, for a stable sort */
};

struct bank_xrec {
    struct bank_exercise pub;
    struct bank_fix fix;
    struct bank_predict predict;
    const struct bank_question **questions; /* back links */
    size_t nquestions, capquestions;
};

/* An exercises directory of a loaded bank directory, checked for
 * programs that no exercise declares. */
struct bank_exdir {
    const char *dir;
    bool user;
};

struct bank {
    struct bank_diag *diags;
    size_t ndiags, capdiags;
    char **owned; /* strings freed with the bank */
    size_t nowned, capowned;
    cJSON **roots; /* parsed files; questions point into them */
    size_t nroots, caproots;
    void **blocks; /* arrays and records freed with the bank */
    size_t nblocks, capblocks;
    struct bank_qrec **questions;
    size_t nquestions, capquestions;
    struct bank_xrec **exercises;
    size_t nexercises, capexercises;
    const char **rejected; /* ids of exercises left out for a problem */
    size_t nrejected, caprejected;
    struct bank_exdir *exdirs;
    size_t nexdirs, capexdirs;
    const struct bank_question **qsorted; /* by id, after bank_finish */
    const struct bank_exercise **xsorted;
    bool finished;
};

/* bank_keep hands s (malloc'd) to the bank and returns it. */
const char *bank_keep(struct bank *b, char *s);

/* bank_block hands p (malloc'd) to the bank and returns it. */
void *bank_block(struct bank *b, void *p);

/* bank_report adds a diagnostic; file is copied. line 0: no position. */
void bank_report(struct bank *b, const char *file, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* bank_sort_diags orders diagnostics [from, ndiags) by file position,
 * keeping the order of equal positions. */
void bank_sort_diags(struct bank *b, size_t from);

/* bank_check_orphans reports each program under d that no loaded exercise
 * declares (paths.c). */
void bank_check_orphans(struct bank *b, const struct bank_exdir *d);

/* GROW makes room for one more element in a (count n, capacity cap). */
#define BANK_GROW(a, n, cap)                                                                       \
    do {                                                                                           \
        if ((n) == (cap)) {                                                                        \
            (cap) = (cap) ? (cap)*2 : 8;                                                           \
            (a) = bank_xrealloc((a), (cap) * sizeof *(a));                                         \
        }                                                                                          \
    } while (0)

/* Where one JSON value is. */
struct bjson_pos {
    const cJSON *node; /* set by bjson_bind */
    int line, col;     /* the value's first character */
    int kline, kcol;   /* its key's opening quote; 0 when not a member */
    size_t start, len; /* the value's bytes in the text */
};

/* The positions of every value of one text. */
struct bjson_index {
    struct bjson_pos *v; /* document order until bjson_bind, then by node */
    size_t n, cap;
};

/* A syntax error. */
struct bjson_error {
    int line, col;
    char message[160];
};

/* bjson_scan checks that text[0..len) is one JSON value and fills ix
 * (which must be zeroed). Returns false with *err set on the first syntax
 * error. A UTF-8 byte order mark at the start is skipped; *skip gets its
 * length (0 or 3) so the caller can hand the rest to cJSON. */
bool bjson_scan(const char *text, size_t len, struct bjson_index *ix, struct bjson_error *err,
                size_t *skip);

/* bjson_bind pairs each node of root (the tree cJSON parsed from the same
 * text) with its position. Returns false when the tree and the scan
 * disagree (a cJSON limit), in which case positions are unavailable. */
bool bjson_bind(struct bjson_index *ix, const cJSON *root);

/* bjson_find returns node's position, or NULL when it has none. */
const struct bjson_pos *bjson_find(const struct bjson_index *ix, const cJSON *node);

void bjson_index_free(struct bjson_index *ix);

#endif
