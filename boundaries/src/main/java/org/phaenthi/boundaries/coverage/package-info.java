/**
 * Gap-free per-zoom-band simplification of each admin level, simplified as a coverage.
 *
 * <p>Terms:
 *
 * <ul>
 *   <li><b>coverage</b>: the polygons of one admin level, which meet along identical edges with no
 *       gaps or overlaps. Simplifying it as a whole with JTS {@code CoverageSimplifier} (before any
 *       clipping) moves each shared edge once, so neighbours keep exactly the same border at every
 *       zoom; simplifying each polygon on its own would open slivers and overlaps.
 *   <li><b>zoom band</b> ({@link org.phaenthi.boundaries.coverage.ZoomBand}): a zoom range served
 *       from one simplified version, with the tolerance of {@link
 *       org.phaenthi.boundaries.coverage.ZoomBands} (8 tile-grid units of a 4096 tile at the band's
 *       highest zoom; the most detailed band is the source data).
 *   <li><b>band geometry</b> ({@link org.phaenthi.boundaries.coverage.BandGeometry}): every area's
 *       simplified polygon and the border lines, all in <b>Web Mercator metres</b> (EPSG:3857), the
 *       units the tile pipeline consumes; lon/lat copies on request.
 *   <li><b>border line</b> ({@link org.phaenthi.boundaries.coverage.BorderLine}): a chain of edges
 *       shared by two areas, stored once, or a chain of the outer edge; its {@link
 *       org.phaenthi.boundaries.coverage.BorderRank rank} is the highest admin level it separates
 *       ({@code country} for the outer edge).
 * </ul>
 */
package org.phaenthi.boundaries.coverage;
