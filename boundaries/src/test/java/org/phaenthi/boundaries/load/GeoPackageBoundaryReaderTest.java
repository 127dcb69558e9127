package org.phaenthi.boundaries.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.Boundaries;

class GeoPackageBoundaryReaderTest {
  @TempDir Path tmp;

  @Test
  void readsAGeoPackageWithItsOwnColumnNames() throws Exception {
    Path gpkg = tmp.resolve("phuket.gpkg");
    write(gpkg, 4326);
    PropertyMapping m = PropertyMapping.parse("code=pcode,name_th=nth,name_en=nen,parent=par");
    Boundaries b = new BoundaryLoader(m).load(List.of(gpkg)).boundaries();
    Area d = b.area("8301").orElseThrow();
    assertEquals("Mueang Phuket", d.nameEn());
    assertEquals("83", d.parentCode());
    assertEquals(1.0, d.geometry().getArea(), 1e-12);
    assertEquals(1, b.areas(org.phaenthi.boundaries.AdminLevel.PROVINCE).size());
  }

  @Test
  void refusesProjectedLayers() throws Exception {
    Path gpkg = tmp.resolve("utm.gpkg");
    write(gpkg, 32647);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new GeoPackageBoundaryReader(new org.locationtech.jts.geom.GeometryFactory())
                    .read(gpkg));
    assertTrue(e.getMessage().contains("reproject it to EPSG:4326"), e.getMessage());
  }

  private static void write(Path file, int srs) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, identifier TEXT)");
      s.execute(
          "CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT,"
              + " geometry_type_name TEXT, srs_id INTEGER, z INTEGER, m INTEGER)");
      s.execute("INSERT INTO gpkg_contents VALUES ('adm', 'features', 'adm')");
      s.execute(
          "INSERT INTO gpkg_geometry_columns VALUES ('adm', 'geom', 'MULTIPOLYGON', "
              + srs
              + ", 0, 0)");
      s.execute(
          "CREATE TABLE adm (fid INTEGER PRIMARY KEY, geom BLOB, pcode TEXT, nth TEXT, nen TEXT, par TEXT)");
      try (PreparedStatement p = c.prepareStatement("INSERT INTO adm VALUES (?, ?, ?, ?, ?, ?)")) {
        row(
            p,
            1,
            "POLYGON ((98 7, 100 7, 100 8, 98 8, 98 7))",
            "TH83",
            "ภูเก็ต",
            "Phuket",
            null,
            true);
        row(
            p,
            2,
            "POLYGON ((98 7, 99 7, 99 8, 98 8, 98 7))",
            "TH8301",
            "เมืองภูเก็ต",
            "Mueang Phuket",
            "TH83",
            false);
      }
    }
  }

  private static void row(
      PreparedStatement p,
      int fid,
      String wkt,
      String code,
      String th,
      String en,
      String parent,
      boolean envelope)
      throws Exception {
    Geometry g = new WKTReader().read(wkt);
    byte[] wkb =
        new WKBWriter(2, ByteOrder.LITTLE_ENDIAN == ByteOrder.nativeOrder() ? 2 : 1).write(g);
    int envBytes = envelope ? 32 : 0;
    ByteBuffer buf = ByteBuffer.allocate(8 + envBytes + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
    buf.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) (1 | (envelope ? 2 : 0)));
    buf.putInt(4326);
    if (envelope) {
      var e = g.getEnvelopeInternal();
      buf.putDouble(e.getMinX())
          .putDouble(e.getMaxX())
          .putDouble(e.getMinY())
          .putDouble(e.getMaxY());
    }
    buf.put(wkb);
    p.setInt(1, fid);
    p.setBytes(2, buf.array());
    p.setString(3, code);
    p.setString(4, th);
    p.setString(5, en);
    p.setString(6, parent);
    p.executeUpdate();
  }
}
