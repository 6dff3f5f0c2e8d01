package dev.patchchain.core.analysis;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.queue.PendingOperation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups a queue's renames by target and decides which targets are settled (see {@link TargetGroup}). Linear in
 * the number of operations times the path depth.
 */
public final class TargetGroups {

    private enum Role { RENAME_SOURCE, RENAME_TARGET, DELETE }

    private record Ref(int index, Role role) {
    }

    private final Map<WinPath, List<Ref>> refs = new HashMap<>();
    private final Set<WinPath> haveReferencesBelow = new HashSet<>();
    private final Map<WinPath, List<Integer>> renamesByTarget = new LinkedHashMap<>();
    private final List<PendingOperation> operations;

    private TargetGroups(List<PendingOperation> operations) {
        this.operations = operations;
        for (int i = 0; i < operations.size(); i++) {
            PendingOperation op = operations.get(i);
            if (op instanceof PendingOperation.Rename r) {
                add(r.source(), i, Role.RENAME_SOURCE);
                add(r.target(), i, Role.RENAME_TARGET);
                renamesByTarget.computeIfAbsent(r.target(), k -> new ArrayList<>()).add(i);
            } else if (op instanceof PendingOperation.Delete d) {
                add(d.source(), i, Role.DELETE);
            }
        }
    }

    /**
     * @param operations a queue's operations in boot order
     * @return one group per distinct rename target, in order of first appearance
     */
    public static List<TargetGroup> of(List<PendingOperation> operations) {
        TargetGroups index = new TargetGroups(operations);
        List<TargetGroup> groups = new ArrayList<>(index.renamesByTarget.size());
        index.renamesByTarget.forEach((target, renames) ->
                groups.add(new TargetGroup(target, renames, index.unsettledReason(target, renames))));
        return groups;
    }

    private void add(WinPath path, int index, Role role) {
        refs.computeIfAbsent(path, k -> new ArrayList<>(2)).add(new Ref(index, role));
        // every ancestor learns that something below it is referenced; stop where an earlier path already did
        WinPath p = path.parent();
        while (p != null && haveReferencesBelow.add(p)) {
            p = p.parent();
        }
    }

    private String unsettledReason(WinPath target, List<Integer> renames) {
        Set<Integer> own = new HashSet<>(renames);
        int last = renames.get(renames.size() - 1);
        for (Ref ref : refs.get(target)) {
            if (!(own.contains(ref.index) && ref.role == Role.RENAME_TARGET)) {
                return "the target is also " + describe(ref);
            }
        }
        if (haveReferencesBelow.contains(target)) {
            return "other entries use paths inside the target";
        }
        String ancestors = ancestorConflict(target, last);
        if (!ancestors.isEmpty()) {
            return ancestors;
        }
        for (int index : renames) {
            WinPath source = ((PendingOperation.Rename) operations.get(index)).source();
            for (Ref ref : refs.get(source)) {
                if (ref.index != index && (ref.role != Role.DELETE || ref.index < index)) {
                    return "the staged file of op #" + index + " is also " + describe(ref);
                }
            }
            if (haveReferencesBelow.contains(source)) {
                return "the staged source of op #" + index + " is a directory other entries use";
            }
            String sourceAncestors = ancestorConflict(source, index);
            if (!sourceAncestors.isEmpty()) {
                return "for the staged file of op #" + index + ": " + sourceAncestors;
            }
        }
        return "";
    }

    /** A directory above {@code path} is renamed, or deleted before {@code until}. */
    private String ancestorConflict(WinPath path, int until) {
        for (WinPath p = path.parent(); p != null; p = p.parent()) {
            List<Ref> above = refs.get(p);
            if (above == null) {
                continue;
            }
            for (Ref ref : above) {
                if (ref.role != Role.DELETE || ref.index < until) {
                    return "its directory " + p + " is " + describe(ref);
                }
            }
        }
        return "";
    }

    private static String describe(Ref ref) {
        return switch (ref.role) {
            case RENAME_SOURCE -> "renamed away by op #" + ref.index;
            case RENAME_TARGET -> "a rename target of op #" + ref.index;
            case DELETE -> "deleted by op #" + ref.index;
        };
    }
}
