package dev.patchchain.formats.cab;

import dev.patchchain.formats.wim.ExtractedImage;
import dev.patchchain.formats.wim.WimEntry;
import dev.patchchain.formats.wim.WimFile;
import dev.patchchain.formats.wim.WimImage;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The files of a servicing payload, whatever holds them: a servicing cabinet, an image of the WIM of an express
 * {@code .msu}, or that image applied to a directory by {@code wimlib-imagex}. Names are {@code \}-separated paths
 * from the payload's root, e.g. {@code update.mum}, {@code amd64_x_..._none_1\ntdll.dll}.
 */
interface ServicingFiles {

    /** @return the payload's name, for errors and warnings */
    String source();

    /** @return every file's path (not directories) */
    List<String> names();

    /**
     * @param wanted which files
     * @return their bytes, in {@link #names()} order
     * @throws IOException a {@code FormatException} if one cannot be read
     */
    Map<String, byte[]> contents(Predicate<String> wanted) throws IOException;

    static ServicingFiles of(Cabinet cab) {
        return new ServicingFiles() {
            @Override
            public String source() {
                return cab.source();
            }

            @Override
            public List<String> names() {
                return cab.entries().stream().map(CabEntry::name).toList();
            }

            @Override
            public Map<String, byte[]> contents(Predicate<String> wanted) throws IOException {
                Map<String, byte[]> out = new LinkedHashMap<>();
                cab.contents(e -> wanted.test(e.name())).forEach((e, bytes) -> out.putIfAbsent(e.name(), bytes));
                return out;
            }
        };
    }

    static ServicingFiles of(WimFile wim, WimImage image) {
        List<WimEntry> files = image.entries().stream().filter(e -> !e.directory()).toList();
        return new ServicingFiles() {
            @Override
            public String source() {
                return wim.source();
            }

            @Override
            public List<String> names() {
                return files.stream().map(WimEntry::path).toList();
            }

            @Override
            public Map<String, byte[]> contents(Predicate<String> wanted) throws IOException {
                Map<String, byte[]> out = new LinkedHashMap<>();
                for (WimEntry e : files) {
                    if (wanted.test(e.path()) && !out.containsKey(e.path())) {
                        out.put(e.path(), wim.contents(e));
                    }
                }
                return out;
            }
        };
    }

    static ServicingFiles of(ExtractedImage image, String source) throws IOException {
        List<String> files = image.files();
        return new ServicingFiles() {
            @Override
            public String source() {
                return source;
            }

            @Override
            public List<String> names() {
                return files;
            }

            @Override
            public Map<String, byte[]> contents(Predicate<String> wanted) throws IOException {
                Map<String, byte[]> out = new LinkedHashMap<>();
                for (String name : files) {
                    if (wanted.test(name)) {
                        out.put(name, image.contents(name));
                    }
                }
                return out;
            }
        };
    }
}
