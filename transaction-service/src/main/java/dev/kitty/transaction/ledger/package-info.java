@NullMarked
package dev.kitty.transaction.ledger;

import org.jspecify.annotations.NullMarked;
