package dev.kitty.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** Requests racing each other: the database's rules hold, and nobody gets a 500. */
class ConcurrencyIT extends RunningBudgetService {

    @Test
    void theInvitationThrottleHoldsForConcurrentRequests() throws Exception {
        var owner = user("owner");
        var budget = createBudget(owner, "Busy");

        var statuses = race(55, i -> call(HttpMethod.POST, "/api/budgets/" + budget + "/invitations", owner,
                jsonOf(Map.of("email", "guest" + i + "." + UUID.randomUUID() + "@example.com", "role", "VIEWER"))).getResponse().getStatus());

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(50);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(5);
    }

    @Test
    void ofConcurrentInvitationsToOneAddressOneWinsAndTheOthersAreConflicts() throws Exception {
        var team = team();
        var address = "wanted." + UUID.randomUUID() + "@example.com";

        var statuses = race(8, i -> call(HttpMethod.POST, "/api/budgets/" + team.budget() + "/invitations",
                i % 2 == 0 ? team.owner() : team.admin(), jsonOf(Map.of("email", address, "role", "MEMBER"))).getResponse().getStatus());

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 201).containsOnly(409);
    }

    @Test
    void concurrentOwnershipTransfersLeaveExactlyOneOwner() throws Exception {
        var team = team();
        var candidates = List.of(team.admin(), team.member(), team.viewer());

        var statuses = race(6, i -> call(HttpMethod.POST, "/api/budgets/" + team.budget() + "/ownership", team.owner(),
                "{\"userId\": \"" + candidates.get(i % 3).id() + "\"}").getResponse().getStatus());

        assertThat(statuses).contains(200).allMatch(s -> s == 200 || s == 403 || s == 409);
        assertThat(jdbc.sql("SELECT count(*) FROM membership WHERE budget_id = :b AND role = 'OWNER'").param("b", team.budget())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(roleOf(team.budget(), team.owner().id())).isEqualTo("ADMIN");
    }

    private static List<Integer> race(int requests, IntFunction<Integer> request) throws Exception {
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(requests)) {
            var futures = new ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < requests; i++) {
                var n = i;
                futures.add(pool.submit((Callable<Integer>) () -> {
                    start.await();
                    return request.apply(n);
                }));
            }
            start.countDown();
            var statuses = new ArrayList<Integer>();
            for (var future : futures) {
                statuses.add(future.get());
            }
            return statuses;
        }
    }
}
