package org.phaenthi.boundaries.load;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which source property holds each field of an area. The default matches the bundled RTSD/OCHA
 * files; a province office loading newer official boundaries names its own columns, e.g. {@code
 * code=ADM3_PCODE,name_th=ADM3_TH,name_en=ADM3_EN,parent=ADM2_PCODE}. Codes may carry the HDX
 * {@code TH} prefix, which is stripped. When {@code parent} is absent the parent is the code
 * prefix.
 */
public record PropertyMapping(String code, String nameTh, String nameEn, String parent) {
  public static final PropertyMapping DEFAULT =
      new PropertyMapping("code", "name_th", "name_en", "parent_code");

  /** Parses {@code key=prop,...}; unknown keys are an error. Unnamed keys keep the default. */
  public static PropertyMapping parse(String spec) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("code", DEFAULT.code);
    m.put("name_th", DEFAULT.nameTh);
    m.put("name_en", DEFAULT.nameEn);
    m.put("parent", DEFAULT.parent);
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
    return new PropertyMapping(m.get("code"), m.get("name_th"), m.get("name_en"), m.get("parent"));
  }

  @Override
  public String toString() {
    return "code=" + code + ",name_th=" + nameTh + ",name_en=" + nameEn + ",parent=" + parent;
  }
}
