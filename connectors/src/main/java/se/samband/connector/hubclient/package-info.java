/**
 * The hub's HTTPS API as the connector uses it (client certificate): the directory, with a stored copy of
 * its answers for when the hub is unreachable, and the consent and risk-flag requests it passes on.
 */
package se.samband.connector.hubclient;
