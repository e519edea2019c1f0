/**
 * From the hub to the case system: the participant's queue consumed transactionally, each notice opened and
 * verified, kept sealed in the inbox, and pushed to the case system (webhook or folder) or pulled by it.
 */
package se.samband.connector.inbound;
