/**
 * The connector's settings, identity, keys, trust, pseudonym key and the JMS connection to the hub.
 */
package se.samband.connector.config;
