/** Go binaries: the module build information the Go linker embeds ({@code .go.buildinfo}, Go 1.18 and later). */
package dev.strata.scanner.packages.golang;
