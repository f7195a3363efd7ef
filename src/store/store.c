/* store.c: opening, migrating and querying the progress database. */
#include <sqlite3.h>

#include "store.h"

const char *store_sqlite_version(void)
{
    return sqlite3_libversion();
}
