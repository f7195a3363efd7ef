package main

// strings over Unicode and invalid UTF-8: case mapping of accented, Greek
// and Cyrillic letters, Title's word rule, EqualFold, and the functions
// added for fidelity (SplitAfter, FieldsFunc, NewReplacer, ...).

import (
	"fmt"
	"strings"
)

func main() {
	for _, s := range []string{"héllo wörld", "ÀÉÎ ÕÜ ß ÿ", "ΑΒΓ αβγ ς", "Привет Мир", "a-b_c d", "ab\xffcd"} {
		fmt.Printf("%q %q %q %v\n", strings.ToUpper(s), strings.ToLower(s), strings.Title(s), strings.EqualFold(s, strings.ToUpper(s)))
	}
	fmt.Printf("%q %q %q\n", strings.SplitAfter("a,b,,c", ","), strings.SplitAfterN("a,b,c", ",", 2), strings.Split("a\xffb", ""))
	fmt.Printf("%q\n", strings.FieldsFunc("a1b22c333", func(r rune) bool { return r >= '0' && r <= '9' }))
	fmt.Println(strings.Compare("a", "b"), strings.LastIndexByte("abca", 'a'), strings.LastIndexAny("golang", "go"), strings.IndexFunc("abc1", func(r rune) bool { return r < 'a' }))
	fmt.Println(strings.CutPrefix("prefix-x", "prefix-"))
	fmt.Println(strings.CutSuffix("x.go", ".txt"))
	fmt.Println(strings.NewReplacer("<", "&lt;", ">", "&gt;").Replace("<a href>"), strings.NewReplacer("a", "1", "aa", "2").Replace("aaa"))
	fmt.Println(strings.TrimLeftFunc("123abc", func(r rune) bool { return r < 'a' }), strings.TrimRightFunc("abc123", func(r rune) bool { return r < 'a' }))
}

// Output:
// "HÉLLO WÖRLD" "héllo wörld" "Héllo Wörld" true
// "ÀÉÎ ÕÜ ß Ÿ" "àéî õü ß ÿ" "ÀÉÎ ÕÜ ß Ÿ" true
// "ΑΒΓ ΑΒΓ Σ" "αβγ αβγ ς" "ΑΒΓ Αβγ Σ" true
// "ПРИВЕТ МИР" "привет мир" "Привет Мир" true
// "A-B_C D" "a-b_c d" "A-B_c D" true
// "AB�CD" "ab�cd" "Ab�cd" true
// ["a," "b," "," "c"] ["a," "b,c"] ["a" "\xff" "b"]
// ["a" "b" "c"]
// -1 3 5 3
// x true
// x.go false
// &lt;a href&gt; 111
// abc abc
