/**
 * Servicing's {@code Windows\WinSxS\pending.xml}: {@link dev.patchchain.formats.pendingxml.PendingXmlReader} reads
 * its primitive operations queue into {@link dev.patchchain.formats.pendingxml.PendingXml}, which turns the file
 * operations into pending operations for the boot simulation. The layout and what is uncertain are in
 * {@code docs/formats/pending-xml.md}.
 */
package dev.patchchain.formats.pendingxml;
