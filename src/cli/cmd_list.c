/* cmd_list.c: `chanlab list`. */
#include "cli_impl.h"

int cmd_list(struct cli *cli, int argc, char **argv)
{
    (void)cli, (void)argc, (void)argv;
    return cli_not_built("list");
}
