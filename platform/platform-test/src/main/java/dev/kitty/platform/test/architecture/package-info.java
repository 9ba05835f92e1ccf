/**
 * The boundaries every Kitty service keeps, as ArchUnit rules a service's {@code ArchitectureTests}
 * apply to its own production classes ({@link dev.kitty.platform.test.architecture.KittyArchitecture}).
 */
@NullMarked
package dev.kitty.platform.test.architecture;

import org.jspecify.annotations.NullMarked;
