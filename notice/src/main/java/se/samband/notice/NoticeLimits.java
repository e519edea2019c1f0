package se.samband.notice;

/**
 * Bounds on what the strict reader accepts. The defaults follow ARCHITECTURE.md: header 16 KiB,
 * container 1 MiB; the container limit is configurable per deployment.
 */
public record NoticeLimits(int maxHeaderBytes, int maxContainerBytes, int maxNestingDepth) {
    public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;
    public static final int DEFAULT_MAX_CONTAINER_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_NESTING_DEPTH = 8;

    public static NoticeLimits defaults() {
        return new NoticeLimits(DEFAULT_MAX_HEADER_BYTES, DEFAULT_MAX_CONTAINER_BYTES, DEFAULT_MAX_NESTING_DEPTH);
    }

    public NoticeLimits withMaxContainerBytes(int bytes) {
        return new NoticeLimits(maxHeaderBytes, bytes, maxNestingDepth);
    }
}
