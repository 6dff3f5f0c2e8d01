package dev.patchchain.formats.cab;

import dev.patchchain.formats.FormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Parses servicing XML ({@code update.mum}, component manifests) with every way out of the document closed: no
 * DOCTYPE (so no entities, internal or external), no external DTD or schema, no XInclude. A document that uses one
 * is {@code UNSUPPORTED}; one that is not well-formed is {@code CORRUPT}.
 */
final class ServicingXml {

    /** The largest XML document parsed; real {@code update.mum} files and manifests are well under 1 MiB. */
    static final int MAX_BYTES = 16 << 20;

    private ServicingXml() {
    }

    static Document parse(byte[] xml, String source) throws FormatException {
        if (xml.length > MAX_BYTES) {
            throw new FormatException(FormatException.Kind.UNSUPPORTED, source, -1,
                    xml.length + " bytes of XML is over the limit of " + MAX_BYTES);
        }
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            boolean doctype = String.valueOf(e.getMessage()).contains("DOCTYPE");
            throw new FormatException(doctype ? FormatException.Kind.UNSUPPORTED : FormatException.Kind.CORRUPT,
                    source, -1, (doctype ? "XML with a DOCTYPE is refused (entities stay off): " : "not well-formed XML: ")
                    + e.getMessage());
        } catch (IOException | ParserConfigurationException e) {
            throw new FormatException(FormatException.Kind.CORRUPT, source, -1, "XML: " + e.getMessage());
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(false);
        return f;
    }
}
