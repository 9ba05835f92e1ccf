package dev.kitty.transaction.goal;

import dev.kitty.transaction.RunningTransactionService;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/** The goal endpoints' paths and a few writes through them, for the goal ITs. */
abstract class GoalTestSupport extends RunningTransactionService {

    static String goals(UUID budget) {
        return "/api/budgets/" + budget + "/goals";
    }

    static String goal(UUID budget, UUID goal) {
        return goals(budget) + "/" + goal;
    }

    /** Creates a goal as the user (ADMIN+) and returns the answer. */
    JsonNode createGoal(UUID budget, User admin, String body) {
        return expect(call(HttpMethod.POST, goals(budget), admin, body), HttpStatus.CREATED);
    }

    UUID createGoal(UUID budget, User admin, String name, String target) {
        return id(createGoal(budget, admin, "{\"name\": \"%s\", \"targetAmount\": \"%s\"}".formatted(name, target)));
    }

    JsonNode contribute(UUID budget, UUID goal, User member, String amount) {
        return expect(call(HttpMethod.POST, goal(budget, goal) + "/contributions", member, "{\"amount\": \"" + amount + "\"}"), HttpStatus.CREATED);
    }

    JsonNode read(UUID budget, UUID goal, User caller) {
        return expect(call(HttpMethod.GET, goal(budget, goal), caller, null), HttpStatus.OK);
    }

    BigDecimal saved(UUID goal) {
        return jdbc.sql("SELECT coalesce(sum(amount), 0) FROM goal_entry WHERE goal_id = :g").param("g", goal).query(BigDecimal.class).single();
    }

    static UUID id(JsonNode node) {
        return UUID.fromString(node.get("id").asString());
    }
}
