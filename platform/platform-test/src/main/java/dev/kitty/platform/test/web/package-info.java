/**
 * {@code @WebMvcTest} support: {@link dev.kitty.platform.test.web.PlatformWebSlice} puts the platform's
 * error handling and resource-server security into the slice, {@link dev.kitty.platform.test.web.JwtCallers}
 * authenticates the requests.
 */
@NullMarked
package dev.kitty.platform.test.web;

import org.jspecify.annotations.NullMarked;
