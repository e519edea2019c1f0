package se.samband.connector.local;

/**
 * One thing wrong with a submission: a rule code and the field (a JSON pointer, or a CSV column) it concerns, never
 * the value. Codes: {@code missing}, {@code unknown_field}, {@code invalid_value}, {@code invalid_format},
 * {@code too_long}, {@code too_many}, {@code conflict}, under an agency profile {@code type_not_sent_by_kind} and
 * {@code hsa_id_required} ({@link AgencyRules}), and for personal identity numbers the failed rule
 * ({@code format}, {@code date}, {@code checksum}).
 */
public record Problem(String code, String field) {
    @Override
    public String toString() {
        return field + ": " + code;
    }
}
