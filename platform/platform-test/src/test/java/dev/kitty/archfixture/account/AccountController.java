package dev.kitty.archfixture.account;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AccountController {

    private final AccountRepository accounts;

    AccountController(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/accounts")
    List<Account> all() {
        return List.of(accounts.find(1));
    }

    @PostMapping("/accounts")
    ResponseEntity<Void> create(@RequestBody Account account) {
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/accounts/count")
    ResponseEntity<Long> count() {
        return ResponseEntity.ok(describe(accounts.find(1)).length() + 0L);
    }

    @GetMapping("/accounts/missing")
    void missing() {
        throw dev.kitty.platform.web.ApiProblem.notFound("No such account.");
    }

    /** Not a handler: entities may pass through the controller's own helpers. */
    private static String describe(Account account) {
        return account.toString();
    }
}
