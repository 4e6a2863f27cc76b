/** The union view: applying layers and their whiteouts in order to get the final filesystem and each layer's changes. */
package dev.strata.scanner.union;
