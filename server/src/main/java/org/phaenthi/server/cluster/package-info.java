/**
 * Running several stateless nodes over one shared store (PostGIS).
 *
 * <p>Terms:
 *
 * <ul>
 *   <li><b>node</b>: one server process; it serves everything from its in-memory snapshot ({@link
 *       org.phaenthi.server.LiveData}) and keeps no state of its own.
 *   <li><b>follow</b>: when the store announces a data version the node does not serve, the node
 *       loads it and swaps ({@link org.phaenthi.server.cluster.VersionFollower}); caches are keyed
 *       by version, so nothing of the old version is served after the swap.
 *   <li><b>store health</b>: whether the store can be reached ({@link
 *       org.phaenthi.server.cluster.StoreHealth}); while it cannot, data requests answer 503 and
 *       {@code /health} says {@code degraded} ({@link org.phaenthi.server.cluster.StoreGate}).
 *   <li><b>admin import</b>: {@code POST /admin/import}, an import through one node that every
 *       other node follows ({@link org.phaenthi.server.cluster.AdminImportHandler}).
 * </ul>
 */
package org.phaenthi.server.cluster;
