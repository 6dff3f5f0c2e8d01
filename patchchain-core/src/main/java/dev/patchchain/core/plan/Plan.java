package dev.patchchain.core.plan;

import java.math.BigInteger;
import java.util.List;

/**
 * What {@link Planner#plan} found: the verdict for the whole set, one per pair, the schedule, and how much it
 * explored.
 *
 * @param conflicts        the files, values and locks several packages share
 * @param set              the verdict for all packages, in the given order
 * @param pairs            the verdict for every pair (i before j in the given order)
 * @param schedule         waves and reboots, fewest reboots first
 * @param statesExplored   states visited by every exploration made for this plan
 * @param statesUnreduced  states of the same explorations without reduction: counted when
 *                         {@link PlanOptions#reduction()} is off, else the size of the interleaving lattice
 *                         (product of steps + 1 per package), which the reduction avoids visiting
 * @param assumptions      what the result rests on (in-use files, unknown disk versions, ...), for the reader
 */
public record Plan(List<Conflict> conflicts, SetVerdict set, List<SetVerdict> pairs, Schedule schedule, long statesExplored,
                   BigInteger statesUnreduced, List<String> assumptions) {

    /** Copies the lists. */
    public Plan {
        conflicts = List.copyOf(conflicts);
        pairs = List.copyOf(pairs);
        assumptions = List.copyOf(assumptions);
    }
}
