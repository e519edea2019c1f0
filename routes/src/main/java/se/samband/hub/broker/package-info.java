/**
 * The embedded Artemis broker: its configuration in code (journal under {@code <data-dir>/artemis}, the in-VM
 * acceptor, the plain TCP acceptor for the hub's own tools and the agencies' TLS acceptor with client certificates,
 * Samband address settings, the hub queues, one inbox per agency and the consent-change topic), broker security
 * (certificate login, a participant may only send to the hub inbox and read its own inbox), the hub's in-VM JMS
 * connection factory and the health component {@code broker}.
 */
package se.samband.hub.broker;
