/* runtime.h: the public interface of chanlab's green-thread runtime.
 *
 * (The runtime is being built; this header grows with it.) */
#ifndef CHANLAB_RUNTIME_H
#define CHANLAB_RUNTIME_H

/* rt_version returns the runtime's version string; static storage. */
const char *rt_version(void);

#endif
