package org.phaenthi.server.bundle;

import java.util.stream.Collectors;
import org.phaenthi.server.Attribution;
import org.phaenthi.server.Snapshot;

/** The bundle's README.txt (Thai and English) and ATTRIBUTION.txt. */
final class BundleTexts {
  private BundleTexts() {}

  static String attribution() {
    return String.join(
        "\n",
        "แหล่งข้อมูลและสัญญาอนุญาต / Sources and licences",
        "",
        Attribution.BOUNDARIES_TH,
        Attribution.BOUNDARIES,
        "Licence: Creative Commons Attribution 3.0 IGO (CC BY 3.0 IGO), "
            + Attribution.BOUNDARIES_LICENCE_URL,
        "",
        Attribution.INDICATORS_TH,
        Attribution.INDICATORS,
        "",
        "Software: Phaenthi (Apache-2.0); Leaflet (BSD-2-Clause); Leaflet.VectorGrid (Beerware);",
        "pmtiles (BSD-3-Clause); simple-statistics (ISC); ColorBrewer (Apache-2.0);",
        "Sarabun font (SIL OFL 1.1). Their licence texts are in vendor/ and webjars/.",
        "");
  }

  static String readme(BundleRequest r, Snapshot s) {
    String what =
        r.indicators().entrySet().stream()
            .map(
                e ->
                    e.getKey().code()
                        + " ("
                        + e.getValue().stream()
                            .map(y -> "พ.ศ. " + y.be())
                            .collect(Collectors.joining(", "))
                        + ")")
            .collect(Collectors.joining("; "));
    String area =
        r.area() == null
            ? "ประเทศไทย / Thailand"
            : r.area().nameTh() + " / " + r.area().nameEn() + " (" + r.area().code() + ")";
    return String.join(
        "\n",
        "แผนที่ตัวชี้วัด Phaenthi — ชุดเว็บไซต์แบบคงที่ / static website bundle",
        "พื้นที่ / Area: " + area,
        "ตัวชี้วัด / Indicators: " + what,
        "รุ่นข้อมูล / Data version: " + s.dataset().dataVersion(),
        "",
        "วิธีนำขึ้นเว็บไซต์ (ภาษาไทย)",
        "1. แตกไฟล์ zip นี้ทั้งโฟลเดอร์ แล้วคัดลอกทุกไฟล์ขึ้นเว็บเซิร์ฟเวอร์ของหน่วยงาน"
            + " (โฮสต์แบบคงที่ใดก็ได้ เช่น nginx, Apache, IIS หรือพื้นที่ไฟล์ของระบบจัดการเนื้อหา)"
            + " โดยคงโครงสร้างโฟลเดอร์ไว้ตามเดิม",
        "2. เปิด index.html ผ่านที่อยู่เว็บ (http:// หรือ https://) — การเปิดไฟล์จากเครื่องโดยตรง"
            + " (file://) ใช้ไม่ได้ เพราะแผนที่อ่านไฟล์ tiles.pmtiles ทีละช่วงไบต์ (HTTP Range)",
        "3. เซิร์ฟเวอร์ต้องตอบคำขอ Range (nginx, Apache และ python3 -m http.server ทำได้อยู่แล้ว)"
            + " และไม่ควรบีบอัด tiles.pmtiles ซ้ำ",
        "4. ทดลองบนเครื่องตนเอง: python3 -m http.server 8000 ในโฟลเดอร์นี้"
            + " แล้วเปิด http://localhost:8000/",
        "5. ฝังในหน้าเว็บอื่นได้ด้วย <iframe src=\".../index.html\" width=\"100%\" height=\"600\">",
        "ไม่ต้องต่ออินเทอร์เน็ต: ทุกไฟล์ (แผนที่ ข้อมูล แบบอักษร) อยู่ในโฟลเดอร์นี้",
        "ต้องแสดงที่มาของข้อมูลตาม ATTRIBUTION.txt (แผนที่แสดงให้อยู่แล้ว)",
        "",
        "How to host it (English)",
        "1. Unzip the whole folder and copy every file to your web server (any static host: nginx,"
            + " Apache, IIS or a CMS's file area), keeping the folder layout.",
        "2. Open index.html through a web address (http:// or https://). Opening the file directly"
            + " (file://) does not work: the map reads tiles.pmtiles in byte ranges (HTTP Range).",
        "3. The server must answer Range requests (nginx, Apache and python3 -m http.server do) and"
            + " should not compress tiles.pmtiles again.",
        "4. To try it on your own machine: python3 -m http.server 8000 in this folder, then open"
            + " http://localhost:8000/",
        "5. Embed it in another page with <iframe src=\".../index.html\" width=\"100%\""
            + " height=\"600\">.",
        "No internet connection is needed: the map, the data and the fonts are all in this folder.",
        "Keep the attribution of ATTRIBUTION.txt visible (the map shows it).",
        "");
  }
}
