/**
 * The agency connector application: a case system's plain JSON and CSV in, sealed notices to the hub out,
 * and the hub's notices and receipts back to the case system. Depends on the notice and security modules only.
 */
package se.samband.connector;
