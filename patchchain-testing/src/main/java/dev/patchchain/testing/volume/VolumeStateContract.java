package dev.patchchain.testing.volume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.PathState;
import dev.patchchain.core.volume.VolumeState;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link VolumeState} passes: the in-memory fake and the real image adapter run these same
 * tests. A subclass builds a volume holding the {@link #FIXTURE} files (with those versions) and returns it.
 */
public abstract class VolumeStateContract {

    /** Files of the fixture and their fixed versions; directories are implied by the paths. */
    protected static final Map<String, FileVersion> FIXTURE = fixture();

    private VolumeState volume;

    /**
     * @param files the files to create, path to version
     * @return a volume holding exactly those files and their directories
     * @throws Exception if building the fixture fails
     */
    protected abstract VolumeState create(Map<String, FileVersion> files) throws Exception;

    @BeforeEach
    void build() throws Exception {
        volume = create(FIXTURE);
    }

    @Test
    void filesHaveTheirVersions() {
        for (Map.Entry<String, FileVersion> e : FIXTURE.entrySet()) {
            PathState state = volume.stat(WinPath.parse(e.getKey()));
            assertThat(state).as(e.getKey()).isInstanceOf(PathState.File.class);
            assertThat(((PathState.File) state).facts().version()).as(e.getKey()).contains(e.getValue());
        }
    }

    @Test
    void lookupsIgnoreCase() {
        assertThat(volume.stat(WinPath.parse("c:\\WINDOWS\\system32\\KERNEL32.DLL"))).isInstanceOf(PathState.File.class);
        assertThat(volume.stat(WinPath.parse("C:\\windows\\SYSTEM32"))).isEqualTo(PathState.DIRECTORY);
    }

    @Test
    void directoriesAndAbsentPaths() {
        assertThat(volume.stat(WinPath.parse("C:\\"))).isEqualTo(PathState.DIRECTORY);
        assertThat(volume.stat(WinPath.parse("C:\\Windows"))).isEqualTo(PathState.DIRECTORY);
        assertThat(volume.stat(WinPath.parse("C:\\Windows\\nothing.dll"))).isEqualTo(PathState.ABSENT);
        assertThat(volume.stat(WinPath.parse("C:\\nodir\\nothing.dll"))).isEqualTo(PathState.ABSENT);
        assertThat(volume.stat(WinPath.parse("C:\\Windows\\System32\\kernel32.dll\\below"))).isEqualTo(PathState.ABSENT);
        assertThat(volume.isKnown()).isTrue();
    }

    @Test
    void listingsNameTheChildrenInDisplayCase() {
        assertThat(volume.list(WinPath.parse("C:\\windows\\system32")))
                .containsExactlyInAnyOrder("kernel32.dll", "Drivers", "ntdll.dll");
        assertThat(volume.list(WinPath.parse("C:\\"))).containsExactlyInAnyOrder("Windows", "stage");
        assertThat(volume.list(WinPath.parse("C:\\Windows\\System32\\kernel32.dll"))).isEmpty();
        assertThat(volume.list(WinPath.parse("C:\\absent"))).isEmpty();
    }

    private static Map<String, FileVersion> fixture() {
        Map<String, FileVersion> files = new TreeMap<>();
        files.put("C:\\Windows\\System32\\kernel32.dll", FileVersion.parse("10.0.19041.1"));
        files.put("C:\\Windows\\System32\\ntdll.dll", FileVersion.parse("6.1.7601.24059"));
        files.put("C:\\Windows\\System32\\Drivers\\tcpip.sys", FileVersion.parse("10.0.14393.187"));
        files.put("C:\\stage\\SET1A.tmp", FileVersion.parse("0.3"));
        return files;
    }
}
