package dev.patchchain.cli.queue;

import dev.patchchain.cli.CliContext;
import dev.patchchain.cli.UsageException;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.path.WinPathException;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.volume.InMemoryVolume;
import dev.patchchain.core.volume.VolumeState;
import dev.patchchain.formats.json.JsonQueueDocument;
import dev.patchchain.formats.json.JsonQueueFormat;
import dev.patchchain.formats.reg.QueueRegistryView;
import dev.patchchain.formats.reg.RegFileReader;
import dev.patchchain.formats.reg.RegistryQueue;
import dev.patchchain.formats.regquery.RegQueryParser;
import dev.patchchain.formats.regquery.RegQueryResult;
import dev.patchchain.platform.image.ImageVolume;
import dev.patchchain.platform.image.PeFileInspector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Reads the queue and the volume that the {@link QueueInputOptions} name. */
public final class QueueLoader {

    private final CliContext context;

    /** @param context where relative paths and standard input come from */
    public QueueLoader(CliContext context) {
        this.context = context;
    }

    /**
     * @param options the queue source and volume options
     * @return the queue, the volume and notes
     * @throws IOException if an input cannot be read or parsed
     */
    public LoadedQueue load(QueueInputOptions options) throws IOException {
        PathContext pathContext = pathContext(options.systemRoot);
        List<String> notes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        QueueInputOptions.Source source = options.source == null ? new QueueInputOptions.Source() : options.source;
        Optional<ImageVolume> image = Optional.empty();
        if (options.image().isPresent()) {
            image = Optional.of(ImageVolume.open(context.resolve(options.image().get()), drive(options.drive),
                    new PeFileInspector()));
        }
        PendingQueue queue;
        String queueSource;
        Optional<InMemoryVolume> describedVolume = Optional.empty();
        if (source.hive != null || (options.source == null && image.isPresent())) {
            Path hive = source.hive != null ? context.resolve(source.hive) : systemHive(image.get(), pathContext);
            HiveQueue read = HiveQueue.current(hive, options.lenient, pathContext);
            queue = read.queue().queue();
            queueSource = hive + ", " + read.queue().controlSet() + "\\Control\\Session Manager";
            notes.addAll(read.queue().notes());
            warnings.addAll(read.warnings());
        } else if (options.source == null) {
            throw new UsageException("no queue given: use --reg FILE, --reg-query FILE|-, --json-queue FILE, "
                    + "--hive SYSTEM, or --image DIR (reads the image's SYSTEM hive)");
        } else if (source.reg != null) {
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

        if (image.isPresent()) {
            ImageVolume volume = image.get();
            if (describedVolume.isPresent()) {
                notes.add("the volume described in " + queueSource + " is ignored: --image " + volume.root() + " is used");
            }
            return new LoadedQueue(queue, queueSource, volume, volume.root() + " (drive " + volume.drive() + ":)",
                    options.rules.rules(), notes, warnings, volume::warnings);
        }
        Supplier<List<String>> none = List::of;
        if (describedVolume.isPresent()) {
            return new LoadedQueue(queue, queueSource, describedVolume.get(), "the volume described in " + queueSource,
                    options.rules.rules(), notes, warnings, none);
        }
        return new LoadedQueue(queue, queueSource, VolumeState.UNKNOWN, "none", options.rules.rules(), notes, warnings, none);
    }

    /** The SYSTEM hive of the Windows installation on the image: {@code <system root>\System32\config\SYSTEM}. */
    private static Path systemHive(ImageVolume image, PathContext pathContext) throws NoSuchFileException {
        WinPath hive = pathContext.systemRoot().resolve("System32").resolve("config").resolve("SYSTEM");
        Path file = image.resolve(hive);
        if (file == null || !Files.isRegularFile(file)) {
            throw new NoSuchFileException(image.root() + ": no " + hive
                    + " in the image (give the queue with --hive, --reg, --reg-query or --json-queue, or fix --system-root)");
        }
        return file;
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
