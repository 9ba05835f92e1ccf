package dev.kitty.auth.admin;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** One page of a list, in the shape every Kitty list has: {@code {content, page: {number, size, totalElements, totalPages}}}. */
record PageResponse<T>(List<T> content, Metadata page) {

    record Metadata(int number, int size, long totalElements, int totalPages) {}

    static <S, T> PageResponse<T> from(Page<S> page, Function<? super S, ? extends T> toResponse) {
        List<T> content = page.getContent().stream().<T>map(toResponse).toList();
        return new PageResponse<>(content, new Metadata(page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages()));
    }
}
