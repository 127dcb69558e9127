/**
 * Feature output for analysts: the streamed GeoJSON writer shared with the OGC API, and the
 * download formats of {@code /api/export/{level}.{ext}} (GeoJSON, CSV, XLSX, GeoPackage, TopoJSON).
 *
 * <p>Terms:
 *
 * <ul>
 *   <li><b>selection</b> ({@link org.phaenthi.server.export.Selection}): the areas of one level
 *       (optionally under one parent) with the values of at most one indicator in one survey year.
 *       An area without data has a null value and a reason, never a zero.
 *   <li><b>metadata</b> ({@link org.phaenthi.server.export.ExportMetadata}): indicator definition,
 *       source, survey year, boundary and indicator attribution; every format carries it.
 *   <li><b>simplification</b> ({@link org.phaenthi.server.export.Simplification}): which geometry
 *       of an area is written; full detail, or a simplified version chosen by zoom or tolerance.
 *       {@link org.phaenthi.server.export.Simplifications} is the one place that picks it.
 *   <li><b>precision</b>: decimals of longitude/latitude written (6 ≈ 0.1 m).
 *   <li><b>arc</b> (TopoJSON): a piece of ring boundary between two junctions, stored once and
 *       referenced by index from both neighbours ({@code i} forwards, {@code ~i} reversed).
 * </ul>
 */
package org.phaenthi.server.export;
