package dev.patchchain.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchchain.core.registry.RegistryValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@link WindowsRegistryView} maps Win32 answers: paths, errors, enumeration, buffer growth, closed handles. */
class WindowsRegistryViewTest {

    private final FakeAdvapi api = new FakeAdvapi();

    @Test
    void pathsAreBelowTheHiveKey() {
        api.value("SOFTWARE\\Microsoft\\Cryptography", "MachineGuid", RegistryValue.REG_SZ, new byte[] {'a', 0});
        api.key("SYSTEM\\Microsoft\\Cryptography");
        WindowsRegistryView software = api.view("SOFTWARE");

        assertThat(software.location()).isEqualTo("HKLM\\SOFTWARE");
        assertThat(software.value("\\Microsoft\\\\Cryptography\\", "MachineGuid")).isPresent();
        assertThat(api.view("SYSTEM").value("Microsoft\\Cryptography", "MachineGuid")).isEmpty();
        assertThat(software.keyExists("")).isTrue();
    }

    @Test
    void subkeysComeInIndexOrder() {
        api.key("SYSTEM\\Select\\Zeta").key("SYSTEM\\Select\\alpha").key("SYSTEM\\Select\\Mid");

        assertThat(api.view("SYSTEM").subkeys("Select")).containsExactly("Zeta", "alpha", "Mid");
    }

    @Test
    void longSubkeyNamesGrowTheNameBuffer() {
        String name = "k".repeat(WindowsRegistryView.FIRST_NAME_CHARS * 3);
        api.key("SYSTEM\\Parent\\" + name).key("SYSTEM\\Parent\\short");

        assertThat(api.view("SYSTEM").subkeys("Parent")).containsExactly(name, "short");
        assertThat(api.openHandles()).isZero();
    }

    @Test
    void aBigValueIsReadAgainWithTheSizeTheRegistryNames() {
        byte[] big = new byte[WindowsRegistryView.FIRST_VALUE_BYTES * 10 + 3];
        big[big.length - 1] = 7;
        api.value("SYSTEM\\K", "V", RegistryValue.REG_MULTI_SZ, big);

        assertThat(api.view("SYSTEM").value("K", "V")).contains(new RegistryValue(RegistryValue.REG_MULTI_SZ, big));
        assertThat(api.valueAnswers()).containsExactly(Advapi.ERROR_MORE_DATA, Advapi.ERROR_SUCCESS);
    }

    @Test
    void aValueThatKeepsGrowingIsGivenUpAfterBoundedReads() {
        List<Integer> sizes = new ArrayList<>();
        Advapi growing = new OneKey() {
            @Override
            public int queryValue(long key, String name, int[] type, byte[] data, int[] size) {
                sizes.add(size[0]);
                size[0] = size[0] + 1;
                return ERROR_MORE_DATA;
            }
        };

        assertThatThrownBy(() -> new WindowsRegistryView(growing, "HKLM", "SYSTEM").value("K", "V"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("HKLM\\SYSTEM\\K: value \"V\" kept growing");
        assertThat(sizes).hasSize(WindowsRegistryView.MAX_READS);
    }

    @Test
    void aValueThatGrewAfterItsSizeWasTakenDoublesTheBuffer() {
        List<Integer> sizes = new ArrayList<>();
        Advapi racing = new OneKey() {
            @Override
            public int queryValue(long key, String name, int[] type, byte[] data, int[] size) {
                sizes.add(size[0]);
                if (sizes.size() < 3) {
                    return ERROR_MORE_DATA; // size left as it was: the value changed under us
                }
                type[0] = RegistryValue.REG_BINARY;
                size[0] = 2;
                return ERROR_SUCCESS;
            }
        };

        assertThat(new WindowsRegistryView(racing, "HKLM", "SYSTEM").value("K", "V")).isPresent();
        int first = WindowsRegistryView.FIRST_VALUE_BYTES;
        assertThat(sizes).containsExactly(first, 2 * first, 4 * first);
    }

    @Test
    void aValueLargerThanTheBoundIsRefusedBeforeAllocation() {
        Advapi huge = new OneKey() {
            @Override
            public int queryValue(long key, String name, int[] type, byte[] data, int[] size) {
                size[0] = -1; // 4 GiB - 1 as a DWORD
                return ERROR_MORE_DATA;
            }
        };

        assertThatThrownBy(() -> new WindowsRegistryView(huge, "HKLM", "SYSTEM").value("K", ""))
                .hasMessageContaining("value (default) is 4294967295 bytes, more than the " 
                        + WindowsRegistryView.MAX_VALUE_BYTES);
    }

    @Test
    void accessDeniedNamesTheKeyAndIsTyped() {
        api.key("SOFTWARE\\Secret").deny("SOFTWARE\\Secret");

        assertThatThrownBy(() -> api.view("SOFTWARE").keyExists("Secret"))
                .isInstanceOf(UncheckedIOException.class)
                .cause().isInstanceOfSatisfying(RegistryAccessDeniedException.class,
                        d -> assertThat(d.key()).isEqualTo("HKLM\\SOFTWARE\\Secret"))
                .hasMessageContaining("access denied").hasMessageContaining("elevated prompt");
    }

    @Test
    void otherErrorsNameTheKeyAndTheSystemMessage() {
        Advapi broken = new OneKey() {
            @Override
            public int enumKey(long key, int index, char[] name, int[] length) {
                return 1450; // ERROR_NO_SYSTEM_RESOURCES
            }
        };

        assertThatThrownBy(() -> new WindowsRegistryView(broken, "HKLM", "SYSTEM").subkeys("Select"))
                .isInstanceOf(UncheckedIOException.class).cause().isInstanceOf(IOException.class)
                .hasMessage("HKLM\\SYSTEM\\Select: cannot list subkey #0: broken (error 1450)");
    }

    @Test
    void handlesAreClosedAfterEveryCallAndEveryFailure() {
        api.value("SYSTEM\\K", "V", RegistryValue.REG_DWORD, new byte[] {1, 0, 0, 0}).key("SYSTEM\\K\\Sub");
        WindowsRegistryView view = api.view("SYSTEM");
        view.keyExists("K");
        view.subkeys("K");
        view.value("K", "V");
        view.value("K", "Missing");
        view.lastWritten("K");
        view.keyExists("Missing");

        assertThat(api.opened()).isEqualTo(5);
        assertThat(api.openHandles()).isZero();

        OneKey failing = new OneKey() {
            @Override
            public int lastWriteTime(long key, long[] fileTime) {
                return ERROR_ACCESS_DENIED;
            }
        };
        assertThatThrownBy(() -> new WindowsRegistryView(failing, "HKLM", "SYSTEM").lastWritten("K"))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(failing.open).isZero();
    }

    @Test
    void lastWriteTimeIsTheKeysFiletime() {
        api.key("SYSTEM\\K");

        assertThat(api.view("SYSTEM").lastWritten("K")).contains(Instant.parse("2024-01-01T00:00:00Z"));
    }

    /** One key that opens; every other call fails loudly unless a test overrides it. */
    private abstract static class OneKey implements Advapi {
        int open;

        @Override
        public int openKey(String path, long[] key) {
            key[0] = 1;
            open++;
            return ERROR_SUCCESS;
        }

        @Override
        public int enumKey(long key, int index, char[] name, int[] length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int queryValue(long key, String name, int[] type, byte[] data, int[] size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int lastWriteTime(long key, long[] fileTime) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void closeKey(long key) {
            open--;
        }

        @Override
        public String message(int status) {
            return "broken";
        }
    }
}
