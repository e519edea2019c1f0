/**
 * Step 3, route: a case notice's recipients exist and the federation's routing policy lets the sender's kind
 * send the type to each recipient's kind; a receipt answers a notice its sender received and goes back to that
 * notice's original sender. The hub never adds a recipient the sender did not seal for.
 */
package se.samband.hub.routing;
