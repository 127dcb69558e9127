package org.phaenthi.boundaries.indicators;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.phaenthi.boundaries.AdminLevel;

/**
 * What one survey year of indicator data is.
 *
 * @param levels the admin levels that have data for this year
 * @param synthetic true only for generated data; never the default
 */
public record YearInfo(
    SurveyYear year, String label, String source, Set<AdminLevel> levels, boolean synthetic) {
  public YearInfo {
    // our own copy, in level order
    levels = Collections.unmodifiableSet(new TreeSet<>(levels));
  }
}
