package org.phaenthi.boundaries.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.catalog.BoundarySet;
import org.phaenthi.boundaries.catalog.Draft;
import org.phaenthi.boundaries.catalog.IndicatorSet;
import org.phaenthi.boundaries.catalog.Publication;
import org.phaenthi.boundaries.catalog.ValueSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-setup default: a directory of immutable files, no database. Each part is one file
 * ({@code parts/ID.part}, checksummed) written once; the publication history is {@code
 * publications.json}. Publishing writes the new parts, then replaces the history file; every file
 * is written under a temporary name, forced to disk and renamed atomically, so a kill at any
 * instant leaves either the previous publication or the new one, never a mix and never a store that
 * cannot open (H2's MVStore, used before, could be left unopenable by a kill -9 during an import).
 * Parts no publication names (left by an interrupted publish) are removed at open. One process at a
 * time (a lock file).
 */
public final class EmbeddedStore implements Store {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStore.class);
  private static final String HISTORY = "publications.json";

  /** Beside {@code parts/ID.part} of a boundary set: its tile pyramid, {@code parts/ID.tiles}. */
  private static final String PYRAMID = ".tiles";

  private final Path dir;
  private final Path parts;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private List<Publication> history;
  private final AdminRecords admin;

  /** Parts decoded by this instance, by id; a load reuses them (identity matters to callers). */
  private Map<String, Object> decoded = new HashMap<>();

  /**
   * Opens or creates the store.
   *
   * @param path the store's directory
   */
  public EmbeddedStore(Path path) {
    this.dir = path.toAbsolutePath();
    this.parts = dir.resolve("parts");
    try {
      Files.createDirectories(parts);
      lockChannel =
          FileChannel.open(
              dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock l;
      try {
        l = lockChannel.tryLock();
      } catch (OverlappingFileLockException e) {
        l = null;
      }
      if (l == null) {
        lockChannel.close();
        throw new IllegalStateException(
            "the embedded store " + dir + " is in use by another Phaenthi process");
      }
      lock = l;
      history = List.copyOf(readHistory());
      clean(history);
      admin = new EmbeddedAdminRecords(dir);
      // only one process holds the store, so a job not ended was run by one that died (kill -9)
      int interrupted =
          admin.interruptStale(Instant.now(), JobRecord.INTERRUPTED_EN, JobRecord.INTERRUPTED_TH);
      if (interrupted > 0) {
        LOG.warn("{} import job(s) of a process that stopped are marked interrupted", interrupted);
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot open the embedded store at " + dir + ": " + e.getMessage(), e);
    }
  }

  private List<Publication> readHistory() throws IOException {
    Path f = dir.resolve(HISTORY);
    if (!Files.exists(f)) {
      return List.of();
    }
    String json = Files.readString(f, StandardCharsets.UTF_8);
    List<PublicationJson> list =
        PartCodec.read(json, new TypeReference<List<PublicationJson>>() {});
    return list.stream().map(PublicationJson::publication).toList();
  }

  /** Removes temporary files and parts that no publication names. */
  private void clean(List<Publication> published) throws IOException {
    Set<String> named = new HashSet<>();
    published.forEach(p -> named.addAll(p.parts()));
    int removed = 0;
    for (Path d : List.of(dir, parts)) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(d)) {
        for (Path f : files) {
          String name = String.valueOf(f.getFileName());
          boolean tmp = name.contains(".tmp-");
          boolean orphan =
              d.equals(parts)
                  && (name.endsWith(".part") || name.endsWith(PYRAMID))
                  && !named.contains(name.substring(0, name.lastIndexOf('.')));
          if (tmp || orphan) {
            Files.deleteIfExists(f);
            removed++;
          }
        }
      }
    }
    if (removed > 0) {
      LOG.info("removed {} unfinished or unused files from {}", removed, dir);
      PartFiles.forceDirectory(parts);
    }
  }

  @Override
  public synchronized Optional<Publication> current() {
    return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
  }

  @Override
  public synchronized List<Publication> publications() {
    return history;
  }

  @Override
  public synchronized Dataset load(long publicationId) {
    Publication p =
        history.stream()
            .filter(x -> x.id() == publicationId)
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no publication " + publicationId));
    Map<String, Class<?>> wanted = new java.util.LinkedHashMap<>();
    wanted.put(p.boundarySet(), BoundarySet.class);
    p.indicatorSets().forEach(id -> wanted.put(id, IndicatorSet.class));
    p.valueSets().forEach(id -> wanted.put(id, ValueSet.class));
    Map<String, Object> used = readParts(wanted);
    BoundarySet b = BoundarySet.class.cast(used.get(p.boundarySet()));
    List<IndicatorSet> is = new ArrayList<>();
    p.indicatorSets().forEach(id -> is.add(IndicatorSet.class.cast(used.get(id))));
    List<ValueSet> vs = new ArrayList<>();
    p.valueSets().forEach(id -> vs.add(ValueSet.class.cast(used.get(id))));
    decoded = used;
    return new Dataset(p, b, is, vs);
  }

  /**
   * The parts of these ids, those not decoded yet read and decoded side by side, one thread per
   * core: a warm start spends most of its time here, and a boundary set's geometry decodes on one
   * thread while a value set's columns take the others. A part that cannot be read throws as {@link
   * PartFiles#readPart} does.
   */
  private Map<String, Object> readParts(Map<String, Class<?>> wanted) {
    Map<String, Object> out = new HashMap<>();
    Map<String, java.util.concurrent.Future<Object>> pending = new java.util.LinkedHashMap<>();
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    java.util.concurrent.ExecutorService readers =
        java.util.concurrent.Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "store-read");
              t.setDaemon(true);
              return t;
            });
    try {
      wanted.forEach(
          (id, type) -> {
            Object known = decoded.get(id);
            if (known != null) {
              out.put(id, known);
            } else {
              pending.put(
                  id,
                  readers.submit(
                      () ->
                          PartCodec.decode(
                              type, PartFiles.readPart(parts.resolve(id + ".part"), id))));
            }
          });
      for (Map.Entry<String, java.util.concurrent.Future<Object>> e : pending.entrySet()) {
        out.put(e.getKey(), e.getValue().get());
      }
      return out;
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the store", e);
    } finally {
      readers.shutdownNow();
    }
  }

  private <T> T part(String id, Class<T> type, Map<String, Object> used) {
    Object o = decoded.get(id);
    if (o == null) {
      PartCodec.Encoded e = PartFiles.readPart(parts.resolve(id + ".part"), id);
      o = PartCodec.decode(type, e);
    }
    used.put(id, o);
    return type.cast(o);
  }

  @Override
  public synchronized Optional<BoundarySet> boundarySet(String id) {
    if (decoded.get(id) instanceof BoundarySet b) {
      return Optional.of(b);
    }
    if (!Files.exists(parts.resolve(id + ".part"))) {
      return Optional.empty();
    }
    try {
      return Optional.of(part(id, BoundarySet.class, decoded));
    } catch (IllegalStateException e) {
      LOG.warn(
          "boundary set {} in the store is unreadable ({}); it will be rebuilt",
          id,
          e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public synchronized Publication publish(Draft draft, Long republishOf) {
    try {
      Map<String, Object> written = new HashMap<>();
      write(draft.boundarySet().id(), draft.boundarySet(), written);
      for (IndicatorSet s : draft.indicatorSets()) {
        write(s.id(), s, written);
      }
      for (ValueSet v : draft.valueSets()) {
        write(v.id(), v, written);
      }
      long id = history.isEmpty() ? 1 : history.get(history.size() - 1).id() + 1;
      Publication p =
          new Publication(
              id,
              Instant.now().truncatedTo(ChronoUnit.MILLIS),
              draft.boundarySet().id(),
              draft.indicatorSets().stream().map(IndicatorSet::id).toList(),
              draft.valueSets().stream().map(ValueSet::id).toList(),
              draft.who(),
              draft.note(),
              republishOf,
              draft.source());
      List<Publication> next = new ArrayList<>(history);
      next.add(p);
      String json = PartCodec.json(next.stream().map(PublicationJson::of).toList());
      // The commit point: until this rename the previous history is what a reader finds.
      PartFiles.writeAtomically(
          dir.resolve(HISTORY), out -> out.write(json.getBytes(StandardCharsets.UTF_8)));
      history = List.copyOf(next);
      decoded.putAll(written);
      return p;
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "publishing failed and nothing changed; the previous publication is still served: "
              + e.getMessage(),
          e);
    }
  }

  private void write(String id, Object part, Map<String, Object> written) throws IOException {
    Path f = parts.resolve(id + ".part");
    written.put(id, part);
    if (Files.exists(f)) {
      return; // parts are immutable: same id, same content
    }
    PartCodec.Encoded e =
        part instanceof BoundarySet b
            ? PartCodec.encode(b)
            : part instanceof IndicatorSet s
                ? PartCodec.encode(s)
                : PartCodec.encode((ValueSet) part);
    PartFiles.writePart(f, e);
  }

  @Override
  public AdminRecords adminRecords() {
    return admin;
  }

  @Override
  public synchronized Optional<byte[]> tilePyramid(String boundarySetId) {
    Path f = parts.resolve(boundarySetId + PYRAMID);
    if (!Files.exists(f)) {
      return Optional.empty();
    }
    try {
      return Optional.of(PartFiles.readPart(f, boundarySetId).chunks().get("tiles"));
    } catch (IllegalStateException e) {
      LOG.warn("tile pyramid {} is unreadable ({}); it will be rendered again", f, e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public synchronized void putTilePyramid(String boundarySetId, byte[] tiles) {
    Path f = parts.resolve(boundarySetId + PYRAMID);
    if (!Files.exists(parts.resolve(boundarySetId + ".part"))) {
      throw new IllegalArgumentException("the store holds no boundary set " + boundarySetId);
    }
    try {
      // written beside and renamed over the old one (PartFiles.writeAtomically)
      PartFiles.writePart(
          f,
          new PartCodec.Encoded(
              boundarySetId,
              "{\"tile_pyramid_of\":\"" + boundarySetId + "\"}",
              Map.of("tiles", tiles)));
    } catch (IOException e) {
      throw new IllegalStateException("writing " + f + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String describe() {
    return "embedded store " + dir;
  }

  @Override
  public synchronized void close() {
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      throw new IllegalStateException("closing " + describe() + ": " + e.getMessage(), e);
    }
  }
}
