package dev.patchchain.formats.msi;

import dev.patchchain.formats.FormatException;
import java.util.List;
import java.util.Optional;

/**
 * The tables of a Windows Installer database: as stored ({@link MsiDatabase}) or after transforms
 * ({@link MsiTransform#applyTo}).
 */
public interface MsiTables {

    /** @return the name of the database or of the file the tables came from, for messages */
    String source();

    /** @return the names of the tables, sorted */
    List<String> tableNames();

    /**
     * @param name a table's name, e.g. {@code File}
     * @return its columns in order, or empty if there is no such table
     */
    Optional<List<MsiColumn>> columns(String name);

    /**
     * @param name a table's name, e.g. {@code File}
     * @return its rows, or empty if there is no such table
     * @throws FormatException if its data does not hold together
     */
    Optional<MsiTable> table(String name) throws FormatException;
}
