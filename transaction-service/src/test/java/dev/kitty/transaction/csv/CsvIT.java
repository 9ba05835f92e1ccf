package dev.kitty.transaction.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import dev.kitty.transaction.RunningTransactionService;
import dev.kitty.transaction.summary.RollupRepair;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/** CSV export and import through the API, on the real database: format, round trip, bad files, duplicates, events. */
class CsvIT extends RunningTransactionService {

    static final String HEADER = "id,occurredOn,type,amount,currency,category,description,createdBy,externalId";

    @Autowired
    RollupRepair repair;

    // ---- export

    @Test
    void exportsTheHeaderQuotedFieldsAmountsWithTheCurrencysDigitsCategoryNamesAndAuthorsOldestFirst() throws IOException {
        var team = team();
        var food = category(team.budget(), team.admin(), "Food", "EXPENSE");
        var market = record(team.budget(), team.member(), """
                {"type": "EXPENSE", "amount": "12.5", "occurredOn": "2026-03-14", "categoryId": "%s",
                 "description": "Market, \\"Bio\\"\\nsecond line, ünïcødé 🐱"}""".formatted(food));
        var pay = record(team.budget(), team.owner(), """
                {"type": "INCOME", "amount": "2500", "occurredOn": "2026-03-01"}""");

        var result = export(team.budget(), team.viewer(), "");

        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(result.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("attachment; filename=\"transactions-" + team.budget()).endsWith(".csv\"");
        var text = body(result);
        assertThat(text).startsWith(HEADER + "\r\n");
        assertThat(text).contains("\"Market, \"\"Bio\"\"\nsecond line, ünïcødé 🐱\"");
        var rows = parse(text);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).toList()).containsExactly(pay.get("id").asString(), "2026-03-01", "INCOME", "2500.00", "EUR", "", "",
                team.owner().id().toString(), "");
        assertThat(rows.get(1).toList()).containsExactly(market.get("id").asString(), "2026-03-14", "EXPENSE", "12.50", "EUR", "Food",
                "Market, \"Bio\"\nsecond line, ünïcødé 🐱", team.member().id().toString(), "");
    }

    @Test
    void exportsThePeriodOnlyAndAnEmptyBudgetAsTheHeaderAlone() throws IOException {
        var team = team("JPY");
        assertThat(body(export(team.budget(), team.member(), ""))).isEqualTo(HEADER + "\r\n");
        record(team.budget(), team.member(), "{\"type\": \"EXPENSE\", \"amount\": \"1200\", \"occurredOn\": \"2026-01-31\"}");
        record(team.budget(), team.member(), "{\"type\": \"EXPENSE\", \"amount\": \"300\", \"occurredOn\": \"2026-02-01\"}");
        record(team.budget(), team.member(), "{\"type\": \"EXPENSE\", \"amount\": \"5\", \"occurredOn\": \"2026-03-01\"}");

        var rows = parse(body(export(team.budget(), team.member(), "?from=2026-02-01&to=2026-02-28")));

        assertThat(rows).extracting(row -> row.get("amount") + "@" + row.get("occurredOn")).containsExactly("300@2026-02-01");
        assertThat(call(HttpMethod.GET, transactions(team.budget()) + "/export?from=2026-03-01&to=2026-02-01", team.member(), null))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void guardsTextCellsAgainstSpreadsheetFormulasOnExportAndStripsNothingOnImport() throws IOException {
        var team = team();
        category(team.budget(), team.admin(), "=Fees", "EXPENSE");
        var categoryId = jdbc.sql("SELECT id FROM category WHERE budget_id = :b").param("b", team.budget()).query(UUID.class).single();
        for (var description : List.of("=HYPERLINK(\"http://evil\")", "+1", "-2 refund", "@SUM(A1)", "plain")) {
            record(team.budget(), team.member(), """
                    {"type": "EXPENSE", "amount": "1", "occurredOn": "2026-03-01", "categoryId": "%s", "description": %s}"""
                    .formatted(categoryId, json.writeValueAsString(description)));
        }

        var rows = parse(body(export(team.budget(), team.member(), "")));

        assertThat(rows).extracting(row -> row.get("description")).containsExactlyInAnyOrder(
                "'=HYPERLINK(\"http://evil\")", "'+1", "'-2 refund", "'@SUM(A1)", "plain");
        assertThat(rows).extracting(row -> row.get("category")).containsOnly("'=Fees");
        var other = team();
        var report = importCsv(other.budget(), other.member(), "type,amount,occurredOn,description\nEXPENSE,1,2026-03-01,'=1+2\n", "");
        assertThat(report.get("imported").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT description FROM ledger_transaction WHERE budget_id = :b").param("b", other.budget())
                .query(String.class).single()).isEqualTo("'=1+2");
    }

    @Test
    void refusesBeforeStreamingWithAProblemNotAHalfWrittenFile() {
        var team = team();
        var stranger = user("stranger");
        var refused = export(team.budget(), stranger, "");
        assertThat(refused).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(refused.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(mvc.get().uri(transactions(team.budget()) + "/export").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    // ---- round trip

    @Test
    void roundTripsTransactionsIntoAnotherBudget() throws IOException {
        var from = team();
        var to = team();
        for (var team : List.of(from, to)) {
            category(team.budget(), team.admin(), "Food", "EXPENSE");
            category(team.budget(), team.admin(), "Salary", "INCOME");
        }
        var food = jdbc.sql("SELECT id FROM category WHERE budget_id = :b AND name = 'Food'").param("b", from.budget()).query(UUID.class).single();
        var salary = jdbc.sql("SELECT id FROM category WHERE budget_id = :b AND name = 'Salary'").param("b", from.budget()).query(UUID.class).single();
        for (var body : List.of(
                "{\"type\": \"EXPENSE\", \"amount\": \"12.5\", \"occurredOn\": \"2026-03-14\", \"categoryId\": \"%s\", \"description\": %s}"
                        .formatted(food, json.writeValueAsString("Market, \"Bio\" shop\nline two\twith tab; ünïcødé 🐱 日本")),
                "{\"type\": \"INCOME\", \"amount\": \"2500\", \"occurredOn\": \"2026-03-01\", \"categoryId\": \"%s\", \"description\": \"March\"}"
                        .formatted(salary),
                "{\"type\": \"EXPENSE\", \"amount\": \"3\", \"occurredOn\": \"2026-03-02\"}",
                "{\"type\": \"EXPENSE\", \"amount\": \"3\", \"occurredOn\": \"2026-03-02\"}",
                "{\"type\": \"EXPENSE\", \"amount\": \"0.01\", \"occurredOn\": \"2026-03-02\", \"description\": \"  \\\"quoted\\\"  \"}")) {
            record(from.budget(), from.member(), body);
        }
        var exported = body(export(from.budget(), from.viewer(), ""));

        var report = importCsv(to.budget(), to.member(), exported, "");

        assertThat(report.get("imported").asInt()).isEqualTo(5);
        assertThat(report.get("errors")).isEmpty();
        assertThat(report.get("duplicates")).isEmpty();
        assertThat(contents(parse(body(export(to.budget(), to.viewer(), ""))))).containsExactlyInAnyOrderElementsOf(contents(parse(exported)));
        assertThat(repair.repair(to.budget())).isEmpty();
        // the same file again: every line is a duplicate of what the first import wrote
        var again = importCsv(to.budget(), to.member(), exported, "");
        assertThat(again.get("imported").asInt()).isZero();
        assertThat(again.get("duplicates")).hasSize(5);
    }

    // ---- bad files

    @Test
    void readsQuotedFieldsWithCommasNewlinesAndQuotesAndCountsPhysicalLines() {
        var team = team();
        var file = String.join("\n",
                "type,amount,occurredOn,description",
                "EXPENSE,1.00,2026-01-01,\"a, b\"",
                "EXPENSE,2.00,2026-01-01,\"first",
                "second \"\"quoted\"\"\"",
                "EXPENSE,oops,2026-01-01,x") + "\n";

        var refused = importCsv(team.budget(), team.member(), file, "");

        assertThat(refused.get("imported").asInt()).isZero();
        assertThat(lines(refused.get("errors"))).containsExactly(5L);
        assertThat(rows("ledger_transaction", team.budget())).isZero();

        var accepted = importCsv(team.budget(), team.member(), file.replace("oops", "3"), "");

        assertThat(accepted.get("imported").asInt()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT description FROM ledger_transaction WHERE budget_id = :b ORDER BY amount").param("b", team.budget())
                .query(String.class).list()).containsExactly("a, b", "first\nsecond \"quoted\"", "x");
    }

    @Test
    void acceptsAByteOrderMarkAndColumnsInAnyOrderAndCase() {
        var team = team();
        var report = importCsv(team.budget(), team.member(), "\uFEFFOCCURREDON,Amount,TYPE\r\n2026-01-01,1.00,expense\r\n", "");
        assertThat(report.get("imported").asInt()).isEqualTo(1);
        assertThat(rows("ledger_transaction", team.budget())).isOne();
    }

    @Test
    void refusesAFileThatIsNotUtf8AndImportsNothing() {
        var team = team();
        var latin1 = "type,amount,occurredOn,description\nEXPENSE,1.00,2026-01-01,Café crème\n".getBytes(StandardCharsets.ISO_8859_1);

        var problem = expect(importBytes(team.budget(), team.member(), latin1, ""), HttpStatus.BAD_REQUEST);

        assertThat(problem.get("type").asString()).endsWith("csv-not-utf8");
        assertThat(problem.get("detail").asString()).contains("not valid UTF-8");
        assertThat(rows("ledger_transaction", team.budget())).isZero();
    }

    @Test
    void skipsAndCountsEmptyLines() {
        var team = team();
        var report = importCsv(team.budget(), team.member(), "type,amount,occurredOn\n\nEXPENSE,1.00,2026-01-01\n\n   \nEXPENSE,2.00,2026-01-02\n\n", "");
        assertThat(report.get("imported").asInt()).isEqualTo(2);
        assertThat(report.get("skipped").asInt()).isEqualTo(4);
        assertThat(report.get("errors")).isEmpty();
    }

    @Test
    void refusesAFileWithoutARequiredColumnOrWithAnUnknownOneOrWithoutHeader() {
        var team = team();
        for (var file : List.of("type,amount\nEXPENSE,1.00\n", "", "\n", "type,amount,occurredOn,memo\nEXPENSE,1.00,2026-01-01,x\n",
                "type,amount,occurredOn,type\nEXPENSE,1.00,2026-01-01,INCOME\n")) {
            var problem = expect(importBytes(team.budget(), team.member(), file.getBytes(StandardCharsets.UTF_8), ""), HttpStatus.BAD_REQUEST);
            assertThat(problem.get("type").asString()).as(file).containsAnyOf("csv-columns-missing", "csv-columns-unknown", "csv-header");
        }
        var missing = expect(importBytes(team.budget(), team.member(), "type,amount\nEXPENSE,1.00\n".getBytes(StandardCharsets.UTF_8), ""), HttpStatus.BAD_REQUEST);
        assertThat(missing.get("detail").asString()).contains("occurredon");
        assertThat(rows("ledger_transaction", team.budget())).isZero();
    }

    @Test
    void reportsEveryBadLineByTheApisRulesAndImportsNothing() {
        var team = team();
        category(team.budget(), team.admin(), "Food", "EXPENSE");
        category(team.budget(), team.admin(), "Salary", "INCOME");
        var file = String.join("\n",
                "type,amount,occurredOn,category,description,externalId",
                "EXPENSE,0,2026-01-01,,,",
                "EXPENSE,1.234,2026-01-01,,,",
                "EXPENSE,abc,2026-01-01,,,",
                "EXPENSE,1.00,2026-13-01,,,",
                "EXPENSE,1.00,1800-01-01,,,",
                "EXPENSE,1.00,2026-01-01,Salary,,",
                "EXPENSE,1.00,2026-01-01,Nope,,",
                "TRANSFER,1.00,2026-01-01,,,",
                "EXPENSE,1.00,2026-01-01,," + "x".repeat(501) + ",",
                "EXPENSE,1.00,2026-01-01,,," + "x".repeat(201),
                "EXPENSE,1.00,2026-01-01,,",
                "EXPENSE,1.00,2026-01-01,,,,",
                "EXPENSE,10000000000000,2026-01-01,,,",
                "EXPENSE,-5,2026-01-01,,,",
                "EXPENSE,1.00,2026-01-01,food,fine,") + "\n";

        var report = importCsv(team.budget(), team.member(), file, "");

        assertThat(report.get("imported").asInt()).isZero();
        assertThat(lines(report.get("errors"))).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L);
        assertThat(messages(report.get("errors"))).containsExactly(
                "amount: must be greater than zero",
                "amount: must have at most 2 decimal places in EUR",
                "amount: must be a positive decimal number like 12.50",
                "occurredOn: must be a date like 2026-05-01",
                messages(report.get("errors")).get(4),
                "category: is a INCOME category, not EXPENSE",
                "category: no category named \"Nope\" in this budget",
                "type: must be INCOME or EXPENSE",
                "description: must be at most 500 characters",
                "externalId: must be 1 to 200 characters",
                "has 5 fields, the header has 6",
                "has 7 fields, the header has 6",
                "amount: must be less than 1000000000000",
                "amount: must be a positive decimal number like 12.50");
        assertThat(messages(report.get("errors")).get(4)).startsWith("occurredOn: must be between 1900-01-01 and ");
        assertThat(rows("ledger_transaction", team.budget())).isZero();
    }

    @Test
    void reportsAnUnbalancedQuoteOnItsLineAndImportsNothing() {
        var team = team();
        var report = importCsv(team.budget(), team.member(),
                "type,amount,occurredOn,description\nEXPENSE,1.00,2026-01-01,fine\nEXPENSE,2.00,2026-01-01,\"never closed\nEXPENSE,3.00,2026-01-01,x\n", "");
        assertThat(report.get("imported").asInt()).isZero();
        assertThat(lines(report.get("errors"))).containsExactly(3L);
        assertThat(messages(report.get("errors")).getFirst()).contains("never closed");

        var trailing = importCsv(team.budget(), team.member(),
                "type,amount,occurredOn,description\nEXPENSE,1.00,2026-01-01,fine\nEXPENSE,2.00,2026-01-01,\"closed\"too early\n", "");
        assertThat(trailing.get("imported").asInt()).isZero();
        assertThat(lines(trailing.get("errors"))).containsExactly(3L);
        assertThat(rows("ledger_transaction", team.budget())).isZero();
    }

    @Test
    void refusesAnotherContentTypeWith415() {
        var team = team();
        var result = mvc.post().uri(transactions(team.budget()) + "/import").header(HttpHeaders.AUTHORIZATION, "Bearer " + team.member().token())
                .contentType(MediaType.APPLICATION_JSON).content("{}").accept(MediaType.APPLICATION_JSON).exchange();
        expect(result, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void refusesA50MegabyteFileEarlyWith413() {
        var team = team();
        var line = "EXPENSE,1.00,2026-01-01,padding padding padding padding padding padding padding padding\n".getBytes(StandardCharsets.UTF_8);
        var file = new byte[50 * 1024 * 1024];
        var header = "type,amount,occurredOn,description\n".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(header, 0, file, 0, header.length);
        for (int at = header.length; at + line.length <= file.length; at += line.length) {
            System.arraycopy(line, 0, file, at, line.length);
        }

        var problem = expect(importBytes(team.budget(), team.member(), file, ""), HttpStatus.CONTENT_TOO_LARGE);

        assertThat(problem.get("type").asString()).endsWith("csv-too-large");
        assertThat(rows("ledger_transaction", team.budget())).isZero();
    }

    // ---- dry run, duplicates

    @Test
    void reportsDuplicatesByExternalIdAndByContentAsAMultisetAndImportsRepeatedLines() {
        var team = team();
        var coffee = record(team.budget(), team.member(),
                "{\"type\": \"EXPENSE\", \"amount\": \"4.2\", \"occurredOn\": \"2026-02-01\", \"description\": \"Coffee\"}").get("id").asString();
        assertThat(importCsv(team.budget(), team.member(), "type,amount,occurredOn,description,externalId\nEXPENSE,9.99,2026-02-02,Books,bank-1\n", "")
                .get("imported").asInt()).isOne();
        var books = jdbc.sql("SELECT id FROM ledger_transaction WHERE budget_id = :b AND external_id = 'bank-1'").param("b", team.budget())
                .query(UUID.class).single();
        var file = String.join("\n",
                "type,amount,occurredOn,description,externalId",
                "EXPENSE,9.99,2026-02-02,Books,bank-1",
                "EXPENSE,5.00,2026-02-03,Cinema,bank-2",
                "EXPENSE,5.00,2026-02-03,Cinema,bank-2",
                "EXPENSE,4.2,2026-02-01,Coffee,",
                "EXPENSE,4.20,2026-02-01,Coffee,",
                "EXPENSE,4.20,2026-02-01,Coffee,",
                "INCOME,4.20,2026-02-01,Coffee,") + "\n";
        var before = rows("ledger_transaction", team.budget());

        var preview = importCsv(team.budget(), team.member(), file, "?dryRun=true");

        assertThat(rows("ledger_transaction", team.budget())).isEqualTo(before);
        var report = importCsv(team.budget(), team.member(), file, "");
        assertThat(report).isEqualTo(preview);
        assertThat(report.get("imported").asInt()).isEqualTo(4);
        assertThat(report.get("skipped").asInt()).isZero();
        var duplicates = report.get("duplicates");
        assertThat(duplicates).hasSize(3);
        assertThat(duplicates.get(0).get("line").asInt()).isEqualTo(2);
        assertThat(duplicates.get(0).get("transactionId").asString()).isEqualTo(books.toString());
        assertThat(duplicates.get(0).get("reason").asString()).isEqualTo("externalId");
        assertThat(duplicates.get(1).get("line").asInt()).isEqualTo(4);
        assertThat(duplicates.get(1).get("transactionId").isNull()).isTrue();
        assertThat(duplicates.get(1).get("reason").asString()).isEqualTo("externalId");
        assertThat(duplicates.get(2).get("line").asInt()).isEqualTo(5);
        assertThat(duplicates.get(2).get("transactionId").asString()).isEqualTo(coffee);
        assertThat(duplicates.get(2).get("reason").asString()).isEqualTo("same date, amount and description");
        assertThat(rows("ledger_transaction", team.budget())).isEqualTo(before + 4);
        assertThat(repair.repair(team.budget())).isEmpty();
    }

    @Test
    void aDryRunReportsErrorsAndWritesNothing() {
        var team = team();
        var file = "type,amount,occurredOn\nEXPENSE,1.00,2026-01-01\nEXPENSE,2.00,2026-01-02\n";

        var preview = importCsv(team.budget(), team.member(), file, "?dryRun=true");

        assertThat(preview.get("imported").asInt()).isEqualTo(2);
        assertThat(rows("ledger_transaction", team.budget())).isZero();
        assertThat(rows("monthly_rollup", team.budget())).isZero();
        var bad = importCsv(team.budget(), team.member(), file + "EXPENSE,0,2026-01-03\n", "?dryRun=true");
        assertThat(bad.get("imported").asInt()).isZero();
        assertThat(lines(bad.get("errors"))).containsExactly(4L);
    }

    // ---- events, size

    @Test
    void publishesTheImportedTransactionsInPartsOfFiveHundredNotOneEventALine() {
        var team = team();
        var file = new StringBuilder("type,amount,occurredOn,description,externalId\n");
        for (int i = 1; i <= 1_001; i++) {
            file.append("EXPENSE,").append(i).append(".00,2026-01-0").append(1 + i % 9).append(",line ").append(i).append(',')
                    .append(i == 1 ? "bank-1" : "").append('\n');
        }
        importCsv(team.budget(), team.member(), file.toString(), "");

        // the outbox sends after commit, in no particular order: read the budget's events until the third part has come
        var seen = new java.util.concurrent.atomic.AtomicInteger();
        var events = transactionEvents(team.budget(), e -> e.get("type").asString().equals("kitty.transaction.imported.v1")
                && seen.incrementAndGet() == 3);
        // no event a line: an import does not use the single recordings' event type
        assertThat(events).noneMatch(e -> e.get("type").asString().equals("kitty.transaction.recorded.v1"));
        var parts = events.stream().filter(e -> e.get("type").asString().equals("kitty.transaction.imported.v1")).map(e -> e.get("data")).toList();
        assertThat(parts).hasSize(3);
        assertThat(parts).extracting(p -> p.get("part").asInt()).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.get("parts").asInt()).isEqualTo(3);
            assertThat(p.get("importId").asString()).isEqualTo(parts.get(0).get("importId").asString());
            assertThat(p.get("importedBy").asString()).isEqualTo(team.member().id().toString());
            assertThat(p.get("currency").asString()).isEqualTo("EUR");
        });
        var items = parts.stream().flatMap(p -> p.get("transactions").valueStream()).toList();
        assertThat(items).hasSize(1_001);
        assertThat(items).extracting(i -> i.get("description").asString()).doesNotHaveDuplicates().contains("line 1", "line 1001");
        var first = items.stream().filter(i -> i.get("description").asString().equals("line 1")).findFirst().orElseThrow();
        assertThat(first.get("externalId").asString()).isEqualTo("bank-1");
        assertThat(first.get("amount").asString()).isEqualTo("1.00");
        assertThat(first.get("categoryId").isNull()).isTrue();
        var stored = jdbc.sql("SELECT id FROM ledger_transaction WHERE budget_id = :budget").param("budget", team.budget())
                .query(java.util.UUID.class).list();
        assertThat(items).extracting(i -> java.util.UUID.fromString(i.get("transactionId").asString()))
                .containsExactlyInAnyOrderElementsOf(stored);
    }

    @Test
    void imports100000LinesInOneRequestAndTheSummaryStillEqualsTheTransactions() {
        var team = team();
        category(team.budget(), team.admin(), "Food", "EXPENSE");
        var file = new StringBuilder("type,amount,occurredOn,category,description,externalId\n");
        var start = LocalDate.of(2025, 1, 1);
        for (int i = 0; i < 100_000; i++) {
            file.append(i % 10 == 0 ? "INCOME" : "EXPENSE").append(',').append(1 + i % 997).append('.').append(String.format("%02d", i % 100))
                    .append(',').append(start.plusDays(i % 365)).append(',').append(i % 10 == 0 ? "" : "Food").append(',')
                    .append("line ").append(i).append(',').append(i % 2 == 0 ? "ext-" + i : "").append('\n');
        }

        long began = System.nanoTime();
        var report = importCsv(team.budget(), team.member(), file.toString(), "");
        long millis = (System.nanoTime() - began) / 1_000_000;

        System.out.println("CSV import of 100,000 lines (" + file.length() / 1024 + " KB): " + millis + " ms");
        assertThat(report.get("errors")).isEmpty();
        assertThat(report.get("imported").asInt()).isEqualTo(100_000);
        assertThat(rows("ledger_transaction", team.budget())).isEqualTo(100_000);
        assertThat(repair.repair(team.budget())).isEmpty();
        // the outbox sends the 200 parts after commit: wait until it has, so that no other test's events queue behind them
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE :budget")
                .param("budget", "%" + team.budget() + "%").query(Long.class).single() == 0);
        System.out.println("... and its 200 TransactionsImported parts sent to Kafka after " + (System.nanoTime() - began) / 1_000_000 + " ms");
    }

    // ---- helpers

    private MvcTestResult export(UUID budget, User caller, String query) {
        return mvc.get().uri(transactions(budget) + "/export" + query).header(HttpHeaders.AUTHORIZATION, "Bearer " + caller.token()).exchange();
    }

    private static String body(MvcTestResult result) {
        assertThat(result).hasStatusOk();
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private MvcTestResult importBytes(UUID budget, User caller, byte[] file, String query) {
        return mvc.post().uri(transactions(budget) + "/import" + query).header(HttpHeaders.AUTHORIZATION, "Bearer " + caller.token())
                .contentType("text/csv").content(file).accept(MediaType.APPLICATION_JSON).exchange();
    }

    private JsonNode importCsv(UUID budget, User caller, String file, String query) {
        return expect(importBytes(budget, caller, file.getBytes(StandardCharsets.UTF_8), query), HttpStatus.OK);
    }

    private static List<CSVRecord> parse(String text) throws IOException {
        try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))) {
            assertThat(parser.getHeaderNames()).containsExactly(HEADER.split(","));
            return parser.getRecords();
        }
    }

    /** What a round trip keeps: everything but the id and the author. */
    private static List<String> contents(List<CSVRecord> rows) {
        var contents = new ArrayList<String>();
        for (var row : rows) {
            contents.add(String.join("|", row.get("occurredOn"), row.get("type"), row.get("amount"), row.get("currency"), row.get("category"),
                    row.get("description"), row.get("externalId")));
        }
        return contents;
    }

    private static List<Long> lines(JsonNode errors) {
        var lines = new ArrayList<Long>();
        errors.forEach(error -> lines.add(error.get("line").asLong()));
        return lines;
    }

    private static List<String> messages(JsonNode errors) {
        var messages = new ArrayList<String>();
        errors.forEach(error -> messages.add(error.get("message").asString()));
        return messages;
    }
}
