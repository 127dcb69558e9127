/**
 * Where a {@link org.phaenthi.boundaries.Dataset} lives durably, behind one interface ({@link
 * org.phaenthi.boundaries.store.Store}).
 *
 * <p>Terms:
 *
 * <ul>
 *   <li><b>data version</b>: the content hash a dataset was imported as; a store holds exactly one.
 *   <li><b>replace</b> (import): writes a whole dataset in one transaction; on failure the previous
 *       version stays and keeps serving.
 *   <li><b>embedded store</b>: one H2 file, one process ({@link
 *       org.phaenthi.boundaries.store.EmbeddedStore}).
 *   <li><b>PostGIS store</b>: PostgreSQL shared by several stateless nodes ({@link
 *       org.phaenthi.boundaries.store.PostgisStore}); its schema is versioned (migrations under
 *       {@code db/postgis/}), and a committed import is announced with {@code NOTIFY
 *       phaenthi_data_version} so every node swaps to it.
 *   <li><b>available</b>: whether the store can be reached right now; a node whose store is gone
 *       keeps its in-memory snapshot but says so.
 * </ul>
 *
 * <p>{@code StoreContract} (test sources) is the behaviour every store must have.
 */
package org.phaenthi.boundaries.store;
