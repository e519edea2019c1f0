package se.samband.hub.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import se.samband.security.audit.AuditEvent;
import se.samband.security.audit.AuditEventType;

/** The audit actor of a person, and the roles and name a JWT gives. */
class PersonActorTest {

    @Test
    void aLocalAccountActsAsRoleColonAccountAndTheTrailTakesIt() {
        String actor = PersonActor.of(PersonRole.SECURITY_OFFICER,
                UsernamePasswordAuthenticationToken.authenticated("security", null, List.of()));

        assertThat(actor).isEqualTo("security-officer:security");
        assertThat(AuditEvent.builder(AuditEventType.PSEUDONYM_LOOKUP, Instant.now(), actor).build().actor())
                .isEqualTo(actor);
    }

    @Test
    void aNameTheTrailWouldRefuseBecomesADigest() {
        for (String name : new String[] {"anna.svensson@polisen.se", "Anna Svensson", "196408233234", "u640823-3234"}) {
            String actor = PersonActor.of(PersonRole.OPERATOR,
                    UsernamePasswordAuthenticationToken.authenticated(name, null, List.of()));

            assertThat(actor).startsWith("operator:sha-").doesNotContain("anna").doesNotContain("640823");
            assertThat(AuditEvent.builder(AuditEventType.DLQ_REPLAYED, Instant.now(), actor).build().actor())
                    .isEqualTo(actor);
        }
    }

    @Test
    void jwtRolesComeFromTheConfiguredClaimAndTheNameFromTheUserNameClaim() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("3f1c2a9e-0000-4000-8000-000000000001")
                .claim("groups", List.of("SECURITY_OFFICER", "role_operator", "SOMETHING_ELSE"))
                .claim("preferred_username", "k.berg").build();

        var person = new PersonJwtConverter("groups", "preferred_username").convert(jwt);

        assertThat(person.getName()).isEqualTo("k.berg");
        assertThat(person.getAuthorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_SECURITY_OFFICER", "ROLE_OPERATOR");
    }

    @Test
    void aSpaceSeparatedRolesClaimAndNoUserNameClaimFallBackToSubject() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("officer-7").claim("roles", "OPERATOR x")
                .build();

        var person = new PersonJwtConverter("roles", "preferred_username").convert(jwt);

        assertThat(person.getName()).isEqualTo("officer-7");
        assertThat(person.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_OPERATOR");
    }
}
