package dev.patchchain.cli.queue;

import dev.patchchain.cli.CliContext;
import dev.patchchain.cli.UsageException;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.path.WinPathException;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.volume.InMemoryVolume;
import dev.patchchain.core.volume.VolumeState;
import dev.patchchain.formats.authenticode.CatalogIndex;
import dev.patchchain.formats.authenticode.TrustStore;
import dev.patchchain.formats.json.JsonQueueDocument;
import dev.patchchain.formats.json.JsonQueueFormat;
import dev.patchchain.formats.reg.QueueRegistryView;
import dev.patchchain.formats.reg.RegFileReader;
import dev.patchchain.formats.reg.RegistryQueue;
import dev.patchchain.formats.regquery.RegQueryParser;
import dev.patchchain.formats.regquery.RegQueryResult;
import dev.patchchain.platform.image.CatRoot;
import dev.patchchain.platform.image.ImageVolume;
import dev.patchchain.platform.image.PeFileInspector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Reads the queue and the volume that the {@link QueueInputOptions} name. */
final class QueueLoader {

    private final CliContext context;

    QueueLoader(CliContext context) {
        this.context = context;
    }

    LoadedQueue load(QueueInputOptions options) throws IOException {
        PathContext pathContext = pathContext(options.systemRoot);
        List<String> notes = new ArrayList<>();
        QueueInputOptions.Source source = options.source;
        PendingQueue queue;
        String queueSource;
        Optional<InMemoryVolume> describedVolume = Optional.empty();
        if (source.reg != null) {
            Path file = context.resolve(source.reg);
            RegistryQueue read = QueueRegistryView.read(
                    RegFileReader.read(InputBytes.file(file, RegFileReader.MAX_FILE_BYTES), file.toString()),
                    file.toString(), pathContext);
            queue = read.queue();
            queueSource = file + ", key " + read.keyPath();
            notes.addAll(read.notes());
        } else if (source.regQuery != null) {
            String name = source.regQuery.equals("-") ? "<standard input>" : context.resolve(source.regQuery).toString();
            byte[] data = source.regQuery.equals("-")
                    ? InputBytes.stream(context.in(), name, RegQueryParser.MAX_INPUT_BYTES)
                    : InputBytes.file(context.resolve(source.regQuery), RegQueryParser.MAX_INPUT_BYTES);
            RegQueryResult read = RegQueryParser.parse(data, name, pathContext);
            queue = read.queue();
            queueSource = name + ", key " + read.keyPath();
            notes.addAll(read.notes());
        } else {
            Path file = context.resolve(source.jsonQueue);
            JsonQueueDocument document = JsonQueueFormat.read(InputBytes.file(file, JsonQueueFormat.MAX_INPUT_BYTES),
                    file.toString());
            queue = document.queue();
            queueSource = file.toString();
            describedVolume = document.volume();
        }

        if (options.image().isPresent()) {
            Path root = context.resolve(options.image().get());
            ImageVolume image = ImageVolume.open(root, drive(options.drive), inspector(options, root));
            if (describedVolume.isPresent()) {
                notes.add("the volume described in " + queueSource + " is ignored: --image " + root + " is used");
            }
            return new LoadedQueue(queue, queueSource, image, root + " (drive " + image.drive() + ":)",
                    options.rules.rules(), notes, image::warnings);
        }
        if (options.signatures || options.trustStore != null) {
            throw new UsageException("--signatures and --trust-store need --image: signatures are read from files");
        }
        Supplier<List<String>> none = List::of;
        if (describedVolume.isPresent()) {
            return new LoadedQueue(queue, queueSource, describedVolume.get(), "the volume described in " + queueSource,
                    options.rules.rules(), notes, none);
        }
        return new LoadedQueue(queue, queueSource, VolumeState.UNKNOWN, "none", options.rules.rules(), notes, none);
    }

    /** Versions only, or versions and signers (inline, else the image's system catalogs) with --signatures. */
    private PeFileInspector inspector(QueueInputOptions options, Path root) throws IOException {
        if (!options.signatures) {
            if (options.trustStore != null) {
                throw new UsageException("--trust-store is used only with --signatures");
            }
            return new PeFileInspector();
        }
        TrustStore trust = TrustStore.none();
        if (options.trustStore != null) {
            Path store = context.resolve(options.trustStore);
            try {
                trust = TrustStore.load(store);
            } catch (IOException e) {
                throw new UsageException("--trust-store " + store + ": " + e.getMessage());
            }
        }
        CatalogIndex catalogs = CatRoot.index(ImageVolume.open(root, drive(options.drive), new PeFileInspector()));
        return PeFileInspector.withSignatures(trust, catalogs);
    }

    private static PathContext pathContext(String systemRoot) {
        try {
            return new PathContext(WinPath.parse(systemRoot, null));
        } catch (WinPathException e) {
            throw new UsageException("--system-root " + systemRoot + ": " + e.getMessage());
        }
    }

    private static char drive(char letter) {
        if (!Character.isLetter(letter) || letter > 'z') {
            throw new UsageException("--drive " + letter + ": expected a drive letter A-Z");
        }
        return Character.toUpperCase(letter);
    }
}
