package dev.kitty.notification.mail;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders {@code templates/mail/<file>.txt} (Thymeleaf TEXT mode) and {@code .html} (HTML mode,
 * which escapes every {@code th:text}: display and budget names are user input) with the message
 * bundles in the recipient's locale. An engine of its own, not Boot's web one.
 */
@Component
class MailRenderer {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    MailRenderer(MessageSource messages) {
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 1));
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 2));
        engine.setTemplateEngineMessageSource(messages);
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }

    ComposedMail render(MailTemplate template, String subject, Locale locale, Map<String, Object> variables) {
        var context = new Context(locale, variables);
        context.setVariable("subject", subject);
        context.setVariable("lang", locale.toLanguageTag());
        var text = engine.process(template.file() + ".txt", context);
        var html = engine.process(template.file() + ".html", context);
        return new ComposedMail(subject, text, html);
    }
}
