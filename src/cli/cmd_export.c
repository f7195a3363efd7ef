/* cmd_export.c: `chanlab export`. */
#include "cli_impl.h"

int cmd_export(struct cli *cli, int argc, char **argv)
{
    (void)cli, (void)argc, (void)argv;
    return cli_not_built("export");
}
