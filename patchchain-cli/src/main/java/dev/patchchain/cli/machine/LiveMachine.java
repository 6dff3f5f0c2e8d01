package dev.patchchain.cli.machine;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.volume.VolumeState;
import dev.patchchain.platform.live.LiveWindows;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The running Windows ({@code --live}): {@code HKLM\SYSTEM} and {@code HKLM\SOFTWARE} read through the registry API,
 * the system drive as the volume, {@code %SystemRoot%} as the Windows directory. Nothing to close: every registry
 * read closes its key.
 */
public final class LiveMachine implements MachineSource {

    private final LiveWindows live;
    private final List<String> warnings;

    /** @param live the running Windows (or, in tests, one built over fake views) */
    public LiveMachine(LiveWindows live) {
        this(live, List.of());
    }

    /**
     * @param live     the running Windows
     * @param warnings what reading it beyond the registry warned about (e.g. catalogs skipped)
     */
    public LiveMachine(LiveWindows live, List<String> warnings) {
        this.live = Objects.requireNonNull(live, "live");
        this.warnings = List.copyOf(warnings);
    }

    @Override
    public Optional<MachineHive> system() {
        return Optional.of(new MachineHive("HKLM\\SYSTEM (the running Windows)", live.system()));
    }

    @Override
    public Optional<MachineHive> software() {
        return Optional.of(new MachineHive("HKLM\\SOFTWARE (the running Windows)", live.software()));
    }

    @Override
    public VolumeState volume() {
        return live.volume();
    }

    @Override
    public String volumeName() {
        return live.volume().root() + " (drive " + live.volume().drive() + ": of the running Windows)";
    }

    @Override
    public PathContext pathContext() {
        return live.pathContext();
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public void close() {
        // registry keys are closed after each read; the volume holds no handles
    }
}
