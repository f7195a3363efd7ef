/* rt_version.c: the runtime's version, for `chanlab --version`. */
#include "runtime.h"

const char *rt_version(void)
{
    return "rt-0.1";
}
