/**
 * The directory: the federation file the hub runs with (participants, routing policy, legal-basis table),
 * loaded and validated at start-up, recorded in {@code federation_load}, reported as health component
 * {@code directory}. An unusable file stops the start-up with a report of every problem.
 */
package se.samband.hub.directory;
