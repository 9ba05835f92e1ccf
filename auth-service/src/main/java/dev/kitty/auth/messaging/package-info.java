/**
 * What this service tells others: the catalog it publishes ({@link dev.kitty.auth.messaging.MessagingConfiguration})
 * and the one translator from domain events to integration events ({@link dev.kitty.auth.messaging.IdentityEventTranslator}).
 */
@NullMarked
package dev.kitty.auth.messaging;

import org.jspecify.annotations.NullMarked;
