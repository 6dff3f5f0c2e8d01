package dev.patchchain.formats.cab;

import dev.patchchain.formats.FormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A plain-XML component manifest ({@code <component>.manifest} beside the component's directory in a servicing
 * cabinet; {@code docs/formats/cab.md#component-manifests}): the component's identity and where its files go.
 * Manifests of Windows 10 and later are compressed ({@code DCM}/{@code PA30} delta format) and are not read.
 *
 * @param name         the assemblyIdentity name
 * @param version      its version as written
 * @param architecture its processorArchitecture ({@code amd64}, {@code x86}, {@code wow64}, ...)
 * @param files        its files
 */
public record ComponentManifest(String name, String version, String architecture, List<File> files) {

    /** The first bytes of a compressed manifest: {@code 'D','C','M',0x01}. */
    private static final byte[] DCM = {'D', 'C', 'M', 1};

    /**
     * One {@code <file>}.
     *
     * @param name            the file's name in the component's directory
     * @param destinationPath where it goes, with {@code $(runtime.*)} variables, e.g. {@code $(runtime.system32)\}
     */
    public record File(String name, String destinationPath) {
    }

    /**
     * @param bytes a manifest's first bytes (or all of them)
     * @return true if it starts with the {@code DCM} header of Windows 8+ compressed manifests
     */
    public static boolean isCompressed(byte[] bytes) {
        return bytes.length >= DCM.length && Arrays.equals(bytes, 0, DCM.length, DCM, 0, DCM.length);
    }

    /**
     * @param bytes a manifest's bytes
     * @return true if it starts (after a UTF-8 byte order mark) with {@code <}
     */
    public static boolean isPlainXml(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF ? 3 : 0;
        return bytes.length > start && bytes[start] == '<';
    }

    /**
     * Parses a plain-XML manifest (no DOCTYPE, at most 16 MiB).
     *
     * @param xml    the manifest's bytes
     * @param source its name, for errors
     * @return the manifest
     * @throws FormatException if it is oversized, not well-formed or has no {@code <assemblyIdentity>}
     */
    public static ComponentManifest parse(byte[] xml, String source) throws FormatException {
        Document doc = ServicingXml.parse(xml, source);
        Element identity = UpdateMum.child(doc.getDocumentElement(), "assemblyIdentity");
        if (identity == null) {
            throw new FormatException(FormatException.Kind.CORRUPT, source, -1, "no <assemblyIdentity>");
        }
        List<File> files = new ArrayList<>();
        NodeList nodes = doc.getDocumentElement().getElementsByTagName("file");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element f = (Element) nodes.item(i);
            String name = f.getAttribute("name");
            if (!name.isEmpty()) {
                files.add(new File(name, f.getAttribute("destinationPath")));
            }
        }
        return new ComponentManifest(identity.getAttribute("name"), identity.getAttribute("version"),
                identity.getAttribute("processorArchitecture"), files);
    }
}
