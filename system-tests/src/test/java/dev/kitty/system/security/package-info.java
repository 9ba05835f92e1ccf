/**
 * The security attack suite through the gateway on the real stack (issue 3): each case names the rule it checks
 * (OWASP ASVS 5.0, OWASP API Security Top 10 2023, RFC 8725, RFC 6238) and asserts the exact status, a
 * problem+json body and that nothing of the protected resource leaked.
 */
@NullMarked
package dev.kitty.system.security;

import org.jspecify.annotations.NullMarked;
