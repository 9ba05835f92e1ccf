package dev.kitty.transaction.summary;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kitty.platform.security.CurrentUser;
import dev.kitty.transaction.ledger.TransactionType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The summary and its two charts (VIEWER+). See {@link Period} for {@code from}/{@code to}. */
@RestController
@RequestMapping("/api/budgets/{budgetId}")
class SummaryController {

    static final MediaType SVG = MediaType.valueOf("image/svg+xml");

    /** Money as decimal strings with exactly the currency's minor digits; {@code from}/{@code to}: the whole months covered. */
    record SummaryResponse(String currency, LocalDate from, LocalDate to, String income, String expense, String net, String balance,
            List<MonthResponse> byMonth, List<CategoryResponse> byCategory, List<MemberResponse> byMember) {

        static SummaryResponse from(Summary summary) {
            var money = new Money(summary.currency());
            return new SummaryResponse(summary.currency(), summary.period().from(), summary.period().to(),
                    money.format(summary.income()), money.format(summary.expense()), money.format(summary.net()),
                    money.format(summary.balance()),
                    summary.byMonth().stream().map(month -> new MonthResponse(month.month().toString(), money.format(month.income()),
                            money.format(month.expense()), money.format(month.net()))).toList(),
                    summary.byCategory().stream().map(category -> new CategoryResponse(category.categoryId(), category.name(),
                            category.type(), money.format(category.total()),
                            category.monthlyLimit() == null ? null : money.format(category.monthlyLimit()))).toList(),
                    summary.byMember().stream().map(member -> new MemberResponse(member.userId(), member.displayName(),
                            money.format(member.income()), money.format(member.expense()))).toList());
        }
    }

    record MonthResponse(String month, String income, String expense, String net) {}

    record CategoryResponse(@Nullable UUID categoryId, String name, TransactionType type, String total,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String monthlyLimit) {}

    record MemberResponse(@Nullable UUID userId, String displayName, String income, String expense) {}

    private final Summaries summaries;
    private final SummaryCharts charts;

    SummaryController(Summaries summaries, SummaryCharts charts) {
        this.summaries = summaries;
        this.charts = charts;
    }

    @GetMapping("/summary")
    SummaryResponse summary(CurrentUser caller, @PathVariable UUID budgetId,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to) {
        return SummaryResponse.from(summaries.of(caller, budgetId, from, to, Period.MAX_MONTHS));
    }

    /** At most {@link SummaryCharts#MAX_MONTHS} bars: beyond that a bar per month does not read. */
    @GetMapping("/charts/monthly.svg")
    ResponseEntity<String> monthly(CurrentUser caller, @PathVariable UUID budgetId,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to) {
        return svg(charts.monthly(summaries.of(caller, budgetId, from, to, SummaryCharts.MAX_MONTHS)));
    }

    @GetMapping("/charts/categories.svg")
    ResponseEntity<String> categories(CurrentUser caller, @PathVariable UUID budgetId,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to) {
        return svg(charts.categories(summaries.of(caller, budgetId, from, to, Period.MAX_MONTHS)));
    }

    private static ResponseEntity<String> svg(String document) {
        return ResponseEntity.ok().contentType(SVG).cacheControl(CacheControl.noCache().cachePrivate()).body(document);
    }
}
