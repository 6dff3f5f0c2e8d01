package dev.patchchain.formats.pe;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Walks the resource tree type → name → language to the {@code RT_VERSION} resources and picks one language:
 * neutral (0) first, else en-US (0x409), else the lowest id; among equal languages the first name wins.
 *
 * <p>The walk has three fixed levels, refuses to enter a directory twice (a loop) and stops after
 * {@link #MAX_LANGUAGE_ENTRIES} language entries in all.
 */
final class VersionResourceLocator {

    private static final int RT_VERSION = 16;
    private static final int LANG_NEUTRAL = 0;
    private static final int LANG_EN_US = 0x409;
    private static final int MAX_LANGUAGE_ENTRIES = 65_536;

    private final PeInput in;
    private final PeHeaders headers;
    private final Set<Long> visited = new HashSet<>();

    private record Candidate(int language, long dataEntryOffset) {
    }

    private VersionResourceLocator(PeInput in, PeHeaders headers) {
        this.in = in;
        this.headers = headers;
    }

    /** @return the chosen version resource's data entry, or empty if the image has none */
    static Optional<ResourceDataEntry> locate(PeInput in, PeHeaders headers) throws IOException {
        if (!headers.hasResources()) {
            return Optional.empty();
        }
        return new VersionResourceLocator(in, headers).locate();
    }

    private Optional<ResourceDataEntry> locate() throws IOException {
        List<Candidate> candidates = new ArrayList<>();
        for (ResourceDirectory.Entry type : directory(0).entries()) {
            if (!type.named() && type.id() == RT_VERSION) {
                for (ResourceDirectory.Entry name : directory(subdirectory(type, "RT_VERSION type")).entries()) {
                    addLanguages(directory(subdirectory(name, "RT_VERSION name")), candidates);
                }
            }
        }
        Optional<Candidate> chosen = choose(candidates);
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        Candidate c = chosen.get();
        return Optional.of(ResourceDataEntry.read(in, headers, c.dataEntryOffset(), c.language()));
    }

    private void addLanguages(ResourceDirectory languages, List<Candidate> candidates) throws IOException {
        for (ResourceDirectory.Entry lang : languages.entries()) {
            if (lang.subdirectory()) {
                throw in.corrupt(at(lang.target()), "RT_VERSION language entry 0x"
                        + Integer.toHexString(lang.id()) + " points to a directory, not to data");
            }
            if (lang.named()) {
                throw in.corrupt(at(languages.offset()), "RT_VERSION language entry has a name, not a language id");
            }
            if (candidates.size() == MAX_LANGUAGE_ENTRIES) {
                throw in.corrupt(at(languages.offset()), "more than " + MAX_LANGUAGE_ENTRIES
                        + " RT_VERSION language entries");
            }
            candidates.add(new Candidate(lang.id(), lang.target()));
        }
    }

    private static Optional<Candidate> choose(List<Candidate> candidates) {
        Candidate lowest = null;
        Candidate enUs = null;
        for (Candidate c : candidates) {
            if (c.language() == LANG_NEUTRAL) {
                return Optional.of(c);
            }
            if (c.language() == LANG_EN_US && enUs == null) {
                enUs = c;
            }
            if (lowest == null || c.language() < lowest.language()) {
                lowest = c;
            }
        }
        return Optional.ofNullable(enUs != null ? enUs : lowest);
    }

    private long subdirectory(ResourceDirectory.Entry entry, String what) throws IOException {
        if (!entry.subdirectory()) {
            throw in.corrupt(at(entry.target()), what + " entry 0x" + Integer.toHexString(entry.id())
                    + " points to data, not to a directory");
        }
        return entry.target();
    }

    private ResourceDirectory directory(long offset) throws IOException {
        if (!visited.add(offset)) {
            throw in.corrupt(at(offset), "resource directory at tree offset 0x" + Long.toHexString(offset)
                    + " is reached twice: the tree has a loop");
        }
        return ResourceDirectory.read(in, headers, offset);
    }

    private long at(long treeOffset) {
        return headers.fileOffsetOrUnknown(headers.resourceRva() + treeOffset);
    }
}
