package org.phaenthi.boundaries.indicators;

/**
 * One catalogue indicator that has data.
 *
 * @param code the catalogue's code, used in URLs (e.g. {@code bmn-2560:16})
 * @param set the catalogue's set (e.g. {@code bmn-2560}, {@code tpmap-2561})
 * @param higherIsBetter null when the catalogue does not say (counts of people surveyed)
 * @param unit what is counted: person, household, score
 * @param valueUnit what the value is in: "%", "people", "households", "score"
 */
public record Indicator(
    String code,
    String set,
    String categoryCode,
    String categoryTh,
    String categoryEn,
    String nameTh,
    String nameEn,
    String unit,
    Boolean higherIsBetter,
    ValueKind kind,
    String valueUnit,
    String definition,
    String numeratorLabel,
    String denominatorLabel,
    String tpmapDimension,
    String source) {}
