package dev.kitty.transaction.csv;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CsvProperties.class)
class CsvConfiguration {
}
