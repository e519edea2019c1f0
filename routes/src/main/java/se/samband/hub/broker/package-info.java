/**
 * The embedded Artemis broker: its configuration in code (journal under {@code <data-dir>/artemis},
 * in-VM and one TCP acceptor, Samband address settings, the hub queues), the hub's in-VM JMS connection
 * factory and the health component {@code broker}.
 */
package se.samband.hub.broker;
