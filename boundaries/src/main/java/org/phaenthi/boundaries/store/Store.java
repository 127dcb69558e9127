package org.phaenthi.boundaries.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.catalog.BoundarySet;
import org.phaenthi.boundaries.catalog.Draft;
import org.phaenthi.boundaries.catalog.Publication;

/**
 * Where the catalogue lives durably: immutable parts and the publication history. The embedded
 * store and the PostGIS store both implement this; the same contract tests run against both.
 */
public interface Store extends AutoCloseable {

  /** The publication served (the newest), or empty when nothing was ever published. */
  Optional<Publication> current();

  /** Every publication, oldest first. */
  List<Publication> publications();

  /** The dataset of the current publication. Throws {@link IllegalStateException} when none. */
  default Dataset load() {
    return load(current().orElseThrow(() -> new IllegalStateException("the store is empty")).id());
  }

  /** The dataset of one publication (current or earlier). IllegalArgumentException if unknown. */
  Dataset load(long publicationId);

  /**
   * Writes the draft's parts that the store does not hold yet and a new publication naming them, in
   * one transaction, and makes it current. On any failure nothing changes: the previous publication
   * stays current and no partial part is visible.
   */
  default Publication publish(Draft draft) {
    return publish(draft, null);
  }

  /**
   * Rollback: publishes the parts of an earlier publication again, as a new publication (history is
   * only appended), without reading any source file.
   */
  default Publication republish(long publicationId, String who, String note) {
    Dataset d = load(publicationId);
    Publication p = d.publication();
    return publish(
        new org.phaenthi.boundaries.catalog.Draft(
            d.boundarySet(), d.indicatorSets(), d.valueSets(), who, note, p.source()),
        publicationId);
  }

  /** {@link #publish} recording that the parts are those of an earlier publication. */
  Publication publish(Draft draft, Long republishOf);

  /** A boundary set the store holds, so an import can reuse it instead of rebuilding it. */
  Optional<BoundarySet> boundarySet(String id);

  /**
   * Tiles rendered once for a boundary set (the server's low-zoom pyramid), kept beside it so a
   * restart, or another node, loads them instead of rendering them again. The bytes are the
   * server's own encoding; the store keeps them as they are. Empty when none were stored.
   */
  default Optional<byte[]> tilePyramid(String boundarySetId) {
    return Optional.empty();
  }

  /**
   * Stores the tiles of a boundary set the store holds (see {@link #tilePyramid}), replacing the
   * ones stored before: unlike parts they are derived, so a server configured for a deeper pyramid
   * than the stored one stores the deeper one once (the old and the new are the same tiles up to
   * the old one's zoom). A reader sees either the old bytes or the new ones, never a mix.
   */
  default void putTilePyramid(String boundarySetId, byte[] tiles) {}

  /** The current publication's content version, or empty when nothing is published. */
  default Optional<String> dataVersion() {
    return current().map(Publication::dataVersion);
  }

  /**
   * Claims the right to import, for all processes sharing this store: empty while another import
   * holds it (then the caller answers 409), else a claim to close when the import is done. Imports
   * build their parts for a minute or more before publishing, so two nodes importing at once would
   * both do the work and the second would publish over the first.
   */
  default Optional<ImportClaim> tryClaimImport() {
    return Optional.of(() -> {});
  }

  /** A held right to import; closing it lets the next import in. */
  interface ImportClaim extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * The tokens and the audit log kept with this store. Stores that cannot keep them hold them in
   * memory (lost at a restart).
   */
  default AdminRecords adminRecords() {
    return new MemoryAdminRecords();
  }

  /** Human-readable location, never containing secrets. */
  String describe();

  /**
   * Calls the listener with the new current publication's id (as text) when another process
   * publishes into this store. Stores that cannot be shared (the embedded one) never call it.
   */
  default void onNewVersion(Consumer<String> listener) {}

  /**
   * False while the store cannot be reached (checked about once a second by stores that live
   * elsewhere): the last loaded dataset is still in memory, but it may no longer be the newest.
   */
  default boolean available() {
    return true;
  }

  @Override
  void close();
}
