package se.samband.security.identity;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a personal identity number into the federation's pseudonym: {@code "ps1:"} + base64url without
 * padding of HMAC-SHA256(federation key, the 12 normalised digits as ASCII). Every participant holding the
 * federation key gets the same pseudonym for the same person, in 10- or 12-digit form alike; without the
 * key the pseudonym cannot be linked to the number. Thread-safe: each thread uses its own clone of one
 * initialised {@link Mac}, because a Mac is stateful and cloning is cheaper than initialising.
 */
public final class Pseudonymizer {
    /** Version prefix: a new scheme (other key or hash) gets a new prefix, so old pseudonyms stay recognisable. */
    public static final String PREFIX = "ps1:";
    /** Below 256 bits the key would be weaker than the HMAC it keys. */
    public static final int MIN_KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final Mac prototype;
    private final ThreadLocal<Mac> perThread;

    public Pseudonymizer(byte[] federationKey) {
        Objects.requireNonNull(federationKey, "federationKey");
        if (federationKey.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("federation key must be at least " + MIN_KEY_BYTES + " bytes");
        }
        byte[] copy = federationKey.clone();
        try {
            this.prototype = Mac.getInstance(ALGORITHM);
            prototype.init(new SecretKeySpec(copy, ALGORITHM));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        } finally {
            Arrays.fill(copy, (byte) 0);
        }
        this.perThread = ThreadLocal.withInitial(this::newMac);
    }

    /** For configuration: the key as standard base64 (e.g. {@code openssl rand -base64 32}). */
    public static Pseudonymizer fromBase64(String keyBase64) {
        Objects.requireNonNull(keyBase64, "keyBase64");
        byte[] key;
        try {
            key = Base64.getDecoder().decode(keyBase64.strip());
        } catch (IllegalArgumentException e) {
            // Never echo the key material in the message.
            throw new IllegalArgumentException("federation key is not valid base64");
        }
        try {
            return new Pseudonymizer(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    public String pseudonymize(Personnummer personnummer) {
        Objects.requireNonNull(personnummer, "personnummer");
        Mac mac = perThread.get();
        byte[] digest = mac.doFinal(personnummer.normalized().getBytes(StandardCharsets.US_ASCII));
        return PREFIX + ENCODER.encodeToString(digest);
    }

    private Mac newMac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the HmacSHA256 provider cannot clone a Mac", e);
        }
    }

    @Override
    public String toString() {
        return "Pseudonymizer[" + PREFIX + "]";
    }
}
