package dev.kitty.platform.web;

/** Stands in for platform-starter's ApiProblem, like {@code IntegrationEvents}: the rule names the class, it does not load it. */
public class ApiProblem extends RuntimeException {

    public static ApiProblem notFound(String detail) {
        return new ApiProblem();
    }
}
