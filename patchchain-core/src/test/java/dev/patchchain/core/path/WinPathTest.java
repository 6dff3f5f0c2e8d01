package dev.patchchain.core.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WinPathTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\\??\\C:\\Windows\\System32\\foo.dll | NT",
        "\\GLOBAL??\\C:\\Windows\\System32\\foo.dll | NT",
        "C:\\Windows\\System32\\foo.dll | DOS",
        "c:/windows/system32/FOO.DLL | DOS",
        "\\\\?\\C:\\Windows\\System32\\foo.dll | WIN32_FILE_NAMESPACE",
        "\\\\.\\C:\\Windows\\System32\\foo.dll | WIN32_DEVICE_NAMESPACE",
        "\\SystemRoot\\System32\\foo.dll | SYSTEM_ROOT",
        "%SystemRoot%\\System32\\foo.dll | ENVIRONMENT",
        "%windir%\\system32\\foo.dll | ENVIRONMENT",
        "C:\\Windows\\Temp\\..\\System32\\.\\foo.dll | DOS",
        "C:\\Windows\\\\System32\\foo.dll | DOS",
    })
    void everySpellingNamesTheSameFile(String text, PathSyntax syntax) {
        WinPath path = WinPath.parse(text);
        assertThat(path).isEqualTo(WinPath.parse("C:\\Windows\\System32\\foo.dll"));
        assertThat(path.canonical()).isEqualTo("C:\\WINDOWS\\SYSTEM32\\FOO.DLL");
        assertThat(path.syntax()).isEqualTo(syntax);
        assertThat(path.raw()).isEqualTo(text);
    }

    @Test
    void keepsDisplayCaseAndHashesCanonically() {
        WinPath a = WinPath.parse("\\??\\C:\\Program Files\\App\\App.EXE");
        WinPath b = WinPath.parse("c:\\program files\\app\\app.exe");
        assertThat(a.toString()).isEqualTo("C:\\Program Files\\App\\App.EXE");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toNtString()).isEqualTo("\\??\\C:\\Program Files\\App\\App.EXE");
    }

    @Test
    void trailingBackslashNamesTheDirectory() {
        WinPath dir = WinPath.parse("\\??\\C:\\Users\\master\\AppData\\Local\\Temp\\nsp9C0.tmp\\");
        assertThat(dir.fileName()).isEqualTo("nsp9C0.tmp");
        assertThat(dir).isEqualTo(WinPath.parse("C:\\Users\\master\\AppData\\Local\\Temp\\nsp9C0.tmp"));
    }

    @Test
    void systemRootComesFromTheContext() {
        PathContext d = new PathContext(WinPath.parse("D:\\WINNT"));
        assertThat(WinPath.parse("\\SystemRoot\\system32\\x.dll", d).toString()).isEqualTo("D:\\WINNT\\system32\\x.dll");
        assertThatThrownBy(() -> WinPath.parse("%SystemRoot%\\x.dll", null)).isInstanceOf(WinPathException.class);
    }

    @Test
    void uncPathsStayUnc() {
        WinPath unc = WinPath.parse("\\\\server\\share\\dir\\f.txt");
        assertThat(unc.isUnc()).isTrue();
        assertThat(unc.root()).isEqualTo("\\\\server\\share");
        assertThat(unc.driveLetter()).isEqualTo((char) 0);
        assertThat(WinPath.parse("\\??\\UNC\\SERVER\\Share\\dir\\F.TXT")).isEqualTo(unc);
        assertThat(unc.toNtString()).isEqualTo("\\??\\UNC\\server\\share\\dir\\f.txt");
    }

    @Test
    void navigation() {
        WinPath p = WinPath.parse("C:\\a\\b\\c.dll");
        assertThat(p.parent()).isEqualTo(WinPath.parse("C:\\a\\b"));
        assertThat(p.parent().parent().parent().isRoot()).isTrue();
        assertThat(p.parent().parent().parent().parent()).isNull();
        assertThat(p.parent().resolve("C.DLL")).isEqualTo(p);
        assertThat(WinPath.parse("C:\\a").contains(p)).isTrue();
        assertThat(WinPath.parse("C:\\").contains(p)).isTrue();
        assertThat(p.contains(p)).isTrue();
        assertThat(WinPath.parse("C:\\a\\b\\c").contains(WinPath.parse("C:\\a\\b\\c.dll"))).isFalse();
        assertThat(WinPath.parse("D:\\a").contains(WinPath.parse("C:\\a\\b"))).isFalse();
    }

    @Test
    void upcaseKeepsLength() {
        assertThat(WinPath.upcase("straße")).isEqualTo("STRAßE");
        assertThat(WinPath.parse("C:\\straße").equals(WinPath.parse("C:\\STRAßE"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "foo\\bar.dll", "\\Windows\\foo.dll", "C:foo.dll", "C:\\..\\x", "\\??\\C:\\Windows\\..\\..\\x",
        "\\Device\\HarddiskVolume2\\Windows\\x.dll", "\\\\.\\pipe\\x", "\\??\\C:", "\\\\server", "C:\\a|b",
        "C:\\a\u0001b", "\\??\\Q", "C:\\file?.txt"
    })
    void refusesWithAReason(String text) {
        assertThatThrownBy(() -> WinPath.parse(text))
                .isInstanceOf(WinPathException.class)
                .satisfies(e -> {
                    WinPathException w = (WinPathException) e;
                    assertThat(w.input()).isEqualTo(text);
                    assertThat(w.reason()).isNotBlank();
                });
    }

    @Test
    void driveRelativeMessageShowsTheFix() {
        assertThatThrownBy(() -> WinPath.parse("C:foo\\x.dll")).hasMessageContaining("write \"C:\\foo\\x.dll\"");
        assertThatThrownBy(() -> WinPath.parse("C:\\..\\x")).hasMessageContaining("climbs above the root");
    }
}
