/* cmd_watch.c: `chanlab watch`. */
#include "cli_impl.h"

int cmd_watch(struct cli *cli, int argc, char **argv)
{
    (void)cli, (void)argc, (void)argv;
    return cli_not_built("watch");
}
