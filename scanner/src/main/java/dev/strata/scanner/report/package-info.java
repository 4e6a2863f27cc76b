/** The scan report: the one JSON document the CLI prints, the index stores and later the API serves. */
package dev.strata.scanner.report;
