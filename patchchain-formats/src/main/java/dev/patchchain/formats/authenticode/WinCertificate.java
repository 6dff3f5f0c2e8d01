package dev.patchchain.formats.authenticode;

/**
 * One {@code WIN_CERTIFICATE} entry of the certificate table (PE format spec, "The Attribute Certificate Table").
 *
 * @param offset   file offset of the entry's header
 * @param revision {@code wRevision}, 0x0200 for the current version
 * @param type     {@code wCertificateType}, {@link #PKCS_SIGNED_DATA} for Authenticode
 * @param content  {@code bCertificate}: the bytes after the 8-byte header, as long as {@code dwLength} says
 */
record WinCertificate(long offset, int revision, int type, byte[] content) {

    /** {@code WIN_CERT_TYPE_PKCS_SIGNED_DATA}: the content is a PKCS#7 SignedData. */
    static final int PKCS_SIGNED_DATA = 0x0002;
}
