/* test_check_verify.c: what `chanlab check` says when a program does not do
 * what its declaration says. A temporary bank stands in for the shipped one
 * ($CHANLAB_BANK_DIR): one question linking six exercises, some declared
 * wrongly on purpose, and one program that fails vet. The report's lines
 * are compared exactly (the temporary directory written as $DIR). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "harness.h"

static const char bank_json[] =
    "{\"schema\": 1, \"topic\": \"select\", \"title\": \"Select\",\n"
    " \"questions\": [{\"id\": \"select.demo\", \"tier\": \"mid\", \"origin\": \"extra\",\n"
    "   \"question\": \"Q?\", \"answer\": \"A.\", \"key_points\": [\"a\", \"b\", \"c\"],\n"
    "   \"follow_ups\": [{\"question\": \"F?\", \"answer\": \"G.\"}],\n"
    "   \"exercises\": [\"select/hello\", \"select/boom\", \"select/bye\", \"select/either\",\n"
    "                 \"select/unused\", \"select/lockcopy\"],\n"
    "   \"quiz\": [{\"prompt\": \"P\", \"choices\": [{\"text\": \"x\", \"correct\": true},\n"
    "               {\"text\": \"y\", \"why\": \"w\"}, {\"text\": \"z\", \"why\": \"w\"}]},\n"
    "            {\"prompt\": \"R\", \"choices\": [{\"text\": \"x\", \"correct\": true},\n"
    "               {\"text\": \"y\", \"why\": \"w\"}, {\"text\": \"z\", \"why\": \"w\"}]}]}],\n"
    " \"exercises\": [\n"
    "  {\"id\": \"select/hello\", \"title\": \"t\", \"shows\": \"s\",\n"
    "   \"expect\": {\"outcome\": \"ok\", \"stdout\": \"hello\\n\"}},\n"
    "  {\"id\": \"select/boom\", \"title\": \"t\", \"shows\": \"s\",\n"
    "   \"expect\": {\"outcome\": \"ok\", \"stdout\": \"\"}},\n"
    "  {\"id\": \"select/bye\", \"title\": \"t\", \"shows\": \"s\",\n"
    "   \"expect\": {\"outcome\": \"exit\", \"exit\": 3, \"stdout\": \"bye\\n\"}},\n"
    "  {\"id\": \"select/either\", \"title\": \"t\", \"shows\": \"s\",\n"
    "   \"expect\": {\"outcome\": \"exit\", \"exit\": 1, \"schedule_dependent\": true}},\n"
    "  {\"id\": \"select/unused\", \"title\": \"t\", \"shows\": \"s\",\n"
    "   \"expect\": {\"outcome\": \"ok\", \"stdout\": \"\"}},\n"
    "  {\"id\": \"select/lockcopy\", \"title\": \"t\", \"shows\": \"s\",\n"
    "   \"expect\": {\"outcome\": \"ok\", \"stdout\": \"0\\n\"},\n"
    "   \"fix\": {\"expect\": {\"outcome\": \"ok\", \"stdout\": \"0\\n\"}, \"hints\": [\"h\"]}}\n"
    " ]}\n";

static const struct th_file programs[] = {
    {"hello.go", "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hi\")\n}\n"},
    {"boom.go", "package main\n\nfunc main() {\n\tpanic(\"boom\")\n}\n"},
    {"bye.go", "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n"
               "\tfmt.Println(\"bye\")\n\tos.Exit(3)\n}\n"},
    /* Both cases are ready: select picks one at random, so exploration
     * must find a seed that takes the second. */
    {"either.go", "package main\n\nimport \"os\"\n\nfunc main() {\n"
                  "\ta := make(chan int, 1)\n\tb := make(chan int, 1)\n\ta <- 1\n\tb <- 2\n"
                  "\tselect {\n\tcase <-a:\n\tcase <-b:\n\t\tos.Exit(1)\n\t}\n}\n"},
    {"unused.go", "package main\n\nfunc main() {\n\tx := 1\n}\n"},
    /* Backwards on purpose: the "fix" copies a lock, which vet warns about;
     * a buggy program may draw warnings, a fix may not. */
    {"lockcopy.go", "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(0)\n}\n"},
    {"lockcopy.fixed.go", "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\n"
                          "type C struct {\n\tmu sync.Mutex\n\tn  int\n}\n\n"
                          "func show(c C) {\n\tfmt.Println(c.n)\n}\n\n"
                          "func main() {\n\tvar c C\n\tshow(c)\n}\n"},
};

static void test_report(void **state)
{
    (void)state;
    int status;
    char *out =
        th_check_bank("select", bank_json, programs, sizeof programs / sizeof programs[0], &status);
    assert_string_equal(
        out, "$DIR/exercises/select/hello.go: with seed 0 its stdout is \"hi\\n\"; the bank "
             "declares \"hello\\n\"\n"
             "$DIR/exercises/select/boom.go: with seed 0 it panics: boom; the bank declares that "
             "it runs to completion\n"
             "$DIR/exercises/select/unused.go:4:2: declared and not used: x\n"
             "$DIR/exercises/select/unused.go: fails vet, so it cannot run\n"
             "$DIR/exercises/select/lockcopy.fixed.go:13:13: show passes lock by value: main.C "
             "contains sync.Mutex\n"
             "$DIR/exercises/select/lockcopy.fixed.go:19:7: call of show copies lock value: "
             "main.C contains sync.Mutex\n"
             "$DIR/exercises/select/lockcopy.fixed.go: a fix should pass vet without warnings\n"
             "chanlab check: 1 questions (0 junior, 1 mid, 0 senior), 6 exercises (1 with a "
             "fix), 2 quiz items, 0 predict items; 4 programs ran as declared; 4 problems\n");
    assert_int_equal(status, 1);
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_report),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
