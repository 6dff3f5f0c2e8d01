package dev.patchchain.cli.pe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchchain.cli.CliContext;
import dev.patchchain.cli.ExitCode;
import dev.patchchain.cli.UsageException;
import dev.patchchain.cli.render.Csv;
import dev.patchchain.cli.render.Json;
import dev.patchchain.cli.render.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code patchchain file-version}: the version resource of PE files (fixed and string versions, machine), for
 * files and whole directory trees. Files named on the command line must be PE files; inside directories, files
 * that are not PE files are skipped and counted.
 */
@Command(name = "file-version", mixinStandardHelpOptions = true,
        description = "Print the version resource of PE files (files or directories, recursively). "
                + "Exit 2 if a named file is not a readable PE file or a PE file is damaged.")
public final class FileVersionCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "PE files or directories (searched recursively).")
    private List<String> paths;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    @Option(names = "--csv", description = "Print CSV (RFC 4180).")
    private boolean csv;

    FileVersionCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        if (json && csv) {
            throw new UsageException("choose one of --json and --csv");
        }
        FileVersionScan scan = new FileVersionScan(context.err());
        for (String path : paths) {
            Path file = context.resolve(path);
            if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.exists(file)) {
                throw new java.nio.file.NoSuchFileException(file.toString());
            }
            scan.add(file);
        }
        List<FileVersionRow> rows = scan.rows();
        if (json) {
            context.out().println(Json.write(json(rows, scan)));
        } else if (csv) {
            context.out().print(csv(rows));
        } else {
            context.out().print(text(rows));
        }
        context.err().println("patchchain: " + scan.summary());
        return (rows.stream().anyMatch(FileVersionRow::failed) ? ExitCode.USAGE_OR_INPUT : ExitCode.CLEAN).code();
    }

    private static String text(List<FileVersionRow> rows) {
        Table table = new Table("file version", "product version", "machine", "string FileVersion", "path");
        for (FileVersionRow r : rows) {
            if (r.failed()) {
                table.row("ERROR", "", "", r.error(), r.path().toString());
            } else {
                table.row(r.fileVersion(), r.productVersion(), r.machine(), r.stringFileVersion(), r.path().toString());
            }
        }
        return table.render();
    }

    private static String csv(List<FileVersionRow> rows) {
        Csv csv = new Csv("path", "file_version", "product_version", "machine", "pe32_plus", "language",
                "string_file_version", "string_product_version", "company_name", "original_filename", "error");
        for (FileVersionRow r : rows) {
            csv.row(r.path().toString(), r.fileVersion(), r.productVersion(), r.machine(),
                    r.failed() ? "" : Boolean.toString(r.info().pe32Plus()), r.language(), r.stringFileVersion(),
                    r.string("ProductVersion"), r.string("CompanyName"), r.string("OriginalFilename"), r.error());
        }
        return csv.render();
    }

    private static ObjectNode json(List<FileVersionRow> rows, FileVersionScan scan) {
        ObjectNode root = Json.object();
        root.put("command", "file-version");
        ArrayNode files = root.putArray("files");
        for (FileVersionRow r : rows) {
            ObjectNode n = files.addObject();
            n.put("path", r.path().toString());
            if (r.failed()) {
                n.put("error", r.error());
                continue;
            }
            n.put("file_version", r.info().fileVersion().map(Object::toString).orElse(null));
            n.put("product_version", r.info().productVersion().map(Object::toString).orElse(null));
            n.put("machine", r.machine());
            n.put("pe32_plus", r.info().pe32Plus());
            n.put("language", r.info().language() < 0 ? null : r.language());
            n.set("strings", Json.map(r.info().strings()));
        }
        root.put("skipped_not_pe", scan.skipped());
        return root;
    }
}
