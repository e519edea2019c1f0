/**
 * The consequences of a withdrawn consent beyond the registry: every participant that received notices on the
 * consent gets a hub-signed {@code CONSENT_WITHDRAWN} notice, once ({@link se.samband.hub.withdrawal.WithdrawalNotices}).
 * That later notices on the consent are refused, and held ones stay held, is the decision step's and the held
 * store's part.
 */
package se.samband.hub.withdrawal;
