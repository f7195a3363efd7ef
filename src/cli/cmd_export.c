/* cmd_export.c: `chanlab export [FILE]`: all progress as JSON
 * (docs/json-formats.md), on stdout or into FILE. A file is written beside
 * its final name and renamed into place, so an interrupted export never
 * leaves half a file under that name. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_impl.h"
#include "views.h"

int cmd_export(struct cli *cli, int argc, char **argv)
{
    const char *file = NULL;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1] != '\0')
            return cli_usage_error("export", "unknown option '%s'", argv[i]);
        if (file)
            return cli_usage_error("export", "unexpected argument '%s'", argv[i]);
        file = argv[i];
    }
    if (file && strcmp(file, "-") == 0)
        file = NULL;
    struct store *st = views_open_store(cli, "export");
    if (!st)
        return 1;
    int64_t now = views_now();
    int status = 0;
    if (!file) {
        if (store_export(st, stdout, now) != STORE_OK) {
            fprintf(stderr, "chanlab export: %s\n", store_errmsg(st));
            status = 1;
        }
    } else {
        size_t n = strlen(file) + 16;
        char *tmp = malloc(n);
        snprintf(tmp, n, "%s.tmp", file);
        FILE *f = fopen(tmp, "w");
        if (!f) {
            fprintf(stderr, "chanlab export: %s: %s\n", tmp, strerror(errno));
            status = 1;
        } else {
            enum store_status s = store_export(st, f, now);
            if (fclose(f) != 0 && s == STORE_OK) {
                fprintf(stderr, "chanlab export: %s: %s\n", tmp, strerror(errno));
                status = 1;
            } else if (s != STORE_OK) {
                fprintf(stderr, "chanlab export: %s\n", store_errmsg(st));
                status = 1;
            } else if (rename(tmp, file) != 0) {
                fprintf(stderr, "chanlab export: %s: %s\n", file, strerror(errno));
                status = 1;
            }
            if (status)
                unlink(tmp);
        }
        free(tmp);
    }
    store_close(st);
    return status;
}
