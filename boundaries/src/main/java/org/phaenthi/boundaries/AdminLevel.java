package org.phaenthi.boundaries;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The three mapped admin levels. The URL name is what every endpoint accepts. */
public enum AdminLevel {
  PROVINCE("province", 2, "จังหวัด", "Province"),
  DISTRICT("district", 4, "อำเภอ/เขต", "District"),
  SUBDISTRICT("subdistrict", 6, "ตำบล/แขวง", "Subdistrict");

  private final String urlName;
  private final int codeLength;
  private final String nameTh;
  private final String nameEn;

  AdminLevel(String urlName, int codeLength, String nameTh, String nameEn) {
    this.urlName = urlName;
    this.codeLength = codeLength;
    this.nameTh = nameTh;
    this.nameEn = nameEn;
  }

  public String urlName() {
    return urlName;
  }

  public int codeLength() {
    return codeLength;
  }

  public String nameTh() {
    return nameTh;
  }

  public String nameEn() {
    return nameEn;
  }

  /** The level above, or empty for provinces. */
  public Optional<AdminLevel> parent() {
    return ordinal() == 0 ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
  }

  /** The level below, or empty for subdistricts. */
  public Optional<AdminLevel> child() {
    return ordinal() == values().length - 1
        ? Optional.empty()
        : Optional.of(values()[ordinal() + 1]);
  }

  public static Optional<AdminLevel> fromUrlName(String name) {
    return Arrays.stream(values()).filter(l -> l.urlName.equals(name)).findFirst();
  }

  /** The level whose codes have this many digits. */
  public static Optional<AdminLevel> ofCodeLength(int digits) {
    return Arrays.stream(values()).filter(l -> l.codeLength == digits).findFirst();
  }

  public static List<String> urlNames() {
    return Arrays.stream(values()).map(AdminLevel::urlName).collect(Collectors.toList());
  }
}
