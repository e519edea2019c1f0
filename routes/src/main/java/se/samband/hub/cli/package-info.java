/**
 * The {@code samband} command line: one class per command, all registered on
 * {@link se.samband.hub.cli.SambandCommand}. Only {@code hub} starts Spring.
 */
package se.samband.hub.cli;
