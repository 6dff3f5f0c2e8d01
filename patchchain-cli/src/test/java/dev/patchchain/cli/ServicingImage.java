package dev.patchchain.cli;

import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.formats.pe.PeBuilder;
import dev.patchchain.testing.regf.RegfBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A generated 64-bit Windows image with a component store: package manifests in {@code Windows\servicing\Packages},
 * component directories (PE files of chosen versions) and manifests in {@code WinSxS}, the CBS package states in
 * the SOFTWARE hive and a pending queue in the SYSTEM hive.
 */
final class ServicingImage {

    static final String TOKEN = "31bf3856ad364e35";
    private static final String PACKAGES = "Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages\\";
    private static final String SM = "ControlSet001\\Control\\Session Manager";

    private final TestImage image;
    private final RegfBuilder software = new RegfBuilder().key(PACKAGES.substring(0, PACKAGES.length() - 1));
    private final List<String> queue = new ArrayList<>();
    private int hash;

    ServicingImage(Path root) {
        image = new TestImage(root);
        mkdirs("C:\\Windows\\SysWOW64");
        mkdirs("C:\\Windows\\servicing\\Packages");
        mkdirs("C:\\Windows\\WinSxS\\Manifests");
    }

    /** @return the store directory name of a component version */
    static String dir(String arch, String name, String version) {
        return arch + "_" + name.toLowerCase() + "_" + TOKEN + "_" + version + "_none_" + String.format("%016x",
                (long) (arch + name + version).hashCode() & 0xffffffffL);
    }

    /** A component directory holding PE files of the component's version; its manifest is DCM-compressed. */
    ServicingImage component(String arch, String name, String version, String... files) {
        String dir = dir(arch, name, version);
        for (String f : files) {
            image.pe("C:\\Windows\\WinSxS\\" + dir + "\\" + f, version);
        }
        mkdirs("C:\\Windows\\WinSxS\\" + dir);
        return write("C:\\Windows\\WinSxS\\Manifests\\" + dir + ".manifest",
                new byte[] {'D', 'C', 'M', 1, 0x50, 0x41, 0x33, 0x30, (byte) ++hash});
    }

    /** Replaces a component's manifest by a plain XML one: each pair is a file name and its destinationPath. */
    ServicingImage plainManifest(String arch, String name, String version, String... fileAndDestination) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<assembly xmlns=\"urn:schemas-microsoft-com:asm.v3\" manifestVersion=\"1.0\">\n"
                + "  <assemblyIdentity name=\"" + name + "\" version=\"" + version + "\" processorArchitecture=\""
                + arch + "\" language=\"neutral\" publicKeyToken=\"" + TOKEN + "\"/>\n");
        for (int i = 0; i < fileAndDestination.length; i += 2) {
            xml.append("  <file name=\"").append(fileAndDestination[i]).append("\" destinationPath=\"")
                    .append(fileAndDestination[i + 1]).append("\"/>\n");
        }
        xml.append("</assembly>\n");
        return write("C:\\Windows\\WinSxS\\Manifests\\" + dir(arch, name, version) + ".manifest",
                xml.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Copies a store file to a path of the image (what the component's projection put there). */
    ServicingImage project(String arch, String name, String version, String file, String to) {
        try {
            Path target = image.file(to);
            Files.createDirectories(target.getParent());
            Files.copy(image.file("C:\\Windows\\WinSxS\\" + dir(arch, name, version) + "\\" + file), target,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * A package manifest and its CBS state.
     *
     * @param kb         the KB
     * @param state      its CurrentState, e.g. 0x70
     * @param components {@code arch name version} triples of the components it installs, or {@code package NAME}
     *                   for a nested package's file name
     * @return this
     */
    ServicingImage mum(String fileName, String kb, int state, String... components) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<assembly xmlns=\"urn:schemas-microsoft-com:asm.v3\" manifestVersion=\"1.0\">\n"
                + "  <assemblyIdentity name=\"" + fileName.split("~")[0] + "\" version=\"10.0.1.0\" language=\"neutral\""
                + " processorArchitecture=\"amd64\" publicKeyToken=\"" + TOKEN + "\"/>\n"
                + "  <package identifier=\"" + kb + "\" releaseType=\"Security Update\">\n");
        for (String c : components) {
            String[] p = c.split(" ");
            xml.append("    <update name=\"u\">");
            if (p[0].equals("package")) {
                String[] f = p[1].split("~");
                xml.append("<package integrate=\"hidden\"><assemblyIdentity name=\"").append(f[0])
                        .append("\" version=\"").append(f[4]).append("\" processorArchitecture=\"").append(f[2])
                        .append("\" language=\"neutral\" publicKeyToken=\"").append(f[1]).append("\"/></package>");
            } else {
                xml.append("<applicable><updateComponent><assemblyIdentity name=\"Applicability-Only\" version=\"1.0.0.0\""
                        + " processorArchitecture=\"amd64\" language=\"neutral\"/></updateComponent></applicable>");
                xml.append("<component><assemblyIdentity name=\"").append(p[1]).append("\" version=\"").append(p[2])
                        .append("\" processorArchitecture=\"").append(p[0]).append("\" language=\"neutral\"")
                        .append(" publicKeyToken=\"").append(TOKEN).append("\"/></component>");
            }
            xml.append("</update>\n");
        }
        xml.append("  </package>\n</assembly>\n");
        software.value(PACKAGES + fileName, "CurrentState", 4, new byte[] {(byte) state, 0, 0, 0});
        return write("C:\\Windows\\servicing\\Packages\\" + fileName + ".mum", xml.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Queues a replacing rename of a copy of a store file onto a path, for the next boot. */
    ServicingImage queued(String arch, String name, String version, String file, String to) {
        String staged = "C:\\Windows\\WinSxS\\Temp\\PendingRenames\\" + queue.size() + "_" + file;
        project(arch, name, version, file, staged);
        queue.add("\\??\\" + staged);
        queue.add("!\\??\\" + to);
        return this;
    }

    ServicingImage write(String windowsPath, byte[] bytes) {
        try {
            Path file = image.file(windowsPath);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes the SOFTWARE and SYSTEM hives. */
    ServicingImage hives() {
        write("C:\\Windows\\System32\\config\\SOFTWARE", software.build());
        RegfBuilder system = new RegfBuilder().value("Select", "Current", 4, new byte[] {1, 0, 0, 0}).key(SM);
        if (!queue.isEmpty()) {
            system.value(SM, "PendingFileRenameOperations", 7, MultiSz.of(queue).encode());
        }
        return write("C:\\Windows\\System32\\config\\SYSTEM", system.build());
    }

    private void mkdirs(String windowsPath) {
        try {
            Files.createDirectories(image.file(windowsPath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String pkg(String kb, int n) {
        return "Package_" + n + "_for_" + kb + "~" + TOKEN + "~amd64~~10.0.1.0";
    }
}
