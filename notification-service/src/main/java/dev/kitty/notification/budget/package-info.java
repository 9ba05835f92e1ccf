/**
 * The budgets' names and current members as budget events tell them, versioned (ADR 9): whom to tell about a
 * budget's money (alerts, goals, the monthly digest).
 */
@NullMarked
package dev.kitty.notification.budget;

import org.jspecify.annotations.NullMarked;
