/**
 * OGC API – Features – Part 1: Core, with the GeoJSON, HTML and OpenAPI 3.0 conformance classes,
 * and Part 2 (CRS by reference, {@code crs}/{@code bbox-crs}; items also take {@code sortby}),
 * under {@code /ogc}.
 *
 * <p>Terms (as in OGC 17-069r4):
 *
 * <ul>
 *   <li><b>landing page</b>: {@code /ogc}, links to everything else.
 *   <li><b>collection</b>: one per admin level; its id is the level's URL name ({@code province},
 *       {@code district}, {@code subdistrict}).
 *   <li><b>items</b>: the features of a collection, paged with {@code limit}/{@code offset} and
 *       {@code next}/{@code prev} links; a <b>feature</b> is one area, its id is the area code.
 *   <li><b>format</b> ({@link org.phaenthi.server.ogc.OgcFormat}): JSON (GeoJSON for features) or
 *       HTML, chosen by {@code f=} or else by the {@code Accept} header.
 *   <li><b>link</b> ({@link org.phaenthi.server.ogc.Link}): {@code href}, {@code rel}, {@code
 *       type}, {@code title}; absolute, built from the request's scheme and host.
 * </ul>
 *
 * Geometry output and the property set are shared with the downloads in {@code
 * org.phaenthi.server.export}.
 */
package org.phaenthi.server.ogc;
