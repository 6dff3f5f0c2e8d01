package dev.patchchain.formats.cab;

import dev.patchchain.formats.FormatException;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A servicing package's {@code update.mum} ({@code docs/formats/cab.md#updatemum}): the package's identity and the
 * components it updates.
 *
 * <pre>{@code
 * <assembly manifestVersion="1.0" xmlns="urn:schemas-microsoft-com:asm.v3">
 *   <assemblyIdentity name="Package_for_KB4012212" version="6.1.1.2" processorArchitecture="amd64" .../>
 *   <package identifier="KB4012212" releaseType="Security Update">
 *     <update name="..."><component><assemblyIdentity name="Microsoft-Windows-..." .../></component></update>
 * }</pre>
 *
 * @param name         the package's assemblyIdentity name, e.g. {@code Package_for_KB4012212}
 * @param version      its version as written
 * @param architecture its processorArchitecture, e.g. {@code amd64} ({@code ""} if none)
 * @param kb           the package identifier, e.g. {@code KB4012212} ({@code ""} if none)
 * @param releaseType  e.g. {@code Security Update} ({@code ""} if none)
 * @param components   the names of the components and packages it updates
 * @param references   the {@code <component>} and {@code <package>} children of its {@code <update>} elements, with
 *                     their full identities (applicability conditions left out)
 */
public record UpdateMum(String name, String version, String architecture, String kb, String releaseType,
                        List<String> components, List<Reference> references) {

    /**
     * An {@code <assemblyIdentity>} under {@code <update><component>} or {@code <update><package>}.
     *
     * @param isPackage      true for a {@code <package>} (another {@code .mum}), false for a component
     * @param name           the name
     * @param version        the version as written
     * @param architecture   the processorArchitecture
     * @param publicKeyToken the publicKeyToken ({@code ""} if none)
     * @param language       the language ({@code ""} if none)
     */
    public record Reference(boolean isPackage, String name, String version, String architecture,
                            String publicKeyToken, String language) {
    }

    /** The file's name inside a servicing cabinet. */
    public static final String FILE_NAME = "update.mum";

    /** Copies the lists. */
    public UpdateMum {
        components = List.copyOf(components);
        references = List.copyOf(references);
    }

    /**
     * Parses a {@code .mum} file (plain XML, no DOCTYPE, at most {@link #MAX_BYTES}).
     *
     * @param xml    the file's bytes
     * @param source the file's name, for errors
     * @return the package
     * @throws FormatException if it is oversized, not well-formed or not a package manifest
     */
    public static UpdateMum read(byte[] xml, String source) throws FormatException {
        return parse(xml, source);
    }

    /** The largest {@code .mum} read. */
    public static final int MAX_BYTES = ServicingXml.MAX_BYTES;

    /** @return the KB if there is one, else the name */
    public String id() {
        return kb.isEmpty() ? name : kb;
    }

    static UpdateMum parse(byte[] xml, String source) throws FormatException {
        Document doc = ServicingXml.parse(xml, source);
        Element root = doc.getDocumentElement();
        Element identity = child(root, "assemblyIdentity");
        if (!"assembly".equals(root.getTagName()) || identity == null || identity.getAttribute("name").isEmpty()) {
            throw new FormatException(FormatException.Kind.CORRUPT, source, -1,
                    "expected <assembly> with an <assemblyIdentity name=...>, found <" + root.getTagName() + ">");
        }
        Element pkg = child(root, "package");
        List<String> components = new ArrayList<>();
        List<Reference> references = new ArrayList<>();
        if (pkg != null) {
            NodeList updates = pkg.getElementsByTagName("update");
            for (int i = 0; i < updates.getLength(); i++) {
                NodeList ids = ((Element) updates.item(i)).getElementsByTagName("assemblyIdentity");
                for (int j = 0; j < ids.getLength(); j++) {
                    components.add(((Element) ids.item(j)).getAttribute("name"));
                }
                references(((Element) updates.item(i)), references);
            }
        }
        return new UpdateMum(identity.getAttribute("name"), identity.getAttribute("version"),
                identity.getAttribute("processorArchitecture"), pkg == null ? "" : pkg.getAttribute("identifier"),
                pkg == null ? "" : pkg.getAttribute("releaseType"), components, references);
    }

    private static void references(Element update, List<Reference> into) {
        for (var n = update.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (e.getTagName().equals("component") || e.getTagName().equals("package"))) {
                Element id = child(e, "assemblyIdentity");
                if (id != null && !id.getAttribute("name").isEmpty()) {
                    into.add(new Reference(e.getTagName().equals("package"), id.getAttribute("name"),
                            id.getAttribute("version"), id.getAttribute("processorArchitecture"),
                            id.getAttribute("publicKeyToken"), id.getAttribute("language")));
                }
            }
        }
    }

    static Element child(Element parent, String tag) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }
}
