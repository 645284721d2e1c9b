package org.careergraph.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): {@code webhook-signature} is {@code v1,} and the
 * base64 HMAC-SHA256 of {@code <webhook-id>.<webhook-timestamp>.<body>}, keyed with the secret's bytes (the secret
 * is {@code whsec_} and their base64). A receiver checks it with any Standard Webhooks library, or with
 * {@link #verify}. While a rotated secret is still valid, a message carries one signature per valid secret, newest
 * first, space-separated ({@link #signAll}), and a receiver that knows either secret accepts it.
 */
public final class WebhookSignature {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    private static final String PREFIX = "whsec_";
    private static final Mac HMAC_SHA256 = hmacSha256();

    private WebhookSignature() {
    }

    /** e.g. {@code v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=} */
    public static String sign(String secret, String id, long timestamp, String body) {
        return "v1," + Base64.getEncoder().encodeToString(hmac(secret, id + "." + timestamp + "." + body));
    }

    /** {@code v1,<with the first> v1,<with the second> ...}: one signature per secret, in their order. */
    public static String signAll(List<String> secrets, String id, long timestamp, String body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a message is signed with at least one secret");
        }
        return secrets.stream().map(secret -> sign(secret, id, timestamp, body)).collect(Collectors.joining(" "));
    }

    /**
     * The secrets a subscription's messages are signed with now: its current one, first, and the one a rotation
     * replaced while that is still valid. Kept by the subscriptions; here so that sending does not depend on them.
     */
    public interface Secrets {

        /**
         * @param subscriptionId the subscription
         * @param claimToken     the claim the delivery was read in: secrets rotated before it are known
         * @param current        the secret the claim read for the subscription
         */
        List<String> forSigning(String subscriptionId, String claimToken, String current);
    }

    /**
     * Whether one of the (space-separated) signatures is a v1 signature of this message with this secret, and the
     * timestamp is within {@code tolerance} of {@code now} (so that an old message cannot be replayed).
     */
    public static boolean verify(String secret, String id, String timestamp, String body, String signatures,
                                 Instant now, Duration tolerance) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(tolerance) > 0) {
            return false;
        }
        byte[] expected = hmac(secret, id + "." + timestamp + "." + body);
        for (String signature : signatures.trim().split(" +")) {
            if (signature.startsWith("v1,")) {
                try {
                    if (MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                        return true;
                    }
                } catch (IllegalArgumentException notBase64) {
                    // not this one
                }
            }
        }
        return false;
    }

    private static byte[] hmac(String secret, String content) {
        byte[] key = Base64.getDecoder().decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length())
                : secret);
        try {
            Mac mac = (Mac) HMAC_SHA256.clone();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException | InvalidKeyException e) {
            throw new IllegalStateException("the JDK's HmacSHA256 is cloneable and takes any key", e);
        }
    }

    /**
     * Looked up once: a lookup walks the security providers, a clone of this uninitialised one does not. Its provider
     * is chosen here (getProvider), while the class initialises, so that concurrent clones only read it.
     */
    private static Mac hmacSha256() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.getProvider();
            return mac;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
