package dev.kitty.transaction.category;

import dev.kitty.platform.security.CurrentUser;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A budget's categories: VIEWER+ reads, ADMIN+ creates, changes and deletes. */
@RestController
@RequestMapping("/api/budgets/{budgetId}/categories")
class CategoryController {

    private final Categories categories;

    CategoryController(Categories categories) {
        this.categories = categories;
    }

    @GetMapping
    List<CategoryResponse> list(CurrentUser caller, @PathVariable UUID budgetId) {
        return categories.list(caller, budgetId);
    }

    @PostMapping
    ResponseEntity<CategoryResponse> create(CurrentUser caller, @PathVariable UUID budgetId, @Valid @RequestBody CategoryRequest request) {
        var created = categories.create(caller, budgetId, request.name(), request.type(), request.monthlyLimit());
        return ResponseEntity.created(URI.create("/api/budgets/" + budgetId + "/categories/" + created.id())).body(created);
    }

    @PatchMapping("/{categoryId}")
    CategoryResponse update(CurrentUser caller, @PathVariable UUID budgetId, @PathVariable UUID categoryId,
            @Valid @RequestBody CategoryChangeRequest request) {
        return categories.update(caller, budgetId, categoryId, request.getName(), request.getType(), request.monthlyLimit());
    }

    @DeleteMapping("/{categoryId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentUser caller, @PathVariable UUID budgetId, @PathVariable UUID categoryId) {
        categories.delete(caller, budgetId, categoryId);
    }
}
