/* store.h: the progress store over SQLite. */
#ifndef CHANLAB_STORE_H
#define CHANLAB_STORE_H

/* store_sqlite_version returns the linked SQLite's version; static storage. */
const char *store_sqlite_version(void);

#endif
