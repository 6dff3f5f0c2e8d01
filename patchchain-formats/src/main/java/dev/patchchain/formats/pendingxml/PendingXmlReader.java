package dev.patchchain.formats.pendingxml;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.TextFormatException;
import dev.patchchain.formats.pendingxml.PendingXml.FileKind;
import dev.patchchain.formats.pendingxml.PendingXml.FileOperation;
import dev.patchchain.formats.pendingxml.PendingXml.RegistryKind;
import dev.patchchain.formats.pendingxml.PendingXml.RegistryOperation;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads {@code Windows\WinSxS\pending.xml}, the primitive operations queue that component servicing leaves for
 * {@code poqexec.exe} to run at the next boot. The root is {@code <PendingTransaction>}; the operations are the
 * children of its {@code <POQ>} elements. A DOCTYPE is refused (so no entities, internal or external), the input is
 * limited to {@link #MAX_BYTES}, and every failure is a {@link TextFormatException} with the line.
 */
public final class PendingXmlReader {

    /** The largest file read; real ones reach tens of MiB after a large cumulative update. */
    public static final int MAX_BYTES = 128 << 20;

    private static final Map<String, FileKind> FILE_ELEMENTS = Map.of(
            "MoveFile", FileKind.MOVE,
            "HardlinkFile", FileKind.HARDLINK,
            "DeleteFile", FileKind.DELETE,
            "CreateDirectory", FileKind.CREATE_DIRECTORY,
            "DeleteDirectory", FileKind.DELETE_DIRECTORY,
            "SetFileInformation", FileKind.SET_FILE_INFORMATION);

    private static final Map<String, RegistryKind> REGISTRY_ELEMENTS = Map.of(
            "CreateKey", RegistryKind.CREATE_KEY,
            "SetKeyValue", RegistryKind.SET_KEY_VALUE,
            "DeleteKey", RegistryKind.DELETE_KEY,
            "DeleteKeyValue", RegistryKind.DELETE_KEY_VALUE,
            "SetKeySecurity", RegistryKind.SET_KEY_SECURITY);

    private PendingXmlReader() {
    }

    /**
     * @param xml    the file's bytes (the encoding is taken from the BOM or the XML declaration)
     * @param source the input's name, for messages
     * @return the operations, in document order
     * @throws FormatException if the input is not a {@code pending.xml}, is damaged, or uses a DOCTYPE
     */
    public static PendingXml read(byte[] xml, String source) throws FormatException {
        if (xml.length > MAX_BYTES) {
            throw new TextFormatException(FormatException.Kind.UNSUPPORTED, source, 0, 0,
                    xml.length + " bytes is over the limit of " + MAX_BYTES);
        }
        List<FileOperation> files = new ArrayList<>();
        List<RegistryOperation> registry = new ArrayList<>();
        XMLStreamReader reader = null;
        try {
            reader = factory().createXMLStreamReader(new ByteArrayInputStream(xml));
            int depth = 0;
            int poqDepth = -1;
            boolean sawRoot = false;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw error(FormatException.Kind.UNSUPPORTED, source, reader.getLocation(),
                            "a DOCTYPE is refused (entities stay off)");
                } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw error(FormatException.Kind.UNSUPPORTED, source, reader.getLocation(),
                            "entity reference &" + reader.getLocalName() + "; is refused");
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String name = reader.getLocalName();
                    int line = line(reader.getLocation());
                    if (depth == 1) {
                        if (!name.equals("PendingTransaction")) {
                            throw new TextFormatException(FormatException.Kind.NOT_THIS_FORMAT, source, line, 0,
                                    "root element <" + name + ">, expected <PendingTransaction>");
                        }
                        sawRoot = true;
                    } else if (name.equals("POQ") && poqDepth < 0) {
                        poqDepth = depth;
                    } else if (poqDepth > 0 && depth == poqDepth + 1) {
                        operation(reader, name, line, source, files, registry);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (depth == poqDepth) {
                        poqDepth = -1;
                    }
                    depth--;
                }
            }
            if (!sawRoot) {
                throw new TextFormatException(FormatException.Kind.NOT_THIS_FORMAT, source, 0, 0, "no root element");
            }
            return new PendingXml(files, registry);
        } catch (XMLStreamException e) {
            throw error(FormatException.Kind.CORRUPT, source, e.getLocation(), "not well-formed XML: "
                    + firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            // the JDK's parser reports some malformed inputs with unchecked exceptions
            throw new TextFormatException(FormatException.Kind.CORRUPT, source, 0, 0, "not well-formed XML: " + e);
        } finally {
            close(reader);
        }
    }

    private static void operation(XMLStreamReader reader, String name, int line, String source,
                                  List<FileOperation> files, List<RegistryOperation> registry)
            throws TextFormatException {
        FileKind fileKind = FILE_ELEMENTS.get(name);
        if (fileKind != null) {
            if (fileKind == FileKind.MOVE || fileKind == FileKind.HARDLINK) {
                files.add(new FileOperation(fileKind, required(reader, "destination", name, line, source),
                        required(reader, "source", name, line, source), line));
            } else {
                files.add(new FileOperation(fileKind, required(reader, "path", name, line, source), null, line));
            }
            return;
        }
        RegistryKind registryKind = REGISTRY_ELEMENTS.get(name);
        if (registryKind != null) {
            registry.add(new RegistryOperation(registryKind, required(reader, "path", name, line, source),
                    reader.getAttributeValue(null, "name"), reader.getAttributeValue(null, "type"), line));
        }
        // other elements (e.g. a future primitive) are not operations we know: skipped
    }

    private static String required(XMLStreamReader reader, String attribute, String element, int line, String source)
            throws TextFormatException {
        String value = reader.getAttributeValue(null, attribute);
        if (value == null || value.isBlank()) {
            throw new TextFormatException(FormatException.Kind.CORRUPT, source, line, 0,
                    "<" + element + "> without a " + attribute + " attribute");
        }
        return value;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external resource " + systemId + " refused");
        });
        return f;
    }

    private static TextFormatException error(FormatException.Kind kind, String source, Location location,
                                             String message) {
        return new TextFormatException(kind, source, line(location), location == null ? 0
                : Math.max(0, location.getColumnNumber()), message);
    }

    private static int line(Location location) {
        return location == null ? 0 : Math.max(0, location.getLineNumber());
    }

    private static String firstLine(String message) {
        String m = String.valueOf(message);
        int nl = m.lastIndexOf("Message: ");
        return nl >= 0 ? m.substring(nl + "Message: ".length()).strip() : m.strip();
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing held but memory
            }
        }
    }
}
