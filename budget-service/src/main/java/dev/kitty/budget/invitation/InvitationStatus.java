package dev.kitty.budget.invitation;

enum InvitationStatus { PENDING, ACCEPTED, DECLINED, REVOKED, EXPIRED }
