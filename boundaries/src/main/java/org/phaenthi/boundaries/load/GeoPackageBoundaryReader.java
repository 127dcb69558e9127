package org.phaenthi.boundaries.load;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Reads the polygon features of an OGC GeoPackage (SQLite + GeoPackage binary geometry). The layer
 * must be in EPSG:4326; anything else is refused with a message telling the user to reproject.
 */
final class GeoPackageBoundaryReader {
  private final GeometryFactory factory;

  GeoPackageBoundaryReader(GeometryFactory factory) {
    this.factory = factory;
  }

  /** Reads every feature table of the GeoPackage (normally one). */
  List<RawFeature> read(Path file) {
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException(file + ": cannot read GeoPackage");
    }
    List<RawFeature> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
      List<String[]> layers = new ArrayList<>();
      try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT g.table_name, g.column_name, g.srs_id FROM gpkg_geometry_columns g"
                      + " JOIN gpkg_contents t ON t.table_name = g.table_name"
                      + " WHERE t.data_type = 'features' ORDER BY g.table_name");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          layers.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        }
      }
      if (layers.isEmpty()) {
        throw new IllegalArgumentException(file + ": no feature table in this GeoPackage");
      }
      for (String[] layer : layers) {
        if (!"4326".equals(layer[2])) {
          throw new IllegalArgumentException(
              file
                  + ": layer "
                  + layer[0]
                  + " is in SRS "
                  + layer[2]
                  + "; reproject it to EPSG:4326 (lon/lat) first");
        }
        readLayer(c, file, layer[0], layer[1], out);
      }
    } catch (SQLException e) {
      throw new IllegalArgumentException(
          file + ": not a readable GeoPackage: " + e.getMessage(), e);
    }
    return out;
  }

  private void readLayer(
      Connection c, Path file, String table, String geomCol, List<RawFeature> out)
      throws SQLException {
    String sql = "SELECT * FROM \"" + table.replace("\"", "\"\"") + "\"";
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      ResultSetMetaData md = rs.getMetaData();
      int index = 0;
      while (rs.next()) {
        String where = file.getFileName() + " layer " + table + " row " + index++;
        ObjectNode props = JsonNodeFactory.instance.objectNode();
        Geometry g = null;
        for (int i = 1; i <= md.getColumnCount(); i++) {
          String name = md.getColumnName(i);
          if (name.equalsIgnoreCase(geomCol)) {
            g = decode(where, rs.getBytes(i));
          } else {
            Object v = rs.getObject(i);
            props.put(name, v == null ? null : v.toString());
          }
        }
        out.add(new RawFeature(where, props, g));
      }
    }
  }

  /** GeoPackage binary: "GP", version, flags, srs_id, optional envelope, then standard WKB. */
  Geometry decode(String where, byte[] blob) {
    if (blob == null || blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
      throw new IllegalArgumentException(where + ": geometry is not GeoPackage binary");
    }
    int flags = blob[3];
    int envelopeCode = (flags >> 1) & 0x7;
    int envelopeBytes =
        switch (envelopeCode) {
          case 0 -> 0;
          case 1 -> 32;
          case 2, 3 -> 48;
          case 4 -> 64;
          default -> throw new IllegalArgumentException(where + ": bad GeoPackage envelope flag");
        };
    if ((flags & 0x10) != 0) {
      throw new IllegalArgumentException(where + ": empty geometry");
    }
    ByteBuffer.wrap(blob, 4, 4)
        .order((flags & 1) == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN)
        .getInt();
    byte[] wkb = Arrays.copyOfRange(blob, 8 + envelopeBytes, blob.length);
    try {
      return new WKBReader(factory).read(wkb);
    } catch (ParseException e) {
      throw new IllegalArgumentException(where + ": bad WKB: " + e.getMessage(), e);
    }
  }
}
