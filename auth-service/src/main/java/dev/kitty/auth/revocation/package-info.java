/** Tells every other service, and this one's other instances, that credentials stopped being valid. */
@NullMarked
package dev.kitty.auth.revocation;

import org.jspecify.annotations.NullMarked;
