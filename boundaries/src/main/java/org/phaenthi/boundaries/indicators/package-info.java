/**
 * Indicators: the catalogue, its definitions, value columns and exact aggregation up the admin
 * hierarchy.
 *
 * <p>Terms:
 *
 * <ul>
 *   <li><b>Catalogue</b> ({@link org.phaenthi.boundaries.indicators.CatalogEntry}) — every known
 *       indicator, with or without data; {@link org.phaenthi.boundaries.indicators.Indicator} is
 *       one that has data.
 *   <li><b>Village row</b> — one line of a TPMAP village file: the lowest level published. Its ID
 *       is 10 characters (8-digit village code + 2-digit suffix); the parent code is the prefix.
 *   <li><b>Municipal pseudo-subdistrict</b> — a CDD code whose tambon part is 51 or more; it has no
 *       polygon but is kept at subdistrict level and counts in its district and province.
 *   <li><b>Count</b> — an additive column; areas above the village get the exact sum. Rates are
 *       made only after summing (never an average of percentages); a zero denominator gives a null
 *       value with a reason.
 *   <li><b>Missing</b> — an area that is not in the data has no entry at all; it is never 0.
 *   <li><b>Value column</b> ({@link org.phaenthi.boundaries.indicators.ValueColumn}) — the values
 *       of one indicator at one level and year, held column-wise and read as an immutable {@code
 *       Map<String, IndicatorValue>} in code order. Its <b>area index</b> ({@link
 *       org.phaenthi.boundaries.indicators.AreaIndex}: code → row ordinal) is shared by the columns
 *       of the same areas; numbers sit in the narrowest exact primitive array, and a value that
 *       follows from numerator and denominator (count, percentage, ratio) is computed, not stored.
 *   <li><b>Unplaceable</b> — a row whose code cannot be placed in the hierarchy; counted, never
 *       silently dropped.
 * </ul>
 *
 * The bundled catalogue's definitions: {@link org.phaenthi.boundaries.indicators.TpmapDefinitions};
 * the values of the bundled files are imported by {@code imports/BundledPublication}, through the
 * importer users' uploads take.
 */
package org.phaenthi.boundaries.indicators;
