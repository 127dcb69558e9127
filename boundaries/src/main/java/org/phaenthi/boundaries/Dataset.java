package org.phaenthi.boundaries;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.phaenthi.boundaries.catalog.BoundarySet;
import org.phaenthi.boundaries.catalog.Draft;
import org.phaenthi.boundaries.catalog.IndicatorSet;
import org.phaenthi.boundaries.catalog.PartIds;
import org.phaenthi.boundaries.catalog.Publication;
import org.phaenthi.boundaries.catalog.ValueSet;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.IndicatorData;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.SurveyYear;
import org.phaenthi.boundaries.indicators.YearInfo;

/**
 * What one publication serves, assembled from its immutable parts: the boundary set, the indicator
 * sets and the value sets, with the indicator data merged across them. Immutable.
 *
 * <p>Versions: {@link #dataVersion()} changes whenever any part changes; {@link #boundaryVersion()}
 * only with the boundary set (geometry tiles, {@code /api/geometry}); {@link #valueVersion} with
 * the boundary set and the one value set an indicator-year response reads.
 */
public final class Dataset {
  private final Publication publication;
  private final BoundarySet boundarySet;
  private final List<IndicatorSet> indicatorSets;
  private final List<ValueSet> valueSets;
  private final IndicatorData indicators;
  private final Map<String, String> valueSetOf = new HashMap<>();
  private final Map<String, IndicatorSet> setOfIndicator = new HashMap<>();
  private final Map<String, Map<Integer, String>> valueVersions = new HashMap<>();

  /** Hashed once: read by every cached response's key. */
  private final String dataVersion;

  private final LoadReport report;

  public Dataset(
      Publication publication,
      BoundarySet boundarySet,
      List<IndicatorSet> indicatorSets,
      List<ValueSet> valueSets) {
    if (!publication.boundarySet().equals(boundarySet.id())) {
      throw new IllegalArgumentException("publication and boundary set differ");
    }
    this.publication = publication;
    this.boundarySet = boundarySet;
    this.indicatorSets = List.copyOf(indicatorSets);
    this.valueSets = List.copyOf(valueSets);
    this.indicators = merge();
    this.dataVersion = publication.dataVersion();
    for (Indicator i : indicators.indicators()) {
      Map<Integer, String> byYear = new HashMap<>();
      for (SurveyYear y : indicators.years().keySet()) {
        byYear.put(y.be(), versionOf(i.code(), y));
      }
      valueVersions.put(i.code(), byYear);
    }
    Map<String, Long> counts = new TreeMap<>(boundarySet.report());
    valueSets.forEach(v -> v.report().forEach((k, n) -> counts.merge(k, n, Long::sum)));
    this.report = new LoadReport(Collections.unmodifiableMap(counts));
  }

  private IndicatorData merge() {
    Set<String> withData = new HashSet<>();
    Map<SurveyYear, Map<AdminLevel, Map<String, Map<String, IndicatorValue>>>> values =
        new HashMap<>();
    Map<SurveyYear, YearInfo> years = new TreeMap<>();
    for (ValueSet v : valueSets) {
      SurveyYear y = v.year().year();
      years.merge(
          y,
          v.year(),
          (a, b) -> {
            Set<AdminLevel> levels = new TreeSet<>(a.levels());
            levels.addAll(b.levels());
            return new YearInfo(a.year(), a.label(), a.source(), levels, a.synthetic());
          });
      Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> byLevel =
          values.computeIfAbsent(y, k -> new TreeMap<>());
      for (var e : v.values().entrySet()) {
        // a value set names its levels; they are the boundary set's levels of those names, and
        // values of a level the boundary set does not declare are not served
        Optional<AdminLevel> level = boundarySet.boundaries().levels().resolve(e.getKey());
        if (level.isEmpty()) {
          continue;
        }
        byLevel.computeIfAbsent(level.get(), k -> new LinkedHashMap<>()).putAll(e.getValue());
        for (String code : e.getValue().keySet()) {
          withData.add(code);
          valueSetOf.put(code + "|" + y.be(), v.id());
        }
      }
    }
    List<Indicator> list = new ArrayList<>();
    for (IndicatorSet s : indicatorSets) {
      for (Indicator i : s.indicators()) {
        setOfIndicator.putIfAbsent(i.code(), s);
        if (withData.contains(i.code())) {
          list.add(i);
        }
      }
    }
    return new IndicatorData(list, List.copyOf(years.values()), values);
  }

  public Publication publication() {
    return publication;
  }

  public BoundarySet boundarySet() {
    return boundarySet;
  }

  public List<IndicatorSet> indicatorSets() {
    return indicatorSets;
  }

  public List<ValueSet> valueSets() {
    return valueSets;
  }

  /** Changes whenever any part changes; the same for a republished set of parts. */
  public String dataVersion() {
    return dataVersion;
  }

  /** The boundary set's id: what geometry-only responses depend on. */
  public String boundaryVersion() {
    return boundarySet.id();
  }

  /**
   * What a response of one indicator in one year depends on: the boundary set (areas and names),
   * the indicator's set (its definition) and the value set holding that year; without values for
   * that year, the indicator set alone.
   */
  public String valueVersion(String indicatorCode, SurveyYear year) {
    // on every tile request with an indicator (the fast path too): a look-up, no string building
    Map<Integer, String> byYear = valueVersions.get(indicatorCode);
    String v = byYear == null ? null : byYear.get(year.be());
    return v != null ? v : versionOf(indicatorCode, year);
  }

  private String versionOf(String indicatorCode, SurveyYear year) {
    IndicatorSet set = setOfIndicator.get(indicatorCode);
    String vs = valueSetOf.get(indicatorCode + "|" + year.be());
    return "b"
        + boundarySet.id().substring(2, 10)
        + "i"
        + (set == null ? "none" : set.id().substring(2, 10))
        + "v"
        + (vs == null ? "none" : vs.substring(2, 10));
  }

  /** The indicator set that defines this indicator. */
  public Optional<IndicatorSet> indicatorSetOf(String indicatorCode) {
    return Optional.ofNullable(setOfIndicator.get(indicatorCode));
  }

  public Boundaries boundaries() {
    return boundarySet.boundaries();
  }

  public Map<String, byte[]> blobs() {
    return boundarySet.blobs();
  }

  public IndicatorData indicators() {
    return indicators;
  }

  /** When the publication was made. */
  public Instant importedAt() {
    return publication.publishedAt();
  }

  /** The counts of every part's build. */
  public LoadReport report() {
    return report;
  }

  /** The parts of a draft as a dataset of an unsaved publication numbered 0. */
  public static Dataset unsaved(Draft d) {
    Publication p =
        new Publication(
            0,
            Instant.now(),
            d.boundarySet().id(),
            d.indicatorSets().stream().map(IndicatorSet::id).toList(),
            d.valueSets().stream().map(ValueSet::id).toList(),
            d.who(),
            d.note(),
            null,
            d.source());
    return new Dataset(p, d.boundarySet(), d.indicatorSets(), d.valueSets());
  }

  /** These parts, to publish (again) with a who and a note. */
  public Draft asDraft(String who, String note) {
    return new Draft(boundarySet, indicatorSets, valueSets, who, note, publication.source());
  }

  /**
   * A dataset of one publication holding the given content as one boundary set, one indicator set
   * and one value set per year (what tests and simple imports need). Part ids derive from {@code
   * version}.
   */
  public static Dataset of(
      String version,
      Instant at,
      Boundaries boundaries,
      IndicatorData data,
      Map<String, byte[]> blobs,
      LoadReport report) {
    BoundarySet b =
        new BoundarySet(
            PartIds.of(PartIds.BOUNDARY, version), "test", at, boundaries, blobs, report.counts());
    IndicatorSet i =
        new IndicatorSet(
            PartIds.of(PartIds.INDICATORS, version), "test", at, data.indicators(), null);
    List<ValueSet> vs = new ArrayList<>();
    for (var e : data.all().entrySet()) {
      YearInfo info = data.years().get(e.getKey());
      vs.add(
          new ValueSet(
              PartIds.of(PartIds.VALUES, version, e.getKey().toString()),
              i.id(),
              info,
              at,
              e.getValue(),
              Map.of()));
    }
    Publication p =
        new Publication(
            1,
            at,
            b.id(),
            List.of(i.id()),
            vs.stream().map(ValueSet::id).toList(),
            "test",
            version,
            null,
            null);
    return new Dataset(p, b, List.of(i), vs);
  }
}
