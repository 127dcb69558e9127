/**
 * The domain: admin levels as data ({@link org.phaenthi.boundaries.Levels}, declared by a boundary
 * set; the standard {@link org.phaenthi.boundaries.AdminLevel} province, district and subdistrict
 * with polygons, and village with none), areas with DOPA codes (strings of 2, 4 or 6 digits, TPMAP
 * village IDs of 10 characters; a parent's code is the prefix), the hierarchy ({@link
 * org.phaenthi.boundaries.Boundaries}) and the {@link org.phaenthi.boundaries.Dataset}: everything
 * served, as one immutable unit with one data version.
 *
 * <p>Terms: a <em>municipal pseudo-subdistrict</em> is a CDD code whose tambon part is 51 or more;
 * it has no polygon and counts in its district and province. A <em>data version</em> is a content
 * hash of every input; a new one means a new import. A <em>boundary vintage</em> is the time the
 * boundaries were drawn ({@code rtsd-2019} for the bundled files); its {@link
 * org.phaenthi.boundaries.CodeRemaps} say how data codes of other times meet its polygons.
 */
package org.phaenthi.boundaries;
