package org.phaenthi.server.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestServers;

/** {@code /render/report/{code}.pdf} on the Phuket fixture: one A4 page with the right figures. */
class ReportCardTest {
  @TempDir static Path tmp;
  static PhaenthiServer server;
  static HttpTestClient http;
  static final Dataset DATA = RenderFixture.dataset();

  @BeforeAll
  static void start() {
    server = TestServers.start(DATA, tmp);
    http = new HttpTestClient(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String pdfText(String path) throws IOException {
    HttpResponse<byte[]> r = http.get(path);
    assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
    assertEquals("application/pdf", r.headers().firstValue("Content-Type").orElse(""));
    try (PDDocument doc = Loader.loadPDF(r.body())) {
      assertEquals(1, doc.getNumberOfPages(), "one page");
      PDRectangle box = doc.getPage(0).getMediaBox();
      assertEquals(PDRectangle.A4.getWidth(), box.getWidth(), 1, "A4 width");
      assertEquals(PDRectangle.A4.getHeight(), box.getHeight(), 1, "A4 height");
      return new PDFTextStripper().getText(doc);
    }
  }

  @Test
  void districtCardHasRankRadarAndBestAndWeakest() throws IOException {
    String text = pdfText("/render/report/8301.pdf");
    String flat = text.replaceAll("\\s", "");
    // district rates: 8302 8 %, 8303 4 %, 8301 3 % → 8301 is 3rd of 3, highest first
    assertTrue(flat.contains("อันดับ3จาก3อำเภอ/เขตในภูเก็ต"), text);
    assertTrue(flat.contains("เมืองภูเก็ต"), text);
    assertTrue(flat.contains("ห้ามิติความยากจน(TPMAP)ร้อยละของคนที่สำรวจ"), text);
    for (String d :
        List.of("สุขภาพ", "ความเป็นอยู่", "การศึกษา", "รายได้", "การเข้าถึงบริการรัฐ")) {
      assertTrue(flat.contains(d), d + " in " + text);
    }
    int best = flat.indexOf("ตัวชี้วัดที่ดีที่สุด");
    int worst = flat.indexOf("ตัวชี้วัดที่อ่อนที่สุด");
    assertTrue(best >= 0 && worst > best, text);
    assertTrue(flat.substring(best, worst).contains("ผ่านเกณฑ์ก"), text);
    assertTrue(flat.substring(worst).contains("ผ่านเกณฑ์ค"), text);
    assertTrue(flat.contains("CCBY3.0IGO"), text);
  }

  @Test
  void radarSharesAreSummedCountsAgainstTheParent() {
    Area a = DATA.boundaries().area("8301").orElseThrow();
    ReportCard.Content k = ReportCard.content(DATA, a, card(DATA, RenderFixture.Y61, "8301"));
    assertEquals(List.of(5.0, 4.0, 3.0, 2.0, 1.0), k.areaShares());
    assertEquals(List.of(4.25, 4.25, 4.25, 4.25, 4.25), k.parentShares());
    assertEquals("Phuket", k.parentName());
    assertTrue(k.rankLine().contains("Rank 3 of 3 districts in Phuket"), k.rankLine());
    // the radar's series are named by the area and its parent, not "Area report"
    assertEquals(a.nameEn(), k.areaName());
    assertEquals(2, k.best().size(), k.best().toString());
    assertTrue(k.best().get(1).startsWith("Pass A: 90% · Rank 1/3"), k.best().toString());
    assertTrue(k.worst().get(0).startsWith("Pass C: 60% · Rank 3/3"), k.worst().toString());
  }

  @Test
  void provinceCardRanksAmongProvincesAndComparesWithTheCountry() throws IOException {
    String text = pdfText("/render/report/83.pdf?lang=en");
    String flat = text.replaceAll("\\s", "");
    assertTrue(flat.contains("Rank1of1provinceinThailand"), text);
    assertTrue(flat.contains("FiveTPMAPpovertydimensions"), text);
  }

  @Test
  void onlyProvincesAndDistrictsOfKnownCodesAsPdf() {
    RenderTest.assertError(http, 404, "/render/report/830101.pdf", "830101");
    RenderTest.assertError(http, 404, "/render/report/99.pdf", "99");
    RenderTest.assertError(http, 404, "/render/report/83.png", "PDF");
    RenderTest.assertError(http, 400, "/render/report/83.pdf?lang=de", "lang");
    RenderTest.assertError(http, 400, "/render/report/83.pdf?parent=83", "parent");
    RenderTest.assertError(http, 400, "/render/report/83.pdf?method=manual", "method");
  }

  @Test
  void aDistrictsCardSaysItsChangeSinceTheEarlierYearAmongItsSiblingsWithTheCaveat() {
    Dataset two = RenderFixture.dataset(true);
    org.phaenthi.boundaries.Area a = two.boundaries().area("8301").orElseThrow();
    for (String lang : List.of("en", "th")) {
      ReportCard.Content k =
          ReportCard.content(two, a, request(two, a.level(), RenderFixture.Y66, "8301", lang));
      // 3 % → 4 %: +1 pp; the siblings 8302 −3 pp and 8303 +2 pp: second of three by rise
      if (lang.equals("en")) {
        assertTrue(
            k.changeLine().startsWith("change 2561→2566: +1 percentage points · Rank 2 of 3"),
            k.changeLine());
        assertTrue(k.changeLine().contains("3 districts in Phuket"), k.changeLine());
        assertTrue(k.changeCaveat().contains("different sources"), k.changeCaveat());
      } else {
        assertTrue(k.changeLine().contains("+1 จุดร้อยละ"), k.changeLine());
        assertTrue(k.changeCaveat().contains("แหล่งต่างกัน"), k.changeCaveat());
      }
    }
    // a year without an earlier one: no change line
    ReportCard.Content one =
        ReportCard.content(
            DATA,
            DATA.boundaries().area("8301").orElseThrow(),
            request(
                DATA,
                org.phaenthi.boundaries.AdminLevel.DISTRICT,
                RenderFixture.Y61,
                "8301",
                "en"));
    assertEquals(null, one.changeLine());
  }

  /**
   * Where the indicator has an earlier year at the children's level, the card has a change-map
   * panel: each district of Phuket in the colour {@code /api/classes?compare=&palette=} gives the
   * class of its change in {@code /api/values?compare=} (decoded from the PDF drawn at 300 dpi),
   * the legend's swatches in those colours, the panel's title, unit and the caveat (the two years'
   * sources differ) in the text layer, and the page's content above its footer.
   */
  @Test
  void aProvinceCardMapsItsChildrensChangeInTheChangeMapsColours(@TempDir Path dir)
      throws IOException {
    Dataset two = RenderFixture.dataset(true);
    try (PhaenthiServer s2 = TestServers.start(two, dir)) {
      HttpTestClient h2 = new HttpTestClient(s2.port());
      String ind = HttpTestClient.enc(RenderFixture.RATE);
      HttpResponse<byte[]> r =
          h2.get("/render/report/83.pdf?indicator=" + ind + "&year=2566&lang=en&palette=RdYlBu");
      assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
      com.fasterxml.jackson.databind.JsonNode values =
          h2.json("/api/values?level=district&indicator=" + ind + "&year=2566&compare=2561");
      com.fasterxml.jackson.databind.JsonNode classes =
          h2.json(
              "/api/classes?level=district&indicator="
                  + ind
                  + "&year=2566&compare=2561&palette=RdYlBu");
      List<Double> breaks = new java.util.ArrayList<>();
      classes.get("breaks").forEach(b -> breaks.add(b.asDouble()));
      // the layout of the same page, drawn here
      Area a = two.boundaries().area("83").orElseThrow();
      RenderRequest req = card(two, RenderFixture.Y66, "83");
      java.time.LocalDate today = java.time.LocalDate.now(RenderHandler.THAILAND);
      MapModel m = MapModel.of(two, req, today, req.size().widthPixels() * 0.6);
      ReportCard.ChangePanel panel = ReportCard.changePanel(two, a, req, today, 1488);
      assertTrue(panel != null, "a change panel");
      assertEquals(null, panel.highlight(), "the children's own change");
      int w = req.size().widthPixels();
      int h = req.size().heightPixels();
      java.awt.image.BufferedImage scratch =
          new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
      java.awt.Graphics2D g = scratch.createGraphics();
      ReportCard.Layout layout =
          ReportCard.paint(
              new Graphics2dCanvas(g), ReportCard.content(two, a, req), m, panel, w, h);
      g.dispose();
      assertTrue(layout.changeBox() != null);
      assertTrue(
          layout.contentBottom() < layout.footerTop(),
          layout.contentBottom() + " overlaps the footer at " + layout.footerTop());
      try (PDDocument doc = Loader.loadPDF(r.body())) {
        String flat = new PDFTextStripper().getText(doc).replaceAll("\\s", "");
        assertTrue(flat.contains("change2561–2566"), flat);
        assertTrue(flat.contains("percentagepoints"), flat);
        assertTrue(flat.contains("differentsources"), flat);
        java.awt.image.BufferedImage img =
            new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 300);
        assertEquals(w, img.getWidth(), 1);
        PicturePainter.Projection pr =
            PicturePainter.projection(
                panel.map().areas(), layout.changeBox(), PicturePainter.scale(w, h));
        int checked = 0;
        for (com.fasterxml.jackson.databind.JsonNode v : values.get("values")) {
          double change = v.get("value").asDouble();
          int k = 0;
          while (k < breaks.size() && change > breaks.get(k)) {
            k++;
          }
          String want = classes.get("classes").get(k).get("colour").asText();
          org.locationtech.jts.geom.Geometry geom =
              panel.map().areas().stream()
                  .filter(f -> f.area().code().equals(v.get("code").asText()))
                  .findFirst()
                  .orElseThrow()
                  .geometry();
          org.locationtech.jts.geom.Point p = geom.getInteriorPoint();
          java.awt.geom.Point2D px = pr.point(p.getX(), p.getY());
          int rgb = img.getRGB((int) px.getX(), (int) px.getY()) & 0xffffff;
          assertEquals(want, String.format("#%06x", rgb), v.get("code") + " changed " + change);
          checked++;
        }
        assertEquals(3, checked);
        for (int i = 0; i < layout.changeSwatches().size(); i++) {
          java.awt.geom.Rectangle2D sw = layout.changeSwatches().get(i);
          int rgb = img.getRGB((int) sw.getCenterX(), (int) sw.getCenterY()) & 0xffffff;
          assertEquals(
              classes.get("classes").get(i).get("colour").asText(),
              String.format("#%06x", rgb),
              "swatch " + i);
        }
        assertEquals(classes.get("classes").size(), layout.changeSwatches().size());
      }
    }
  }

  /**
   * A district whose subdistricts have one year only, but whose level has two: the panel maps the
   * district among its siblings, outlined (for the earlier year's card, to the later year); data of
   * one year have no panel.
   */
  @Test
  void withoutTheChildrensChangeThePanelMapsTheSiblingsAndWithoutAnEarlierYearNone() {
    Dataset two = RenderFixture.dataset(true);
    Area d = two.boundaries().area("8301").orElseThrow();
    java.time.LocalDate today = java.time.LocalDate.now(RenderHandler.THAILAND);
    ReportCard.ChangePanel p =
        ReportCard.changePanel(two, d, card(two, RenderFixture.Y66, "8301"), today, 1488);
    assertEquals("8301", p.highlight());
    assertEquals(org.phaenthi.boundaries.AdminLevel.DISTRICT, p.request().level());
    assertEquals("83", p.request().parent());
    assertEquals(2561, p.request().change().from().be());
    // the card of 2561 (the subdistricts' only year): the districts' change from 2561 to the later
    // 2566, as TPMAP's provinces from 2561 to 2566
    ReportCard.ChangePanel later =
        ReportCard.changePanel(two, d, card(two, RenderFixture.Y61, "8301"), today, 1488);
    assertEquals("8301", later.highlight());
    assertEquals(2561, later.request().change().from().be());
    assertEquals(2566, later.request().year().be());
    assertEquals(org.phaenthi.boundaries.AdminLevel.DISTRICT, later.request().level());
    assertEquals(
        null,
        ReportCard.changePanel(
            DATA,
            DATA.boundaries().area("83").orElseThrow(),
            card(DATA, RenderFixture.Y61, "83"),
            today,
            1488));
  }

  /** The children's map request of a card, as {@code RenderHandler.report} makes it. */
  private static RenderRequest card(
      Dataset d, org.phaenthi.boundaries.indicators.SurveyYear y, String code) {
    Area a = d.boundaries().area(code).orElseThrow();
    return request(d, d.boundaries().levels().child(a.level()).orElseThrow(), y, code, "en");
  }

  /** A map of the test rate at {@code level} under {@code parent}: quantiles, 5 classes, A4. */
  private static RenderRequest request(
      Dataset d,
      org.phaenthi.boundaries.AdminLevel level,
      org.phaenthi.boundaries.indicators.SurveyYear y,
      String parent,
      String lang) {
    return new RenderRequest(
        level,
        d.indicators().indicator(RenderFixture.RATE).orElseThrow(),
        y,
        null,
        "quantile",
        5,
        List.of(),
        "RdYlBu",
        parent,
        new Texts(lang),
        RenderSize.of("a4", null, null));
  }
}
