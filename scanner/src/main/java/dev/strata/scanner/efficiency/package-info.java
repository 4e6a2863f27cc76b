/**
 * Pure efficiency accounting over an image's layers: wasted bytes (content overwritten or deleted by a
 * higher layer, content stored in more than one layer), duplicate content, the efficiency score, and the
 * file-level diff of two final filesystems.
 */
package dev.strata.scanner.efficiency;
