/* pkg.h: the embedded standard library and the program loader's internals
 * (in-layer header).
 *
 * Every package of GO-SUBSET.md is Go source in src/lang/lib/<path>.go,
 * compiled into the binary by embed.py (a meson custom_target) as the table
 * below. Imports resolve against it; each package is parsed and checked like
 * user code. Bodiless functions in it are natives bound by qualified name. */
#ifndef CHANLAB_LANG_PKG_H
#define CHANLAB_LANG_PKG_H

#include <stddef.h>

struct lang_lib_file {
    const char *path; /* import path: "fmt", "sync/atomic" */
    const char *name; /* file name used in diagnostics: "lib/fmt.go" */
    const char *src;
    size_t len;
};

extern const struct lang_lib_file lang_lib_files[];
extern const size_t lang_lib_nfiles;

/* pkg_lib_find returns the embedded source of import path, or NULL. */
const struct lang_lib_file *pkg_lib_find(const char *path);

#endif
