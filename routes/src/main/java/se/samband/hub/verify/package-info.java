/**
 * Step 2, verify: the header's CMS signature and body digest, the signer's certificate against the federation's
 * trust anchors and CRLs, and that the header's sender is both the signer and the participant the transport
 * authenticated. The hub never opens a body.
 */
package se.samband.hub.verify;
