package dev.patchchain.formats.pe;

import dev.patchchain.formats.io.LeReader;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the version resource of a PE image (EXE, DLL, SYS, ... of any machine, PE32 or PE32+) with a few small
 * positional reads: headers, section table, the resource directories on the way to {@code RT_VERSION}, and the
 * {@code VS_VERSIONINFO} bytes; never the whole file.
 *
 * <p>With several languages the version resource of language 0 (neutral) is read, else 0x409 (en-US), else the
 * lowest language id; its string table is the one of the same language, else the first. An image without a version
 * resource is not an error: its {@link PeVersionInfo} has empty versions.
 *
 * <pre>{@code
 * PeVersionInfo info = PeVersionReader.read(Path.of("ntdll.dll"));
 * info.fileVersion().orElseThrow();   // 6.1.7601.24059
 * }</pre>
 *
 * <p>Errors are {@link dev.patchchain.formats.FormatException}s naming the file and the offset:
 * {@code NOT_THIS_FORMAT} without MZ or PE signature, {@code CORRUPT} for a bound, count or reference that does not
 * hold, {@code UNSUPPORTED} for an optional header that is neither PE32 nor PE32+.
 */
public final class PeVersionReader {

    /** The largest version resource read; real ones are a few KiB. */
    static final int MAX_VERSION_RESOURCE = 1 << 20;

    private PeVersionReader() {
    }

    /**
     * @param file a file, perhaps a PE image
     * @return its version information
     * @throws IOException a {@link dev.patchchain.formats.FormatException} if it is not a valid PE, else an I/O
     *                     error
     */
    public static PeVersionInfo read(Path file) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            return read(channel, file.toString());
        }
    }

    /**
     * @param channel    the image; read with positioned reads, not closed
     * @param sourceName its name for error messages
     * @return its version information
     * @throws IOException a {@link dev.patchchain.formats.FormatException} if it is not a valid PE, else an I/O
     *                     error
     */
    public static PeVersionInfo read(SeekableByteChannel channel, String sourceName) throws IOException {
        PeInput in = new PeInput(channel, sourceName);
        PeHeaders headers = PeHeaders.read(in);
        Optional<ResourceDataEntry> entry = VersionResourceLocator.locate(in, headers);
        if (entry.isEmpty()) {
            return new PeVersionInfo(headers.machine(), headers.pe32Plus(), Optional.empty(), Optional.empty(), -1,
                    -1, Map.of());
        }
        ResourceDataEntry data = entry.get();
        if (data.size() > MAX_VERSION_RESOURCE) {
            throw in.corrupt(headers.fileOffsetOrUnknown(data.dataRva()), "version resource of " + data.size()
                    + " bytes exceeds the " + MAX_VERSION_RESOURCE + " accepted");
        }
        int size = (int) data.size();
        long at = headers.fileOffset(in, data.dataRva(), size, "version resource");
        LeReader bytes = in.read(at, size, "version resource");
        VsVersionInfo version = VsVersionInfo.read(bytes);
        Optional<StringTable> table = version.tables().stream()
                .filter(t -> t.language() == data.language())
                .findFirst()
                .or(() -> version.tables().stream().findFirst());
        return new PeVersionInfo(headers.machine(), headers.pe32Plus(),
                version.fixed().map(FixedFileInfo::fileVersion),
                version.fixed().map(FixedFileInfo::productVersion),
                data.language(),
                table.map(StringTable::codePage).orElse(-1),
                table.map(StringTable::strings).orElse(Map.of()));
    }
}
