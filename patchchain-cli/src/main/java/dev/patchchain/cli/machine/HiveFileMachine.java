package dev.patchchain.cli.machine;

import dev.patchchain.cli.hive.ImageHives;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.volume.VolumeState;
import dev.patchchain.formats.regf.RegfHive;
import dev.patchchain.formats.regf.RegfOptions;
import dev.patchchain.formats.regf.RegfRegistryView;
import dev.patchchain.platform.image.ImageVolume;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A machine read from offline hive files ({@code --hive-system}/{@code --hive-software}, {@code --hive}, or those of an
 * {@code --image}), with the volume its files are on. A hive is opened when first asked for and closed with the
 * machine.
 */
public final class HiveFileMachine implements MachineSource {

    private final Optional<Path> systemFile;
    private final Optional<Path> softwareFile;
    private final VolumeState volume;
    private final String volumeName;
    private final PathContext pathContext;
    private final RegfOptions options;
    private final List<RegfHive> opened = new ArrayList<>();
    private MachineHive system;
    private MachineHive software;

    /**
     * @param systemFile   the SYSTEM hive file, if any
     * @param softwareFile the SOFTWARE hive file, if any
     * @param volume       where files are checked
     * @param volumeName   the volume for reports
     * @param pathContext  what {@code \SystemRoot} means
     * @param options      strict or lenient reading
     */
    public HiveFileMachine(Optional<Path> systemFile, Optional<Path> softwareFile, VolumeState volume,
                           String volumeName, PathContext pathContext, RegfOptions options) {
        this.systemFile = Objects.requireNonNull(systemFile, "systemFile");
        this.softwareFile = Objects.requireNonNull(softwareFile, "softwareFile");
        this.volume = Objects.requireNonNull(volume, "volume");
        this.volumeName = Objects.requireNonNull(volumeName, "volumeName");
        this.pathContext = Objects.requireNonNull(pathContext, "pathContext");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * @param image       a mounted Windows volume
     * @param pathContext its Windows directory
     * @param options     strict or lenient reading
     * @return the machine of {@code <system root>\System32\config\SYSTEM} and {@code SOFTWARE}, as far as the image
     *         has them, with the image as its volume
     */
    public static HiveFileMachine image(ImageVolume image, PathContext pathContext, RegfOptions options) {
        return new HiveFileMachine(ImageHives.find(image, pathContext, ImageHives.SYSTEM),
                ImageHives.find(image, pathContext, ImageHives.SOFTWARE), image, name(image), pathContext, options);
    }

    /**
     * @param image a mounted volume
     * @return it for reports, e.g. {@code /img (drive C:)}
     */
    public static String name(ImageVolume image) {
        return image.root() + " (drive " + image.drive() + ":)";
    }

    @Override
    public Optional<MachineHive> system() throws IOException {
        if (system == null && systemFile.isPresent()) {
            system = open(systemFile.get());
        }
        return Optional.ofNullable(system);
    }

    @Override
    public Optional<MachineHive> software() throws IOException {
        if (software == null && softwareFile.isPresent()) {
            software = open(softwareFile.get());
        }
        return Optional.ofNullable(software);
    }

    @Override
    public VolumeState volume() {
        return volume;
    }

    @Override
    public String volumeName() {
        return volumeName;
    }

    @Override
    public PathContext pathContext() {
        return pathContext;
    }

    @Override
    public List<String> warnings() {
        List<String> all = new ArrayList<>();
        opened.forEach(h -> all.addAll(h.warnings()));
        return all;
    }

    @Override
    public void close() {
        opened.forEach(RegfHive::close);
        opened.clear();
    }

    private MachineHive open(Path file) throws IOException {
        RegfHive hive = RegfHive.open(file, options);
        opened.add(hive);
        return new MachineHive(file.toString(), new RegfRegistryView(hive));
    }
}
