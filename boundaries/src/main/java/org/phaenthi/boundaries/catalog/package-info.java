/**
 * The data catalogue: immutable, versioned parts and the publications that serve them together.
 *
 * <p>Terms:
 *
 * <ul>
 *   <li><b>Part</b> — an immutable unit of data with a content-derived id (a hash of what built
 *       it), written once and never changed: a {@link org.phaenthi.boundaries.catalog.BoundarySet}
 *       (a boundary vintage: levels, areas, polygons, gap-free bands), an {@link
 *       org.phaenthi.boundaries.catalog.IndicatorSet} (definitions) or a {@link
 *       org.phaenthi.boundaries.catalog.ValueSet} (counts and values of one indicator set in one
 *       survey year, at every level given).
 *   <li><b>Publication</b> ({@link org.phaenthi.boundaries.catalog.Publication}) — names the parts
 *       served together, with who published it, when and why. Publications are numbered and only
 *       ever appended; the newest is served. Rollback publishes an earlier publication's parts
 *       again as a new publication, without re-reading any source file.
 *   <li><b>Part version</b> — a part's id. Caches and ETags key by the part versions a response
 *       depends on: a geometry tile by its boundary set only, a value response by its boundary set
 *       and value set, so publishing new values leaves every geometry tile valid.
 * </ul>
 */
package org.phaenthi.boundaries.catalog;
