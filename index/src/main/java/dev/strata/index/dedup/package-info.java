/**
 * Duplicate content across the index: the pure grouping of file rows by content ({@link ContentRows}) and the
 * results ({@link SharedContentReport}); the index feeds the rows from doc values.
 */
package dev.strata.index.dedup;
