package dev.patchchain.cli.plan;

import dev.patchchain.cli.hive.ImageHives;
import dev.patchchain.cli.hive.ImagePendingXml;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.plan.MachineState;
import dev.patchchain.core.plan.ServicingValue;
import dev.patchchain.core.registry.RegistryView;
import dev.patchchain.core.volume.VolumeState;
import dev.patchchain.formats.pendingxml.PendingXml;
import dev.patchchain.formats.regf.RegfHive;
import dev.patchchain.formats.regf.RegfOptions;
import dev.patchchain.formats.regf.RegfRegistryView;
import dev.patchchain.platform.image.ImageVolume;
import dev.patchchain.platform.live.LiveWindows;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the machine state {@code plan} starts from: off an offline machine, the SYSTEM and SOFTWARE hives (a dirty
 * hive replayed with its logs, as {@code queue show} does) and, on an image, servicing's {@code WinSxS\pending.xml};
 * off the running Windows ({@code --live}), the same through the registry API and the system drive.
 */
final class MachineLoader {

    private final PathContext context;
    private final RegfOptions options;
    private final List<String> warnings = new ArrayList<>();

    MachineLoader(PathContext context, RegfOptions options) {
        this.context = context;
        this.options = options;
    }

    /** @return what the readers warned about: dirty hives, skipped structures, a pending.xml not read */
    List<String> warnings() {
        return warnings;
    }

    /**
     * @param disk     the volume (the image, or what the manifests say)
     * @param image    the mounted image, or empty
     * @param system   the SYSTEM hive file, or {@code null} for the image's own (if any)
     * @param software the SOFTWARE hive file, or {@code null} for the image's own (if any)
     * @return the machine: its queue, servicing's pending operations, its registry
     * @throws IOException if a hive given or found cannot be read
     */
    MachineState load(VolumeState disk, Optional<ImageVolume> image, Path system, Path software) throws IOException {
        Path systemFile = system != null ? system : image.flatMap(i -> ImageHives.find(i, context, ImageHives.SYSTEM))
                .orElse(null);
        Path softwareFile = software != null ? software
                : image.flatMap(i -> ImageHives.find(i, context, ImageHives.SOFTWARE)).orElse(null);
        if (image.isPresent() && systemFile == null) {
            warnings.add("no " + ImageHives.where(context, ImageHives.SYSTEM) + " in the image: the pending queue is "
                    + "not read (give --hive-system, or fix --system-root)");
        }
        MachineState machine = MachineState.of(disk);
        if (systemFile != null || softwareFile != null) {
            machine = machine.withRegistry(view(systemFile), view(softwareFile), context);
        }
        if (image.isPresent()) {
            machine = withImagePendingXml(machine, image.get(), context);
        }
        return machine;
    }

    /**
     * @param live the running Windows ({@code --live})
     * @return the machine: its queue and registry through the registry API, its {@code pending.xml} on the system
     *         drive (a warning when it cannot be read), its disk as the volume
     */
    MachineState loadLive(LiveWindows live) {
        MachineState machine = MachineState.of(live.volume())
                .withRegistry(live.system(), live.software(), live.pathContext());
        return withImagePendingXml(machine, live.volume(), live.pathContext());
    }

    private RegistryView view(Path file) throws IOException {
        if (file == null) {
            return null;
        }
        // a hive is mapped and closed when opened: there is nothing to release
        RegfHive hive = RegfHive.open(file, options);
        hive.warnings().forEach(w -> warnings.add(file.getFileName() + ": " + w));
        if (hive.logsApplied()) {
            warnings.add(file.getFileName() + ": dirty hive, transaction logs " + hive.logsUsed().stream()
                    .map(p -> p.getFileName().toString()).toList() + " replayed in memory");
        }
        return new RegfRegistryView(hive);
    }

    private MachineState withImagePendingXml(MachineState machine, ImageVolume image, PathContext paths) {
        Optional<ImagePendingXml> found;
        try {
            found = ImagePendingXml.find(image, paths);
        } catch (IOException e) {
            // malformed, or (live, without rights) unreadable
            warnings.add(ImagePendingXml.where(paths) + " not read, its operations are not part of the state: "
                    + e.getMessage());
            return machine;
        }
        return found.map(px -> withPendingXml(machine, px.xml(), paths)).orElse(machine);
    }

    /**
     * @param machine the machine so far
     * @param xml     servicing's pending transaction, wherever it was read from
     * @param paths   what {@code \SystemRoot} means on that machine
     * @return the machine with its file operations (simulated) and registry changes (listed)
     */
    MachineState withPendingXml(MachineState machine, PendingXml xml, PathContext paths) {
        List<ServicingValue> values = new ArrayList<>();
        for (PendingXml.RegistryOperation op : xml.registryOperations()) {
            String evidence = PendingXml.ORIGIN_FILE + " line " + op.line();
            switch (op.kind()) {
                case SET_KEY_VALUE -> values.add(new ServicingValue(op.path(), nameOf(op), "sets", evidence));
                case DELETE_KEY_VALUE -> values.add(new ServicingValue(op.path(), nameOf(op), "deletes", evidence));
                case DELETE_KEY -> values.add(new ServicingValue(op.path(), null, "deletes the key of", evidence));
                default -> {
                    // creating a key or setting its security changes no value
                }
            }
        }
        return machine.withServicing(xml.toPendingOperations(paths), values);
    }

    private static String nameOf(PendingXml.RegistryOperation op) {
        return op.name() == null ? "" : op.name();
    }
}
