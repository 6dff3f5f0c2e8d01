package dev.patchchain.cli.queue;

import dev.patchchain.cli.CliContext;
import dev.patchchain.cli.UsageException;
import dev.patchchain.cli.VersionProvider;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.registry.QueueRegistry;
import dev.patchchain.formats.regf.HiveUpdateOptions;
import dev.patchchain.platform.image.ImageVolume;
import dev.patchchain.platform.image.PeFileInspector;
import dev.patchchain.platform.registry.ApplyHook;
import dev.patchchain.platform.registry.ApplyOptions;
import dev.patchchain.platform.registry.HiveQueueRegistry;
import dev.patchchain.platform.registry.WindowsQueueRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The registry a writing command changes ({@code --hive FILE}, the SYSTEM hive of {@code --image DIR}, or
 * {@code --live}) and where its backups and audit log go ({@code --backup-dir}, else beside the hive, else
 * {@code %ProgramData%\patchchain\backups} for the live registry).
 *
 * @param registry  the registry
 * @param backupDir the backup directory
 */
record RegistryTarget(QueueRegistry registry, Path backupDir) {

    static RegistryTarget open(CliContext context, String hive, String image, boolean live, String systemRoot,
                               String backupDir) throws IOException {
        int given = (hive != null ? 1 : 0) + (image != null ? 1 : 0) + (live ? 1 : 0);
        if (given != 1) {
            throw new UsageException("a write needs exactly one registry: --hive SYSTEM, --image DIR (its SYSTEM "
                    + "hive) or --live (the running Windows)");
        }
        Path dir = backupDir == null ? null : context.resolve(backupDir);
        if (live) {
            return live(context.environment(), dir);
        }
        Path file = hive != null ? context.resolve(hive) : imageHive(context.resolve(image), systemRoot);
        HiveUpdateOptions options = dir == null ? HiveUpdateOptions.DEFAULT : HiveUpdateOptions.DEFAULT.withBackupDir(dir);
        return new RegistryTarget(new HiveQueueRegistry(file, options),
                dir == null ? file.toAbsolutePath().getParent() : dir);
    }

    /** @return the options of a write of this kind to this target */
    ApplyOptions options(CliContext context, String action) {
        return new ApplyOptions(backupDir, action, VersionProvider.version(), host(context.environment()),
                Clock.systemUTC(), ApplyHook.NONE);
    }

    private static RegistryTarget live(Map<String, String> environment, Path dir) throws IOException {
        if (!WindowsQueueRegistry.available()) {
            throw new UsageException("--live writes the registry of the running Windows and works only there; "
                    + "offline, use --hive SYSTEM or --image DIR");
        }
        String programData = environment.get("ProgramData");
        if (dir == null && programData == null) {
            throw new UsageException("--live: no %ProgramData% for the backups; give --backup-dir DIR");
        }
        // administrator rights are checked before anything else touches the registry
        return new RegistryTarget(WindowsQueueRegistry.sessionManager(),
                dir != null ? dir : Path.of(programData, "patchchain", "backups"));
    }

    private static Path imageHive(Path root, String systemRoot) throws IOException {
        PathContext pathContext = QueueLoader.pathContext(systemRoot);
        ImageVolume volume = ImageVolume.open(root, 'C', new PeFileInspector());
        return QueueLoader.systemHive(volume, pathContext, QueueLoader.WithoutSource.REQUIRE_QUEUE).orElseThrow();
    }

    private static String host(Map<String, String> environment) {
        String name = environment.getOrDefault("COMPUTERNAME", environment.get("HOSTNAME"));
        if (name != null) {
            return name;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
