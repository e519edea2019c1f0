/**
 * The hub application ({@link se.samband.hub.HubApplication}) and the launcher's entry point
 * ({@link se.samband.hub.SambandMain}). Features live in the sub-packages: {@code cli} (commands),
 * {@code system} (settings, addresses, route ids), {@code broker} (embedded Artemis), {@code directory}
 * (the federation).
 */
package se.samband.hub;
