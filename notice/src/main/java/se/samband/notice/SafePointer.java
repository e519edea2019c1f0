package se.samband.notice;

import com.fasterxml.jackson.core.JsonStreamContext;

/**
 * Builds JSON pointers for error details. Keys come from outside and could themselves be personal
 * data (a personnummer used as a key), so a segment is shown only when it looks like a contract field
 * name or an array index; anything else becomes {@code ~redacted}.
 */
final class SafePointer {
    static final String REDACTED = "~redacted";
    private static final int MAX_NAME = 40;
    private static final int MAX_INDEX_DIGITS = 4;

    private SafePointer() {
    }

    static String of(JsonStreamContext context) {
        if (context == null) {
            return "/";
        }
        StringBuilder out = new StringBuilder();
        append(out, context);
        return out.length() == 0 ? "/" : out.toString();
    }

    private static void append(StringBuilder out, JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return;
        }
        append(out, context.getParent());
        if (context.inObject()) {
            String name = context.getCurrentName();
            if (name != null) {
                out.append('/').append(segment(name));
            }
        } else if (context.inArray()) {
            out.append('/').append(Math.max(context.getCurrentIndex(), 0));
        }
    }

    /** A field name as it may appear in a detail: contract-like names pass, the rest is redacted. */
    static String segment(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
            return REDACTED;
        }
        boolean allDigits = true;
        boolean allLetters = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            allDigits &= c >= '0' && c <= '9';
            allLetters &= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
        if (allLetters || (allDigits && name.length() <= MAX_INDEX_DIGITS)) {
            return name;
        }
        return REDACTED;
    }

    /** Joins a parent pointer and a child segment. */
    static String child(String parent, String name) {
        return ("/".equals(parent) ? "" : parent) + "/" + segment(name);
    }

    static String child(String parent, int index) {
        return ("/".equals(parent) ? "" : parent) + "/" + index;
    }
}
