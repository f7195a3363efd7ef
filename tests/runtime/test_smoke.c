#include "rt_test.h"

static struct tlog L;

static void child(struct rt *rt, void *arg)
{
    struct rt_chan *c = arg;
    int v = 0;
    bool ok;
    rt_chan_recv(rt, c, &v, &ok);
    tlog(&L, "child got %d\n", v);
}

static void mainfn(struct rt *rt, void *arg)
{
    struct rt_chan *c = rt_chan_new(rt, sizeof(int), 0, "int");
    rt_go(rt, child, c);
    int v = 42;
    rt_chan_send(rt, c, &v);
    tlog(&L, "main sent\n");
    rt_gosched(rt);
    tlog(&L, "main done\n");
}

static void test_smoke(void **state)
{
    struct rt *rt = trt_new(1, 1);
    rt_go(rt, mainfn, NULL);
    assert_int_equal(rt_run(rt, -1), RT_EXITED);
    assert_string_equal(L.buf, "child got 42\nmain sent\nmain done\n");
    rt_free(rt);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_smoke)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
