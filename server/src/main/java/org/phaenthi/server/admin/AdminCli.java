package org.phaenthi.server.admin;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.phaenthi.boundaries.store.AdminRecords;
import org.phaenthi.boundaries.store.AuditRecord;
import org.phaenthi.boundaries.store.TokenRecord;
import org.phaenthi.server.Config;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar phaenthi.jar admin token create|list|revoke}: manages the admin tokens of a
 * store (the same {@code --store}, {@code PHAENTHI_STORE} or {@code --config} as the server), also
 * while servers run on it. A new token is printed once, on standard output; only its hash is
 * stored. Creation and revocation go to the audit log.
 */
@Command(
    name = "admin",
    description = "Manage the admin tokens of a Phaenthi store.",
    mixinStandardHelpOptions = true,
    subcommands = {AdminCli.TokenCommand.class})
public final class AdminCli {
  private final Map<String, String> env;
  private final Function<Config.StoreSettings, AdminRecords> opener;

  private AdminCli(Map<String, String> env, Function<Config.StoreSettings, AdminRecords> opener) {
    this.env = env;
    this.opener = opener;
  }

  /**
   * Runs the command; returns the exit code (0 ok, 1 refused, 2 usage).
   *
   * @param opener opens the admin records of a store
   */
  public static int run(
      String[] args,
      Map<String, String> env,
      Function<Config.StoreSettings, AdminRecords> opener,
      PrintWriter out,
      PrintWriter err) {
    CommandLine cl = new CommandLine(new AdminCli(env, opener));
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          line.getErr().println("phaenthi admin: " + e.getMessage());
          return 1;
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** Options every token command takes: which store. */
  static class StoreOptions {
    @Option(
        names = "--store",
        description = "embedded store directory or PostgreSQL URL (default: as the server)")
    String store;

    @Option(names = "--config", description = "Java properties file, as for the server")
    String config;
  }

  @Command(
      name = "token",
      description = "Create, list or revoke admin tokens.",
      mixinStandardHelpOptions = true)
  static final class TokenCommand {
    @CommandLine.ParentCommand AdminCli cli;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    private AdminRecords open(StoreOptions o) {
      List<String> args = new ArrayList<>();
      if (o.store != null) {
        args.addAll(List.of("--store", o.store));
      }
      if (o.config != null) {
        args.addAll(List.of("--config", o.config));
      }
      Config c = Config.read(args.toArray(String[]::new), cli.env);
      return cli.opener.apply(c.store());
    }

    private static String who() {
      return "command line (" + System.getProperty("user.name", "?") + ")";
    }

    @Command(name = "create", description = "Create a token; it is printed once.")
    int create(
        @Option(names = "--name", required = true, description = "who the token is for")
            String name,
        @Option(
                names = "--scope",
                required = true,
                description = "all, or the two-digit code of the one province it may write")
            String scope,
        @CommandLine.Mixin StoreOptions store) {
      Tokens.NewToken t = Tokens.create(name, scope);
      try (AdminRecords r = open(store)) {
        r.addToken(t.record());
        r.audit(
            new AuditRecord(
                t.record().createdAt(),
                who(),
                "token create",
                null,
                null,
                null,
                null,
                "name=" + name + " scope=" + scope + " id=" + t.record().id()));
      }
      spec.commandLine()
          .getErr()
          .println(
              "Token '"
                  + name
                  + "' (scope "
                  + scope
                  + ") created. It is shown only now; keep it secret:");
      spec.commandLine().getOut().println(t.token());
      return 0;
    }

    @Command(name = "list", description = "List the tokens (never their secrets).")
    int list(@CommandLine.Mixin StoreOptions store) {
      PrintWriter out = spec.commandLine().getOut();
      try (AdminRecords r = open(store)) {
        out.printf("%-24s %-5s %-16s %-24s %s%n", "NAME", "SCOPE", "ID", "CREATED", "REVOKED");
        for (TokenRecord t : r.tokens()) {
          out.printf(
              "%-24s %-5s %-16s %-24s %s%n",
              t.name(),
              t.scope(),
              t.id(),
              t.createdAt(),
              t.revokedAt() == null ? "-" : t.revokedAt().toString());
        }
      }
      return 0;
    }

    @Command(name = "revoke", description = "Revoke the valid token of this name.")
    int revoke(
        @Option(names = "--name", required = true, description = "the token's name") String name,
        @CommandLine.Mixin StoreOptions store) {
      try (AdminRecords r = open(store)) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Optional<TokenRecord> t = r.revokeToken(name, now);
        if (t.isEmpty()) {
          spec.commandLine()
              .getErr()
              .println("phaenthi admin: no valid token named '" + name + "'");
          return 1;
        }
        r.audit(
            new AuditRecord(
                now,
                who(),
                "token revoke",
                null,
                null,
                null,
                null,
                "name=" + name + " id=" + t.get().id()));
        spec.commandLine()
            .getErr()
            .println("Token '" + name + "' revoked; servers refuse it within a few seconds.");
      }
      return 0;
    }
  }
}
