/** Operating-system identification from os-release, debian_version and alpine-release files. */
package dev.strata.scanner.packages.os;
