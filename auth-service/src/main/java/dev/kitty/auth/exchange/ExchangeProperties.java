package dev.kitty.auth.exchange;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call the credential exchange: the gateway, and only with this client credential, sent as
 * {@code Authorization: Basic base64(clientId:clientSecret)} (RFC 6749 §2.3.1 client authentication).
 *
 * @param clientId     the gateway's client id
 * @param clientSecret shared with the gateway (env {@code KITTY_EXCHANGE_CLIENT_SECRET}, at least 32
 *                     characters); unset, the exchange answers 404 and HTTP Basic at the gateway cannot work
 */
@ConfigurationProperties("kitty.auth.exchange")
record ExchangeProperties(@DefaultValue("gateway") String clientId, @Nullable String clientSecret) {

    static final int MIN_SECRET_LENGTH = 32;

    ExchangeProperties {
        if (clientSecret != null && clientSecret.isBlank()) {
            clientSecret = null;
        }
        if (clientSecret != null && clientSecret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("kitty.auth.exchange.client-secret (KITTY_EXCHANGE_CLIENT_SECRET) must have at least "
                    + MIN_SECRET_LENGTH + " characters");
        }
    }

    boolean enabled() {
        return clientSecret != null;
    }
}
