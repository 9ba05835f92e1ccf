package dev.kitty.auth.account;

/** Whether an account may sign in. LOCKED is set by administrators and ends every way in (login, refresh, exchange). */
public enum AccountStatus {
    ACTIVE, LOCKED
}
