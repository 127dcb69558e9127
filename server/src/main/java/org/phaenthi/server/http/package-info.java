/**
 * The HTTP front, in front of Javalin and the tile fast path: what every response carries and what
 * every connection is allowed, whatever handler answers it.
 *
 * <ul>
 *   <li><b>Public URL</b> ({@link org.phaenthi.server.http.PublicUrls}): the base of absolute links
 *       in OGC API and TileJSON responses — the configured {@code --public-url}, else the request's
 *       own scheme and host, where {@code Forwarded}/{@code X-Forwarded-*} count only from a
 *       <b>trusted proxy</b> ({@link org.phaenthi.server.http.TrustedProxies}, Jetty's {@code
 *       ForwardedRequestCustomizer} behind an address check and value validation).
 *   <li><b>CORS</b> ({@link org.phaenthi.server.http.PublicCors}): Jetty's {@code
 *       CrossOriginHandler} on the public read paths only ({@code /api/}, {@code /tiles/}, {@code
 *       /ogc}); it always sends {@code Vary: Origin} there. Admin, pages and metrics never answer
 *       CORS.
 *   <li><b>Security headers</b> ({@link org.phaenthi.server.http.SecurityHeaders}): CSP without
 *       inline script, {@code frame-ancestors 'none'} except the configured ancestors of {@code
 *       /embed}, {@code nosniff}, {@code Referrer-Policy}.
 *   <li><b>HEAD</b> ({@link org.phaenthi.server.http.HeadAsGet}): handled as the GET, so status and
 *       headers are the GET's; Jetty drops the body.
 *   <li><b>Client limits</b> ({@link org.phaenthi.server.http.ClientLimits}): whole-header time,
 *       connections per client address (a new one past the bound replaces the client's oldest
 *       <b>idle</b> connection — no request being handled — and is refused 503 only when every one
 *       is busy); the write timeout is Jetty's per-operation idle timeout.
 *   <li><b>Client caching of data</b> ({@link org.phaenthi.server.http.VersionedUrls}): a URL
 *       naming the served version in {@code v=} is immutable, every other data URL is revalidated.
 *   <li><b>Jetty's own errors</b> ({@link org.phaenthi.server.http.JsonErrorHandler}): 400, 414,
 *       431 and the rest in the API's {@code {status, message}} shape.
 * </ul>
 */
package org.phaenthi.server.http;
