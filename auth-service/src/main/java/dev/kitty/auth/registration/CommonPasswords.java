package dev.kitty.auth.registration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Passwords attackers try first. Compared case-insensitively: {@code PASSWORD123456} is no
 * better than {@code password123456} against a guessing attack that tries case variants.
 */
@Component
class CommonPasswords {

    static final String RESOURCE = "passwords/common-passwords.txt";

    private final Set<String> passwords;

    CommonPasswords() {
        this(new ClassPathResource(RESOURCE));
    }

    CommonPasswords(Resource list) {
        this.passwords = load(list);
    }

    boolean contains(String password) {
        return passwords.contains(password.toLowerCase(Locale.ROOT));
    }

    int size() {
        return passwords.size();
    }

    private static Set<String> load(Resource list) {
        try (var reader = new BufferedReader(new InputStreamReader(list.getInputStream(), StandardCharsets.UTF_8))) {
            var loaded = new HashSet<String>();
            reader.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .forEach(loaded::add);
            return Set.copyOf(loaded);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the common password list " + list, e);
        }
    }
}
