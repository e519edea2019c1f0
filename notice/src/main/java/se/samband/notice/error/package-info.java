/**
 * Stable error codes and the one exception that carries them. Lives in the notice module, the
 * bottom of the dependency chain, so that the strict reader, the security module and the hub
 * share one catalogue.
 */
package se.samband.notice.error;
