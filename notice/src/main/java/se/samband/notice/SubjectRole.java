package se.samband.notice;

/** The role a person plays in a notice. */
public enum SubjectRole {
    PERPETRATOR,
    VICTIM,
    CHILD
}
