package se.samband.connector.file;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import se.samband.connector.core.CaseSubmission;
import se.samband.connector.core.PersonRef;
import se.samband.connector.hubclient.RecipientQuery;
import se.samband.connector.local.ParsedSubmission;
import se.samband.connector.local.Problem;
import se.samband.connector.local.SubmissionRequests;
import se.samband.notice.DataCategory;
import se.samband.notice.LegalBasisCode;
import se.samband.notice.NoticeType;
import se.samband.notice.ParticipantId;
import se.samband.notice.ParticipantKind;
import se.samband.notice.Purpose;
import se.samband.notice.SubjectRole;

/**
 * Reads Kriminalvården's release list (CSV, UTF-8, header row, {@code ;} or {@code ,} as separator, fields may be
 * quoted with {@code "}). Columns (connectors/README.md): {@code noticeType} (RELEASE_CONTACT_CONSENT or
 * RELEASE_EFFECTED), {@code personnummer}, {@code consentId}, {@code municipality} (the client's home kommunkod; the
 * directory finds its social services), {@code releaseDate} (YYYY-MM-DD), and optionally {@code releaseTime} (HH:MM),
 * {@code protectedIdentity} (true/false), {@code contactChannel}, {@code caseRef}, {@code recipients} (participant
 * ids separated by {@code |}, instead of {@code municipality}).
 * Each data row becomes one submission or a list of problems naming the column and the rule, never the value.
 * A row's notice id is derived from the file's content and the row number, so the same file dropped twice cannot
 * submit a row twice. Row numbers count lines of the file, the header being row 1.
 */
public final class ReleaseListParser {
    static final int MAX_ROWS = 10_000;
    static final List<String> REQUIRED = List.of("noticeType", "personnummer", "consentId", "releaseDate");
    static final Set<String> KNOWN = Set.of("noticeType", "personnummer", "consentId", "municipality", "releaseDate",
            "releaseTime", "protectedIdentity", "contactChannel", "caseRef", "recipients");
    private static final Pattern CONSENT_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,64}$");
    private static final Pattern CASE_REF = Pattern.compile("^[A-Za-z0-9._:/-]{1,64}$");
    private static final Pattern MUNICIPALITY = Pattern.compile("^[0-9]{4}$");

    /** One data row's outcome: a submission, or the problems that kept it back. */
    public record Row(int number, ParsedSubmission submission, List<Problem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** The whole file: rows, or a file-level problem (empty, bad header, too many rows) reported as row 1. */
    public record Result(List<Row> rows, List<Problem> fileProblems) {
    }

    public Result parse(byte[] content, LocalDate today) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n", -1);
        if (lines.length == 0 || lines[0].isBlank()) {
            return new Result(List.of(), List.of(new Problem("missing", "header")));
        }
        char separator = lines[0].indexOf(';') >= 0 ? ';' : ',';
        List<String> header = split(lines[0], separator);
        List<Problem> fileProblems = new ArrayList<>();
        for (String column : header) {
            if (!KNOWN.contains(column.strip())) {
                fileProblems.add(new Problem("unknown_column", column.strip().matches("^[A-Za-z]{1,40}$")
                        ? column.strip() : "(unnamed)"));
            }
        }
        for (String required : REQUIRED) {
            if (header.stream().noneMatch(c -> c.strip().equals(required))) {
                fileProblems.add(new Problem("missing_column", required));
            }
        }
        if (header.stream().noneMatch(c -> c.strip().equals("municipality"))
                && header.stream().noneMatch(c -> c.strip().equals("recipients"))) {
            fileProblems.add(new Problem("missing_column", "municipality"));
        }
        if (lines.length - 1 > MAX_ROWS) {
            fileProblems.add(new Problem("too_many", "rows"));
        }
        if (!fileProblems.isEmpty()) {
            return new Result(List.of(), fileProblems);
        }
        String fileDigest = sha256(content);
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> values = split(lines[i], separator);
            Map<String, String> fields = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                String value = c < values.size() ? values.get(c).strip() : "";
                fields.put(header.get(c).strip(), value.isEmpty() ? null : value);
            }
            int number = i + 1;
            List<Problem> problems = new ArrayList<>();
            if (values.size() != header.size()) {
                problems.add(new Problem("column_count", "row"));
            }
            UUID noticeId = UUID.nameUUIDFromBytes(("samband:release-list:" + fileDigest + ":" + number)
                    .getBytes(StandardCharsets.UTF_8));
            ParsedSubmission submission = row(fields, noticeId, today, problems);
            rows.add(new Row(number, problems.isEmpty() ? submission : null, List.copyOf(problems)));
        }
        return new Result(rows, List.of());
    }

    private ParsedSubmission row(Map<String, String> f, UUID noticeId, LocalDate today, List<Problem> problems) {
        NoticeType type = null;
        String typeText = f.get("noticeType");
        if (typeText == null) {
            problems.add(new Problem("missing", "noticeType"));
        } else if (typeText.equals("RELEASE_CONTACT_CONSENT") || typeText.equals("RELEASE_EFFECTED")) {
            type = NoticeType.valueOf(typeText);
        } else {
            problems.add(new Problem("invalid_value", "noticeType"));
        }
        String number = f.get("personnummer");
        if (number == null) {
            problems.add(new Problem("missing", "personnummer"));
        } else {
            String rule = SubmissionRequests.personnummerRule(number, today);
            if (rule != null) {
                problems.add(new Problem(rule, "personnummer"));
            }
        }
        String consentId = f.get("consentId");
        if (consentId == null) {
            problems.add(new Problem("missing", "consentId"));
        } else if (!CONSENT_ID.matcher(consentId).matches()) {
            problems.add(new Problem("invalid_format", "consentId"));
        }
        LocalDate releaseDate = null;
        if (f.get("releaseDate") == null) {
            problems.add(new Problem("missing", "releaseDate"));
        } else {
            try {
                releaseDate = LocalDate.parse(f.get("releaseDate"));
            } catch (DateTimeParseException e) {
                problems.add(new Problem("invalid_format", "releaseDate"));
            }
        }
        LocalTime releaseTime = null;
        if (f.get("releaseTime") != null) {
            try {
                releaseTime = LocalTime.parse(f.get("releaseTime"));
            } catch (DateTimeParseException e) {
                problems.add(new Problem("invalid_format", "releaseTime"));
            }
        }
        boolean protectedIdentity = false;
        String flag = f.get("protectedIdentity");
        if (flag != null) {
            switch (flag.toLowerCase(Locale.ROOT)) {
                case "true", "ja", "yes", "1" -> protectedIdentity = true;
                case "false", "nej", "no", "0" -> protectedIdentity = false;
                default -> problems.add(new Problem("invalid_value", "protectedIdentity"));
            }
        }
        String caseRef = f.get("caseRef");
        if (caseRef != null && !CASE_REF.matcher(caseRef).matches()) {
            problems.add(new Problem("invalid_format", "caseRef"));
        }
        String contactChannel = f.get("contactChannel");
        if (contactChannel != null && contactChannel.length() > 200) {
            problems.add(new Problem("too_long", "contactChannel"));
        }
        List<ParticipantId> recipients = new ArrayList<>();
        RecipientQuery query = null;
        String municipality = f.get("municipality");
        String named = f.get("recipients");
        if (named != null && municipality != null) {
            problems.add(new Problem("conflict", "recipients"));
        } else if (named != null) {
            for (String id : named.split("\\|")) {
                if (!ParticipantId.isValid(id.strip())) {
                    problems.add(new Problem("invalid_format", "recipients"));
                    break;
                }
                recipients.add(ParticipantId.of(id.strip()));
            }
        } else if (municipality == null) {
            problems.add(new Problem("missing", "municipality"));
        } else if (!MUNICIPALITY.matcher(municipality).matches()) {
            problems.add(new Problem("invalid_format", "municipality"));
        } else if (protectedIdentity) {
            // never route by a protected person's registered municipality (DOMAIN.md): name the recipient instead
            problems.add(new Problem("protected_identity_needs_recipients", "municipality"));
        } else {
            query = new RecipientQuery(ParticipantKind.SOCIALTJANST, municipality, null, null, null);
        }
        if (!problems.isEmpty()) {
            return null;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put(type == NoticeType.RELEASE_EFFECTED ? "releaseDate" : "plannedReleaseDate", releaseDate.toString());
        if (releaseTime != null) {
            payload.put("releaseTime", releaseTime.toString());
        }
        if (contactChannel != null) {
            payload.put("contactChannel", contactChannel);
        }
        CaseSubmission submission = new CaseSubmission(noticeId, type,
                List.of(new PersonRef(number, SubjectRole.PERPETRATOR, protectedIdentity)), Purpose.SUPPORT_CONTACT,
                LegalBasisCode.CONSENT, consentId, null,
                EnumSet.of(DataCategory.RELEASE_INFORMATION, DataCategory.CONTACT_DETAILS), List.of(), caseRef, null,
                null, null, payload);
        return new ParsedSubmission(submission, recipients, query);
    }

    /** Splits one CSV line; a quoted field may hold the separator and doubled quotes. */
    static List<String> split(String line, char separator) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
