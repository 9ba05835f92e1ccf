package dev.kitty.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EurekaRegistryTests {

    @Test
    void readsTheStateOfEveryInstance() {
        String json = """
                {"applications":{"versions__delta":"1","apps__hashcode":"UP_2_","application":[
                  {"name":"GATEWAY","instance":[{"instanceId":"127.0.0.1:gateway:8080","app":"GATEWAY","status":"UP"}]},
                  {"name":"AUTH-SERVICE","instance":[
                    {"instanceId":"a","status":"STARTING","unknownField":{"x":1}},
                    {"instanceId":"b","status":"UP"}]},
                  {"name":"USER-SERVICE","instance":[{"instanceId":"c","status":"DOWN"}]}]}}
                """;

        Map<String, List<String>> applications = EurekaRegistry.parse(json);

        assertThat(applications).containsEntry("GATEWAY", List.of("UP"))
            .containsEntry("AUTH-SERVICE", List.of("STARTING", "UP"))
            .containsEntry("USER-SERVICE", List.of("DOWN"));
        assertThat(EurekaRegistry.up(applications)).containsExactly("AUTH-SERVICE", "GATEWAY");
    }

    @Test
    void acceptsASingleApplicationAndInstanceWrittenAsObjects() {
        String json = """
                {"applications":{"application":{"name":"gateway","instance":{"status":"UP"}}}}
                """;

        assertThat(EurekaRegistry.parse(json)).containsExactly(Map.entry("GATEWAY", List.of("UP")));
    }

    @Test
    void readsAnEmptyRegistry() {
        assertThat(EurekaRegistry.parse("{\"applications\":{\"versions__delta\":\"1\",\"application\":[]}}")).isEmpty();
    }

    @Test
    void reportsNothingWhileEurekaDoesNotAnswer() {
        EurekaRegistry registry = new EurekaRegistry("http://127.0.0.1:" + dev.kitty.infra.Ports.freePort());

        assertThat(registry.applications()).isEmpty();
        assertThat(registry.upApplications()).isEmpty();
    }

}
