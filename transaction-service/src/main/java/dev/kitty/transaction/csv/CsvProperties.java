package dev.kitty.transaction.csv;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the CSV import.
 *
 * @param maxImportSize the largest file accepted; a larger one is refused with 413 before it is parsed
 */
@ConfigurationProperties("kitty.transaction.csv")
record CsvProperties(@DefaultValue("20MB") DataSize maxImportSize) {

    CsvProperties {
        if (maxImportSize.toBytes() <= 0 || maxImportSize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("kitty.transaction.csv.max-import-size must be between 1 byte and 2 GB");
        }
    }
}
