package org.phaenthi.boundaries.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.AreaCodes;
import org.phaenthi.boundaries.indicators.CsvRows;

/**
 * The areas of the {@code village} level (values only, no polygons): one per TPMAP village ID that
 * has values, named from the BMN 2559 names file ({@code bmn59_village_name.csv.gz}: 8-digit
 * village code → Thai name).
 *
 * <p>An ID is the 8-digit village code and a 2-digit suffix ({@code 01} for 97.6 % of them, {@code
 * 02}… for units split in two); a split unit's name carries its suffix, {@code "บ้านนา (02)"}. A
 * village the names file lacks is named by its number, {@code "หมู่ที่ 5"} (in a municipal
 * pseudo-subdistrict, tambon part ≥ 51, an urban community: {@code "ชุมชนที่ 5"}). There are no
 * English names; the English name says the number ({@code "Moo 5"}, {@code "Community 5"}). The
 * parent is the first six characters: a subdistrict, or a municipal pseudo-subdistrict that has no
 * polygon (its villages are found under their district and province).
 *
 * <p>Counts: {@code villageNamesFromFile}, {@code villageNamesByNumber}.
 */
public final class VillageAreas {
  /** Where the names file is, under the indicators folder. */
  public static final String NAMES_FILE = "real/tpmap-2561/bmn59_village_name.csv.gz";

  private VillageAreas() {}

  /**
   * The names file as code → Thai name; empty when the file is absent. A row whose code is not a
   * village code (TPMAP writes {@code 2509620?}) or that has no name is skipped. 75 names of the
   * 2559 file hold a comma without quotes ({@code 14055916,บางหลวงโดด1,2(01)}: villages 1 and 2
   * merged): the fields after the code are the name, commas and all. A malformed quote or a cut
   * file is refused, naming the file and the record.
   */
  public static Map<String, String> readNames(Path file) {
    Map<String, String> names = new HashMap<>();
    if (!Files.isReadable(file)) {
      return names;
    }
    CsvRows.read(
        file,
        (row, record) -> {
          if (record == 1 || row.size() < 2) {
            return; // the header is village_ID,village_name
          }
          String code = row.get(0).trim();
          String name = String.join(",", row.subList(1, row.size())).trim();
          if (AreaCodes.isValid(code) && !name.isEmpty()) {
            names.put(code, name);
          }
        });
    return names;
  }

  /** The village areas of these IDs (10-character unit codes), named as the class says. */
  public static List<Area> areas(
      Collection<String> ids, Map<String, String> names, Map<String, Long> counts) {
    List<Area> out = new ArrayList<>(ids.size());
    long fromFile = 0;
    for (String id : ids) {
      String village = id.substring(0, 8);
      String suffix = id.substring(8);
      String number = numberOf(id);
      boolean municipal = AreaCodes.isMunicipalPseudoSubdistrict(id.substring(0, 6));
      String th = names.get(village);
      if (th != null) {
        fromFile++;
      } else {
        th = (municipal ? "ชุมชนที่ " : "หมู่ที่ ") + number;
      }
      String en = (municipal ? "Community " : "Moo ") + number;
      if (!suffix.equals("01")) {
        th += " (" + suffix + ")";
        en += " (" + suffix + ")";
      }
      out.add(new Area(id, th, en, id.substring(0, 6), AdminLevel.VILLAGE, null));
    }
    counts.put("villageNamesFromFile", fromFile);
    counts.put("villageNamesByNumber", (long) out.size() - fromFile);
    return out;
  }

  /** The village number (หมู่ที่), without leading zeros when it is digits. */
  private static String numberOf(String id) {
    String mm = id.substring(6, 8);
    return mm.chars().allMatch(Character::isDigit) ? String.valueOf(Integer.parseInt(mm)) : mm;
  }
}
