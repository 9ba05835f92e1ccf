package dev.kitty.auth.account;

/** Roles across the whole system. They administer users; they never open a budget's money. */
public enum SystemRole {
    USER, ADMIN, SUPER_USER
}
