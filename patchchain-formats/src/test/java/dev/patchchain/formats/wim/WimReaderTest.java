package dev.patchchain.formats.wim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import dev.patchchain.formats.FormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * WIMs made by {@code wimlib-imagex capture} from {@link SourceTree} in each compression, with and without solid
 * resources ({@code --solid --solid-compress=X}): our reader lists the tree {@code wimlib-imagex dir} lists and
 * extracts every file with the source file's SHA-256; the counts and total size {@code wimlib-imagex info} gives
 * are ours. Solid LZMS (wimlib's default for {@code --solid}) is refused,
 * naming the compression.
 */
class WimReaderTest {

    private static final int REPARSE_POINT = 0x400;
    private static final int SYMLINK_TAG = 0xA000000C;

    @TempDir
    static Path dir;
    static Path source;

    @BeforeAll
    static void tree() throws Exception {
        WimTools.require();
        source = SourceTree.build(dir.resolve("src"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "XPRESS", "LZX", "XPRESS solid", "LZX solid"})
    void listsTheOraclesTreeAndExtractsEveryFileExactly(String variant) throws Exception {
        String compression = variant.split(" ")[0];
        String[] options = variant.endsWith(" solid") ? new String[] {"--solid", "--solid-compress=" + compression}
                : new String[0];
        Path wim = WimTools.capture(source, dir.resolve(variant + ".wim"), compression, options);
        try (WimFile file = WimReader.open(wim, WimLimits.DEFAULT)) {
            assertThat(file.compression().name()).isEqualToIgnoringCase(compression);
            assertThat(file.imageCount()).isEqualTo(1);
            WimImage image = file.image(1);
            assertThat(image.entries()).extracting(WimEntry::path)
                    .containsExactlyInAnyOrderElementsOf(WimTools.dir(wim));
            int compared = 0;
            for (WimEntry e : image.entries()) {
                Path original = source.resolve(e.path().replace('\\', '/'));
                assertThat(e.directory()).as(e.path()).isEqualTo(Files.isDirectory(original, NOFOLLOW_LINKS));
                boolean reparse = (e.attributes() & REPARSE_POINT) != 0;
                assertThat(reparse).as(e.path()).isEqualTo(Files.isSymbolicLink(original));
                if (!e.directory() && !reparse) {
                    byte[] bytes = file.contents(e);
                    assertThat(e.size()).as(e.path()).isEqualTo(Files.size(original));
                    assertThat(SourceTree.sha256(bytes)).as(e.path())
                            .isEqualTo(SourceTree.sha256(Files.readAllBytes(original)));
                    compared++;
                }
            }
            assertThat(compared).isGreaterThan(40);
            Map<String, String> info = WimTools.info(wim);
            assertThat(info.get("Directory Count")).isEqualTo(
                    Long.toString(1 + image.entries().stream().filter(WimEntry::directory).count()));
            assertThat(info.get("File Count")).isEqualTo(
                    Long.toString(image.entries().stream().filter(e -> !e.directory()).count()));
            assertThat(info.get("Total Bytes")).as("data streams and reparse data").isEqualTo(
                    Long.toString(image.entries().stream().mapToLong(e -> e.size() + e.reparseSize()).sum()));
            WimEntry symlink = image.find(SourceTree.SYMLINK).orElseThrow();
            assertThat(symlink.reparseTag()).isEqualTo(SYMLINK_TAG);
            assertThat(symlink.size()).isZero();
            assertThat(symlink.reparseSize()).isPositive();
            System.out.println(variant + ": " + compared + " files compared byte for byte");
        }
    }

    @Test
    void hardLinksShareAGroupAndEmptyThingsAreEmpty() throws Exception {
        Path wim = WimTools.capture(source, dir.resolve("links.wim"), "XPRESS");
        try (WimFile file = WimReader.open(wim, WimLimits.DEFAULT)) {
            WimImage image = file.image(1);
            WimEntry linked = image.find(SourceTree.LINKED).orElseThrow();
            WimEntry link = image.find(SourceTree.LINK).orElseThrow();
            assertThat(linked.hardLinkGroup()).isNotZero().isEqualTo(link.hardLinkGroup());
            assertThat(linked.sha1()).isEqualTo(link.sha1());
            assertThat(image.entries()).filteredOn(e -> e.hardLinkGroup() == linked.hardLinkGroup()).hasSize(2);
            WimEntry empty = image.find("EMPTY.BIN").orElseThrow();
            assertThat(empty.size()).isZero();
            assertThat(file.contents(empty)).isEmpty();
            assertThat(image.find("empty dir").orElseThrow().directory()).isTrue();
            assertThat(image.entries()).noneMatch(e -> e.path().startsWith("empty dir\\"));
        }
    }

    @Test
    void eachImageHasItsOwnTree() throws Exception {
        Path wim = WimTools.capture(source.resolve("text"), dir.resolve("images.wim"), "LZX");
        WimTools.append(source.resolve("deep"), wim, "second");
        WimTools.append(source.resolve("日本語"), wim, "third");
        try (WimFile file = WimReader.open(wim, WimLimits.DEFAULT)) {
            assertThat(file.imageCount()).isEqualTo(3);
            for (int i = 1; i <= 3; i++) {
                assertThat(file.image(i).entries()).extracting(WimEntry::path)
                        .containsExactlyInAnyOrderElementsOf(WimTools.dir(wim, i));
            }
            WimEntry kana = file.image(3).find("ファイル.txt").orElseThrow();
            assertThat(new String(file.contents(kana), StandardCharsets.UTF_8)).isEqualTo("kana\n");
        }
    }

    @Test
    void solidLzmsIsUnsupportedNamingTheCompression() throws Exception {
        Path wim = WimTools.capture(source.resolve("text"), dir.resolve("solid.wim"), "LZMS", "--solid");
        assertThatThrownBy(() -> {
            try (WimFile file = WimReader.open(wim, WimLimits.DEFAULT)) {
                List<byte[]> all = new ArrayList<>();
                for (WimEntry e : file.image(1).entries()) {
                    all.add(file.contents(e));
                }
            }
        }).isInstanceOfSatisfying(FormatException.class,
                e -> assertThat(e.kind()).isEqualTo(FormatException.Kind.UNSUPPORTED))
                .hasMessageContaining("LZMS");
    }

    @Test
    void notAWim() {
        assertThatThrownBy(() -> WimReader.open(new byte[300], "zeros.wim", WimLimits.DEFAULT))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.kind()).isEqualTo(FormatException.Kind.NOT_THIS_FORMAT));
    }
}
