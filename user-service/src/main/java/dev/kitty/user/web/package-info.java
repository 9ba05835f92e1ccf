@NullMarked
package dev.kitty.user.web;

import org.jspecify.annotations.NullMarked;
