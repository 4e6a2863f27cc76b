package main

import (
	"os"

	"example.com/greet"
	"golang.org/x/mod/semver"
)

func main() {
	v := "v1.2.3"
	if len(os.Args) > 1 {
		v = os.Args[1]
	}
	os.Stdout.WriteString(greet.Hello() + " " + semver.Canonical(v) + "\n")
}
