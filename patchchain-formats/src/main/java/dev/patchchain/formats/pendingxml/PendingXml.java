package dev.patchchain.formats.pendingxml;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.path.WinPathException;
import dev.patchchain.core.queue.Origin;
import dev.patchchain.core.queue.PendingOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The primitive operations of a {@code pending.xml}, in document order: what servicing's {@code poqexec} will do to
 * files and to the registry at the next boot.
 *
 * @param fileOperations     the file operations
 * @param registryOperations the registry operations
 */
public record PendingXml(List<FileOperation> fileOperations, List<RegistryOperation> registryOperations) {

    /** The name operations from this file carry in their {@link Origin}. */
    public static final String ORIGIN_FILE = "WinSxS\\pending.xml";

    /** Copies the lists. */
    public PendingXml {
        fileOperations = List.copyOf(fileOperations);
        registryOperations = List.copyOf(registryOperations);
    }

    /** What a file operation does. */
    public enum FileKind {
        /** {@code <MoveFile source destination>}: the source replaces the destination. */
        MOVE,
        /** {@code <HardlinkFile source destination>}: the destination becomes a link to the source. */
        HARDLINK,
        /** {@code <DeleteFile path>}. */
        DELETE,
        /** {@code <CreateDirectory path>}. */
        CREATE_DIRECTORY,
        /** {@code <DeleteDirectory path>}. */
        DELETE_DIRECTORY,
        /** {@code <SetFileInformation path>}: attributes or security only. */
        SET_FILE_INFORMATION
    }

    /** What a registry operation does. */
    public enum RegistryKind {
        /** {@code <CreateKey path>}. */
        CREATE_KEY,
        /** {@code <SetKeyValue path name type value>}. */
        SET_KEY_VALUE,
        /** {@code <DeleteKey path>}. */
        DELETE_KEY,
        /** {@code <DeleteKeyValue path name>}. */
        DELETE_KEY_VALUE,
        /** {@code <SetKeySecurity path>}. */
        SET_KEY_SECURITY
    }

    /**
     * One file operation.
     *
     * @param kind        what it does
     * @param path        the file or directory it acts on (the destination for a move or a link)
     * @param source      the source of a move or a link, or {@code null}
     * @param line        the 1-based line of its element
     */
    public record FileOperation(FileKind kind, String path, String source, int line) {
        /** Checks the components. */
        public FileOperation {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * One registry operation.
     *
     * @param kind what it does
     * @param path the key, as written (e.g. {@code \Registry\Machine\SOFTWARE\...})
     * @param name the value name, or {@code null}
     * @param type the value type as written, or {@code null}
     * @param line the 1-based line of its element
     */
    public record RegistryOperation(RegistryKind kind, String path, String name, String type, int line) {
        /** Checks the components. */
        public RegistryOperation {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * The file operations the boot simulation can run, in document order, each with an {@link Origin#inFile}
     * origin: a move or a hardlink as a rename that replaces its destination, a file deletion as a delete.
     * Directory and attribute operations change no file content and are left out; a path that does not parse is
     * kept as {@link PendingOperation.Unparseable}.
     *
     * @param context what {@code \SystemRoot} means
     * @return the operations
     */
    public List<PendingOperation> toPendingOperations(PathContext context) {
        List<PendingOperation> out = new ArrayList<>();
        for (int i = 0; i < fileOperations.size(); i++) {
            FileOperation op = fileOperations.get(i);
            Origin origin = Origin.inFile(ORIGIN_FILE, i);
            try {
                switch (op.kind()) {
                    case MOVE, HARDLINK -> out.add(new PendingOperation.Rename(origin, op.source(), "!" + op.path(), "",
                            WinPath.parse(op.source(), context), "!", WinPath.parse(op.path(), context)));
                    case DELETE -> out.add(new PendingOperation.Delete(origin, op.path(), "",
                            WinPath.parse(op.path(), context)));
                    default -> {
                        // no file content changes
                    }
                }
            } catch (WinPathException e) {
                List<String> raw = op.source() == null ? List.of(op.path()) : List.of(op.source(), op.path());
                out.add(new PendingOperation.Unparseable(origin, raw,
                        op.kind().name().toLowerCase(Locale.ROOT) + " at line " + op.line() + ": " + e.getMessage()));
            }
        }
        return out;
    }
}
