/* cmd_import.c: `chanlab import`. */
#include "cli_impl.h"

int cmd_import(struct cli *cli, int argc, char **argv)
{
    (void)cli, (void)argc, (void)argv;
    return cli_not_built("import");
}
