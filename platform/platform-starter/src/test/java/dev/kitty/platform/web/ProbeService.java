package dev.kitty.platform.web;

import dev.kitty.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A service in miniature with the whole platform: a JSON API, a CSV import and a table with bounded columns. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ProbeService.ThingController.class)
class ProbeService {

    static final String PROPERTIES = "spring.application.name=probe";
    static final String PUBLIC_API = "kitty.security.public-paths=/api/things,/api/things/**";

    enum Kind { SMALL, LARGE }

    record Thing(@NotBlank @Size(max = 20) String name, int quantity, boolean urgent, @Nullable Double weight,
            @Nullable String note, @Nullable List<String> tags, @Nullable Kind kind, @Nullable LocalDate due) {}

    /** Deliberately unvalidated: only the database's column limits stand in its way. */
    record Label(String label, BigDecimal amount) {}

    @RestController
    @RequestMapping("/api/things")
    static class ThingController {

        private final JdbcClient jdbc;

        ThingController(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @GetMapping("/{id}")
        Thing find(@PathVariable UUID id) {
            return new Thing("thing " + id, 1, false, null, null, List.of(), Kind.SMALL, null);
        }

        @GetMapping("/mine")
        List<Thing> mine(CurrentUser caller) {
            return List.of();
        }

        @PostMapping
        Thing create(@Valid @RequestBody Thing thing) {
            return thing;
        }

        @PostMapping(path = "/import", consumes = "text/csv")
        List<String> importCsv(@RequestBody String csv) {
            return csv.lines().toList();
        }

        @PostMapping("/labels")
        @ResponseStatus(HttpStatus.CREATED)
        Label label(@RequestBody Label label) {
            jdbc.sql("INSERT INTO bounded_label (label, amount) VALUES (?, ?)").params(label.label(), label.amount()).update();
            return label;
        }
    }
}
