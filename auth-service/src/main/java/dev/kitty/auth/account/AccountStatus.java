package dev.kitty.auth.account;

/** Whether an account may sign in. LOCKED is set by administrators (next issue). */
public enum AccountStatus {
    ACTIVE, LOCKED
}
