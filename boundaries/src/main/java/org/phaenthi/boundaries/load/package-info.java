/**
 * Importing a data directory: boundary files (GeoJSON streamed feature by feature, or GeoPackage),
 * mapped by a {@link org.phaenthi.boundaries.load.PropertyMapping}, validated and repaired; the
 * indicators; and the derived gap-free bands. {@link org.phaenthi.boundaries.load.DataFingerprint}
 * gives the data version, so a start with unchanged inputs does not re-import.
 */
package org.phaenthi.boundaries.load;
