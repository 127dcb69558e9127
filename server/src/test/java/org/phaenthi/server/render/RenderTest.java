package org.phaenthi.server.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestServers;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * {@code /render/{level}.{png,svg,pdf}} on the Phuket fixture, checked by decoding what it sends.
 */
class RenderTest {
  @TempDir static Path tmp;
  static PhaenthiServer server;
  static HttpTestClient http;
  static final Dataset DATA = RenderFixture.dataset();
  static final String Q = "indicator=" + RenderFixture.RATE + "&year=2561";

  @BeforeAll
  static void start() {
    server = TestServers.start(DATA, tmp);
    http = new HttpTestClient(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static BufferedImage png(String path) throws IOException {
    HttpResponse<byte[]> r = http.get(path);
    assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
    assertEquals("image/png", r.headers().firstValue("Content-Type").orElse(""));
    return ImageIO.read(new ByteArrayInputStream(r.body()));
  }

  /** The request the handler parses for these parameters, built directly. */
  static RenderRequest request(String palette, String parent, String lang, RenderSize size) {
    return new RenderRequest(
        AdminLevel.SUBDISTRICT,
        DATA.indicators().indicator(RenderFixture.RATE).orElseThrow(),
        RenderFixture.Y61,
        null,
        "quantile",
        5,
        List.of(),
        palette,
        parent,
        new Texts(lang),
        size);
  }

  /** The layout of the picture, from the same code on an image of the same size. */
  static PicturePainter.Layout layout(RenderRequest r) {
    int w = r.size().widthPixels();
    int h = r.size().heightPixels();
    MapModel m = MapModel.of(DATA, r, LocalDate.now(RenderHandler.THAILAND), w * 0.72);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      return PicturePainter.paint(new Graphics2dCanvas(g), m, w, h);
    } finally {
      g.dispose();
    }
  }

  @Test
  void theSlidesMapFrameFitsTheAreaWithTheLegendBesideIt() {
    for (String parent : new String[] {null, "8301"}) {
      RenderRequest r = request("RdYlBu", parent, "en", RenderSize.of("slide", null, null));
      int w = r.size().widthPixels();
      MapModel m = MapModel.of(DATA, r, LocalDate.now(RenderHandler.THAILAND), w * 0.72);
      PicturePainter.Layout layout = layout(r);
      Rectangle2D box = layout.mapBox();
      org.locationtech.jts.geom.Envelope e = PicturePainter.extent(m.areas());
      double pad = 20;
      double k =
          Math.min(
              (box.getWidth() - 2 * pad) / e.getWidth(),
              (box.getHeight() - 2 * pad) / e.getHeight());
      // the areas fill the frame (inside its padding) in both directions, not a narrow strip in a
      // wide grey box
      assertTrue(e.getWidth() * k / (box.getWidth() - 2 * pad) > 0.95, parent + ": width " + box);
      assertTrue(
          e.getHeight() * k / (box.getHeight() - 2 * pad) > 0.95, parent + ": height " + box);
      assertTrue(box.getMaxX() < layout.classSwatches().get(0).getX(), "legend beside the map");
      assertTrue(box.getX() >= 0 && layout.classSwatches().get(0).getMaxX() < w, "on the page");
    }
  }

  @Test
  void pngHasTheSizeOfEachPreset() throws IOException {
    BufferedImage slide = png("/render/subdistrict.png?" + Q);
    assertEquals(1600, slide.getWidth());
    assertEquals(900, slide.getHeight());
    BufferedImage a4 = png("/render/district.png?" + Q + "&size=a4");
    assertEquals(2480, a4.getWidth());
    assertEquals(3508, a4.getHeight());
    BufferedImage land = png("/render/province.png?" + Q + "&size=a4-landscape");
    assertEquals(3508, land.getWidth());
    assertEquals(2480, land.getHeight());
    BufferedImage custom = png("/render/subdistrict.png?" + Q + "&w=800&h=600");
    assertEquals(800, custom.getWidth());
    assertEquals(600, custom.getHeight());
  }

  @Test
  void legendColoursAreThoseOfApiClassesWithWorseTheStrongEnd() throws IOException {
    for (String palette : List.of("YlOrRd", "RdYlBu", "Greys", "Blues-r")) {
      JsonNode classes =
          http.json("/api/classes?level=subdistrict&" + Q + "&n=5&palette=" + palette);
      BufferedImage img = png("/render/subdistrict.png?" + Q + "&classes=5&palette=" + palette);
      PicturePainter.Layout layout =
          layout(request(palette, null, "th", RenderSize.of(null, null, null)));
      assertEquals(classes.get("classes").size(), layout.classSwatches().size(), palette);
      for (int i = 0; i < layout.classSwatches().size(); i++) {
        Rectangle2D r = layout.classSwatches().get(i);
        int rgb = img.getRGB((int) r.getCenterX(), (int) r.getCenterY()) & 0xffffff;
        assertEquals(
            classes.get("classes").get(i).get("colour").asText(),
            String.format("#%06x", rgb),
            palette + " class " + i);
      }
    }
    // the poverty rate is lower-is-better: its highest class is the strong (dark red) end of YlOrRd
    JsonNode yl = http.json("/api/classes?level=subdistrict&" + Q + "&n=5&palette=YlOrRd");
    JsonNode cs = yl.get("classes");
    assertEquals("#ffffb2", cs.get(0).get("colour").asText());
    assertEquals("#bd0026", cs.get(cs.size() - 1).get("colour").asText());
    // and the no-data swatch is hatched: ground and line colours both inside it
    BufferedImage img = png("/render/subdistrict.png?" + Q + "&classes=5&palette=YlOrRd");
    Rectangle2D nd =
        layout(request("YlOrRd", null, "th", RenderSize.of(null, null, null))).noDataSwatch();
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int x = (int) nd.getX() + 3; x < nd.getMaxX() - 3; x++) {
      seen.add(img.getRGB(x, (int) nd.getCenterY()) & 0xffffff);
    }
    assertTrue(seen.contains(Canvas.HATCH_GROUND.getRGB() & 0xffffff), "hatch ground");
    assertTrue(seen.size() > 2, "hatch lines: " + seen.size() + " colours");
  }

  @Test
  void titleIsCompleteAndWrappedAtWordBoundaries() {
    for (String lang : List.of("th", "en")) {
      RenderRequest r = request("RdYlBu", "83", lang, RenderSize.of("slide", null, null));
      MapModel m = MapModel.of(DATA, r, LocalDate.of(2026, 12, 2), 1100);
      PicturePainter.Layout layout = layout(r);
      assertTrue(layout.titleLines().size() >= 2, "long title wraps: " + layout.titleLines());
      assertEquals(
          m.title().replace(" ", ""), String.join("", layout.titleLines()).replace(" ", ""), lang);
      assertTrue(m.title().contains(lang.equals("th") ? "ตำบล" : "Subdistrict"), m.title());
      assertTrue(m.title().contains("2561"), m.title());
      assertTrue(m.title().contains(lang.equals("th") ? "ภูเก็ต" : "Phuket"), m.title());
      TextWrapTest.assertWordBoundaries(m.title(), layout.titleLines());
    }
  }

  @Test
  void pdfTextLayerHoldsTheThaiTitleAndNames() throws IOException {
    HttpResponse<byte[]> r = http.get("/render/subdistrict.pdf?" + Q + "&parent=83");
    assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
    assertEquals("application/pdf", r.headers().firstValue("Content-Type").orElse(""));
    MapModel m =
        MapModel.of(
            DATA,
            request("RdYlBu", "83", "th", RenderSize.of(null, null, null)),
            LocalDate.now(RenderHandler.THAILAND),
            1100);
    String text;
    try (PDDocument doc = Loader.loadPDF(r.body())) {
      assertEquals(1, doc.getNumberOfPages());
      text = new PDFTextStripper().getText(doc);
    }
    String flat = text.replaceAll("\\s", "");
    assertTrue(flat.contains(m.title().replaceAll("\\s", "")), text);
    assertTrue(flat.contains("ไม่มีข้อมูล"), text);
    assertTrue(flat.contains("หน่วยเขตเทศบาล1แห่ง"), "municipal note: " + text);
    assertTrue(flat.contains("CCBY3.0IGO"), text);
    // poppler's pdftotext, an independent reader, when installed
    Path pdftotext = Path.of("/usr/bin/pdftotext");
    if (Files.isExecutable(pdftotext)) {
      Path pdf = tmp.resolve("map.pdf");
      Files.write(pdf, r.body());
      try {
        Process p = new ProcessBuilder(pdftotext.toString(), pdf.toString(), "-").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        assertTrue(out.replaceAll("\\s", "").contains(m.title().replaceAll("\\s", "")), out);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Test
  void svgIsXmlWithTheTitleText() throws Exception {
    HttpResponse<byte[]> r = http.get("/render/district.svg?" + Q + "&lang=en");
    assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    // the document names the SVG 1.1 DTD; parse without fetching it (no network in tests)
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
    assertEquals("svg", doc.getDocumentElement().getLocalName());
    NodeList texts = doc.getElementsByTagNameNS("*", "text");
    List<String> all = new ArrayList<>();
    for (int i = 0; i < texts.getLength(); i++) {
      all.add(texts.item(i).getTextContent());
    }
    String joined = String.join("", all).replace(" ", "").replace("\u00a0", "");
    assertTrue(joined.contains("Shareoftargetpoor"), all.toString());
    assertTrue(joined.contains("Thailand·District·Year(B.E.)2561"), all.toString());
  }

  @Test
  void cachedWithAStrongEtagAnd304() {
    HttpResponse<byte[]> a = http.get("/render/district.png?" + Q);
    HttpResponse<byte[]> b = http.get("/render/district.png?" + Q);
    String etag = a.headers().firstValue("ETag").orElseThrow();
    assertTrue(etag.startsWith("\"") && !etag.startsWith("W/"), etag);
    assertEquals(etag, b.headers().firstValue("ETag").orElseThrow());
    assertTrue(a.headers().firstValue("Cache-Control").orElse("").contains("max-age"));
    assertEquals(304, http.get("/render/district.png?" + Q, "If-None-Match", etag).statusCode());
    // another palette is another picture
    String other =
        http.get("/render/district.png?" + Q + "&palette=Greys")
            .headers()
            .firstValue("ETag")
            .orElseThrow();
    assertTrue(!other.equals(etag));
    // PDFs are byte-identical on a repeat render (fixed document ID): the ETag holds across nodes
    HttpResponse<byte[]> p1 = http.get("/render/district.pdf?" + Q + "&classes=4");
    assertNotNull(p1.headers().firstValue("ETag").orElse(null));
  }

  @Test
  void badParametersAre400NamingThemAndUnknownsAre404() {
    assertError(400, "/render/subdistrict.png?" + Q + "&palette=Rainbow", "palette");
    assertError(400, "/render/subdistrict.png?" + Q + "&classes=12", "classes");
    assertError(400, "/render/subdistrict.png?" + Q + "&size=a5", "size");
    assertError(400, "/render/subdistrict.png?" + Q + "&w=10&h=10", "'w'");
    assertError(400, "/render/subdistrict.png?" + Q + "&w=800", "'h'");
    assertError(400, "/render/subdistrict.png?" + Q + "&lang=fr", "lang");
    assertError(400, "/render/subdistrict.png?" + Q + "&zoom=3", "zoom");
    assertError(400, "/render/subdistrict.png?" + Q + "&method=median", "method");
    assertError(400, "/render/subdistrict.png?" + Q + "&parent=83&area=83", "area");
    assertError(400, "/render/subdistrict.png", "indicator");
    assertError(404, "/render/nowhere.png?" + Q, "nowhere");
    assertError(404, "/render/province.gif?" + Q, "gif");
    assertError(404, "/render/subdistrict.png?" + Q + "&parent=84", "84");
    assertError(404, "/render/subdistrict.png?indicator=test:none", "test:none");
  }

  static void assertError(int status, String path, String named) {
    assertError(http, status, path, named);
  }

  static void assertError(HttpTestClient client, int status, String path, String named) {
    HttpResponse<byte[]> r = client.get(path);
    String body = new String(r.body(), StandardCharsets.UTF_8);
    assertEquals(status, r.statusCode(), path + " → " + body);
    JsonNode j;
    try {
      j = org.phaenthi.server.Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw new AssertionError(path + " is not JSON: " + body, e);
    }
    assertEquals(status, j.get("status").asInt(), body);
    assertTrue(j.get("message").asText().contains(named), path + " → " + body);
  }

  @Test
  void aRenderBeyondTheExportSlotsIs503() {
    List<org.phaenthi.server.export.ExportAdmission.Permit> held = new ArrayList<>();
    try {
      org.phaenthi.server.export.ExportAdmission.Permit p;
      while ((p = server.exportAdmission().tryEnter()) != null) {
        held.add(p);
      }
      HttpResponse<byte[]> r = http.get("/render/subdistrict.png?" + Q + "&palette=PuOr");
      assertEquals(503, r.statusCode());
      assertTrue(r.headers().firstValue("Retry-After").isPresent());
    } finally {
      held.forEach(org.phaenthi.server.export.ExportAdmission.Permit::close);
    }
    assertEquals(200, http.get("/render/subdistrict.png?" + Q + "&palette=PuOr").statusCode());
  }
}
