package org.phaenthi.boundaries.indicators;

/**
 * One row of {@code indicators/catalog.csv}, as written: blank cells are empty strings except the
 * two typed ones. A row describes an indicator whether or not any data has it.
 *
 * @param seq the number inside its set (1..31 for bmn-2560), or null when blank
 * @param higherIsBetter null when the catalogue leaves it blank
 * @param tpmapColumn the TPMAP file column(s) the catalogue links the indicator to
 */
public record CatalogEntry(
    String set,
    String code,
    Integer seq,
    String categoryCode,
    String categoryTh,
    String categoryEn,
    String nameTh,
    String nameEn,
    String unit,
    Boolean higherIsBetter,
    String valueDefinition,
    String numerator,
    String denominator,
    String threshold,
    String tpmapDimension,
    String tpmapColumn,
    String verification,
    String source) {}
