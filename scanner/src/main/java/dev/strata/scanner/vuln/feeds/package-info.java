/**
 * Parsers for distribution vulnerability feeds (Debian Security Tracker JSON, Alpine secdb), the matching of
 * installed source/origin packages against them, and sniffing of a feed file's format.
 */
package dev.strata.scanner.vuln.feeds;
