package org.phaenthi.server.api;

import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.function.Supplier;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.Attribution;
import org.phaenthi.server.Json;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.Params;
import org.phaenthi.server.ResponseCache;
import org.phaenthi.server.Snapshot;
import org.phaenthi.server.export.GeoJsonGeometry;
import org.phaenthi.server.export.Simplification;
import org.phaenthi.server.export.Simplifications;
import org.phaenthi.server.http.VersionedUrls;

/**
 * {@code GET /api/geometry/{level}?zoom=[&parent=]}: the gap-free simplified shapes of a level for
 * a zoom, as GeoJSON without values (the web app joins values by code, so switching indicator does
 * not reload geometry). Responses are cached per data version, gzipped once and sent with a strong
 * ETag.
 */
public final class GeometryHandler implements Handler {
  private record Key(String version, AdminLevel level, int zoom, String parent) {}

  private final Supplier<Snapshot> live; // read-only: a handler never swaps the data
  private final ResponseCache responses;

  public GeometryHandler(LiveData live, ResponseCache responses) {
    this.live = live::snapshot;
    this.responses = responses;
  }

  @Override
  public void handle(Context ctx) {
    Params.onlyKnown(ctx, Set.of("zoom", "parent", VersionedUrls.PARAM));
    Snapshot s = live.get();
    AdminLevel level = Params.mappedLevel(s.levels(), ctx.pathParam("level"));
    int zoom = zoom(ctx.queryParam("zoom"));
    String parent = Params.parent(ctx.queryParam("parent"), level);
    if (parent != null && s.dataset().boundaries().area(parent).isEmpty()) {
      throw ApiException.notFound("unknown parent area '" + parent + "'");
    }
    Key key = new Key(s.boundaryVersion(), level, zoom, parent);
    responses.send(
        ctx,
        s.boundaryVersion(),
        key.toString(),
        "application/geo+json",
        () -> write(s.dataset(), key),
        VersionedUrls.cacheControl(ctx, s.boundaryVersion()));
  }

  private static int zoom(String text) {
    if (text == null) {
      return 6;
    }
    try {
      int z = Integer.parseInt(text.trim());
      if (z >= 0 && z <= Simplifications.MAX_ZOOM) {
        return z;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.badRequest(
        "parameter 'zoom' must be a whole number 0–"
            + Simplifications.MAX_ZOOM
            + ", not '"
            + text
            + "'");
  }

  private static byte[] write(Dataset d, Key k) {
    Simplification simplification = Simplifications.forZoom(d, k.level(), k.zoom());
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
    try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeStringField("attribution", Attribution.BOUNDARIES);
      g.writeStringField("simplification", simplification.describe());
      g.writeFieldName("features");
      g.writeStartArray();
      for (Area a : d.boundaries().children(k.level(), k.parent())) {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeStringField("id", a.code());
        g.writeObjectFieldStart("properties");
        g.writeStringField("code", a.code());
        g.writeStringField("name_th", a.nameTh());
        g.writeStringField("name_en", a.nameEn());
        g.writeStringField("parent_code", a.parentCode());
        g.writeEndObject();
        g.writeFieldName("geometry");
        GeoJsonGeometry.write(g, GeoJsonGeometry.round(simplification.geometry(a), 5));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
