package dev.kitty.transaction.recurring;

import dev.kitty.transaction.ledger.LedgerPostings;
import dev.kitty.transaction.ledger.TransactionSnapshot;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts every due occurrence of every rule, oldest first, through the ledger (ADR 0019). Work is claimed in short
 * database transactions of at most {@value #RULES_PER_ROUND} rules, locked with {@code FOR UPDATE SKIP LOCKED}: several
 * instances share the due rules without waiting for each other, and a rule is in one instance's hands at a time. In
 * the transaction that posts a rule's occurrences, its {@code next_occurrence} moves on, so a crash before the commit
 * posts nothing and leaves the rule due, and a crash after it leaves nothing to post twice; the unique
 * (rule, occurrence) index refuses a duplicate should anything else go wrong. After downtime the missed occurrences are
 * posted in order, at most {@value #OCCURRENCES_PER_RULE} of one rule per round, so that one rule's long backlog does
 * not hold a transaction open for long.
 *
 * <p>A rule that cannot be posted (whatever the reason) must not hold up the others: when a round fails, its rules are
 * posted again one per transaction, and the one that fails is left due, logged, and not claimed again by this call; the
 * next poll tries it again. (Not savepoints: a rolled-back savepoint would keep the outbox's after-commit sends of the
 * events published before it.)
 */
@Service
public class RecurringPostings {

    private static final Logger log = LoggerFactory.getLogger(RecurringPostings.class);

    static final int RULES_PER_ROUND = 100;
    static final int OCCURRENCES_PER_RULE = 50;

    private final RecurringRuleRepository rules;
    private final LedgerPostings ledger;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RecurringPostings(RecurringRuleRepository rules, LedgerPostings ledger, PlatformTransactionManager transactionManager, Clock clock) {
        this.rules = rules;
        this.ledger = ledger;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Posts what is due now, round after round until no due rule is left that no one else holds (and that did not fail
     * in this call).
     *
     * @return the transactions this call posted, oldest occurrence of each rule first
     */
    public List<TransactionSnapshot> postDueOccurrences() {
        var posted = new ArrayList<TransactionSnapshot>();
        var failed = new HashSet<UUID>();
        while (true) {
            var claimed = new ArrayList<UUID>();
            var round = new ArrayList<TransactionSnapshot>();
            try {
                transactions.executeWithoutResult(status -> post(rules.claimDue(clock.instant(), RULES_PER_ROUND, failed), claimed, round));
                posted.addAll(round);
                if (claimed.isEmpty()) {
                    break;
                }
            } catch (RuntimeException roundFailed) {
                if (claimed.isEmpty()) {
                    throw roundFailed; // nothing claimed: the database itself failed; the next poll tries again
                }
                postOneByOne(claimed, failed, posted);
            }
        }
        if (!posted.isEmpty()) {
            log.info("Posted {} occurrences of recurring rules", posted.size());
        }
        return posted;
    }

    private void postOneByOne(List<UUID> ruleIds, Set<UUID> failed, List<TransactionSnapshot> posted) {
        for (var ruleId : ruleIds) {
            var one = new ArrayList<TransactionSnapshot>();
            try {
                transactions.executeWithoutResult(status -> post(rules.claimDue(clock.instant(), ruleId), new ArrayList<>(), one));
                posted.addAll(one);
            } catch (RuntimeException e) {
                failed.add(ruleId);
                log.error("Recurring rule {} could not be posted; it stays due and is tried again at the next poll", ruleId, e);
            }
        }
    }

    /** Posts the claimed rules' due occurrences and moves each rule on. */
    private void post(List<RecurringRuleRepository.Due> due, List<UUID> claimed, List<TransactionSnapshot> posted) {
        due.forEach(claim -> claimed.add(claim.rule().id()));
        for (var claim : due) {
            var rule = claim.rule();
            var schedule = rule.schedule();
            var next = rule.nextOccurrence();
            var postedThrough = rule.postedThrough();
            for (int count = 0; next != null && !next.isAfter(claim.today()) && count < OCCURRENCES_PER_RULE; count++) {
                ledger.post(new LedgerPostings.Occurrence(rule.id(), rule.budgetId(), next, rule.type(), rule.amount(), rule.categoryId(),
                        rule.description(), rule.createdBy()), claim.currency()).ifPresent(posted::add);
                postedThrough = next;
                next = schedule.firstAfter(next).orElse(null);
            }
            rules.advance(rule.id(), next, postedThrough);
        }
    }
}
