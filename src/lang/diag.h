/* diag.h: diagnostics of the front end (in-layer header).
 *
 * Every stage reports through one struct diags: errors and vet warnings with
 * a position and a message in Go's words. At most DIAG_MAX_ERRORS errors are
 * kept; the next one becomes "too many errors", as Go does. */
#ifndef CHANLAB_LANG_DIAG_H
#define CHANLAB_LANG_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "ast.h"
#include "lang.h"

enum { DIAG_MAX_ERRORS = 10, DIAG_HARD_CAP = 10000 };

struct diag {
    struct pos pos;
    enum lang_severity severity;
    const char *message; /* in the arena */
};

struct diags {
    struct arena *arena; /* where messages live */
    struct diag *v;      /* malloc'd array */
    size_t n, cap;
    size_t nerrors, nwarnings;
    bool too_many; /* an error was dropped after DIAG_MAX_ERRORS */
    bool silent;   /* record nothing (highlighting) */
};

void diag_init(struct diags *d, struct arena *arena);
void diag_free(struct diags *d);

/* diag_error records an error at pos; messages follow Go's wording. */
void diag_error(struct diags *d, struct pos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void diag_verror(struct diags *d, struct pos pos, const char *fmt, va_list ap);
void diag_warn(struct diags *d, struct pos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* diag_sort orders diagnostics by file, line, column (stable). */
void diag_sort(struct diags *d);

/* diag_finish sorts, then keeps the first DIAG_MAX_ERRORS errors and puts
 * "too many errors" after them at the last one's position, as Go does. */
void diag_finish(struct diags *d);

/* diag_has_error_at reports whether an error was already reported on line. */
bool diag_has_error_at(const struct diags *d, struct pos pos);

#endif
