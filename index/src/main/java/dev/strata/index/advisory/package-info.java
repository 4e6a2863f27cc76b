/**
 * The vulnerability database: advisories from OSV, the Debian Security Tracker and Alpine secdb, in a Lucene index
 * separate from the file index, looked up by ecosystem and exact package name.
 *
 * <p>Layout under {@code <dataDir>/vulndb/}:
 * <ul>
 *   <li>{@code CURRENT}: one line naming the live generation, e.g. {@code gen-3}; replaced only by an atomic
 *       move of {@code CURRENT.tmp}, so readers see either the old or the new generation, never a mix;</li>
 *   <li>{@code gen-<n>/index/}: the Lucene index, one document per (advisory, ecosystem, package name) with indexed
 *       {@code ecosystem}, {@code name}, {@code source}, {@code record} and {@code key} terms and the
 *       advisory's JSON as binary doc values (OSV records as OSV JSON reduced to that package's {@code affected}
 *       entries), sorted by package so a package's documents are adjacent; {@link dev.strata.index.advisory.AdvisoryStore} answers the matcher's
 *       {@link dev.strata.scanner.vuln.match.AdvisorySource} from it;</li>
 *   <li>{@code gen-<n>/status.json}: the {@link dev.strata.index.advisory.DatabaseStatus} of that generation;</li>
 *   <li>{@code import.lock}: held while {@link dev.strata.index.advisory.AdvisoryImporter} runs.</li>
 * </ul>
 * Any other {@code gen-<n>} is an older generation or the remains of a failed import; it is never read, and the
 * next import deletes it.
 */
package dev.strata.index.advisory;
