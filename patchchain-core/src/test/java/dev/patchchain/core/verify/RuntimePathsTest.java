package dev.patchchain.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code $(runtime.*)} destinations for native and 32-bit components. */
class RuntimePathsTest {

    private static Optional<String> resolve(String destination, String arch, boolean image64) {
        return RuntimePaths.resolve(destination, RuntimePaths.redirected(arch, image64), PathContext.DEFAULT)
                .map(WinPath::toString);
    }

    @Test
    void nativeComponentsGoToSystem32AndProgramFiles() {
        assertThat(resolve("$(runtime.system32)\\", "amd64", true)).hasValue("C:\\Windows\\System32");
        assertThat(resolve("$(runtime.system32)\\wbem\\xml\\", "amd64", true)).hasValue("C:\\Windows\\System32\\wbem\\xml");
        assertThat(resolve("$(runtime.drivers)\\", "amd64", true)).hasValue("C:\\Windows\\System32\\drivers");
        assertThat(resolve("$(runtime.windows)\\", "amd64", true)).hasValue("C:\\Windows");
        assertThat(resolve("$(runtime.programFiles)\\Windows Defender\\", "amd64", true))
                .hasValue("C:\\Program Files\\Windows Defender");
        assertThat(resolve("$(runtime.system32)\\", "x86", false)).hasValue("C:\\Windows\\System32");
    }

    @Test
    void thirtyTwoBitComponentsOnA64BitImageAreRedirected() {
        assertThat(resolve("$(runtime.system32)\\", "wow64", true)).hasValue("C:\\Windows\\SysWOW64");
        assertThat(resolve("$(runtime.system32)\\", "x86", true)).hasValue("C:\\Windows\\SysWOW64");
        assertThat(resolve("$(runtime.wbem)\\", "x86", true)).hasValue("C:\\Windows\\SysWOW64\\wbem");
        assertThat(resolve("$(runtime.programFiles)\\", "wow64", true)).hasValue("C:\\Program Files (x86)");
    }

    @Test
    void unknownOrMissingVariablesAndEscapesResolveToNothing() {
        assertThat(resolve("$(runtime.somethingElse)\\", "amd64", true)).isEmpty();
        assertThat(resolve("C:\\Windows\\", "amd64", true)).as("no variable: as written").hasValue("C:\\Windows");
        assertThat(resolve("Windows\\", "amd64", true)).isEmpty();
        assertThat(resolve("$(runtime.system32)\\$(runtime.windows)\\", "amd64", true)).isEmpty();
        assertThat(resolve("$(runtime.system32)\\..\\..\\x", "amd64", true)).isEmpty();
    }
}
