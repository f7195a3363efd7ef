/* cmd_run.c: `chanlab run`. */
#include "cli_impl.h"

int cmd_run(struct cli *cli, int argc, char **argv)
{
    (void)cli, (void)argc, (void)argv;
    return cli_not_built("run");
}
