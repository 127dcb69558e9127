/**
 * CQL2 (OGC 21-065r2) for the items' {@code filter} parameter (OGC API – Features Part 3): Basic
 * CQL2 plus the advanced comparison operators LIKE, BETWEEN and IN, CASEI/ACCENTI and the spatial
 * functions (S_INTERSECTS … S_CONTAINS, evaluated with JTS), in cql2-text (the ANTLR 4 grammar
 * {@code src/main/antlr4/.../Cql2.g4}, since no maintained CQL2 parser for Java 17 is on Maven
 * Central: GeoTools' is not served here) and cql2-json (Jackson).
 *
 * <p>Terms:
 *
 * <ul>
 *   <li><b>expression</b> ({@link org.phaenthi.server.ogc.cql2.Expr}): the parsed filter, one tree
 *       for both encodings, evaluated on a feature's properties with three-valued logic (a missing
 *       value makes a comparison unknown, and only TRUE selects).
 *   <li><b>queryables</b>: the properties a filter may name, typed as in {@code /queryables};
 *       {@code geometry} is the area's polygon in CRS84.
 *   <li><b>geometry literal</b>: WKT, {@code BBOX(...)} or GeoJSON, read in {@code filter-crs} and
 *       reprojected to CRS84 ({@code GeometryLiterals}).
 * </ul>
 */
package org.phaenthi.server.ogc.cql2;
