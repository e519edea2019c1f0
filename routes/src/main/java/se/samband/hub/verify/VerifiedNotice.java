package se.samband.hub.verify;

import se.samband.notice.NoticeHeader;
import se.samband.security.federation.Participant;

/** A header whose signature, signer certificate and sender have been checked, and the sender's directory entry. */
public record VerifiedNotice(NoticeHeader header, Participant sender) {
}
