package dev.patchchain.cli.queue;

import dev.patchchain.cli.CliContext;
import dev.patchchain.cli.UsageException;
import dev.patchchain.core.boot.BootRules;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the queue and the volume that the {@link QueueInputOptions} name; {@code verify} uses it too, with the
 * queue optional.
 */
public final class QueueLoader {

    private final CliContext context;

    /** @param context where relative paths and standard input come from */
    public QueueLoader(CliContext context) {
        this.context = context;
    }

    LoadedQueue load(QueueInputOptions options) throws IOException {
        return load(Optional.of(options.source), options.image(), options.drive, options.systemRoot, options.rules);
    }

    /**
     * @param source     where the queue comes from; empty means no queue (nothing pending)
     * @param image      the image directory, if any
     * @param drive      the drive letter the image stands for
     * @param systemRoot what {@code \SystemRoot} means in queue paths
     * @param rules      whose boot to simulate
     * @return the queue (empty without a source) and the volume
     * @throws IOException if an input cannot be read or is not valid
     */
    public LoadedQueue load(Optional<QueueSourceOptions> source, Optional<String> image, char drive, String systemRoot,
                            RulesOption rules) throws IOException {
        PathContext pathContext = pathContext(systemRoot);
        List<String> notes = new ArrayList<>();
        PendingQueue queue;
        String queueSource;
        Optional<InMemoryVolume> describedVolume = Optional.empty();
        if (source.isEmpty()) {
            queue = PendingQueue.empty();
            queueSource = "none";
        } else {
            Loaded read = read(source.get(), pathContext, notes);
            queue = read.queue();
            queueSource = read.source();
            describedVolume = read.volume();
        }
        return withVolume(queue, queueSource, describedVolume, image, drive, rules.rules(), notes);
    }

    /** A queue as read from its source. */
    private record Loaded(PendingQueue queue, String source, Optional<InMemoryVolume> volume) {
    }

    private Loaded read(QueueSourceOptions source, PathContext pathContext, List<String> notes) throws IOException {
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
        return new Loaded(queue, queueSource, describedVolume);
    }

    private LoadedQueue withVolume(PendingQueue queue, String queueSource, Optional<InMemoryVolume> describedVolume,
                                   Optional<String> imageDir, char drive, BootRules rules, List<String> notes)
            throws IOException {
        if (imageDir.isPresent()) {
            Path root = context.resolve(imageDir.get());
            ImageVolume image = ImageVolume.open(root, drive(drive), new PeFileInspector());
            if (describedVolume.isPresent()) {
                notes.add("the volume described in " + queueSource + " is ignored: --image " + root + " is used");
            }
            return new LoadedQueue(queue, queueSource, image, root + " (drive " + image.drive() + ":)",
                    rules, notes, image::warnings);
        }
        Supplier<List<String>> none = List::of;
        if (describedVolume.isPresent()) {
            return new LoadedQueue(queue, queueSource, describedVolume.get(), "the volume described in " + queueSource,
                    rules, notes, none);
        }
        return new LoadedQueue(queue, queueSource, VolumeState.UNKNOWN, "none", rules, notes, none);
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
