package se.samband.hub.people;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * People's login, prefix {@code samband.people}.
 *
 * @param port          HTTPS port for people (the hub's server certificate, no client certificate), on
 *                      {@code server.address}; 0 binds a free port (tests)
 * @param auth          {@code LOCAL}: accounts in the hub's database, form login and HTTP Basic (the embedded
 *                      default); {@code OIDC}: the API takes JWTs from the organisation's OIDC provider
 *                      ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code .jwk-set-uri})
 * @param rolesClaim    (OIDC) the claim holding the roles, values {@code OPERATOR} and {@code SECURITY_OFFICER}
 * @param usernameClaim (OIDC) the claim that names the person's account in the audit trail; {@code sub} when absent
 * @param accounts      local accounts to create or update at start-up with a known password (tests, demo); when none
 *                      is configured and the database has none, the hub creates {@code operator} and
 *                      {@code security} with random passwords in {@code <data-dir>/people-accounts.txt}
 */
@ConfigurationProperties(prefix = "samband.people")
public record PeopleProperties(
        @DefaultValue("8444") int port,
        @DefaultValue("LOCAL") AuthMode auth,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue("preferred_username") String usernameClaim,
        @DefaultValue List<ConfiguredAccount> accounts) {

    /** How people log in. */
    public enum AuthMode { LOCAL, OIDC }

    /** A local account given in the configuration; its password is hashed before it is stored. */
    public record ConfiguredAccount(String username, String password, Set<PersonRole> roles,
                                    @DefaultValue("true") boolean enabled) {
        @Override
        public String toString() {
            return "ConfiguredAccount[" + username + ", roles=" + roles + ", enabled=" + enabled + "]";
        }
    }
}
