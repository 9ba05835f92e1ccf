package dev.kitty.transaction.goal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What follows a change of goals' entries or targets, in the same transaction, with the goals locked: a new version
 * (ETag) for each, and {@link GoalTargetReached} for each whose savings meet its target for the first time.
 */
@Component
class GoalMilestones {

    private final GoalRepository goals;
    private final ApplicationEventPublisher events;

    GoalMilestones(GoalRepository goals, ApplicationEventPublisher events) {
        this.goals = goals;
        this.events = events;
    }

    /** After entries were written to the goals. */
    void entriesWritten(UUID budgetId, Collection<UUID> goalIds, Instant now) {
        goals.touch(goalIds, now);
        checkReached(budgetId, goalIds, now);
    }

    /** Publishes {@link GoalTargetReached} for the goals among {@code goalIds} that have just met their target. */
    void checkReached(UUID budgetId, Collection<UUID> goalIds, Instant now) {
        for (var reached : goals.markReached(goalIds, now)) {
            var goal = goals.find(budgetId, reached).orElseThrow();
            events.publishEvent(new GoalTargetReached(budgetId, goal.id(), goal.name(), goal.targetAmount(), goal.currency(),
                    LocalDate.ofInstant(now, ZoneOffset.UTC)));
        }
    }
}
