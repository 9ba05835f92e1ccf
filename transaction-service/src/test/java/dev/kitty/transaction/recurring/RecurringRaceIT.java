package dev.kitty.transaction.recurring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.transaction.RunningTransactionService;
import dev.kitty.transaction.ledger.LedgerPostings;
import dev.kitty.transaction.ledger.TransactionSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Exactly once with several posters at the same time: two threads of this instance and a second, hand-built
 * {@link RecurringPostings} (another instance of the service on the same database) race over 30 rules with months of
 * occurrences due; and the unique (rule, occurrence) index holds when a rule's progress is lost.
 */
class RecurringRaceIT extends RunningTransactionService {

    @Autowired
    RecurringPostings postings;

    @Autowired
    RecurringRuleRepository rules;

    @Autowired
    LedgerPostings ledger;

    @Autowired
    PlatformTransactionManager transactionManager;

    private Map<UUID, Schedule> thirtyRules(UUID budget, User member) {
        var schedules = new HashMap<UUID, Schedule>();
        var frequencies = Frequency.values();
        for (int i = 0; i < 30; i++) {
            var frequency = frequencies[i % 3];
            var startOn = LocalDate.parse("2027-01-01").plusDays(i);
            var interval = frequency == Frequency.YEARLY ? 1 : 1 + i % 2;
            var created = expect(call(HttpMethod.POST, "/api/budgets/" + budget + "/recurring", member, """
                    {"type": "EXPENSE", "amount": "%d", "frequency": "%s", "interval": %d, "startOn": "%s"}
                    """.formatted(i + 1, frequency, interval, startOn)), HttpStatus.CREATED);
            schedules.put(UUID.fromString(created.get("id").asString()), new Schedule(frequency, interval, startOn, null));
        }
        return schedules;
    }

    private static List<LocalDate> due(Schedule schedule, LocalDate today) {
        var dates = new ArrayList<LocalDate>();
        for (var next = schedule.first(); next.isPresent() && !next.get().isAfter(today); next = schedule.firstAfter(next.get())) {
            dates.add(next.get());
        }
        return dates;
    }

    private List<LocalDate> postedDates(UUID rule) {
        return jdbc.sql("SELECT occurrence_on FROM ledger_transaction WHERE recurring_rule_id = :r ORDER BY occurrence_on")
                .param("r", rule).query(LocalDate.class).list();
    }

    @Test
    void threePostersRacingPostEachOccurrenceOnce() throws Exception {
        clock.set(Instant.parse("2027-01-01T08:00:00Z"));
        var team = team();
        var schedules = thirtyRules(team.budget(), team.member());
        var today = LocalDate.parse("2027-05-20");
        clock.set(Instant.parse("2027-05-20T08:00:00Z"));
        var otherInstance = new RecurringPostings(rules, ledger, transactionManager, clock);
        var start = new CyclicBarrier(3);
        List<Callable<List<TransactionSnapshot>>> posters = List.of(
                () -> { start.await(); return postings.postDueOccurrences(); },
                () -> { start.await(); return postings.postDueOccurrences(); },
                () -> { start.await(); return otherInstance.postDueOccurrences(); });

        var posted = new ArrayList<TransactionSnapshot>();
        try (var pool = Executors.newFixedThreadPool(3)) {
            for (Future<List<TransactionSnapshot>> result : pool.invokeAll(posters)) {
                posted.addAll(result.get().stream().filter(t -> t.budgetId().equals(team.budget())).toList());
            }
        }

        long expected = 0;
        for (var rule : schedules.entrySet()) {
            var dates = due(rule.getValue(), today);
            expected += dates.size();
            assertThat(postedDates(rule.getKey())).as("rule %s", rule.getKey()).isEqualTo(dates);
        }
        assertThat(expected).isGreaterThan(100);
        // each occurrence was posted by exactly one of the three, and reported by it alone
        assertThat(posted).hasSize((int) expected);
        assertThat(posted).extracting(TransactionSnapshot::id).doesNotHaveDuplicates();
        assertThat(rows("ledger_transaction", team.budget())).isEqualTo(expected);
        assertThat(postings.postDueOccurrences()).noneMatch(t -> t.budgetId().equals(team.budget()));
    }

    @Test
    void theUniqueIndexRefusesAnOccurrencePostedBeforeEvenWhenTheRulesProgressIsLost() {
        clock.set(Instant.parse("2027-01-10T08:00:00Z"));
        var team = team();
        var rule = UUID.fromString(expect(call(HttpMethod.POST, "/api/budgets/" + team.budget() + "/recurring", team.member(), """
                {"type": "EXPENSE", "amount": "9", "frequency": "MONTHLY", "interval": 1, "startOn": "2027-01-10"}
                """), HttpStatus.CREATED).get("id").asString());
        clock.set(Instant.parse("2027-03-10T08:00:00Z"));
        assertThat(postings.postDueOccurrences()).filteredOn(t -> t.budgetId().equals(team.budget())).hasSize(3);

        // as if the advance of the rule had been lost
        jdbc.sql("UPDATE recurring_rule SET next_occurrence = start_on, posted_through = NULL WHERE id = :r").param("r", rule).update();
        var again = postings.postDueOccurrences();

        assertThat(again).noneMatch(t -> t.budgetId().equals(team.budget()));
        assertThat(postedDates(rule)).containsExactly(LocalDate.parse("2027-01-10"), LocalDate.parse("2027-02-10"), LocalDate.parse("2027-03-10"));
        assertThat(jdbc.sql("SELECT next_occurrence FROM recurring_rule WHERE id = :r").param("r", rule).query(LocalDate.class).single())
                .isEqualTo(LocalDate.parse("2027-04-10"));
    }

    @Test
    void aRuleThatCannotBePostedHoldsUpNoOtherAndIsTriedAgainLater() {
        clock.set(Instant.parse("2027-01-10T08:00:00Z"));
        var team = team();
        var rules = new ArrayList<UUID>();
        for (var description : List.of("first", "poison", "last")) {
            rules.add(UUID.fromString(expect(call(HttpMethod.POST, "/api/budgets/" + team.budget() + "/recurring", team.member(), """
                    {"type": "EXPENSE", "amount": "9", "description": "%s", "frequency": "MONTHLY", "interval": 1, "startOn": "2027-01-10"}
                    """.formatted(description)), HttpStatus.CREATED).get("id").asString()));
        }
        clock.set(Instant.parse("2027-02-10T08:00:00Z"));
        // a ledger that refuses one rule's transactions (as a bug or a broken row would)
        jdbc.sql("ALTER TABLE ledger_transaction ADD CONSTRAINT refuses_poison_in_test CHECK (description IS DISTINCT FROM 'poison') NOT VALID")
                .update();
        try {
            var posted = postings.postDueOccurrences().stream().filter(t -> t.budgetId().equals(team.budget())).toList();

            assertThat(posted).extracting(TransactionSnapshot::description).containsOnly("first", "last").hasSize(4);
            assertThat(postedDates(rules.get(1))).isEmpty();
            assertThat(jdbc.sql("SELECT next_occurrence FROM recurring_rule WHERE id = :r").param("r", rules.get(1)).query(LocalDate.class)
                    .single()).isEqualTo(LocalDate.parse("2027-01-10"));
        } finally {
            jdbc.sql("ALTER TABLE ledger_transaction DROP CONSTRAINT refuses_poison_in_test").update();
        }

        assertThat(postings.postDueOccurrences()).filteredOn(t -> t.budgetId().equals(team.budget()))
                .extracting(TransactionSnapshot::description).containsExactly("poison", "poison");
        assertThat(rows("ledger_transaction", team.budget())).isEqualTo(6);
    }
}
