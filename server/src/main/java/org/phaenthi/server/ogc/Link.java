package org.phaenthi.server.ogc;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.phaenthi.server.Json;

/** A web link as OGC API – Features writes it. */
public record Link(String href, String rel, String type, String title) {

  public Map<String, Object> toMap() {
    return Json.obj("href", href, "rel", rel, "type", type, "title", title);
  }

  public static List<Map<String, Object>> toMaps(List<Link> links) {
    return links.stream().map(Link::toMap).toList();
  }

  public void write(JsonGenerator gen) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("href", href);
    gen.writeStringField("rel", rel);
    gen.writeStringField("type", type);
    gen.writeStringField("title", title);
    gen.writeEndObject();
  }

  static void writeAll(JsonGenerator gen, List<Link> links) throws IOException {
    gen.writeArrayFieldStart("links");
    for (Link l : links) {
      l.write(gen);
    }
    gen.writeEndArray();
  }
}
