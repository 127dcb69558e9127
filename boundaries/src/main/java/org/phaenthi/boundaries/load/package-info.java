/**
 * Importing a data directory: boundary files (GeoJSON streamed feature by feature, or GeoPackage),
 * mapped by a {@link org.phaenthi.boundaries.load.PropertyMapping}, validated and repaired; the
 * indicators; and the derived gap-free bands. The boundary files are of one vintage, whose remap
 * table ({@link org.phaenthi.boundaries.load.CodeRemapReader}) moves recoded polygons ({@link
 * org.phaenthi.boundaries.load.BoundaryMoves}) and joins the indicator data. {@link
 * org.phaenthi.boundaries.load.DataFingerprint} gives the data version, so a start with unchanged
 * inputs does not re-import.
 */
package org.phaenthi.boundaries.load;
