/**
 * People (integration operators and security officers) and what they may do: their own HTTPS port
 * ({@code samband.people.port}, the hub's server certificate, no client certificate), the Spring Security filter
 * chains chosen by the port a request came in on, the roles {@link se.samband.hub.people.PersonRole}, local accounts
 * with hashed passwords in the database (the embedded default, created on first start) and the JWT resource server
 * for an organisation's OIDC provider ({@code samband.people.auth=oidc}). Handlers learn who acts from Spring
 * Security's {@code Authentication}; {@link se.samband.hub.people.PersonActor} turns it into the audit trail's actor.
 */
package se.samband.hub.people;
