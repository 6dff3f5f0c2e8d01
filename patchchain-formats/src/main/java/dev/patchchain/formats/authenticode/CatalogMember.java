package dev.patchchain.formats.authenticode;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One member of a security catalog's certificate trust list: a file identified by its Authenticode hash.
 *
 * <pre>{@code
 * CatalogMember[catalog=ntexe.cat, tag=1e520397..., hashes=[1e520397...], attributes={Hint=amd64_...\tiworker.exe}]
 * }</pre>
 *
 * @param catalog    the catalog's source name
 * @param tag        the member's subject identifier: the hash in lower-case hex when it is one (raw bytes or the
 *                   UTF-16 hex text older catalogs use), else the text or hex of the bytes
 * @param hashes     the Authenticode hashes that identify the member, lower-case hex: the tag when it is a hash and
 *                   the digest of its {@code SpcIndirectDataContent} attribute, without duplicates
 * @param attributes its name/value attributes ({@code CAT_NAMEVALUE}), e.g. {@code File}, {@code OSAttr}
 */
public record CatalogMember(String catalog, String tag, List<String> hashes, Map<String, String> attributes) {

    /** Copies the collections and checks the components. */
    public CatalogMember {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(tag, "tag");
        hashes = List.copyOf(hashes);
        attributes = Map.copyOf(attributes);
    }

    /**
     * @return the {@code File} attribute, else the file name that ends a {@code Hint} attribute (WinSxS catalogs name
     *         members {@code component\file}), if the member has either
     */
    public Optional<String> fileName() {
        String hint = attributes.get("Hint");
        return Optional.ofNullable(attributes.get("File"))
                .or(() -> Optional.ofNullable(hint).map(h -> h.substring(h.lastIndexOf('\\') + 1)));
    }
}
