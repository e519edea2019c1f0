/**
 * Trust: the hub's key, the federation's trust anchors and CRLs, and participants' certificates
 * ({@link se.samband.hub.trust.FederationTrust}, implemented over a PKI directory by
 * {@link se.samband.hub.trust.PkiFederationTrust}, bootstrapped as a development PKI in the embedded default), and
 * the rule by which a transport's client certificate becomes a participant
 * ({@link se.samband.hub.trust.ParticipantAuthenticator}).
 */
package se.samband.hub.trust;
