/* cmd_vet.c: `chanlab vet`. */
#include "cli_impl.h"

int cmd_vet(struct cli *cli, int argc, char **argv)
{
    (void)cli, (void)argc, (void)argv;
    return cli_not_built("vet");
}
