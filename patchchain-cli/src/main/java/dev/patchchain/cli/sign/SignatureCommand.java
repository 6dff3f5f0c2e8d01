package dev.patchchain.cli.sign;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchchain.cli.CliContext;
import dev.patchchain.cli.ExitCode;
import dev.patchchain.cli.UsageException;
import dev.patchchain.cli.render.Json;
import dev.patchchain.cli.render.Table;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.authenticode.AuthenticodeVerifier;
import dev.patchchain.formats.authenticode.CatalogIndex;
import dev.patchchain.formats.authenticode.FileSignature;
import dev.patchchain.formats.authenticode.SignatureStatus;
import dev.patchchain.formats.authenticode.TrustStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code patchchain signature}: the signature of PE files as Windows looks for it (inline Authenticode, else a
 * catalog listing the file's hash), for files and whole directory trees. docs/trust.md says what is verified.
 */
@Command(name = "signature", mixinStandardHelpOptions = true,
        description = "Check the Authenticode signature of PE files (files or directories, recursively): inline, "
                + "else in the catalogs of --catalogs. Exit 0 if every file is validly signed, 1 if some are "
                + "unsigned or invalid, 2 if a named file is not a PE file.")
public final class SignatureCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "PE files or directories (searched recursively).")
    private List<String> paths;

    @Option(names = "--catalogs", paramLabel = "DIR",
            description = "A directory of .cat files, e.g. an image's "
                    + "Windows\\System32\\CatRoot\\{F750E6C3-38EE-11D1-85E5-00C04FC295EE}.")
    private String catalogs;

    @Option(names = "--trust-store", paramLabel = "FILE|DIR",
            description = "PEM or DER certificates chains must lead to. Default: none, chains are not validated.")
    private String trustStore;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    SignatureCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        AuthenticodeVerifier verifier = new AuthenticodeVerifier(trustStore == null ? TrustStore.none()
                : TrustStore.load(context.resolve(trustStore)));
        CatalogIndex index = catalogs == null ? CatalogIndex.of(List.of()) : CatalogIndex.load(context.resolve(catalogs));
        index.problems().forEach((file, why) -> context.err().println("patchchain: catalog " + file + ": " + why));
        List<Path> files = new ArrayList<>();
        List<Path> named = new ArrayList<>();
        for (String path : paths) {
            Path file = context.resolve(path);
            if (!Files.exists(file)) {
                throw new NoSuchFileException(file.toString());
            }
            if (Files.isDirectory(file)) {
                try (Stream<Path> walk = Files.walk(file)) {
                    files.addAll(walk.filter(Files::isRegularFile).sorted().toList());
                }
            } else {
                named.add(file);
                files.add(file);
            }
        }
        List<SignatureRow> rows = files.parallelStream().map(f -> check(verifier, index, f, named.contains(f)))
                .toList().stream().filter(Objects::nonNull).toList();
        context.out().print(json ? Json.write(json(rows)) + System.lineSeparator() : text(rows));
        long valid = rows.stream().filter(r -> r.status() == SignatureStatus.VALID).count();
        context.err().println("patchchain: " + rows.size() + " PE file(s), " + valid + " validly signed, "
                + (files.size() - rows.size()) + " other file(s) skipped");
        return (valid == rows.size() ? ExitCode.CLEAN : ExitCode.FINDINGS).code();
    }

    private static SignatureRow check(AuthenticodeVerifier verifier, CatalogIndex index, Path file, boolean named) {
        try {
            FileSignature signature = verifier.verify(file, index);
            return SignatureRow.of(file, signature);
        } catch (FormatException e) {
            if (named) {
                throw new UsageException(e.getMessage());
            }
            return null;
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static String text(List<SignatureRow> rows) {
        Table table = new Table("status", "source", "signer", "timestamp", "path");
        rows.forEach(r -> table.row(r.status().name(), r.source(), r.signer(), r.timestamp(), r.path().toString()));
        return table.render();
    }

    private static ObjectNode json(List<SignatureRow> rows) {
        ObjectNode root = Json.object();
        root.put("command", "signature");
        ArrayNode files = root.putArray("files");
        for (SignatureRow r : rows) {
            files.addObject().put("path", r.path().toString()).put("status", r.status().name())
                    .put("source", r.source()).put("signer", r.signer()).put("timestamp", r.timestamp())
                    .put("detail", r.detail());
        }
        return root;
    }
}
