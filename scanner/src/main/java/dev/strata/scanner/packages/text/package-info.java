/** Readers for the RFC 822-style "Field: value" stanza format shared by dpkg and Python core metadata. */
package dev.strata.scanner.packages.text;
