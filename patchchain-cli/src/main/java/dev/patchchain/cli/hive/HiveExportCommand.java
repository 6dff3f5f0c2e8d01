package dev.patchchain.cli.hive;

import dev.patchchain.cli.CliContext;
import dev.patchchain.cli.ExitCode;
import dev.patchchain.cli.UsageException;
import dev.patchchain.formats.reg.RegFileWriter;
import dev.patchchain.formats.regf.RegfExport;
import dev.patchchain.formats.regf.RegfHive;
import dev.patchchain.formats.regf.RegfKey;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code patchchain hive export FILE [KEYPATH]}: a hive or a subtree as a {@code .reg} file, like hivexregedit. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a hive, or the key KEYPATH and everything below it, as .reg text "
                + "(standard output, or --out FILE as regedit writes it: UTF-16LE).")
final class HiveExportCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    private HiveOptions hive;

    @Parameters(index = "1", arity = "0..1", paramLabel = "KEYPATH",
            description = "A key below the hive root, e.g. ControlSet001\\Control\\Session Manager.")
    private String keyPath;

    @Option(names = "--prefix", paramLabel = "ROOT", defaultValue = "HKEY_LOCAL_MACHINE\\SYSTEM",
            description = "What the hive root is called in the export (default: ${DEFAULT-VALUE}).")
    private String prefix;

    @Option(names = "--out", paramLabel = "FILE.reg", description = "Write a UTF-16LE .reg file instead of printing.")
    private String out;

    HiveExportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        try (RegfHive file = hive.open(context)) {
            RegfKey top = keyPath == null ? file.rootKey() : file.key(keyPath)
                    .orElseThrow(() -> new UsageException("no key " + keyPath + " in " + hive.file));
            if (out == null) {
                RegfExport.write(top, prefix, context.out());
            } else {
                Path target = context.resolve(out);
                int keys = writeFile(top, target);
                context.err().println("patchchain: wrote " + target + " (" + keys + " keys)");
            }
            HiveOptions.warn(file, context.err());
            return ExitCode.CLEAN.code();
        }
    }

    /** Streams to a file beside the target and moves it there when complete, so damage leaves no partial file. */
    private int writeFile(RegfKey top, Path target) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            int keys;
            try (Writer writer = RegFileWriter.utf16leWithBom(new BufferedOutputStream(Files.newOutputStream(partial),
                    1 << 16))) {
                keys = RegfExport.write(top, prefix, writer);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            return keys;
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
