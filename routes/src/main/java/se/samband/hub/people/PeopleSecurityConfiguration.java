package se.samband.hub.people;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import se.samband.hub.web.PeoplePort;

/**
 * Who may do what over HTTP, chosen by the port a request came in on:
 * <ol>
 * <li>people port, {@code /console/**}: form login (page {@value #LOGIN_PAGE}), a session, CSRF token in a cookie
 *     that scripts may read; {@code /console/operator/**} OPERATOR, {@code /console/security/**} SECURITY_OFFICER,
 *     the rest either role;</li>
 * <li>people port, everything else: {@code /api/v1/operator/**} OPERATOR, {@code /api/v1/security/**}
 *     SECURITY_OFFICER, nothing else; HTTP Basic against the local accounts, or JWTs with
 *     {@code samband.people.auth=oidc}; stateless, no CSRF (no cookie authenticates an API call);</li>
 * <li>any other port (agencies on {@code server.port}, actuator on the management port): Spring Security stays out
 *     of the way (participants are authenticated by their client certificate in {@code se.samband.hub.web}), except
 *     that people's paths do not exist there: {@code 404}.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class PeopleSecurityConfiguration {
    static final String LOGIN_PAGE = "/console/login";
    static final String CONSOLE = "/console/**";
    static final String OPERATOR_API = "/api/v1/operator/**";
    static final String SECURITY_API = "/api/v1/security/**";

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    @Bean
    PeopleRefusals peopleRefusals(ObjectMapper json) {
        return new PeopleRefusals(json);
    }

    @Bean
    @Order(1)
    SecurityFilterChain peopleConsole(HttpSecurity http, PeoplePort port) throws Exception {
        RequestMatcher console = PATHS.matcher(CONSOLE);
        http.securityMatcher(request -> port.matches(request) && console.matches(request))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers(PATHS.matcher(LOGIN_PAGE)).permitAll()
                        .requestMatchers(PATHS.matcher("/console/operator/**")).hasRole(PersonRole.OPERATOR.name())
                        .requestMatchers(PATHS.matcher("/console/security/**"))
                        .hasRole(PersonRole.SECURITY_OFFICER.name())
                        .anyRequest().hasAnyRole(PersonRole.OPERATOR.name(), PersonRole.SECURITY_OFFICER.name()))
                // The console's own 403 page when a page of the other role is opened (se.samband.hub.console); any
                // other refusal (a POST without its CSRF token) stays a bare 403.
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, denied) -> {
                    if ("GET".equals(request.getMethod())) {
                        response.setStatus(HttpStatus.FORBIDDEN.value());
                        request.getRequestDispatcher("/console/forbidden.html").forward(request, response);
                    } else {
                        response.sendError(HttpStatus.FORBIDDEN.value());
                    }
                }))
                .formLogin(form -> form.loginPage(LOGIN_PAGE).defaultSuccessUrl("/console/", false)
                        .failureUrl(LOGIN_PAGE + "?error"))
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl(LOGIN_PAGE + "?logout"))
                // Plain (not XOR-masked) token handling: the console's scripts send the cookie's value as the header.
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .httpBasic(AbstractHttpConfigurer::disable);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain peopleApi(HttpSecurity http, PeoplePort port, PeopleProperties people,
                                  PeopleRefusals refusals) throws Exception {
        http.securityMatcher(port::matches)
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(PATHS.matcher(OPERATOR_API)).hasRole(PersonRole.OPERATOR.name())
                        .requestMatchers(PATHS.matcher(SECURITY_API)).hasRole(PersonRole.SECURITY_OFFICER.name())
                        .anyRequest().denyAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(refusals).accessDeniedHandler(refusals));
        if (people.auth() == PeopleProperties.AuthMode.OIDC) {
            http.oauth2ResourceServer(oauth -> oauth
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(
                            new PersonJwtConverter(people.rolesClaim(), people.usernameClaim())))
                    .authenticationEntryPoint(refusals)
                    .accessDeniedHandler(refusals));
        } else {
            http.httpBasic(basic -> basic.authenticationEntryPoint(refusals));
        }
        return http.build();
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain agenciesAndManagement(HttpSecurity http) throws Exception {
        RequestMatcher peoplePaths = new OrRequestMatcher(
                PATHS.matcher(CONSOLE), PATHS.matcher(OPERATOR_API), PATHS.matcher(SECURITY_API));
        http.authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(peoplePaths).denyAll()
                        .anyRequest().permitAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.NOT_FOUND))
                        .accessDeniedHandler((request, response, denied) ->
                                response.setStatus(HttpStatus.NOT_FOUND.value())))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        return http.build();
    }
}
