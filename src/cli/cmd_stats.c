/* cmd_stats.c: `chanlab stats`. */
#include "cli_impl.h"

int cmd_stats(struct cli *cli, int argc, char **argv)
{
    (void)cli, (void)argc, (void)argv;
    return cli_not_built("stats");
}
