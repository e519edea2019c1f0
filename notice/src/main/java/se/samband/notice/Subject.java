package se.samband.notice;

/**
 * A person the notice is about, by pseudonym only ({@code ps1:} + base64url HMAC), with the role
 * they play and whether their identity is protected (sekretessmarkering, skyddad folkbokföring).
 */
public record Subject(String pseudonym, SubjectRole role, boolean protectedIdentity) {
}
