/** What this service publishes: the catalog it declares, and (once it publishes) the one translator from domain events to integration events. */
@NullMarked
package dev.kitty.budget.messaging;

import org.jspecify.annotations.NullMarked;
