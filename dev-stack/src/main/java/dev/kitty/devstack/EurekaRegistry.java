package dev.kitty.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads which applications Eureka lists, and in which state, from {@code GET /eureka/apps}. */
public final class EurekaRegistry {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI apps;

    private final HttpClient http;

    public EurekaRegistry(String eurekaUrl) {
        this.apps = URI.create(eurekaUrl.replaceAll("/+$", "") + "/eureka/apps");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** The instance states per application (upper-case Eureka id), or empty while Eureka does not answer. */
    public Optional<Map<String, List<String>>> applications() {
        HttpRequest request = HttpRequest.newBuilder(this.apps)
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(3))
            .GET()
            .build();
        try {
            HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
            return (response.statusCode() == 200) ? Optional.of(parse(response.body())) : Optional.empty();
        }
        catch (IOException ex) {
            return Optional.empty();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The applications with at least one instance UP. */
    public Set<String> upApplications() {
        return applications().map(EurekaRegistry::up).orElse(Set.of());
    }

    static Set<String> up(Map<String, List<String>> applications) {
        Set<String> up = new TreeSet<>();
        applications.forEach((name, states) -> {
            if (states.contains("UP")) {
                up.add(name);
            }
        });
        return up;
    }

    /**
     * Parses Eureka's JSON. A single application or instance may come as an object instead of a one-element
     * array, depending on the codec, so both are accepted.
     */
    static Map<String, List<String>> parse(String json) {
        Map<String, List<String>> applications = new LinkedHashMap<>();
        JsonNode root = JSON.readTree(json);
        for (JsonNode application : elements(root.path("applications").path("application"))) {
            String name = application.path("name").asString("").toUpperCase(Locale.ROOT);
            List<String> states = new ArrayList<>();
            for (JsonNode instance : elements(application.path("instance"))) {
                states.add(instance.path("status").asString("UNKNOWN"));
            }
            applications.put(name, List.copyOf(states));
        }
        return applications;
    }

    private static List<JsonNode> elements(JsonNode node) {
        if (node.isArray()) {
            return List.copyOf(node.values());
        }
        return node.isObject() ? List.of(node) : List.of();
    }

}
