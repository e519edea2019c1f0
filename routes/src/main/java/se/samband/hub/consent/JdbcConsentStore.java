package se.samband.hub.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import se.samband.notice.DataCategory;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.Purpose;
import se.samband.security.consent.ConsentRecord;
import se.samband.security.consent.RiskFlag;

/**
 * Reads consents and risk flags from the tables of {@code V2__consent.sql}: three indexed queries per call,
 * whatever the number of subjects (a header has at most 16). Plain SQL that runs on H2 and PostgreSQL.
 */
public class JdbcConsentStore implements ConsentStore {
    private static final String CONSENTS = "SELECT consent_id, consent_version, status, subject_pseudonym, given_by,"
            + " recorded_by, recorded_by_function, recorded_at, consent_form, evidence_ref, valid_from, valid_to,"
            + " effect, withdrawn_at, withdrawn_via FROM consent_record WHERE subject_pseudonym IN (:subjects)";
    private static final String SCOPES = "SELECT s.consent_id, s.consent_version, s.dimension, s.code"
            + " FROM consent_scope s JOIN consent_record r"
            + " ON r.consent_id = s.consent_id AND r.consent_version = s.consent_version"
            + " WHERE r.subject_pseudonym IN (:subjects)";
    private static final String FLAGS = "SELECT subject_pseudonym, set_by, valid_until, reason_code, set_at, cleared_at"
            + " FROM risk_flag WHERE subject_pseudonym IN (:subjects)";

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcConsentStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ConsentRecord> consentsFor(Collection<String> pseudonyms) {
        List<ConsentRecord> all = new ArrayList<>();
        loadBySubject(pseudonyms).values().forEach(r -> all.addAll(r.consents()));
        return all;
    }

    @Override
    public List<RiskFlag> riskFlagsFor(Collection<String> pseudonyms) {
        List<RiskFlag> all = new ArrayList<>();
        loadBySubject(pseudonyms).values().forEach(r -> all.addAll(r.riskFlags()));
        return all;
    }

    @Override
    public SubjectRecords recordsFor(Collection<String> pseudonyms) {
        List<ConsentRecord> consents = new ArrayList<>();
        List<RiskFlag> flags = new ArrayList<>();
        for (SubjectRecords records : loadBySubject(pseudonyms).values()) {
            consents.addAll(records.consents());
            flags.addAll(records.riskFlags());
        }
        return new SubjectRecords(consents, flags);
    }

    /** The records of each pseudonym asked for; one with nothing registered maps to {@link SubjectRecords#NONE}. */
    public Map<String, SubjectRecords> loadBySubject(Collection<String> pseudonyms) {
        Set<String> subjects = new LinkedHashSet<>(pseudonyms);
        Map<String, SubjectRecords> result = new HashMap<>();
        if (subjects.isEmpty()) {
            return result;
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource("subjects", subjects);
        Map<VersionKey, Scope> scopes = new HashMap<>();
        jdbc.query(SCOPES, parameters, rs -> {
            scopes.computeIfAbsent(new VersionKey(rs.getString(1), rs.getInt(2)), k -> new Scope())
                    .add(rs.getString(3), rs.getString(4));
        });
        Map<String, List<ConsentRecord>> consents = new HashMap<>();
        jdbc.query(CONSENTS, parameters, rs -> {
            ConsentRecord consent = consent(rs, scopes.getOrDefault(new VersionKey(rs.getString(1), rs.getInt(2)),
                    new Scope()));
            consents.computeIfAbsent(consent.subjectPseudonym(), k -> new ArrayList<>()).add(consent);
        });
        Map<String, List<RiskFlag>> flags = new HashMap<>();
        jdbc.query(FLAGS, parameters, rs -> {
            RiskFlag flag = new RiskFlag(rs.getString(1), ParticipantId.of(rs.getString(2)), instant(rs, 3),
                    rs.getString(4), instant(rs, 5), instant(rs, 6));
            flags.computeIfAbsent(flag.subjectPseudonym(), k -> new ArrayList<>()).add(flag);
        });
        for (String subject : subjects) {
            List<ConsentRecord> c = consents.getOrDefault(subject, List.of());
            List<RiskFlag> f = flags.getOrDefault(subject, List.of());
            result.put(subject, c.isEmpty() && f.isEmpty() ? SubjectRecords.NONE : new SubjectRecords(c, f));
        }
        return result;
    }

    private static ConsentRecord consent(ResultSet rs, Scope scope) throws SQLException {
        return ConsentRecord.builder()
                .consentId(rs.getString(1))
                .version(rs.getInt(2))
                .status(ConsentRecord.Status.valueOf(rs.getString(3)))
                .subjectPseudonym(rs.getString(4))
                .givenBy(optionalEnum(ConsentRecord.GivenBy.class, rs.getString(5)))
                .recordedBy(ParticipantId.of(rs.getString(6)))
                .recordedByFunction(rs.getString(7))
                .recordedAt(instant(rs, 8))
                .form(optionalEnum(ConsentRecord.Form.class, rs.getString(9)))
                .evidenceRef(rs.getString(10))
                .validFrom(instant(rs, 11))
                .validTo(instant(rs, 12))
                .effect(ConsentRecord.Effect.valueOf(rs.getString(13)))
                .withdrawnAt(instant(rs, 14))
                .withdrawnVia(rs.getString(15))
                .senders(scope.senders)
                .recipients(scope.recipients)
                .noticeTypes(scope.types)
                .dataCategories(scope.categories)
                .purposes(scope.purposes)
                .build();
    }

    private static <E extends Enum<E>> E optionalEnum(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private record VersionKey(String consentId, int version) {
    }

    /** The named scope of one consent version, gathered from its consent_scope rows. */
    private static final class Scope {
        final Set<ParticipantId> senders = new LinkedHashSet<>();
        final Set<ParticipantId> recipients = new LinkedHashSet<>();
        final Set<NoticeType> types = EnumSet.noneOf(NoticeType.class);
        final Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        final Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);

        void add(String dimension, String code) {
            switch (ScopeDimension.valueOf(dimension)) {
                case SENDER -> senders.add(ParticipantId.of(code));
                case RECIPIENT -> recipients.add(ParticipantId.of(code));
                case NOTICE_TYPE -> types.add(NoticeType.valueOf(code));
                case DATA_CATEGORY -> categories.add(DataCategory.valueOf(code));
                case PURPOSE -> purposes.add(Purpose.valueOf(code));
            }
        }
    }
}
