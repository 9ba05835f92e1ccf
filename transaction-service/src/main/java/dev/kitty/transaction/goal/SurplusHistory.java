package dev.kitty.transaction.goal;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The surplus of a budget's closed months, for the goals' projections. Implemented by the month close, which owns
 * the closed months; declared here so that goals depend on no one.
 */
public interface SurplusHistory {

    /**
     * The net (income − expense, possibly negative) of the budget's most recently closed months as they stand now,
     * newest first, at most {@code months} of them; empty when no month has closed.
     */
    List<BigDecimal> recentNets(UUID budgetId, int months);
}
