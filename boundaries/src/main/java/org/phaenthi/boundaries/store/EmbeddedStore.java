package org.phaenthi.boundaries.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import org.phaenthi.boundaries.Dataset;

/**
 * The zero-setup default: one H2 database file (no server process). Import runs in one transaction,
 * so an interrupted or failed import leaves the previous dataset intact.
 */
public final class EmbeddedStore implements Store {
  private final Path file;
  private final Connection connection;
  private final SqlDatasetCodec codec;

  /**
   * Opens or creates the store.
   *
   * @param path the database path without H2's {@code .mv.db} suffix
   */
  public EmbeddedStore(Path path) {
    this.file = path.toAbsolutePath();
    try {
      Path dir = file.getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      this.connection = DriverManager.getConnection("jdbc:h2:file:" + file + ";AUTO_SERVER=FALSE");
      connection.setAutoCommit(false);
      this.codec = new SqlDatasetCodec(connection, SqlDialect.H2);
      codec.migrate();
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException(
          "cannot open the embedded store at " + file + ".mv.db: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized Optional<String> dataVersion() {
    return codec.dataVersion();
  }

  @Override
  public synchronized Dataset load() {
    return codec.load();
  }

  @Override
  public synchronized void replace(Dataset dataset) {
    codec.replace(dataset);
  }

  @Override
  public String describe() {
    return "embedded H2 store " + file + ".mv.db";
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException("closing " + describe() + ": " + e.getMessage(), e);
    }
  }
}
