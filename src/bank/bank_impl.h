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

/* Memory: every allocation goes through these; they abort on failure
 * (bank_oom: says so on stderr and aborts). */
void bank_oom(void) __attribute__((noreturn));
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

/* ---- field checks (fields.c) ----------------------------------------------- */

/* The JSON types a field can have; FLD_INT is a number written without
 * fraction or exponent that fits an int. */
enum fld_type { FLD_STRING, FLD_INT, FLD_BOOL, FLD_ARRAY, FLD_OBJECT };

/* One row of an object's field table. */
struct fld_field {
    const char *name;
    enum fld_type type;
    bool required;
};

#define FLD_MAX_FIELDS 10

/* What a file's checks share. */
struct fld_ctx {
    struct bank *b;
    const char *file;  /* the JSON file, as named to the loader */
    const char *exdir; /* where its exercises' programs are */
    const struct bjson_index *ix;
    const char *src; /* the file's text, for raw number tokens */
    int topic;       /* the file's topic, or -1 when unknown */
    bool user;
    size_t errors; /* diagnostics added so far for this file */
};

/* A JSON path such as questions[3].quiz[1].choices[0]. */
struct fld_path {
    char s[192];
};

/* fld_report adds a diagnostic for the value node at path ("PATH: MSG");
 * fld_report_key points at the key of member node instead. Both count in
 * c->errors. A node without a position is reported at 1:1. */
void fld_report(struct fld_ctx *c, const cJSON *node, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void fld_report_key(struct fld_ctx *c, const cJSON *node, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* fld_path_field and fld_path_index extend a path with ".name" or "[i]". */
struct fld_path fld_path_field(const char *base, const char *name);
struct fld_path fld_path_index(const char *base, size_t i);

/* fld_kind_name names a value's JSON type for messages ("a string"). */
const char *fld_kind_name(const cJSON *v);

/* fld_check checks the object obj at path against fields[0..n) and stores
 * each present, well-typed member in out[slot] (NULL otherwise). Returns
 * true when it found no problem. */
bool fld_check(struct fld_ctx *c, const cJSON *obj, const char *path,
               const struct fld_field *fields, size_t n, const cJSON **out);

/* fld_text returns the string of v when it says something (not blank),
 * else reports and returns NULL; fld_one_line also refuses line breaks. */
const char *fld_text(struct fld_ctx *c, const cJSON *v, const char *path);
const char *fld_one_line(struct fld_ctx *c, const cJSON *v, const char *path);

/* fld_strings checks an array of non-blank strings with min..max items
 * (max 0: no limit; what names them in messages) and returns the good ones
 * in a block owned by the bank, their number in *count. */
const char *const *fld_strings(struct fld_ctx *c, const cJSON *arr, const char *path, size_t min,
                               size_t max, const char *what, size_t *count);

/* fld_split_id splits "topic<sep>slug" and returns the topic, or -1 when
 * the shape is wrong (*known_shape false) or the topic unknown. */
int fld_split_id(const char *id, char sep, bool *known_shape);

/* bank_check_exercise checks the EXERCISE object obj at path and fills x
 * (exercise.c); problems are reported through c and counted in c->errors. */
void bank_check_exercise(struct fld_ctx *c, const cJSON *obj, const char *path,
                         struct bank_xrec *x);

#endif
