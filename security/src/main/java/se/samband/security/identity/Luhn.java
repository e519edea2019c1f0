package se.samband.security.identity;

/** The Luhn (mod 10) check used by personal identity and organisation numbers, weights 2,1,2,1,... */
final class Luhn {
    private Luhn() {
    }

    /** True if the last digit of {@code digits} is the Luhn check digit of the ones before it. */
    static boolean isValid(CharSequence digits) {
        int last = digits.length() - 1;
        return last >= 1 && checkDigit(digits, last) == digits.charAt(last) - '0';
    }

    /** The check digit over the first {@code count} digits. */
    static int checkDigit(CharSequence digits, int count) {
        int sum = 0;
        for (int i = 0; i < count; i++) {
            int product = (digits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        return (10 - sum % 10) % 10;
    }

    static boolean allDigits(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
