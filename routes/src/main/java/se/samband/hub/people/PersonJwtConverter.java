package se.samband.hub.people;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a JWT from the organisation's OIDC provider into a person: the roles from one claim (a list, or a string
 * separated by spaces or commas; values {@code OPERATOR}, {@code SECURITY_OFFICER}, case and a {@code ROLE_} prefix
 * do not matter, others are ignored), the name from the user name claim, else {@code sub}.
 */
final class PersonJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {
    private final String rolesClaim;
    private final String usernameClaim;

    PersonJwtConverter(String rolesClaim, String usernameClaim) {
        this.rolesClaim = rolesClaim;
        this.usernameClaim = usernameClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        roles(jwt.getClaim(rolesClaim)).forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        String name = jwt.hasClaim(usernameClaim) ? jwt.getClaimAsString(usernameClaim) : jwt.getSubject();
        return new JwtAuthenticationToken(jwt, authorities, name);
    }

    static Set<PersonRole> roles(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> list) {
            list.forEach(value -> values.add(String.valueOf(value)));
        } else if (claim instanceof String text) {
            values.addAll(List.of(text.split("[\\s,]+")));
        }
        Set<PersonRole> roles = EnumSet.noneOf(PersonRole.class);
        for (String value : values) {
            try {
                roles.add(PersonRole.parse(value));
            } catch (IllegalArgumentException unknown) {
                // Another application's role in the same token: not ours to grant anything for.
            }
        }
        return roles;
    }
}
