/* pkg.c: the front end's entry points: load a program from a file or from
 * memory, resolve imports against the embedded standard library, run the
 * parser, checker and vet, and expose diagnostics and the checked tree. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "lang.h"
#include "parse.h"
#include "pkg.h"
#include "vet.h"

struct src_file {
    const char *name;
    const char *src;
    size_t len;
};

struct lang_program {
    struct arena *arena;
    struct diags diags;
    struct lang_diag *out; /* diagnostics in the public shape, sorted */
    size_t nout;
    size_t nerrors, nwarnings;
    struct src_file *files;
    size_t nfiles, capfiles;
    struct ast_program *prog;
    struct types *ts;
    struct ast_package **pkgs; /* loaded packages (cache by path) */
    size_t npkgs, cappkgs;
    bool runnable;
};

static void *xrealloc(void *p, size_t size)
{
    p = realloc(p, size);
    if (!p) {
        fprintf(stderr, "chanlab: out of memory\n");
        abort();
    }
    return p;
}

const struct lang_lib_file *pkg_lib_find(const char *path)
{
    for (size_t i = 0; i < lang_lib_nfiles; i++)
        if (strcmp(lang_lib_files[i].path, path) == 0)
            return &lang_lib_files[i];
    return NULL;
}

static uint32_t add_file(struct lang_program *p, const char *name, const char *src, size_t len)
{
    if (p->nfiles == p->capfiles) {
        p->capfiles = p->capfiles ? p->capfiles * 2 : 16;
        p->files = xrealloc(p->files, p->capfiles * sizeof *p->files);
    }
    p->files[p->nfiles] = (struct src_file){name, src, len};
    return (uint32_t)p->nfiles++;
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* import_package is the checker's import callback. */
static struct ast_package *import_package(void *ud, const char *path, struct pos pos)
{
    struct lang_program *p = ud;
    for (size_t i = 0; i < p->npkgs; i++)
        if (strcmp(p->pkgs[i]->path, path) == 0)
            return p->pkgs[i];
    const struct lang_lib_file *lf = pkg_lib_find(path);
    if (!lf || strcmp(path, "main") == 0) {
        diag_error(&p->diags, pos, "package %s is not supported by chanlab", path);
        return NULL;
    }
    uint32_t fi = add_file(p, lf->name, lf->src, lf->len);
    size_t before = p->diags.nerrors;
    struct ast_file *f = parse_file(p->arena, &p->diags, fi, lf->name, lf->src, lf->len);
    struct ast_package *pkg = arena_alloc(p->arena, sizeof *pkg);
    pkg->path = arena_strndup(p->arena, path, strlen(path));
    pkg->name = f->pkg_name ? f->pkg_name : base_name(path);
    pkg->file = f;
    if (p->diags.nerrors != before)
        pkg->checked = true; /* broken library source: reported, not checked */
    if (p->npkgs == p->cappkgs) {
        p->cappkgs = p->cappkgs ? p->cappkgs * 2 : 16;
        p->pkgs = xrealloc(p->pkgs, p->cappkgs * sizeof *p->pkgs);
    }
    p->pkgs[p->npkgs++] = pkg;
    return pkg;
}

static bool lang_is_go121(const char *lang)
{
    if (!lang)
        return false;
    if (strncmp(lang, "go", 2) == 0)
        lang += 2;
    int major = 0, minor = 0;
    if (sscanf(lang, "%d.%d", &major, &minor) != 2)
        return false;
    return major == 1 && minor < 22;
}

static void finish_diags(struct lang_program *p)
{
    diag_finish(&p->diags);
    p->nout = p->diags.n;
    p->out = p->nout ? calloc(p->nout, sizeof *p->out) : NULL;
    if (p->nout && !p->out)
        abort();
    for (size_t i = 0; i < p->nout; i++) {
        const struct diag *d = &p->diags.v[i];
        struct lang_diag *o = &p->out[i];
        o->file = d->pos.file < p->nfiles ? p->files[d->pos.file].name : "?";
        o->line = (int)d->pos.line;
        o->col = (int)d->pos.col;
        o->severity = d->severity;
        o->message = d->message;
    }
    p->nerrors = 0;
    for (size_t i = 0; i < p->nout; i++)
        p->nerrors += p->out[i].severity == LANG_ERROR;
    p->nwarnings = p->diags.nwarnings;
}

static struct lang_program *load_source(const char *name, const char *src, size_t len,
                                        const struct lang_options *opt);

/* The parser bounds nesting at PARSE_MAX_DEPTH, but each level costs the
 * checker several frames (many more under AddressSanitizer), so the front
 * end runs on a thread with a large, lazily committed stack. */
enum { FRONT_STACK = 512u << 20 };

struct load_job {
    const char *name, *src;
    size_t len;
    const struct lang_options *opt;
    struct lang_program *result;
};

static void *load_thread(void *arg)
{
    struct load_job *j = arg;
    j->result = load_source(j->name, j->src, j->len, j->opt);
    return NULL;
}

struct lang_program *lang_load_source(const char *name, const char *src, size_t len,
                                      const struct lang_options *opt)
{
    struct load_job job = {name, src, len, opt, NULL};
    pthread_attr_t attr;
    pthread_t th;
    if (pthread_attr_init(&attr) == 0) {
        bool ok = pthread_attr_setstacksize(&attr, FRONT_STACK) == 0 &&
                  pthread_create(&th, &attr, load_thread, &job) == 0;
        pthread_attr_destroy(&attr);
        if (ok && pthread_join(th, NULL) == 0)
            return job.result;
    }
    return load_source(name, src, len, opt); /* no thread: the C stack it is */
}

static struct lang_program *load_source(const char *name, const char *src, size_t len,
                                        const struct lang_options *opt)
{
    struct lang_program *p = calloc(1, sizeof *p);
    if (!p)
        abort();
    p->arena = arena_new();
    diag_init(&p->diags, p->arena);
    char *copy = arena_alloc(p->arena, len + 1);
    if (len)
        memcpy(copy, src, len);
    const char *fname = arena_strndup(p->arena, name, strlen(name));
    uint32_t fi = add_file(p, fname, copy, len);
    struct ast_file *file = parse_file(p->arena, &p->diags, fi, fname, copy, len);
    if (p->diags.nerrors == 0) {
        if (file->pkg_name && strcmp(file->pkg_name, "main") != 0) {
            diag_error(&p->diags, (struct pos){fi, 1, 9},
                       "package %s is not a main package: chanlab runs one file of package "
                       "main",
                       file->pkg_name);
        } else {
            p->ts = types_new(p->arena);
            p->prog = arena_alloc(p->arena, sizeof *p->prog);
            p->prog->types = p->ts;
            p->prog->go121 = file->go121 || lang_is_go121(opt ? opt->lang : NULL);
            struct ast_package *mainp = arena_alloc(p->arena, sizeof *mainp);
            mainp->path = "main";
            mainp->name = "main";
            mainp->file = file;
            p->prog->main_pkg = mainp;
            struct checker c = {0};
            c.a = p->arena;
            c.d = &p->diags;
            c.ts = p->ts;
            c.universe = scope_universe(p->arena, p->ts);
            c.prog = p->prog;
            c.go121 = p->prog->go121;
            c.iota = -1;
            c.import = import_package;
            c.import_ud = p;
            /* Package runtime is part of every program, imported or not:
             * run-time panics carry its error types (a recovered index
             * failure is a runtime.Error whatever main imports). */
            struct ast_package *rtp = import_package(p, "runtime", (struct pos){fi, 1, 1});
            if (rtp)
                check_package(&c, rtp);
            check_package(&c, mainp);
            check_finish(&c);
            if (p->diags.nerrors == 0 && !(opt && opt->no_vet))
                vet_program(p->prog, &p->diags, p->ts);
        }
    }
    p->runnable = p->diags.nerrors == 0 && p->prog && p->prog->main_func;
    finish_diags(p);
    return p;
}

struct lang_program *lang_load_file(const char *path, const struct lang_options *opt)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        int err = errno;
        struct lang_program *p = lang_load_source(path, "", 0, &(struct lang_options){0});
        /* replace whatever an empty file produced by the open error */
        p->nout = 1;
        p->out = xrealloc(p->out, sizeof *p->out);
        char msg[512];
        snprintf(msg, sizeof msg, "open %s: %s", path, strerror(err));
        p->out[0] = (struct lang_diag){p->files[0].name, 0, 0, LANG_ERROR,
                                       arena_strndup(p->arena, msg, strlen(msg))};
        p->nerrors = 1;
        p->nwarnings = 0;
        p->runnable = false;
        return p;
    }
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    if (!buf)
        abort();
    for (;;) {
        if (len == cap) {
            cap *= 2;
            buf = xrealloc(buf, cap);
        }
        size_t n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (n == 0)
            break;
    }
    fclose(f);
    struct lang_program *p = lang_load_source(path, buf, len, opt);
    free(buf);
    return p;
}

void types_free(struct types *ts);

void lang_program_free(struct lang_program *p)
{
    if (!p)
        return;
    types_free(p->ts);
    diag_free(&p->diags);
    free(p->out);
    free(p->files);
    free(p->pkgs);
    arena_free(p->arena);
    free(p);
}

size_t lang_diag_count(const struct lang_program *p)
{
    return p->nout;
}

const struct lang_diag *lang_diag_peek(const struct lang_program *p, size_t i)
{
    return i < p->nout ? &p->out[i] : NULL;
}

size_t lang_error_count(const struct lang_program *p)
{
    return p->nerrors;
}

size_t lang_warning_count(const struct lang_program *p)
{
    return p->nwarnings;
}

void lang_diag_print(const struct lang_program *p, FILE *f)
{
    for (size_t i = 0; i < p->nout; i++) {
        const struct lang_diag *d = &p->out[i];
        if (d->line > 0)
            fprintf(f, "%s:%d:%d: %s\n", d->file, d->line, d->col, d->message);
        else
            fprintf(f, "%s\n", d->message);
    }
}

bool lang_program_runnable(const struct lang_program *p)
{
    return p->runnable;
}

struct ast_program *lang_program_tree(struct lang_program *p)
{
    return p->runnable ? p->prog : NULL;
}

const char *lang_program_file(const struct lang_program *p, size_t i, const char **name,
                              size_t *len)
{
    if (i >= p->nfiles)
        return NULL;
    if (name)
        *name = p->files[i].name;
    if (len)
        *len = p->files[i].len;
    return p->files[i].src;
}
