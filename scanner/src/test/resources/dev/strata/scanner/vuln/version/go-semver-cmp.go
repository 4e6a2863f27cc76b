// Reference judge for Go module versions: reads "A B" lines, prints golang.org/x/mod/semver's
// Compare(A, B), or "invalid" if either is not a valid Go semantic version.
// Build without network (Debian's golang-golang-x-mod-dev):
//   GO111MODULE=off GOPATH=/usr/share/gocode go build -o go-semver-cmp go-semver-cmp.go
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"golang.org/x/mod/semver"
)

func main() {
	in := bufio.NewScanner(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		f := strings.Fields(in.Text())
		if len(f) != 2 {
			continue
		}
		if !semver.IsValid(f[0]) || !semver.IsValid(f[1]) {
			fmt.Fprintln(out, "invalid")
			continue
		}
		fmt.Fprintln(out, semver.Compare(f[0], f[1]))
	}
}
