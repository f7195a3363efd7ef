/* cmd_vet.c: `chanlab vet [--lang go1.21] FILE.go`: parse, type-check and
 * vet one program; diagnostics on stderr as `file:line:col: message`.
 * Exit 0 when clean, 1 on errors or vet warnings (as `go vet`), 2 on usage
 * errors. */
#include <stdio.h>
#include <string.h>

#include "cli_impl.h"
#include "lang.h"

int cmd_vet(struct cli *cli, int argc, char **argv)
{
    (void)cli;
    const char *file = NULL, *lang = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--lang") == 0) {
            if (i + 1 >= argc)
                return cli_usage_error("vet", "--lang needs a version (go1.21 or go1.22)");
            lang = argv[++i];
        } else if (strncmp(a, "--lang=", 7) == 0) {
            lang = a + 7;
        } else if (a[0] == '-' && a[1] != 0) {
            return cli_usage_error("vet", "unknown option %s", a);
        } else if (file) {
            return cli_usage_error("vet", "one file at a time (got %s and %s)", file, a);
        } else {
            file = a;
        }
    }
    if (!file)
        return cli_usage_error("vet", "missing FILE.go");
    if (lang && strncmp(lang, "go1.", 4) != 0)
        return cli_usage_error("vet", "--lang: unknown version %s (want go1.21, go1.22, ...)",
                               lang);
    struct lang_options opt = {.lang = lang};
    struct lang_program *p = lang_load_file(file, &opt);
    lang_diag_print(p, stderr);
    int status = lang_diag_count(p) > 0 ? 1 : 0;
    lang_program_free(p);
    return status;
}
