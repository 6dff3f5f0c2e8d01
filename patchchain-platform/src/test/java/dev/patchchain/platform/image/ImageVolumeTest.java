package dev.patchchain.platform.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.path.WinPathException;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.PathState;
import dev.patchchain.formats.pe.PeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link ImageVolume} maps Windows paths into a directory, and what it refuses to follow. */
class ImageVolumeTest {

    private static final FileVersion VERSION = FileVersion.parse("6.1.7601.24059");

    @TempDir
    Path temp;
    private Path root;
    private ImageVolume volume;

    @BeforeEach
    void image() throws IOException {
        root = Files.createDirectories(temp.resolve("image"));
        Files.createDirectories(root.resolve("Windows/System32"));
        Files.write(root.resolve("Windows/System32/ntdll.dll"), PeBuilder.dll().fileVersion(VERSION).build());
        volume = ImageVolume.open(root, 'c', new PeFileInspector());
    }

    @Test
    void namesMatchCaseInsensitively() throws IOException {
        assertThat(volume.resolve(WinPath.parse("c:\\WINDOWS\\system32\\NTDLL.dll")))
                .isEqualTo(root.resolve("Windows/System32/ntdll.dll"));
        assertThat(volume.stat(WinPath.parse("\\??\\C:\\windows\\SYSTEM32\\Ntdll.DLL")))
                .isEqualTo(PathState.file(FileFacts.versioned(
                        Files.size(root.resolve("Windows/System32/ntdll.dll")), VERSION)));
    }

    @Test
    void dotDotIsResolvedInsideTheImageAndRefusedAboveItsRoot() {
        assertThat(volume.stat(WinPath.parse("C:\\Windows\\Temp\\..\\System32\\ntdll.dll")))
                .isInstanceOf(PathState.File.class);
        assertThatThrownBy(() -> WinPath.parse("C:\\Windows\\..\\..\\outside.dll"))
                .isInstanceOf(WinPathException.class)
                .hasMessageContaining("climbs above the root");
    }

    @Test
    void linksLeavingTheImageAreNotFollowed() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.write(outside.resolve("secret.dll"), PeBuilder.dll().fileVersion(VERSION).build());
        Files.createSymbolicLink(root.resolve("escape"), outside);
        Files.createSymbolicLink(root.resolve("Windows/alias"), root.resolve("Windows/System32"));

        assertThat(volume.stat(WinPath.parse("C:\\escape\\secret.dll"))).isEqualTo(PathState.ABSENT);
        assertThat(volume.list(WinPath.parse("C:\\"))).doesNotContain("escape");
        assertThat(volume.warnings()).anyMatch(w -> w.contains("points outside the image"));
        assertThat(volume.stat(WinPath.parse("C:\\Windows\\alias\\ntdll.dll"))).isInstanceOf(PathState.File.class);
    }

    @Test
    void otherDrivesAndUncPathsAreUnknown() {
        assertThat(volume.stat(WinPath.parse("D:\\Windows\\System32\\ntdll.dll"))).isEqualTo(PathState.UNKNOWN);
        assertThat(volume.stat(WinPath.parse("\\\\server\\share\\ntdll.dll"))).isEqualTo(PathState.UNKNOWN);
        assertThat(volume.list(WinPath.parse("D:\\Windows"))).isEmpty();
        assertThat(volume.resolve(WinPath.parse("D:\\Windows"))).isNull();
        assertThat(volume.warnings()).anyMatch(w -> w.contains("drive D:")).anyMatch(w -> w.contains("UNC"));
    }
}
