package org.phaenthi.server.render;

import org.phaenthi.server.ApiException;

/** The formats of a picture, by file extension. */
public enum RenderFormat {
  PNG("png", "image/png"),
  SVG("svg", "image/svg+xml"),
  PDF("pdf", "application/pdf");

  private final String extension;
  private final String contentType;

  RenderFormat(String extension, String contentType) {
    this.extension = extension;
    this.contentType = contentType;
  }

  public String extension() {
    return extension;
  }

  public String contentType() {
    return contentType;
  }

  /** The format of {@code file}'s extension; 404 for another (as an unknown path). */
  public static RenderFormat ofFile(String file) {
    int dot = file.lastIndexOf('.');
    String ext = dot < 0 ? "" : file.substring(dot + 1);
    for (RenderFormat f : values()) {
      if (f.extension.equals(ext)) {
        return f;
      }
    }
    throw ApiException.notFound(
        "no picture format '"
            + ext
            + "'; use "
            + file.substring(0, Math.max(dot, 0))
            + ".png, .svg or .pdf");
  }

  /** The file name without its extension. */
  public static String stem(String file) {
    int dot = file.lastIndexOf('.');
    return dot < 0 ? file : file.substring(0, dot);
  }
}
