package se.samband.hub.people;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import se.samband.hub.system.HubProperties;

/**
 * Local accounts in the hub's database: the password encoder, the accounts ({@link PersonAccounts} is the
 * {@code UserDetailsService} of form login and HTTP Basic) and the accounts made at start-up.
 */
@Configuration(proxyBeanMethods = false)
class PeopleAccountsConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    PersonAccounts personAccounts(JdbcTemplate jdbc, PasswordEncoder passwordEncoder, Clock clock) {
        return new PersonAccounts(jdbc, passwordEncoder, clock);
    }

    /** Runs before the web server opens its ports: the configured accounts, or the first two on a fresh hub. */
    @Bean
    PeopleAccountsBootstrap peopleAccountsBootstrap(PersonAccounts accounts, PeopleProperties people,
                                                    HubProperties hub, Clock clock) {
        PeopleAccountsBootstrap bootstrap = new PeopleAccountsBootstrap(accounts);
        bootstrap.run(people.accounts(), people.auth() == PeopleProperties.AuthMode.LOCAL, hub.dataDir(), clock);
        return bootstrap;
    }
}
