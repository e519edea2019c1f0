package se.samband.hub.consent;

/** The {@code dimension} column of {@code consent_scope}: which named set of a consent a row belongs to. */
public enum ScopeDimension {
    SENDER,
    RECIPIENT,
    NOTICE_TYPE,
    DATA_CATEGORY,
    PURPOSE
}
