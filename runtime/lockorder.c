/* lockorder.c: the lock-order graph (cfg.lockorder). Not built yet: no
 * inversion is ever reported. */
#include "rt_impl.h"

void rt_lockorder_init(struct rt *rt)
{
    (void)rt;
}

void rt_lockorder_fini(struct rt *rt)
{
    (void)rt;
}

void rt_lock_set_label(struct rt *rt, const void *lock, const char *label)
{
    (void)rt, (void)lock, (void)label;
}
