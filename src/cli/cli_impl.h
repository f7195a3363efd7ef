/* cli_impl.h: what the command files share; not for other layers. */
#ifndef CHANLAB_CLI_IMPL_H
#define CHANLAB_CLI_IMPL_H

#include <stdbool.h>

#include "cli.h"

/* One command: its name, a one-line summary for `chanlab --help`, its usage
 * text for `chanlab NAME --help`, and the function that runs it. */
struct cli_command {
    const char *name;
    const char *summary;
    const char *usage;
    int (*run)(struct cli *cli, int argc, char **argv);
};

/* The commands, one file each (cmd_NAME.c). */
int cmd_run(struct cli *cli, int argc, char **argv);
int cmd_watch(struct cli *cli, int argc, char **argv);
int cmd_vet(struct cli *cli, int argc, char **argv);
int cmd_check(struct cli *cli, int argc, char **argv);
int cmd_list(struct cli *cli, int argc, char **argv);
int cmd_review(struct cli *cli, int argc, char **argv);
int cmd_stats(struct cli *cli, int argc, char **argv);
int cmd_export(struct cli *cli, int argc, char **argv);
int cmd_import(struct cli *cli, int argc, char **argv);

/* cli_not_built says on stderr that command name is not built yet and
 * returns 2. For commands whose layer is still being written. */
int cli_not_built(const char *name);

/* cli_usage_error prints "chanlab NAME: MSG" and a pointer to --help on
 * stderr and returns 2, the status for usage errors. */
int cli_usage_error(const char *name, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* cli_wants_help reports whether argv holds -h or --help before any "--". */
bool cli_wants_help(int argc, char **argv);

/* cli_find returns the command called name, or NULL. */
const struct cli_command *cli_find(const char *name);

#endif
