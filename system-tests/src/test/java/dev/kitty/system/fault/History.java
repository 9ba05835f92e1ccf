package dev.kitty.system.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/**
 * Every write a client made and what it was told, as in Jepsen's histories. An operation is {@link Outcome#OK}
 * when the system acknowledged it (it must be there, once), {@link Outcome#FAILED} when the system refused it for
 * sure (it must not be there), and {@link Outcome#UNKNOWN} when the client cannot tell (a timeout, a broken
 * connection, a 5xx after the request was sent): it may be there, at most once.
 */
public final class History {

    public enum Kind { REGISTRATION, BUDGET, MEMBERSHIP, TRANSACTION, CONTRIBUTION }

    public enum Outcome { OK, FAILED, UNKNOWN }

    /**
     * @param key what identifies the write's effect in the system: an op id written into a description or name, a
     *        contribution's unique amount, a registered address
     * @param scope the budget (or user) the write belongs to
     * @param value the amount, for money
     */
    public record Op(Kind kind, String key, String scope, String value, Outcome outcome, String detail) {
    }

    /** A status a client saw on its way to an outcome (including answers it retried after). */
    public record Seen(int status, boolean retryAfter, String detail) {
    }

    private final ConcurrentLinkedQueue<Op> ops = new ConcurrentLinkedQueue<>();

    private final ConcurrentLinkedQueue<Seen> errorsSeen = new ConcurrentLinkedQueue<>();

    public void record(Op op) {
        this.ops.add(op);
    }

    /** A non-2xx status (or 0 for no answer at all) a client was given, retried or not. */
    public void sawError(int status, boolean retryAfter, String detail) {
        this.errorsSeen.add(new Seen(status, retryAfter, detail));
    }

    public List<Op> ops() {
        return List.copyOf(this.ops);
    }

    public List<Op> ops(Kind kind, Outcome outcome) {
        return this.ops.stream().filter((op) -> op.kind() == kind && op.outcome() == outcome).toList();
    }

    public long count(Outcome outcome) {
        return this.ops.stream().filter((op) -> op.outcome() == outcome).count();
    }

    public List<Seen> errorsSeen() {
        return List.copyOf(this.errorsSeen);
    }

    /** The errors that are not what a well-behaved system answers while part of it is down. */
    public List<Seen> errorsSeen(Predicate<Seen> filter) {
        return this.errorsSeen.stream().filter(filter).toList();
    }

    /** Counts per status, for the report. */
    public Map<Integer, Long> errorStatuses() {
        Map<Integer, Long> counts = new TreeMap<>();
        this.errorsSeen.forEach((seen) -> counts.merge(seen.status(), 1L, Long::sum));
        return counts;
    }

    public List<Op> snapshot() {
        return new ArrayList<>(this.ops);
    }

}
