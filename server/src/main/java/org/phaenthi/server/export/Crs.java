package org.phaenthi.server.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.phaenthi.server.ApiException;

/**
 * A coordinate reference system features can be written in (OGC API – Features Part 2). The
 * boundaries are stored in CRS84 (longitude, latitude on WGS 84); every other CRS is a proj4j
 * transform from it, with the EPSG definitions of {@code proj4j-epsg} (EPSG:24047 with that
 * definition's {@code +towgs84=210,814,289}, the EPSG's "Indian 1975 to WGS 84 (1)").
 *
 * @param epsg the EPSG code, 0 for CRS84
 * @param latLon whether coordinates are written latitude first (EPSG:4326's axis order)
 * @param geographic whether coordinates are degrees (else metres)
 */
public record Crs(String uri, int epsg, boolean geographic, boolean latLon, String title) {
  public static final String CRS84_URI = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
  private static final String EPSG_PREFIX = "http://www.opengis.net/def/crs/EPSG/0/";

  public static final Crs CRS84 = new Crs(CRS84_URI, 0, true, false, "WGS 84 longitude/latitude");

  /** Every CRS offered, the default first. */
  public static final List<Crs> ALL =
      List.of(
          CRS84,
          epsg(4326, true, true, "WGS 84 latitude/longitude"),
          epsg(3857, false, false, "WGS 84 / Pseudo-Mercator"),
          epsg(32647, false, false, "WGS 84 / UTM zone 47N"),
          epsg(32648, false, false, "WGS 84 / UTM zone 48N"),
          epsg(24047, false, false, "Indian 1975 / UTM zone 47N"));

  private static final CRSFactory CRS_FACTORY = new CRSFactory();
  private static final CoordinateReferenceSystem WGS84 = CRS_FACTORY.createFromName("EPSG:4326");
  private static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();

  private static Crs epsg(int code, boolean geographic, boolean latLon, String title) {
    return new Crs(EPSG_PREFIX + code, code, geographic, latLon, title);
  }

  public static List<String> uris() {
    return ALL.stream().map(Crs::uri).toList();
  }

  public boolean isDefault() {
    return epsg == 0;
  }

  /** {@code EPSG:32647}, or {@code OGC:CRS84}. */
  public String shortName() {
    return epsg == 0 ? "OGC:CRS84" : "EPSG:" + epsg;
  }

  /**
   * The CRS a file is written in: files (GeoJSON, GeoPackage) put easting/longitude first whatever
   * the CRS's axis order, as GDAL reads them, so EPSG:4326 is written as CRS84.
   */
  public Crs forFiles() {
    return latLon ? CRS84 : this;
  }

  /** The GeoPackage srs_id and the legacy GeoJSON {@code crs} name: EPSG codes. */
  public int srsId() {
    return isDefault() || latLon ? 4326 : epsg;
  }

  /** Decimals that keep about 0.1 m: 6 for degrees, 1 for metres. */
  public int defaultDecimals() {
    return geographic ? 6 : 1;
  }

  /**
   * The CRS named by {@code text}, or a 400 naming {@code param} and the valid CRSs. Accepts the
   * URI ({@code http://www.opengis.net/def/crs/EPSG/0/32647}), the safe CURIE ({@code
   * [EPSG:32647]}) and the short forms {@code EPSG:32647}, {@code OGC:CRS84}, {@code CRS84}.
   */
  public static Crs parse(String text, String param) {
    if (text == null) {
      return CRS84;
    }
    return find(text)
        .orElseThrow(
            () ->
                ApiException.badRequest(
                    "parameter '"
                        + param
                        + "': unsupported CRS '"
                        + text
                        + "'; supported: "
                        + uris()));
  }

  static Optional<Crs> find(String text) {
    String t = text.trim();
    if (t.startsWith("[") && t.endsWith("]")) {
      t = t.substring(1, t.length() - 1);
    }
    String upper = t.toUpperCase(Locale.ROOT);
    if (upper.equals("CRS84") || upper.equals("OGC:CRS84") || t.equals(CRS84_URI)) {
      return Optional.of(CRS84);
    }
    String code = null;
    if (t.startsWith(EPSG_PREFIX)) {
      code = t.substring(EPSG_PREFIX.length());
    } else if (upper.startsWith("EPSG:")) {
      code = t.substring(5);
    }
    if (code == null || !code.matches("[0-9]{1,6}")) {
      return Optional.empty();
    }
    int n = Integer.parseInt(code);
    return ALL.stream().filter(c -> c.epsg == n).findFirst();
  }

  /** The geometry (CRS84) in this CRS; the same object for CRS84. */
  public Geometry fromCrs84(Geometry g) {
    if (isDefault()) {
      return g;
    }
    Geometry out = g.copy();
    out.apply(new Transformer(forward(), latLon));
    return out;
  }

  /**
   * A geometry given in this CRS (its axis order) in CRS84; the same object for CRS84. In a
   * projected CRS the straight edges are densified first (64 pieces across the geometry's extent at
   * most, none shorter than 100 m), so they become the curves they are in longitude/latitude.
   */
  public Geometry toCrs84(Geometry g) {
    if (isDefault()) {
      return g;
    }
    Geometry out = g;
    if (!geographic && g.getDimension() > 0) {
      Envelope e = g.getEnvelopeInternal();
      out =
          org.locationtech.jts.densify.Densifier.densify(
              g, Math.max(Math.max(e.getWidth(), e.getHeight()) / 64, 100));
    } else {
      out = g.copy();
    }
    out.apply(new Transformer(inverse(), latLon));
    out.geometryChanged();
    return out;
  }

  /** A position (longitude, latitude) in this CRS, in its axis order. */
  public double[] fromCrs84(double lon, double lat) {
    if (isDefault()) {
      return new double[] {lon, lat};
    }
    if (latLon) {
      return new double[] {lat, lon};
    }
    ProjCoordinate out = new ProjCoordinate();
    forward().transform(new ProjCoordinate(lon, lat), out);
    return new double[] {out.x, out.y};
  }

  /**
   * The area of a box given in this CRS (in its axis order: minX,minY,maxX,maxY of its first and
   * second axis), as CRS84 polygons: its edges are densified before the transform, so a projected
   * box becomes the curved quadrilateral it really is in longitude/latitude.
   */
  public Geometry boxToCrs84(double min0, double min1, double max0, double max1) {
    GeometryFactory gf = new GeometryFactory();
    int steps = isDefault() || latLon ? 1 : 16;
    List<Coordinate> ring = new ArrayList<>();
    double[][] corners = {{min0, min1}, {max0, min1}, {max0, max1}, {min0, max1}};
    for (int side = 0; side < 4; side++) {
      double[] a = corners[side];
      double[] b = corners[(side + 1) % 4];
      for (int i = 0; i < steps; i++) {
        double f = (double) i / steps;
        ring.add(new Coordinate(a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f));
      }
    }
    ring.add(ring.get(0).copy());
    LinearRing r = gf.createLinearRing(ring.toArray(Coordinate[]::new));
    Polygon p = gf.createPolygon(r);
    if (isDefault()) {
      return p;
    }
    p.apply(new Transformer(inverse(), latLon));
    p.geometryChanged();
    return p;
  }

  /** The envelope (CRS84) in this CRS, as minX, minY, maxX, maxY in its axis order. */
  public double[] envelopeFromCrs84(Envelope e) {
    if (isDefault()) {
      return new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()};
    }
    GeometryFactory gf = new GeometryFactory();
    Geometry box = densify(gf.toGeometry(e), 16);
    Envelope out = fromCrs84(box).getEnvelopeInternal();
    return new double[] {out.getMinX(), out.getMinY(), out.getMaxX(), out.getMaxY()};
  }

  private static Geometry densify(Geometry g, int steps) {
    return org.locationtech.jts.densify.Densifier.densify(
        g, g.getEnvelopeInternal().getWidth() / steps);
  }

  /** proj4j's CRS objects are immutable (and parsing them is not cheap): made once. */
  private static final java.util.Map<Integer, CoordinateReferenceSystem> PROJ =
      java.util.Map.of(
          3857, CRS_FACTORY.createFromName("EPSG:3857"),
          32647, CRS_FACTORY.createFromName("EPSG:32647"),
          32648, CRS_FACTORY.createFromName("EPSG:32648"),
          24047, CRS_FACTORY.createFromName("EPSG:24047"));

  /** A transform holds state in proj4j (not thread-safe): one per use. */
  private CoordinateTransform forward() {
    return latLon ? null : TRANSFORMS.createTransform(WGS84, PROJ.get(epsg));
  }

  private CoordinateTransform inverse() {
    return latLon ? null : TRANSFORMS.createTransform(PROJ.get(epsg), WGS84);
  }

  /**
   * Transforms every coordinate. EPSG:4326 is a swap of the axes only ({@code latLon}); proj4j's
   * EPSG:4326 is itself longitude first.
   */
  private record Transformer(CoordinateTransform t, boolean swap)
      implements CoordinateSequenceFilter {
    @Override
    public void filter(CoordinateSequence seq, int i) {
      double x = seq.getX(i);
      double y = seq.getY(i);
      if (swap) {
        seq.setOrdinate(i, 0, y);
        seq.setOrdinate(i, 1, x);
        return;
      }
      ProjCoordinate out = new ProjCoordinate();
      t.transform(new ProjCoordinate(x, y), out);
      seq.setOrdinate(i, 0, out.x);
      seq.setOrdinate(i, 1, out.y);
    }

    @Override
    public boolean isDone() {
      return false;
    }

    @Override
    public boolean isGeometryChanged() {
      return true;
    }
  }
}
