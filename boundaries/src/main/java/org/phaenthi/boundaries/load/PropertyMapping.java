package org.phaenthi.boundaries.load;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which source property holds each field of an area. The default matches the bundled RTSD/OCHA
 * files; a province office loading newer official boundaries names its own columns, e.g. {@code
 * code=ADM3_PCODE,name_th=ADM3_TH,name_en=ADM3_EN,parent=ADM2_PCODE}. Codes may carry the HDX
 * {@code TH} prefix, which is stripped. When {@code parent} is absent the parent is the code
 * prefix.
 *
 * <p>The spec may also name the boundary vintage the files are drawn in ({@code vintage=rtsd-2019}
 * for the HDX COD-AB layers, see {@link CodeRemapReader#vintages()}), which brings that vintage's
 * code remaps; files that name none get no remaps.
 *
 * @param vintage the named vintage, {@code none}, or null when the spec does not name one
 */
public record PropertyMapping(
    String code, String nameTh, String nameEn, String parent, String vintage) {
  public static final PropertyMapping DEFAULT =
      new PropertyMapping("code", "name_th", "name_en", "parent_code");

  /** A mapping that names no vintage. */
  public PropertyMapping(String code, String nameTh, String nameEn, String parent) {
    this(code, nameTh, nameEn, parent, null);
  }

  /** Parses {@code key=prop,...}; unknown keys are an error. Unnamed keys keep the default. */
  public static PropertyMapping parse(String spec) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("code", DEFAULT.code);
    m.put("name_th", DEFAULT.nameTh);
    m.put("name_en", DEFAULT.nameEn);
    m.put("parent", DEFAULT.parent);
    m.put("vintage", null);
    if (spec != null && !spec.isBlank()) {
      for (String pair : spec.split(",")) {
        String[] kv = pair.split("=", 2);
        if (kv.length != 2 || kv[1].isBlank()) {
          throw new IllegalArgumentException(
              "boundary mapping entry '" + pair + "' is not key=property");
        }
        String key = kv[0].trim();
        if (!m.containsKey(key)) {
          throw new IllegalArgumentException(
              "boundary mapping key '" + key + "' is unknown; valid keys: " + m.keySet());
        }
        m.put(key, kv[1].trim());
      }
    }
    String vintage = m.get("vintage");
    if (vintage != null) {
      CodeRemapReader.forVintage(vintage); // an unknown name fails here, naming the known ones
    }
    return new PropertyMapping(
        m.get("code"), m.get("name_th"), m.get("name_en"), m.get("parent"), vintage);
  }

  @Override
  public String toString() {
    return "code="
        + code
        + ",name_th="
        + nameTh
        + ",name_en="
        + nameEn
        + ",parent="
        + parent
        + (vintage == null ? "" : ",vintage=" + vintage);
  }
}
