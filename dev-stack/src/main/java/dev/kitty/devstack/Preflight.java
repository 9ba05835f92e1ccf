package dev.kitty.devstack;

import dev.kitty.infra.Ports;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Everything that can be checked before anything starts. */
final class Preflight {

    private Preflight() {
    }

    static void check(StackConfig config) {
        List<String> missing = new ArrayList<>();
        for (Service service : config.services()) {
            if (!Files.isRegularFile(service.jar(config.repoRoot()))) {
                missing.add(config.repoRoot().relativize(service.jar(config.repoRoot())).toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new StackStartException("Missing service jar(s): " + String.join(", ", missing)
                    + ". Build first: ./mvnw -DskipTests package (or use ./run.sh, which builds and starts)");
        }
        Map<String, Integer> ports = config.ports().describe(config.services());
        Map<Integer, String> owners = new HashMap<>();
        ports.forEach((what, port) -> {
            String other = owners.putIfAbsent(port, what);
            if (other != null) {
                throw new IllegalArgumentException("Port " + port + " is configured for both " + other + " and " + what);
            }
        });
        ports.forEach(Ports::requireFree);
    }

}
