package se.samband.security.federation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import se.samband.notice.LegalBasisCode;
import se.samband.notice.ParticipantId;
import se.samband.notice.ParticipantKind;
import se.samband.notice.error.SambandException;
import se.samband.security.identity.HsaId;
import se.samband.security.identity.Kommunkod;
import se.samband.security.federation.Federation.FederationFile;

/**
 * Reads {@code federation.yaml} and validates it, reporting every problem with its place in the
 * file, so that an operator can fix a broken configuration in one go.
 */
public final class FederationLoader {
    private static final Pattern REGION = Pattern.compile("\\d{2}");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final int MAX_EMERGENCY_DAYS = 7;

    private final ObjectMapper yaml = YAMLMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public Federation load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw new FederationException(file.toString(), List.of("cannot be read: " + e.getMessage()));
        }
    }

    public Federation load(InputStream in, String source) {
        FederationFile file;
        try {
            file = yaml.readValue(in, FederationFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new FederationException(source, List.of("unknown field '" + e.getPropertyName() + "' at "
                    + pathOf(e) + " (line " + e.getLocation().getLineNr() + ")"));
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("No content to map")) {
                throw new FederationException(source, List.of("the file is empty"));
            }
            throw new FederationException(source, List.of(describe(e)));
        } catch (JsonProcessingException e) {
            throw new FederationException(source, List.of(describe(e)));
        } catch (SambandException e) {
            throw new FederationException(source, List.of(e.code().code() + " while reading the file"));
        } catch (IOException e) {
            throw new FederationException(source, List.of("cannot be read: " + e.getMessage()));
        }
        if (file == null) {
            throw new FederationException(source, List.of("the file is empty"));
        }
        List<String> problems = validate(file);
        if (!problems.isEmpty()) {
            throw new FederationException(source, problems);
        }
        return new Federation(file);
    }

    private static String describe(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof SambandException se) {
            return se.code().code() + " at " + pathOf(e) + where;
        }
        return e.getOriginalMessage() + " at " + pathOf(e) + where;
    }

    private static String pathOf(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m) {
            StringBuilder sb = new StringBuilder();
            for (var ref : m.getPath()) {
                if (ref.getFieldName() != null) {
                    sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    sb.append('[').append(ref.getIndex()).append(']');
                }
            }
            return sb.length() == 0 ? "top level" : sb.toString();
        }
        return "top level";
    }

    static List<String> validate(FederationFile file) {
        List<String> problems = new ArrayList<>();
        if (file.federation() == null) {
            problems.add("federation: missing (id, name, version)");
        } else {
            require(problems, "federation.id", file.federation().id());
            require(problems, "federation.name", file.federation().name());
            require(problems, "federation.version", file.federation().version());
        }
        validateParticipants(file, problems);
        validateRouting(file, problems);
        file.respondBy().forEach((type, rule) -> {
            boolean days = rule.workingDays() != null && rule.workingDays() > 0;
            boolean hours = rule.hours() != null && rule.hours() > 0;
            if (days == hours) {
                problems.add("respondBy." + type + ": set exactly one of workingDays or hours, greater than 0");
            }
        });
        validateLegalBases(file.legalBases(), problems);
        return problems;
    }

    private static void validateParticipants(FederationFile file, List<String> problems) {
        if (file.participants().isEmpty()) {
            problems.add("participants: none listed");
        }
        Set<ParticipantId> ids = new HashSet<>();
        for (Participant p : file.participants()) {
            if (p.id() != null && !ids.add(p.id())) {
                problems.add("participants: id '" + p.id() + "' is listed twice");
            }
        }
        boolean hubSeen = false;
        for (int i = 0; i < file.participants().size(); i++) {
            Participant p = file.participants().get(i);
            String at = "participants[" + i + "]" + (p.id() == null ? "" : " (" + p.id() + ")");
            if (p.id() == null) {
                problems.add(at + ".id: missing");
            }
            if (p.kind() == null) {
                problems.add(at + ".kind: missing");
                continue;
            }
            require(problems, at + ".name", p.name());
            if (p.kind() == ParticipantKind.HUB) {
                if (!ParticipantId.HUB.equals(p.id())) {
                    problems.add(at + ": the hub's participant id must be " + ParticipantId.HUB);
                }
                hubSeen = true;
            } else if (p.municipalities().isEmpty() && p.regions().isEmpty()) {
                problems.add(at + ": serves no municipality or region");
            }
            p.municipalities().stream().filter(m -> !Kommunkod.isValid(m))
                    .forEach(m -> problems.add(at + ".municipalities: '" + m + "' is not a valid kommunkod"));
            p.regions().stream().filter(r -> !REGION.matcher(r).matches())
                    .forEach(r -> problems.add(at + ".regions: '" + r + "' is not a 2-digit county code"));
            p.services().stream().filter(s -> !CODE.matcher(s).matches())
                    .forEach(s -> problems.add(at + ".services: '" + s + "' is not an UPPER_SNAKE code"));
            if (p.kind() == ParticipantKind.HALSO_SJUKVARD && p.hsaId() == null) {
                problems.add(at + ".hsaId: required for a healthcare unit");
            }
            if (p.hsaId() != null && !HsaId.isValid(p.hsaId())) {
                problems.add(at + ".hsaId: '" + p.hsaId()
                        + "' is not SE + organisation number + '-' + suffix (max 31)");
            }
            if (p.kind() != ParticipantKind.HUB && p.dataProtectionLaw() == null) {
                problems.add(at + ".dataProtectionLaw: say whether GDPR or BROTTSDATALAGEN applies");
            }
            validateDelivery(at, p.delivery(), problems);
            if (p.escalation() != null && p.escalation().participant() != null
                    && !ids.contains(p.escalation().participant())) {
                problems.add(at + ".escalation.participant: '" + p.escalation().participant()
                        + "' is not a participant");
            }
        }
        if (!hubSeen && !file.participants().isEmpty()) {
            problems.add("participants: the hub (" + ParticipantId.HUB + ", kind HUB) is missing");
        }
    }

    private static void validateDelivery(String at, Participant.Delivery d, List<String> problems) {
        if (d.channel() == null) {
            problems.add(at + ".delivery.channel: missing (JMS, REST or FILE)");
        } else if (d.channel() == Participant.Delivery.Channel.REST
                && (d.url() == null || !d.url().startsWith("https://"))) {
            problems.add(at + ".delivery.url: REST delivery needs an https:// URL");
        } else if (d.channel() == Participant.Delivery.Channel.FILE && d.directory() == null) {
            problems.add(at + ".delivery.directory: FILE delivery needs a directory");
        }
    }

    private static void validateRouting(FederationFile file, List<String> problems) {
        if (file.routing().isEmpty()) {
            problems.add("routing: no rules; nothing could be sent");
        }
        for (int i = 0; i < file.routing().size(); i++) {
            RoutingRule r = file.routing().get(i);
            if (r.senders().isEmpty() || r.types().isEmpty() || r.recipients().isEmpty()) {
                problems.add("routing[" + i + "]: senders, types and recipients must each name at least one");
            }
        }
    }

    private static void validateLegalBases(LegalBasisTable table, List<String> problems) {
        if (table == null) {
            problems.add("legalBases: missing");
            return;
        }
        require(problems, "legalBases.version", table.version());
        EnumSet<LegalBasisCode> seen = EnumSet.noneOf(LegalBasisCode.class);
        for (int i = 0; i < table.bases().size(); i++) {
            LegalBasisRule b = table.bases().get(i);
            String at = "legalBases.bases[" + i + "]" + (b.code() == null ? "" : " (" + b.code() + ")");
            if (b.code() == null) {
                problems.add(at + ".code: missing");
                continue;
            }
            if (!seen.add(b.code())) {
                problems.add(at + ": " + b.code() + " is defined twice");
            }
            require(problems, at + ".reference", b.reference());
            if (b.senders().isEmpty() || b.recipients().isEmpty() || b.types().isEmpty()) {
                problems.add(at + ": senders, recipients and types must each name at least one");
            }
            if (b.code() != LegalBasisCode.CONSENT && b.dataCategories().isEmpty()) {
                problems.add(at + ".dataCategories: name the categories the basis covers");
            }
            if (b.code() == LegalBasisCode.EMERGENCY) {
                if (b.maxValidityDays() == null || b.maxValidityDays() > MAX_EMERGENCY_DAYS) {
                    problems.add(at + ".maxValidityDays: EMERGENCY is valid at most " + MAX_EMERGENCY_DAYS + " days");
                }
                if (!b.reasonRequired()) {
                    problems.add(at + ".reasonRequired: EMERGENCY needs a reason code");
                }
            }
            if (b.code() != LegalBasisCode.CONSENT && !b.review() && requiresReview(b.code())) {
                problems.add(at + ".review: " + b.code() + " disclosures always go to follow-up review");
            }
        }
        EnumSet<LegalBasisCode> missing = EnumSet.complementOf(seen);
        if (!missing.isEmpty()) {
            problems.add("legalBases: no rule for " + missing);
        }
    }

    /** Bases that DOMAIN.md marks "always" for review; the table may not switch review off for them. */
    private static boolean requiresReview(LegalBasisCode code) {
        return switch (code) {
            case NECESSARY_OWN_TASK, PREVENT_IPV_18C, YOUTH_CRIME_18A, CRIME_VS_MINOR_21, SERIOUS_CRIME_23,
                 GENERAL_CLAUSE_27, SOC_HEALTH_26_9, EMERGENCY -> true;
            default -> false;
        };
    }

    private static void require(List<String> problems, String path, String value) {
        if (value == null || value.isBlank()) {
            problems.add(path + ": missing");
        }
    }
}
