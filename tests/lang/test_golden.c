/* test_golden.c: one golden test per Go file of tests/lang/testdata.
 *
 * A file states what `chanlab vet` must report, in comments anywhere in it
 * (by convention at its end, so they do not move the code's lines):
 *
 *   // ERROR L:C: message      an error Go reports the same way
 *   // CHANLAB L:C: message    an error only chanlab reports (out of subset)
 *   // WARN L:C: message       a vet warning, as `go vet` words it
 *   // LANG go1.21             load with --lang go1.21
 *   // NOGO reason             do not compare with the Go toolchain
 *
 * `\n` and `\t` in a message stand for a newline and a tab. A file with no
 * expectation must check clean. The diagnostics of the file must equal the
 * expectations exactly (position and text, in order).
 *
 * When GO (the path of a Go 1.23 toolchain) is set and exists, ERROR lines are
 * also checked against `go build -gcflags=-e`, WARN lines against `go vet`,
 * and clean files must build, so the stored texts stay Go's. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"
#include "lang.h"

struct expect {
    char kind;      /* 'E' error, 'C' chanlab-only error, 'W' warning */
    char text[600]; /* "L:C: message" */
};

static void unescape(char *s)
{
    char *o = s;
    for (; *s; s++) {
        if (s[0] == '\\' && s[1] == 'n') {
            *o++ = '\n';
            s++;
        } else if (s[0] == '\\' && s[1] == 't') {
            *o++ = '\t';
            s++;
        } else {
            *o++ = *s;
        }
    }
    *o = 0;
}

static int parse_expectations(const char *src, struct expect *out, int max, char *lang,
                              size_t langsz)
{
    int n = 0;
    const char *p = src;
    while ((p = strstr(p, "// ")) != NULL) {
        p += 3;
        char kind = 0;
        size_t skip = 0;
        if (strncmp(p, "ERROR ", 6) == 0)
            kind = 'E', skip = 6;
        else if (strncmp(p, "CHANLAB ", 8) == 0)
            kind = 'C', skip = 8;
        else if (strncmp(p, "WARN ", 5) == 0)
            kind = 'W', skip = 5;
        else if (strncmp(p, "LANG ", 5) == 0) {
            const char *e = strchr(p, '\n');
            size_t l = e ? (size_t)(e - p - 5) : strlen(p + 5);
            if (l >= langsz)
                l = langsz - 1;
            memcpy(lang, p + 5, l);
            lang[l] = 0;
            continue;
        }
        if (!kind || n >= max)
            continue;
        const char *s = p + skip;
        const char *e = strchr(s, '\n');
        size_t l = e ? (size_t)(e - s) : strlen(s);
        if (l >= sizeof out[n].text)
            l = sizeof out[n].text - 1;
        out[n].kind = kind;
        memcpy(out[n].text, s, l);
        out[n].text[l] = 0;
        unescape(out[n].text);
        n++;
    }
    return n;
}

/* go_output runs the Go toolchain on a copy of the file named x.go and
 * returns its stderr with "./" prefixes removed (caller frees), or NULL. */
static char *go_output(const char *go, const char *src, bool vet, const char *lang, int *status)
{
    char *dir = th_tmpdir();
    char path[4096];
    snprintf(path, sizeof path, "%s/x.go", dir);
    th_write_file(path, src);
    if (vet) {
        /* vet in module mode, so the language version (loop variables) and
         * the package path (main) are those chanlab uses */
        char mod[128];
        snprintf(mod, sizeof mod, "module main\n\ngo %s\n", lang[0] ? lang + 2 : "1.23");
        snprintf(path, sizeof path, "%s/go.mod", dir);
        th_write_file(path, mod);
    }
    const char *cache = getenv("GOCACHE_DIR");
    char env_cache[4200], env_home[4200], env_path[4200];
    snprintf(env_cache, sizeof env_cache, "GOCACHE=%s", cache ? cache : dir);
    snprintf(env_home, sizeof env_home, "HOME=%s", dir);
    snprintf(env_path, sizeof env_path, "GOPATH=%s/gopath", dir);
    char *const env[] = {env_cache,
                         env_home,
                         env_path,
                         vet ? "GO111MODULE=on" : "GO111MODULE=off",
                         "GOFLAGS=",
                         "GOPROXY=off",
                         "GOTOOLCHAIN=local",
                         NULL};
    char script[8400];
    if (vet)
        snprintf(script, sizeof script, "cd '%s' && '%s' vet .", dir, go);
    else
        snprintf(script, sizeof script, "cd '%s' && '%s' build -gcflags=-e -o /dev/null x.go", dir,
                 go);
    char *const argv[] = {"/bin/sh", "-c", script, NULL};
    struct th_result r = th_run(argv, NULL, 120, env);
    *status = r.status;
    char *out = malloc(r.err_len + 1);
    size_t o = 0;
    for (size_t i = 0; i < r.err_len; i++) {
        if (strncmp(r.err + i, "./x.go:", 7) == 0)
            i += 2; /* Go names the file ./x.go, chanlab as given: x.go */
        out[o++] = r.err[i];
    }
    out[o] = 0;
    th_result_free(&r);
    th_rmtree(dir);
    free(dir);
    return out;
}

static void test_golden(void **state)
{
    (void)state;
    const char *file = th_env("GOLDEN_FILE");
    size_t len;
    char *src = th_read_file(file, &len);
    assert_non_null(src);
    static struct expect exp[256];
    char lang[32] = "";
    int nexp = parse_expectations(src, exp, 256, lang, sizeof lang);

    struct lang_options opt = {.lang = lang[0] ? lang : NULL};
    struct lang_program *p = lang_load_source("x.go", src, len, &opt);
    size_t nd = lang_diag_count(p);
    int failures = 0;
    char got[700];
    size_t k = 0;
    for (int i = 0; i < nexp || k < nd;) {
        const struct lang_diag *d = k < nd ? lang_diag_peek(p, k) : NULL;
        if (d)
            snprintf(got, sizeof got, "%s%d:%d: %s", strcmp(d->file, "x.go") ? d->file : "",
                     d->line, d->col, d->message);
        if (i < nexp && d && strcmp(exp[i].text, got) == 0 &&
            (exp[i].kind == 'W') == (d->severity == LANG_WARNING)) {
            i++, k++;
            continue;
        }
        if (i < nexp)
            fprintf(stderr, "%s: want %s %s\n", file, exp[i].kind == 'W' ? "warning" : "error",
                    exp[i].text);
        if (d)
            fprintf(stderr, "%s:  got %s %s\n", file,
                    d->severity == LANG_WARNING ? "warning" : "error", got);
        failures++;
        if (i < nexp)
            i++;
        if (d)
            k++;
    }
    lang_program_free(p);

    const char *go = getenv("GO");
    if (go && access(go, X_OK) == 0 && !strstr(src, "\n// NOGO ")) {
        bool want_err = false, want_warn = false;
        for (int i = 0; i < nexp; i++) {
            want_err |= exp[i].kind == 'E';
            want_warn |= exp[i].kind == 'W';
        }
        bool chanlab_only = false;
        for (int i = 0; i < nexp; i++)
            chanlab_only |= exp[i].kind == 'C';
        int status;
        if (!chanlab_only) {
            char *out = go_output(go, src, false, lang, &status);
            if (!want_err && status != 0) {
                fprintf(stderr, "%s: go build rejects a file chanlab must accept:\n%s", file, out);
                failures++;
            }
            for (int i = 0; i < nexp; i++) {
                if (exp[i].kind != 'E')
                    continue;
                char line[700];
                snprintf(line, sizeof line, "x.go:%s\n", exp[i].text);
                if (!strstr(out, line)) {
                    fprintf(stderr, "%s: go build does not say: %s\ngo said:\n%s", file,
                            exp[i].text, out);
                    failures++;
                }
            }
            free(out);
        }
        if (want_warn) {
            char *out = go_output(go, src, true, lang, &status);
            for (int i = 0; i < nexp; i++) {
                if (exp[i].kind != 'W')
                    continue;
                char line[700];
                snprintf(line, sizeof line, "x.go:%s\n", exp[i].text);
                if (!strstr(out, line)) {
                    fprintf(stderr, "%s: go vet does not say: %s\ngo vet said:\n%s", file,
                            exp[i].text, out);
                    failures++;
                }
            }
            free(out);
        }
    }
    free(src);
    assert_int_equal(failures, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_golden),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
