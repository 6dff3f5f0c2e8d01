package dev.patchchain.cli.machine;

import dev.patchchain.cli.UsageException;
import dev.patchchain.platform.image.PeFileInspector;
import dev.patchchain.platform.live.LiveWindows;
import java.io.IOException;
import java.util.Map;

/**
 * How {@code --live} gets the running Windows: {@link #RUNNING} in real use, a machine built over fake registry views
 * in tests (passed in through the {@code CliContext}).
 */
@FunctionalInterface
public interface LiveWindowsOpener {

    /** The Windows this process runs on; elsewhere a usage error ({@code --live needs Windows}). */
    LiveWindowsOpener RUNNING = environment -> {
        if (!LiveWindows.available()) {
            throw new UsageException("--live needs Windows: it reads the registry and the system drive of the running "
                    + "Windows; offline, use --image DIR or the hive options");
        }
        return LiveWindows.open(environment, new PeFileInspector());
    };

    /**
     * @param environment the process environment ({@code SystemRoot})
     * @return the running Windows
     * @throws IOException if it cannot be read
     */
    LiveWindows open(Map<String, String> environment) throws IOException;
}
