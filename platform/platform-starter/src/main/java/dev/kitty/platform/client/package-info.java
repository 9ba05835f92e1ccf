/** Synchronous calls from one Kitty service to another (the read-your-writes fallbacks and approvals the architecture allows). */
@NullMarked
package dev.kitty.platform.client;

import org.jspecify.annotations.NullMarked;
