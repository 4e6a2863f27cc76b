/** Package detection: the package model and pure parsers for package-manager and metadata file formats. */
package dev.strata.scanner.packages;
