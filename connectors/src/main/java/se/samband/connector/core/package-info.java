/**
 * The agency side's core: turning a case system's plain submission into a sealed notice
 * (pseudonymise, build the header, seal for the resolved recipients). Transport to the hub,
 * the local REST API and the file drop build on it.
 */
package se.samband.connector.core;
