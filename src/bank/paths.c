/* paths.c: where banks live and how a directory of topic files is loaded:
 * the shipped bank found from the executable, the user's bank under
 * $XDG_CONFIG_HOME, `--bank DIR`, and the check that every program in a
 * bank's exercises directory is declared by some exercise. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bank_impl.h"
#include "chanlab_config.h"

#ifndef CHANLAB_DATADIR
#define CHANLAB_DATADIR "/usr/local/share/chanlab"
#endif

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* list_dir returns the sorted names in dir that end in suffix (caller
 * frees each and the array), or NULL with errno set. */
static char **list_dir(const char *dir, const char *suffix, size_t *count)
{
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || !has_suffix(e->d_name, suffix))
            continue;
        BANK_GROW(names, n, cap);
        names[n++] = bank_xstrdup(e->d_name);
    }
    closedir(d);
    if (n > 1)
        qsort(names, n, sizeof *names, cmp_str);
    *count = n;
    return names ? names : bank_xcalloc(1, sizeof *names);
}

static void free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* exercises_dir_of returns dir/../exercises, spelled without "..": the
 * parent of dir with trailing slashes ignored (caller frees). */
static char *exercises_dir_of(const char *dir)
{
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    size_t k = n;
    while (k > 0 && dir[k - 1] != '/')
        k--;
    if (k == 0)
        return bank_xstrdup("exercises");
    if (k == 1)
        return bank_xstrdup("/exercises");
    return bank_xprintf("%.*s/exercises", (int)(k - 1), dir);
}

int bank_add_dir(struct bank *b, const char *dir, bool user, bool missing_ok)
{
    size_t before = b->ndiags;
    size_t n = 0;
    char **names = list_dir(dir, ".json", &n);
    if (!names) {
        if (!(missing_ok && errno == ENOENT))
            bank_report(b, dir, 0, 0, "cannot read the bank directory: %s", strerror(errno));
        return (int)(b->ndiags - before);
    }
    const char *exdir = bank_keep(b, exercises_dir_of(dir));
    for (size_t i = 0; i < n; i++) {
        char *path = bank_xprintf("%s/%s", dir, names[i]);
        bank_add_file(b, path, exdir, user);
        free(path);
    }
    free_names(names, n);
    BANK_GROW(b->exdirs, b->nexdirs, b->capexdirs);
    b->exdirs[b->nexdirs++] = (struct bank_exdir){.dir = exdir, .user = user};
    return (int)(b->ndiags - before);
}

/* declared reports whether some exercise's program (or fixed program) is
 * the file topic/name under exdir. */
static bool declared(const struct bank *b, const char *exdir, const char *topic, const char *name)
{
    char *path = bank_xprintf("%s/%s/%s", exdir, topic, name);
    bool found = false;
    for (size_t i = 0; i < b->nexercises && !found; i++) {
        const struct bank_exercise *x = &b->exercises[i]->pub;
        found = (x->path && strcmp(x->path, path) == 0) ||
                (x->fix && x->fix->path && strcmp(x->fix->path, path) == 0);
    }
    for (size_t i = 0; i < b->nrejected && !found; i++) {
        /* A program whose exercise was left out for a problem has been
         * reported already. */
        char *want = bank_xprintf("%s/%s.go", exdir, b->rejected[i]);
        char *fixed = bank_xprintf("%s/%s.fixed.go", exdir, b->rejected[i]);
        found = strcmp(want, path) == 0 || strcmp(fixed, path) == 0;
        free(want);
        free(fixed);
    }
    free(path);
    return found;
}

void bank_check_orphans(struct bank *b, const struct bank_exdir *d)
{
    size_t ntopics = 0;
    char **topics = list_dir(d->dir, "", &ntopics);
    if (!topics)
        return; /* no exercises directory: nothing undeclared */
    for (size_t t = 0; t < ntopics; t++) {
        char *sub = bank_xprintf("%s/%s", d->dir, topics[t]);
        size_t n = 0;
        char **names = is_dir(sub) ? list_dir(sub, ".go", &n) : NULL;
        for (size_t i = 0; names && i < n; i++)
            if (!declared(b, d->dir, topics[t], names[i]))
                bank_report(b, bank_keep(b, bank_xprintf("%s/%s", sub, names[i])), 0, 0,
                            "no exercise in the bank declares this program");
        if (names)
            free_names(names, n);
        free(sub);
    }
    free_names(topics, ntopics);
}

/* ---- search paths ---------------------------------------------------------- */

/* exe_dir returns the directory of the running executable (caller frees). */
static char *exe_dir(void)
{
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0)
        return NULL;
    buf[n] = '\0';
    char *slash = strrchr(buf, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    return bank_xstrdup(buf[0] ? buf : "/");
}

/* parent returns the directory above dir (caller frees). */
static char *parent(const char *dir)
{
    const char *slash = strrchr(dir, '/');
    if (!slash || slash == dir)
        return bank_xstrdup("/");
    return bank_xprintf("%.*s", (int)(slash - dir), dir);
}

char *bank_shipped_dir(void)
{
    const char *env = getenv("CHANLAB_BANK_DIR");
    if (env && env[0])
        return bank_xstrdup(env);
    char *candidates[4] = {NULL, NULL, NULL, NULL};
    char *exe = exe_dir();
    if (exe) {
        char *up = parent(exe);
        /* The build tree: build/chanlab and questions/ share a parent.
         * Installed: PREFIX/bin/chanlab and PREFIX/share/chanlab/questions. */
        candidates[0] = bank_xprintf("%s/questions", up);
        candidates[1] = bank_xprintf("%s/share/chanlab/questions", up);
        free(up);
        free(exe);
    }
    candidates[2] = bank_xprintf("%s/questions", CHANLAB_DATADIR);
    candidates[3] = bank_xprintf("%s/questions", CHANLAB_SOURCE_ROOT);
    char *found = NULL;
    for (size_t i = 0; i < 4; i++) {
        if (!found && candidates[i] && is_dir(candidates[i]))
            found = candidates[i];
        else
            free(candidates[i]);
    }
    return found;
}

char *bank_user_dir(void)
{
    const char *xdg = getenv("XDG_CONFIG_HOME");
    if (xdg && xdg[0] == '/')
        return bank_xprintf("%s/chanlab/questions", xdg);
    const char *home = getenv("HOME");
    if (home && home[0])
        return bank_xprintf("%s/.config/chanlab/questions", home);
    return NULL;
}

struct bank *bank_load(const char *extra_dir)
{
    struct bank *b = bank_new();
    char *shipped = bank_shipped_dir();
    if (shipped)
        bank_add_dir(b, shipped, false, false);
    else
        bank_report(b, "chanlab", 0, 0,
                    "the shipped question bank was not found (looked beside the executable, "
                    "in %s and in %s)",
                    CHANLAB_DATADIR, CHANLAB_SOURCE_ROOT);
    free(shipped);
    char *user = bank_user_dir();
    if (user)
        bank_add_dir(b, user, true, true);
    free(user);
    if (extra_dir)
        bank_add_dir(b, extra_dir, true, false);
    bank_finish(b);
    return b;
}
