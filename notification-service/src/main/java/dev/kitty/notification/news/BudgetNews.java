package dev.kitty.notification.news;

import dev.kitty.budget.events.BudgetDeleted;
import dev.kitty.budget.events.InviteCreated;
import dev.kitty.budget.events.MemberAdded;
import dev.kitty.budget.events.MemberRemoved;
import dev.kitty.budget.events.MemberRoleChanged;
import dev.kitty.budget.events.OwnershipTransferred;
import dev.kitty.notification.mail.MailTemplate;
import dev.kitty.notification.mail.Mails;
import dev.kitty.notification.mail.Texts;
import dev.kitty.notification.recipient.Recipients;
import dev.kitty.notification.settings.NotificationSettings;
import dev.kitty.notification.settings.NotificationSettingsReplica;
import dev.kitty.platform.messaging.EventMetadata;
import dev.kitty.platform.messaging.IntegrationEventListener;
import java.util.HashMap;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Invitation and membership news from budget-service. Each listener only reacts (a mail, a
 * notification), so the platform's dedupe by event id is all it needs; the ids are those dedupe
 * keys: never change them.
 */
@Component
class BudgetNews {

    private final Announcer announcer;
    private final Recipients recipients;
    private final NotificationSettingsReplica settings;
    private final Mails mails;
    private final Texts texts;

    BudgetNews(Announcer announcer, Recipients recipients, NotificationSettingsReplica settings, Mails mails, Texts texts) {
        this.announcer = announcer;
        this.recipients = recipients;
        this.settings = settings;
        this.mails = mails;
        this.texts = texts;
    }

    /**
     * The invitee is mailed at the invited address, whether or not it belongs to an account; when it
     * does, in their language, as their invitations setting says, and with an in-app notification too.
     */
    @IntegrationEventListener(id = "notification.news.invite-created")
    void on(InviteCreated event, EventMetadata metadata) {
        var account = recipients.findByEmail(event.email());
        var userId = account.map(known -> known.userId()).orElse(null);
        var audience = userId == null ? new Announcer.Audience(Texts.localeOf(null), Texts.zoneOf(null)) : announcer.audienceOf(userId);
        var locale = audience.locale();
        var role = announcer.roleName(event.role(), locale);
        if (userId != null) {
            // in-app only here: the mail below goes to the invited address, and says more
            announcer.inApp(new Notice(userId, Topic.MEMBERSHIP, "INVITATION", MailTemplate.INVITATION, event.budgetId(), null,
                    "notice.invitation.title", "notice.invitation.body", l -> new Object[] {event.invitedByName(), event.budgetName(), role}));
        }
        Optional<NotificationSettings> known = userId == null ? Optional.empty() : settings.find(userId);
        if (!Topic.MEMBERSHIP.mailWanted(known)) {
            return;
        }
        var variables = new HashMap<String, Object>();
        variables.put("inviterName", event.invitedByName());
        variables.put("budgetName", event.budgetName());
        variables.put("role", role);
        variables.put("email", event.email());
        variables.put("expires", Texts.dateTime(event.expiresAt(), locale, audience.zone()));
        variables.put("invitationId", event.invitationId().toString());
        variables.put("signInUrl", mails.link("/login"));
        variables.put("invitationsUrl", mails.link("/invitations"));
        variables.put("registerUrl", mails.link("/register", "email", event.email()));
        mails.queue(MailTemplate.INVITATION, userId, event.email(), metadata.id(), locale,
                texts.get("mail.invitation.subject", locale, event.invitedByName(), event.budgetName()), variables);
    }

    /** Tells the inviter that their invitee joined. */
    @IntegrationEventListener(id = "notification.news.member-added")
    void on(MemberAdded event, EventMetadata metadata) {
        if (event.invitedBy() == null || event.invitedBy().equals(event.userId())) {
            return;
        }
        announcer.tell(new Notice(event.invitedBy(), Topic.MEMBERSHIP, "MEMBER_JOINED", MailTemplate.MEMBER_JOINED, event.budgetId(), null,
                "notice.member-joined.title", "notice.member-joined.body",
                locale -> new Object[] {announcer.nameOf(event.userId(), locale), event.budgetName()}), metadata.id());
    }

    /**
     * Tells the member their new role, unless they changed it themselves or became owner (the
     * OwnershipTransferred published with it says that better).
     */
    @IntegrationEventListener(id = "notification.news.member-role-changed")
    void on(MemberRoleChanged event, EventMetadata metadata) {
        if (event.userId().equals(event.changedBy()) || "OWNER".equals(event.role())) {
            return;
        }
        announcer.tell(new Notice(event.userId(), Topic.MEMBERSHIP, "ROLE_CHANGED", MailTemplate.ROLE_CHANGED, event.budgetId(), null,
                "notice.role-changed.title", "notice.role-changed.body",
                locale -> new Object[] {event.budgetName(), announcer.roleName(event.role(), locale)}), metadata.id());
    }

    /**
     * Tells a member someone removed them; not one who left or whose account was deleted. The
     * notification does not go with the budget, which they can no longer see anyway.
     */
    @IntegrationEventListener(id = "notification.news.member-removed")
    void on(MemberRemoved event, EventMetadata metadata) {
        if (!MemberRemoved.REASON_REMOVED.equals(event.reason())) {
            return;
        }
        announcer.tell(new Notice(event.userId(), Topic.MEMBERSHIP, "MEMBER_REMOVED", MailTemplate.MEMBER_REMOVED, null, null,
                "notice.member-removed.title", "notice.member-removed.body",
                locale -> new Object[] {event.budgetName(), event.removedBy() == null ? texts.get("someone", locale)
                        : announcer.nameOf(event.removedBy(), locale)}), metadata.id());
    }

    /** Tells the new owner; and the previous one when they handed it over (not when their account was deleted). */
    @IntegrationEventListener(id = "notification.news.ownership-transferred")
    void on(OwnershipTransferred event, EventMetadata metadata) {
        var handedOver = OwnershipTransferred.REASON_TRANSFERRED.equals(event.reason());
        announcer.tell(new Notice(event.newOwnerId(), Topic.MEMBERSHIP, "OWNERSHIP_TRANSFERRED", MailTemplate.OWNERSHIP_TRANSFERRED,
                event.budgetId(), null, "notice.ownership-received.title",
                handedOver ? "notice.ownership-received.body" : "notice.ownership-inherited.body",
                locale -> new Object[] {event.budgetName(), announcer.nameOf(event.previousOwnerId(), locale)}), metadata.id());
        if (handedOver) {
            announcer.tell(new Notice(event.previousOwnerId(), Topic.MEMBERSHIP, "OWNERSHIP_TRANSFERRED", MailTemplate.OWNERSHIP_TRANSFERRED,
                    event.budgetId(), null, "notice.ownership-handed-over.title", "notice.ownership-handed-over.body",
                    locale -> new Object[] {event.budgetName(), announcer.nameOf(event.newOwnerId(), locale)}), metadata.id());
        }
    }

    /**
     * Tells every former member but the one who deleted it. These notifications have no budget id:
     * inbox's erasure of the budget's notifications (the other listener of this event, in either
     * order) must not take them.
     */
    @IntegrationEventListener(id = "notification.news.budget-deleted")
    void on(BudgetDeleted event, EventMetadata metadata) {
        for (var member : event.formerMemberIds()) {
            if (Objects.equals(member, event.deletedBy())) {
                continue;
            }
            announcer.tell(new Notice(member, Topic.MEMBERSHIP, "BUDGET_DELETED", MailTemplate.BUDGET_DELETED, null, null,
                    "notice.budget-deleted.title", "notice.budget-deleted.body",
                    locale -> new Object[] {event.budgetName(), event.deletedBy() == null ? texts.get("someone", locale)
                            : announcer.nameOf(event.deletedBy(), locale)}), metadata.id());
        }
    }
}
