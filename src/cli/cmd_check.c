/* cmd_check.c: `chanlab check`. */
#include "cli_impl.h"

int cmd_check(struct cli *cli, int argc, char **argv)
{
    (void)cli, (void)argc, (void)argv;
    return cli_not_built("check");
}
