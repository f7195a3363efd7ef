/* lang.c: entry points of the Go subset that no single stage owns. */
#include "lang.h"

const char *lang_go_version(void)
{
    return "go1.23";
}
