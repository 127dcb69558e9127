/**
 * Where the data catalogue (parts and publications, see {@link org.phaenthi.boundaries.catalog})
 * lives durably, behind one interface ({@link org.phaenthi.boundaries.store.Store}).
 *
 * <p>Terms:
 *
 * <ul>
 *   <li><b>publish</b>: writes the parts a store does not hold and a new publication naming them,
 *       in one transaction; on failure the previous publication stays and keeps serving.
 *   <li><b>part encoding</b> ({@link org.phaenthi.boundaries.store.PartCodec}): a JSON header plus
 *       named byte chunks, the same for both stores.
 *   <li><b>embedded store</b>: a directory of immutable, checksummed part files and the history
 *       file, each replaced atomically; one process ({@link
 *       org.phaenthi.boundaries.store.EmbeddedStore}).
 *   <li><b>PostGIS store</b>: PostgreSQL shared by several stateless nodes ({@link
 *       org.phaenthi.boundaries.store.PostgisStore}); its schema is versioned (migrations under
 *       {@code db/postgis/}), and a committed publication is announced with {@code NOTIFY
 *       phaenthi_data_version} (its id) so every node swaps to it.
 *   <li><b>import claim</b>: one import at a time across every process of a store.
 *   <li><b>available</b>: whether the store can be reached right now; a node whose store is gone
 *       keeps its in-memory snapshot but says so.
 * </ul>
 *
 * <p>{@code StoreContract} (test sources) is the behaviour every store must have.
 */
package org.phaenthi.boundaries.store;
