/** The rules of amounts of money in a budget's currency, shared by transactions and categories. */
@NullMarked
package dev.kitty.transaction.money;

import org.jspecify.annotations.NullMarked;
