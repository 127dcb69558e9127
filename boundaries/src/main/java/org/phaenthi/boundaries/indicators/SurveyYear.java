package org.phaenthi.boundaries.indicators;

/** A survey year, shown in the Buddhist Era (2561) and stored with its C.E. equivalent (2018). */
public record SurveyYear(int be) implements Comparable<SurveyYear> {
  public static final int BE_OFFSET = 543;

  public SurveyYear {
    if (be < 2400 || be > 2700) {
      throw new IllegalArgumentException("not a Buddhist Era year: " + be);
    }
  }

  public static SurveyYear ofCe(int ce) {
    return new SurveyYear(ce + BE_OFFSET);
  }

  public int ce() {
    return be - BE_OFFSET;
  }

  @Override
  public int compareTo(SurveyYear o) {
    return Integer.compare(be, o.be);
  }

  @Override
  public String toString() {
    return Integer.toString(be);
  }
}
