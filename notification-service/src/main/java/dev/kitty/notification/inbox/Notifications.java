package dev.kitty.notification.inbox;

import dev.kitty.platform.web.DomainException;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The in-app notifications: written by the features that tell people things, read and managed by their owner. */
@Service
public class Notifications {

    private final Inbox inbox;
    private final Clock clock;

    Notifications(Inbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    /**
     * In the caller's transaction; nothing for a deleted user.
     *
     * @param budgetId the budget it is about: the notification goes when the budget does; null for news that must outlive it
     */
    public void add(UUID userId, String type, String title, String body, @Nullable UUID budgetId) {
        inbox.add(UUID.randomUUID(), userId, type, title, body, budgetId, clock.instant());
    }

    @Transactional(readOnly = true)
    Page<Notification> list(UUID caller, Pageable pageable) {
        return inbox.page(caller, pageable);
    }

    /** Another user's notification is as unknown as one that never existed. */
    @Transactional
    void markRead(UUID caller, UUID id) {
        if (!inbox.markRead(caller, id)) {
            throw new DomainException.NotFound("No notification " + id);
        }
    }

    @Transactional
    void markAllRead(UUID caller) {
        inbox.markAllRead(caller);
    }

    @Transactional
    void delete(UUID caller, UUID id) {
        if (!inbox.delete(caller, id)) {
            throw new DomainException.NotFound("No notification " + id);
        }
    }
}
