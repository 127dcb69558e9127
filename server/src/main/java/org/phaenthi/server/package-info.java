/**
 * The HTTP server. {@link org.phaenthi.server.Main} is the only place that reads arguments,
 * environment and files ({@link org.phaenthi.server.Config}); {@link
 * org.phaenthi.server.PhaenthiServer} lists every route and maps errors; {@link
 * org.phaenthi.server.LiveData} holds the served {@link org.phaenthi.server.Snapshot} (one data
 * version plus its indexes), swapped atomically on a new import.
 */
package org.phaenthi.server;
