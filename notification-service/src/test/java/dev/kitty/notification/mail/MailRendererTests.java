package dev.kitty.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The templates with the real bundles: languages, fallbacks, and that HTML escapes what people typed. */
class MailRendererTests {

    static ResourceBundleMessageSource bundles() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private final MailRenderer renderer = new MailRenderer(bundles());
    private final Texts texts = new Texts(bundles());

    private static Map<String, Object> invitation(String budgetName) {
        var variables = new HashMap<String, Object>();
        variables.put("publicUrl", "https://kitty.example/");
        variables.put("inviterName", "Ann");
        variables.put("budgetName", budgetName);
        variables.put("role", "member");
        variables.put("email", "bob@example.com");
        variables.put("expires", "1 Dec 2026");
        variables.put("invitationId", "5a9f3a36-0d6c-4a59-9d65-3b1a2c0e8f11");
        variables.put("signInUrl", "https://kitty.example/login");
        variables.put("invitationsUrl", "https://kitty.example/invitations");
        variables.put("registerUrl", "https://kitty.example/register?email=bob%40example.com");
        return variables;
    }

    @Test
    void escapesWhatPeopleTypedInHtmlAndKeepsItAsItIsInText() {
        var mail = renderer.render(MailTemplate.INVITATION, "subject <b>", Locale.ENGLISH, invitation("<script>alert(1)</script>"));

        assertThat(mail.html()).doesNotContain("<script>", "<b>").contains("&lt;script&gt;alert(1)&lt;/script&gt;", "subject &lt;b&gt;");
        assertThat(mail.text()).contains("Ann invited you to join the budget “<script>alert(1)</script>” on Kitty as member.");
    }

    @Test
    void explainsHowToAcceptWithAndWithoutAnAccount() {
        var mail = renderer.render(MailTemplate.INVITATION, "s", Locale.ENGLISH, invitation("Household"));

        assertThat(mail.text()).contains("sign in at https://kitty.example/login", "GET /api/invitations",
                "POST /api/invitations/5a9f3a36-0d6c-4a59-9d65-3b1a2c0e8f11/accept",
                "register at https://kitty.example/register?email=bob%40example.com with exactly this address, bob@example.com",
                "valid until 1 Dec 2026");
        assertThat(mail.html()).contains("href=\"https://kitty.example/register?email=bob%40example.com\"");
    }

    @Test
    void writesGermanForGermanAndSwissGermanAndEnglishForAnythingElse() {
        assertThat(renderer.render(MailTemplate.INVITATION, "s", Locale.GERMAN, invitation("Haushalt")).text())
                .startsWith("Hallo,").contains("Ann hat Sie eingeladen, dem Budget „Haushalt“ auf Kitty als member beizutreten.");
        assertThat(renderer.render(MailTemplate.INVITATION, "s", Texts.localeOf("de-CH"), invitation("Haushalt")).text()).startsWith("Hallo,");
        assertThat(renderer.render(MailTemplate.INVITATION, "s", Texts.localeOf("fr-FR"), invitation("Maison")).text()).startsWith("Hello,");
        assertThat(Texts.localeOf(null)).isEqualTo(Locale.ENGLISH);
        assertThat(Texts.localeOf("")).isEqualTo(Locale.ENGLISH);
    }

    @ParameterizedTest
    @EnumSource(MailTemplate.class)
    void everyTemplateRendersInEveryLanguage(MailTemplate template) {
        var variables = invitation("Household");
        variables.putAll(Map.of("displayName", "Ann", "token", "tok", "link", "https://kitty.example/x", "title", "T", "body", "B",
                "resetUrl", "https://kitty.example/forgot-password"));
        variables.putAll(digest());
        for (var locale : new Locale[] {Locale.ENGLISH, Locale.GERMAN}) {
            var mail = renderer.render(template, "Subject", locale, variables);
            assertThat(mail.text()).isNotBlank().doesNotContain("??");
            assertThat(mail.html()).startsWith("<!DOCTYPE html>").contains("lang=\"" + locale.toLanguageTag() + "\"").doesNotContain("??");
        }
    }

    private static Map<String, Object> digest() {
        return Map.of("income", "3,200.00 EUR", "expense", "2,450.50 EUR", "net", "749.50 EUR", "chartSrc", "cid:monthly-chart@kitty",
                "topCategories", java.util.List.of(Map.of("name", "Rent <b>", "amount", "1,200.00 EUR")),
                "allocations", java.util.List.of(Map.of("name", "Holiday <i>", "amount", "749.50 EUR", "kind", "surplus")));
    }

    @Test
    void theDigestListsCategoriesAndGoalsEscapedAndShowsItsChartByContentId() {
        var variables = invitation("Household");
        variables.putAll(Map.of("title", "T", "body", "November 2026 is closed."));
        variables.putAll(digest());

        var mail = renderer.render(MailTemplate.MONTHLY_DIGEST, "November 2026", Locale.ENGLISH, variables);

        assertThat(mail.text()).contains("Income: 3,200.00 EUR", "Net: 749.50 EUR", "- Rent <b>: 1,200.00 EUR",
                "- Holiday <i>: 749.50 EUR (surplus)");
        assertThat(mail.html()).contains("src=\"cid:monthly-chart@kitty\"", "Rent &lt;b&gt;: 1,200.00 EUR", "Holiday &lt;i&gt;: 749.50 EUR (surplus)")
                .doesNotContain("<b>", "<i>");
        variables.putAll(Map.of("topCategories", java.util.List.of(), "allocations", java.util.List.of()));
        assertThat(renderer.render(MailTemplate.MONTHLY_DIGEST, "s", Locale.GERMAN, variables).text())
                .contains("Keine Ausgaben in diesem Monat.", "In diesem Monat floss nichts in Ziele.");
    }

    @Test
    void everyEnglishKeyHasAGermanText() throws Exception {
        var english = new java.util.Properties();
        var german = new java.util.Properties();
        try (var en = getClass().getResourceAsStream("/i18n/messages.properties");
                var de = getClass().getResourceAsStream("/i18n/messages_de.properties")) {
            english.load(new java.io.InputStreamReader(en, java.nio.charset.StandardCharsets.UTF_8));
            german.load(new java.io.InputStreamReader(de, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(german.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }

    @Test
    void verificationMailGreetsByNameOrWithout() {
        var variables = new HashMap<String, Object>(Map.of("token", "tok", "link", "https://kitty.example/verify-email?token=tok",
                "expires", Texts.dateTime(Instant.parse("2026-12-01T10:15:30Z"), Locale.ENGLISH, ZoneId.of("UTC"))));
        variables.put("displayName", null);
        assertThat(renderer.render(MailTemplate.VERIFY_EMAIL, "s", Locale.ENGLISH, variables).text()).startsWith("Hello,");
        variables.put("displayName", "<i>Ann</i>");
        var mail = renderer.render(MailTemplate.VERIFY_EMAIL, "s", Locale.ENGLISH, variables);
        assertThat(mail.text()).startsWith("Hello <i>Ann</i>,").contains("Or enter this code: tok", "valid until Dec 1, 2026, 10:15");
        assertThat(mail.html()).contains("Hello &lt;i&gt;Ann&lt;/i&gt;,", "<code>tok</code>",
                "href=\"https://kitty.example/verify-email?token=tok\"");
    }

    @Test
    void unknownRolesAndChangesFallBack() {
        assertThat(texts.getOrDefault("role.TREASURER", "TREASURER", Locale.GERMAN)).isEqualTo("TREASURER");
        assertThat(texts.getOrDefault("role.ADMIN", "ADMIN", Locale.GERMAN)).isEqualTo("Administrator");
    }
}
