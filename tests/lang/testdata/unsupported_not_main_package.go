package foo

func F() {}

// CHANLAB 1:9: package foo is not a main package: chanlab runs one file of package main
