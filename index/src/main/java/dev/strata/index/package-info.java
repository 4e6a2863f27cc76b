/**
 * The Lucene 9 index of images, layers and files, kept in {@code <dataDir>/index/}.
 *
 * <p>Three document kinds share one index (field names in {@link dev.strata.index.IndexSchema}):
 * <ul>
 *   <li>{@code file}: one per tar entry of a layer, carrying the layer diffID and its position in the tar;
 *       entries are rebuilt from doc values alone;</li>
 *   <li>{@code layer}: one per layer diffID, the last document of the layer's block;</li>
 *   <li>{@code image}: one per manifest digest, listing its layer diffIDs (lowest first).</li>
 * </ul>
 * A layer's file docs and layer doc are written as one {@code IndexWriter} block and committed together,
 * so the layer doc is present if and only if all its files are. Layers are shared: an image scan that finds
 * {@link dev.strata.index.StrataIndex#hasLayer} true skips reading that layer; removing an image removes only
 * the layers no other image references. Path-prefix queries use plain string-prefix semantics.
 */
package dev.strata.index;
