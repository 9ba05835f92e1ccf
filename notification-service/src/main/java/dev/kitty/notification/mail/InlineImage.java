package dev.kitty.notification.mail;

import java.util.Objects;

/**
 * A PNG sent inside a mail (multipart/related) and shown where the HTML body says {@code <img src="cid:<contentId>">}:
 * mail clients show inline PNGs, unlike SVG or images they would have to fetch.
 *
 * @param contentId the Content-ID without angle brackets, e.g. {@code monthly-chart@kitty}
 */
public record InlineImage(String contentId, byte[] png) {

    public InlineImage {
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(png, "png");
        if (!contentId.matches("[A-Za-z0-9.\\-]+@[A-Za-z0-9.\\-]+")) {
            throw new IllegalArgumentException("Not a Content-ID: " + contentId);
        }
    }
}
