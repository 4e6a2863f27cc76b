/** Python distributions: core metadata ({@code METADATA}, {@code PKG-INFO}) and {@code RECORD} file lists. */
package dev.strata.scanner.packages.python;
