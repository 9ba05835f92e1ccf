package dev.kitty.gateway.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the gateway accepts from one client request (docs/hostile-input.md).
 *
 * @param maxBodySize        any request body but a CSV import
 * @param maxImportSize      the CSV import's body; transaction-service refuses more than its own
 *                           {@code kitty.transaction.csv.max-import-size} (20 MB) anyway
 * @param requestHeadTimeout how long a connection may take to deliver a request's line and headers, also while it
 *                           waits for the next request on a kept-alive connection; slowloris' trick is to never
 *                           finish them
 * @param readTimeout        the longest pause while a request body arrives
 * @param requestTimeout     how long a whole request body may take to arrive
 */
@ConfigurationProperties("kitty.gateway.limits")
record LimitsProperties(
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("20MB") DataSize maxImportSize,
        @DefaultValue("10s") Duration requestHeadTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("120s") Duration requestTimeout) {
}
