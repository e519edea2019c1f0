/**
 * The HTTPS API's transport security: TLS with client certificates (mTLS) from the hub's PKI, the participant a
 * request's certificate authenticates ({@link se.samband.hub.web.AuthenticatedParticipant}), the error body of a
 * refusal ({@link se.samband.hub.web.ApiError}) and {@code GET /api/v1/whoami}; and which requests came in on the
 * people port ({@link se.samband.hub.web.PeoplePort}), where participant authentication does not run.
 */
package se.samband.hub.web;
