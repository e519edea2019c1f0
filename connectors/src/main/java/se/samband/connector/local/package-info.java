/**
 * The local REST API for the case system (127.0.0.1): submissions, status, the inbox, consents and risk flags.
 */
package se.samband.connector.local;
