package dev.patchchain.platform.live;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.path.WinPathException;
import dev.patchchain.core.registry.RegistryValue;
import dev.patchchain.core.registry.RegistryView;
import dev.patchchain.platform.image.FileInspector;
import dev.patchchain.platform.image.ImageVolume;
import dev.patchchain.platform.registry.WindowsQueueRegistry;
import dev.patchchain.platform.registry.WindowsRegistryView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The running Windows as the reading commands see an image: {@code HKLM\SYSTEM} and {@code HKLM\SOFTWARE} as
 * {@link RegistryView}s ({@link WindowsRegistryView}), and the system drive as an {@link ImageVolume} over its root
 * ({@code C:\}), so that file versions, {@code Windows\WinSxS\pending.xml}, {@code Windows\servicing\Packages} and the
 * CatRoot are found as on a mounted image. The Windows directory is {@code %SystemRoot%}, else the registry's
 * {@code SOFTWARE\Microsoft\Windows NT\CurrentVersion\SystemRoot}.
 *
 * <pre>{@code
 * LiveWindows live = LiveWindows.open(System.getenv(), new PeFileInspector());   // Windows only
 * RebootSignals.evaluate(new MachineRegistry(live.system(), live.software()), ...);
 * }</pre>
 */
public final class LiveWindows {

    /** Where the registry records the Windows directory. */
    static final String CURRENT_VERSION = "Microsoft\\Windows NT\\CurrentVersion";

    private final RegistryView system;
    private final RegistryView software;
    private final PathContext pathContext;
    private final ImageVolume volume;

    /**
     * @param system      {@code HKLM\SYSTEM}
     * @param software    {@code HKLM\SOFTWARE}
     * @param environment the process environment ({@code SystemRoot})
     * @param driveRoot   the directory of the system drive's root ({@code C:\}; a test gives any directory)
     * @param inspector   reads file versions
     * @throws IOException if the Windows directory is unknown or the drive root is not a directory
     */
    public LiveWindows(RegistryView system, RegistryView software, Map<String, String> environment,
                       Path driveRoot, FileInspector inspector) throws IOException {
        this.system = Objects.requireNonNull(system, "system");
        this.software = Objects.requireNonNull(software, "software");
        WinPath systemRoot = systemRoot(environment, software);
        this.pathContext = new PathContext(systemRoot);
        this.volume = ImageVolume.open(driveRoot, systemRoot.driveLetter(), inspector);
    }

    private LiveWindows(LiveWindows other, ImageVolume volume) {
        this.system = other.system;
        this.software = other.software;
        this.pathContext = other.pathContext;
        this.volume = volume;
    }

    /**
     * @param inspector how files are read instead (e.g. with their signatures)
     * @return the same Windows whose system drive is read with {@code inspector}
     * @throws IOException if the drive root is no longer a directory
     */
    public LiveWindows withInspector(FileInspector inspector) throws IOException {
        return new LiveWindows(this, ImageVolume.open(volume.root(), volume.drive(), inspector));
    }

    /** @return true when running on Windows */
    public static boolean available() {
        return WindowsQueueRegistry.available();
    }

    /**
     * @param environment the process environment
     * @param inspector   reads file versions
     * @return the running Windows
     * @throws IOException if the Windows directory is unknown
     */
    public static LiveWindows open(Map<String, String> environment, FileInspector inspector) throws IOException {
        RegistryView software = WindowsRegistryView.software();
        char drive = systemRoot(environment, software).driveLetter();
        return new LiveWindows(WindowsRegistryView.system(), software, environment, Path.of(drive + ":\\"), inspector);
    }

    /** @return {@code HKLM\SYSTEM} */
    public RegistryView system() {
        return system;
    }

    /** @return {@code HKLM\SOFTWARE} */
    public RegistryView software() {
        return software;
    }

    /** @return the Windows directory, e.g. {@code C:\Windows}: what {@code \SystemRoot} means */
    public PathContext pathContext() {
        return pathContext;
    }

    /** @return the system drive */
    public ImageVolume volume() {
        return volume;
    }

    /** {@code %SystemRoot%} (any case of the name), else the registry; a relative or UNC path is refused. */
    static WinPath systemRoot(Map<String, String> environment, RegistryView software) throws IOException {
        Optional<String> fromEnvironment = environment.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("SystemRoot")).map(Map.Entry::getValue).findFirst();
        String text = fromEnvironment.or(() -> software.value(CURRENT_VERSION, "SystemRoot")
                .map(RegistryValue::string)).filter(s -> !s.isBlank()).orElseThrow(() -> new IOException(
                "the Windows directory is unknown: no %SystemRoot% and no HKLM\\SOFTWARE\\" + CURRENT_VERSION
                        + "\\SystemRoot"));
        try {
            WinPath root = WinPath.parse(text.strip(), null);
            if (root.isUnc()) {
                throw new IOException("the Windows directory " + text + " is a UNC path, not on a local drive");
            }
            return root;
        } catch (WinPathException e) {
            throw new IOException("the Windows directory " + text + ": " + e.getMessage(), e);
        }
    }
}
