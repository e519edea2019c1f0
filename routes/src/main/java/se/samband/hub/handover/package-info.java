/** Handover state: one notice to one recipient, from decision to acceptance. */
package se.samband.hub.handover;
