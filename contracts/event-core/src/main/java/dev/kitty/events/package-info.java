/**
 * The vocabulary every contracts module uses to describe its integration events. Plain JDK
 * types only: a consumer that depends on a contract pulls in nothing else.
 */
package dev.kitty.events;
