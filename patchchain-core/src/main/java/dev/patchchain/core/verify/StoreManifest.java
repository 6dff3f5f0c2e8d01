package dev.patchchain.core.verify;

import java.util.List;
import java.util.Objects;

/**
 * What {@code Windows\WinSxS\Manifests\<directory>.manifest} says about a component's files: a plain XML manifest
 * (Vista, 7) lists them with their destinations; a {@code DCM}-compressed one (Windows 8 and later) cannot be
 * expanded off Windows; a missing or damaged one says nothing.
 */
public sealed interface StoreManifest {

    /**
     * One {@code <file>} of a plain manifest.
     *
     * @param name            the file's name in the component's directory
     * @param destinationPath where it is projected, with {@code $(runtime.*)} variables, e.g. {@code $(runtime.system32)\}
     */
    record ManifestFile(String name, String destinationPath) {

        /** Checks the components. */
        public ManifestFile {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(destinationPath, "destinationPath");
        }
    }

    /**
     * A plain XML manifest.
     *
     * @param files its {@code <file>} elements
     */
    record Plain(List<ManifestFile> files) implements StoreManifest {

        /** Copies the list. */
        public Plain {
            files = List.copyOf(files);
        }
    }

    /** A manifest that starts with the {@code DCM} header: Microsoft's delta compression, not expanded here. */
    record Compressed() implements StoreManifest {
    }

    /**
     * No usable manifest.
     *
     * @param reason why, e.g. {@code "no Manifests\\<dir>.manifest"} or the parser's message
     */
    record Unreadable(String reason) implements StoreManifest {

        /** Checks the component. */
        public Unreadable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
