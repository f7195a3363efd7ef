/* lang.h: the public interface of chanlab's Go subset.
 *
 * (The front end and interpreter are being built; this header grows with
 * them.) */
#ifndef CHANLAB_LANG_H
#define CHANLAB_LANG_H

/* lang_go_version names the Go language version whose semantics chanlab
 * follows by default; static storage. */
const char *lang_go_version(void);

#endif
