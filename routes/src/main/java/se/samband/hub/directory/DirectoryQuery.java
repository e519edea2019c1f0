package se.samband.hub.directory;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import se.samband.notice.ParticipantKind;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;
import se.samband.security.federation.Participant;
import se.samband.security.identity.HsaId;
import se.samband.security.identity.Kommunkod;

/**
 * What a connector asks the directory: participants of one kind, optionally serving a municipality or a region,
 * offering a service, or carrying an HSA-id. Every given criterion must hold.
 *
 * @param municipality kommunkod; a participant serves it directly or through its county
 * @param region       county code (2 digits); a participant serves it as a region or through one of its municipalities
 */
record DirectoryQuery(ParticipantKind kind, String municipality, String region, String service, String hsaId) {
    private static final Pattern REGION = Pattern.compile("(0[1-9]|1[0-9]|2[0-5])");
    private static final Pattern SERVICE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    /**
     * Reads the query parameters; blank ones count as absent.
     *
     * @throws SambandException {@code directory_query_invalid} naming the parameter (not its value) in the detail
     */
    static DirectoryQuery parse(String kind, String municipality, String region, String service, String hsaId) {
        return new DirectoryQuery(kind(kind), checked("municipality", blankToNull(municipality), Kommunkod::isValid),
                checked("region", blankToNull(region), r -> REGION.matcher(r).matches()),
                checked("service", blankToNull(service), s -> SERVICE.matcher(s).matches()),
                checked("hsaId", blankToNull(hsaId), HsaId::isValid));
    }

    boolean matches(Participant participant) {
        return participant.kind() == kind
                && (municipality == null || participant.serves(municipality))
                && (region == null || servesRegion(participant))
                && (service == null || participant.services().contains(service))
                && (hsaId == null || hsaId.equalsIgnoreCase(participant.hsaId()));
    }

    private boolean servesRegion(Participant participant) {
        return participant.regions().contains(region)
                || participant.municipalities().stream().anyMatch(m -> m.startsWith(region));
    }

    private static ParticipantKind kind(String kind) {
        String value = blankToNull(kind);
        if (value == null) {
            throw invalid("kind is missing");
        }
        try {
            return ParticipantKind.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("kind is not a participant kind");
        }
    }

    private static String checked(String name, String value, Predicate<String> valid) {
        if (value != null && !valid.test(value)) {
            throw invalid(name + " is malformed");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static SambandException invalid(String detail) {
        return new SambandException(ErrorCode.DIRECTORY_QUERY_INVALID, detail);
    }
}
