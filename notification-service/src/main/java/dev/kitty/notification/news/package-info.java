/**
 * What people are told about their budgets and their account: in-app notifications and mails
 * for budget and identity events, in each recipient's language and per their settings.
 */
@NullMarked
package dev.kitty.notification.news;

import org.jspecify.annotations.NullMarked;
