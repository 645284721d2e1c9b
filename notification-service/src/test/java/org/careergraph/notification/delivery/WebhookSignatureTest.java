package org.careergraph.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Against the test vector the Standard Webhooks specification publishes (and every reference library checks). */
class WebhookSignatureTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static final Instant SIGNED_AT = Instant.ofEpochSecond(TIMESTAMP);
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Test
    void signsThePublishedVector() {
        assertEquals(SIGNATURE, WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY));
        assertEquals(SIGNATURE, WebhookSignature.sign("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", ID, TIMESTAMP, BODY),
                "the secret's bytes count, with or without its whsec_ prefix");
    }

    @Test
    void verifiesThePublishedVectorAndOneOfSeveralSignatures() {
        assertTrue(WebhookSignature.verify(SECRET, ID, "1614265330", BODY, SIGNATURE, SIGNED_AT, TOLERANCE));
        assertTrue(WebhookSignature.verify(SECRET, ID, "1614265330", BODY, "v1,Zm9v " + SIGNATURE, SIGNED_AT,
                TOLERANCE), "a receiver accepts any of the space-separated signatures (secret rotation)");
    }

    @Test
    void refusesAChangedBodyIdTimestampOrSecretAndAnOldMessage() {
        assertFalse(WebhookSignature.verify(SECRET, ID, "1614265330", "{\"test\": 2432232315}", SIGNATURE, SIGNED_AT,
                TOLERANCE));
        assertFalse(WebhookSignature.verify(SECRET, "msg_other", "1614265330", BODY, SIGNATURE, SIGNED_AT, TOLERANCE));
        assertFalse(WebhookSignature.verify(SECRET, ID, "1614265331", BODY, SIGNATURE, SIGNED_AT, TOLERANCE));
        assertFalse(WebhookSignature.verify("whsec_" + "A".repeat(32), ID, "1614265330", BODY, SIGNATURE, SIGNED_AT,
                TOLERANCE));
        assertFalse(WebhookSignature.verify(SECRET, ID, "1614265330", BODY, SIGNATURE,
                SIGNED_AT.plus(Duration.ofMinutes(6)), TOLERANCE), "a replay after the tolerance is refused");
        assertFalse(WebhookSignature.verify(SECRET, ID, "1614265330", BODY, "v2," + SIGNATURE.substring(3), SIGNED_AT,
                TOLERANCE), "only v1 signatures count");
        assertFalse(WebhookSignature.verify(SECRET, ID, "yesterday", BODY, SIGNATURE, SIGNED_AT, TOLERANCE));
    }

    /** During a secret rotation's overlap: one signature per secret, the new one first, and either verifies. */
    @Test
    void signsWithEverySecretAndVerifiesWithAnyOneOfThem() {
        String newer = "whsec_" + "B".repeat(32);
        String signatures = WebhookSignature.signAll(List.of(newer, SECRET), ID, TIMESTAMP, BODY);
        assertEquals(WebhookSignature.sign(newer, ID, TIMESTAMP, BODY) + " " + SIGNATURE, signatures,
                "space-separated, in the order of the secrets");
        assertEquals(SIGNATURE, WebhookSignature.signAll(List.of(SECRET), ID, TIMESTAMP, BODY), "one secret, one");
        assertTrue(WebhookSignature.verify(newer, ID, "1614265330", BODY, signatures, SIGNED_AT, TOLERANCE));
        assertTrue(WebhookSignature.verify(SECRET, ID, "1614265330", BODY, signatures, SIGNED_AT, TOLERANCE));
        assertTrue(WebhookSignature.verify(SECRET, ID, "1614265330", BODY, "  " + signatures.replace(" ", "   ")
                + " ", SIGNED_AT, TOLERANCE), "any run of spaces separates");
    }

    @Test
    void refusesWhenNoneOfSeveralSignaturesIsOfItsSecret() {
        String signatures = WebhookSignature.signAll(List.of("whsec_" + "B".repeat(32), "whsec_" + "C".repeat(32)),
                ID, TIMESTAMP, BODY);
        assertFalse(WebhookSignature.verify(SECRET, ID, "1614265330", BODY, signatures, SIGNED_AT, TOLERANCE));
        assertFalse(WebhookSignature.verify(SECRET, ID, "1614265330", "{\"test\": 2432232315}",
                WebhookSignature.signAll(List.of("whsec_" + "B".repeat(32), SECRET), ID, TIMESTAMP, BODY), SIGNED_AT,
                TOLERANCE), "each signature is of this very message");
        assertFalse(WebhookSignature.verify(SECRET, ID, "1614265330", BODY, "v1,not-base64! v1,", SIGNED_AT,
                TOLERANCE), "unreadable signatures are skipped, not an error");
        assertThrows(IllegalArgumentException.class, () -> WebhookSignature.signAll(List.of(), ID, TIMESTAMP, BODY));
    }
}
