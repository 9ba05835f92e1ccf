@NullMarked
package dev.kitty.platform.web;

import org.jspecify.annotations.NullMarked;
