/* race.c: the data race detector (cfg.race). Not built yet: every entry
 * point returns at once, and no race is ever reported. */
#include "rt_impl.h"

void rt_race_init(struct rt *rt)
{
    (void)rt;
}

void rt_race_fini(struct rt *rt)
{
    (void)rt;
}

void rt_race_go(struct rt *rt, struct rt_g *parent, struct rt_g *child)
{
    (void)rt, (void)parent, (void)child;
}

void rt_race_read(struct rt *rt, const void *addr, rt_site site)
{
    (void)rt, (void)addr, (void)site;
}

void rt_race_write(struct rt *rt, const void *addr, rt_site site)
{
    (void)rt, (void)addr, (void)site;
}

void rt_race_release(struct rt *rt, const void *obj)
{
    (void)rt, (void)obj;
}

void rt_race_acquire(struct rt *rt, const void *obj)
{
    (void)rt, (void)obj;
}

void rt_race_forget(struct rt *rt, const void *addr, size_t size)
{
    (void)rt, (void)addr, (void)size;
}
