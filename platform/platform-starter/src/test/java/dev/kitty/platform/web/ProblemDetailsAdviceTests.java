package dev.kitty.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@WebMvcTest(controllers = ProblemDetailsAdviceTests.SampleController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({ProblemDetailsAdvice.class, ProblemDetailsAdviceTests.SampleController.class})
class ProblemDetailsAdviceTests {

    @SpringBootApplication
    static class SampleApplication {
    }

    record Thing(@NotBlank String name, @Positive int quantity) {}

    @RestController
    static class SampleController {

        @PostMapping("/things")
        Thing create(@Valid @RequestBody Thing thing) {
            return thing;
        }

        @GetMapping("/things/{id}")
        Thing find(@PathVariable UUID id) {
            throw ApiProblem.notFound("No thing " + id);
        }

        @GetMapping("/throttled")
        void throttled() {
            throw ApiProblem.tooManyRequests("Slow down", Duration.ofMillis(2500));
        }

        @GetMapping("/mfa")
        void mfa() {
            throw ApiProblem.unauthorized("mfa-required", "A one-time code is required");
        }

        @GetMapping("/race")
        void race() {
            throw new OptimisticLockingFailureException("version 3 expected");
        }

        @GetMapping("/refusals/{index}")
        void refuse(@PathVariable int index, @RequestParam boolean domain) {
            var equivalent = EQUIVALENTS.get(index);
            throw domain ? equivalent.domain() : equivalent.problem();
        }

        @GetMapping("/bug")
        void bug() {
            throw new IllegalStateException("secret internal detail");
        }
    }

    @Autowired
    MockMvc mvc;

    /** Each domain exception next to the ApiProblem it stands for: they must answer alike. */
    record Equivalent(String name, DomainException domain, ApiProblem problem) {}

    static final List<Equivalent> EQUIVALENTS = List.of(
            new Equivalent("not found", new DomainException.NotFound("No such user."), ApiProblem.notFound("No such user.")),
            new Equivalent("forbidden", new DomainException.Forbidden("Not you."), ApiProblem.forbidden("Not you.")),
            new Equivalent("conflict", new DomainException.Conflict("email-taken", "Taken."), ApiProblem.conflict("email-taken", "Taken.")),
            new Equivalent("invalid", new DomainException.Invalid("invalid-token", "Expired."),
                    ApiProblem.badRequest("invalid-token", "Expired.")),
            new Equivalent("invalid field", new DomainException.Invalid("weak-password", "Too short.",
                    List.of(new FieldError("password", "is too short"))),
                    ApiProblem.badRequest("weak-password", "Too short.").with("errors", List.of(new FieldError("password", "is too short")))),
            new Equivalent("unauthenticated", new DomainException.Unauthenticated("mfa-required", "Code please."),
                    ApiProblem.unauthorized("mfa-required", "Code please.")),
            new Equivalent("throttled", new DomainException.Throttled("Slow down.", Duration.ofMillis(2500)),
                    ApiProblem.tooManyRequests("Slow down.", Duration.ofMillis(2500))));

    static IntStream equivalents() {
        return IntStream.range(0, EQUIVALENTS.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("equivalents")
    void answersADomainExceptionExactlyLikeTheProblemItStandsFor(int index) throws Exception {
        var expected = mvc.perform(get("/refusals/" + index).param("domain", "false")).andReturn().getResponse();
        var actual = mvc.perform(get("/refusals/" + index).param("domain", "true")).andReturn().getResponse();

        assertThat(actual.getStatus()).as(EQUIVALENTS.get(index).name()).isEqualTo(expected.getStatus());
        assertThat(actual.getContentAsString()).isEqualTo(expected.getContentAsString());
        assertThat(actual.getContentType()).isEqualTo(expected.getContentType());
        assertThat(actual.getHeader("Retry-After")).isEqualTo(expected.getHeader("Retry-After"));
    }

    static Stream<Arguments> clientErrors() {
        return Stream.of(
                Arguments.of("invalid fields", json(post("/things"), "{\"name\":\"\",\"quantity\":-1}"), 400, "validation"),
                Arguments.of("missing number", json(post("/things"), "{\"name\":\"x\"}"), 400, "malformed-request"),
                Arguments.of("not JSON", json(post("/things"), "{oops"), 400, "malformed-request"),
                Arguments.of("wrong type", json(post("/things"), "{\"name\":\"x\",\"quantity\":\"many\"}"), 400, "malformed-request"),
                Arguments.of("no body", post("/things").contentType(MediaType.APPLICATION_JSON), 400, "malformed-request"),
                Arguments.of("wrong media type", post("/things").contentType(MediaType.TEXT_PLAIN).content("x"), 415, "unsupported-media-type"),
                Arguments.of("wrong method", get("/things"), 405, "method-not-allowed"),
                Arguments.of("unknown path", get("/nowhere"), 404, "not-found"),
                Arguments.of("id not a UUID", get("/things/42"), 400, "validation"),
                Arguments.of("deliberate 404", get("/things/" + UUID.randomUUID()), 404, "not-found"),
                Arguments.of("mfa required", get("/mfa"), 401, "mfa-required"),
                Arguments.of("lost update", get("/race"), 409, "concurrent-modification"));
    }

    @ParameterizedTest(name = "{0} → {2} {3}")
    @MethodSource("clientErrors")
    void answersClientErrorsWithProblemJson(String name, MockHttpServletRequestBuilder request, int status, String type)
            throws Exception {
        mvc.perform(request)
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ApiProblem.TYPE_BASE + type))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }

    @Test
    void listsEveryInvalidField() throws Exception {
        mvc.perform(json(post("/things"), "{\"name\":\" \",\"quantity\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[1].field").value("quantity"))
                .andExpect(jsonPath("$.errors[1].message").isNotEmpty());
    }

    @Test
    void namesTheFieldOfAWronglyTypedValue() throws Exception {
        mvc.perform(json(post("/things"), "{\"name\":\"x\",\"quantity\":\"many\"}"))
                .andExpect(jsonPath("$.errors[0].field").value("quantity"));
    }

    @Test
    void tellsAThrottledClientWhenToComeBack() throws Exception {
        mvc.perform(get("/throttled"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "3"))
                .andExpect(jsonPath("$.type").value(ApiProblem.TYPE_BASE + "throttled"));
    }

    @Test
    void hidesInternalsOfUnexpectedErrors() throws Exception {
        mvc.perform(get("/bug"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.type").value(ApiProblem.TYPE_BASE + "internal"))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("secret"))));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
