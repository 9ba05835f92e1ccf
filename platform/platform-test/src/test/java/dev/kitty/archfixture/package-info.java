/**
 * A made-up service that breaks every rule of {@link dev.kitty.platform.test.architecture.KittyArchitecture}
 * once, so that its tests show each rule can fail.
 */
package dev.kitty.archfixture;
