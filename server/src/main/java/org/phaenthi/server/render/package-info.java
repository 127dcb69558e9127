/**
 * Server-side pictures: {@code GET /render/{level}.{png,svg,pdf}} and the report card {@code GET
 * /render/report/{code}.pdf}.
 *
 * <p>Terms. A <em>map model</em> ({@link org.phaenthi.server.render.MapModel}) is everything a
 * picture shows, resolved from the request the same way {@code /api/values} and {@code
 * /api/classes} resolve it: the areas with their gap-free band geometry, values, class breaks,
 * colours ({@link org.phaenthi.server.render.Palettes}, the web app's ColorBrewer rule "worse = the
 * strong end"), legend rows with counts, title and notes. A <em>canvas</em> ({@link
 * org.phaenthi.server.render.Canvas}) is where it is drawn: Java2D for PNG (ImageIO) and SVG
 * (JFreeSVG), PDFBox for PDF, where text is drawn as the glyph outlines Java2D shaped (Thai marks
 * in place) over an invisible text layer that extraction reads. The <em>layout</em> ({@link
 * org.phaenthi.server.render.PictureLayout}) places the parts and wraps text at word boundaries
 * ({@link org.phaenthi.server.render.TextWrap}, ICU-style line breaks of {@code BreakIterator} with
 * the Thai locale); tests read the layout to find the legend in a decoded image.
 */
package org.phaenthi.server.render;
