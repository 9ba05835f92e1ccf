package dev.kitty.platform.web;

/** One entry of a validation problem's {@code errors} member. */
public record FieldError(String field, String message) {}
