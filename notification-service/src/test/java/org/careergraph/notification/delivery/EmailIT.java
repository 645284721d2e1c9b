package org.careergraph.notification.delivery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.careergraph.events.EventType;
import org.careergraph.notification.NotificationIT;
import org.careergraph.notification.TestDatabase;
import org.careergraph.testsupport.MovableClock;
import org.careergraph.testsupport.TestOccupations;
import org.junit.jupiter.api.Test;

/** Email alerts against a real SMTP server (GreenMail in the test JVM), a real broker and a real database. */
@MicronautTest(transactional = false)
class EmailIT extends NotificationIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String PUBLIC_URL = "https://careergraph.test";
    private static final Pattern LINK = Pattern.compile(Pattern.quote(PUBLIC_URL) + "(/api/subscriptions/\\S+)");

    @Inject
    MovableClock clock;

    private final GreenMail smtp = mailServer();

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("careergraph.notification.public-url", PUBLIC_URL,
                "careergraph.notification.email.from", "Career Graph <alerts@careergraph.test>");
    }

    @Test
    void nothingIsSentBeforeTheAddressConfirmsThenEachChangeIsMailedAtOnce() throws Exception {
        String code = TestOccupations.uniqueCode();
        String occupationId = occupations().announce(code);
        String address = address();
        Map<?, ?> created = subscribe(Map.of("email", address, "occupationIds", List.of(occupationId)));
        assertEquals("PENDING_CONFIRMATION", created.get("status"));
        assertEquals("IMMEDIATE", created.get("emailDelivery"));

        MimeMessage confirmation = awaitMails(address, 1).get(0);
        assertEquals("Confirm your Career Graph alerts / 確認您的 Career Graph 通知", confirmation.getSubject());
        String confirmText = text(confirmation);
        assertTrue(confirmText.contains("請確認您要在此信箱接收"), confirmText);
        String confirmLink = link(confirmText, "/confirm");

        String before = occupations().publish(EventType.IMMIGRATION_STATUS_CHANGED, code);
        occupations().awaitHandled(before);
        occupations().awaitFannedOut(before);
        assertEquals(0, notifications((String) created.get("id")), "an unconfirmed address is told nothing");

        HttpResponse<String> page = http.toBlocking().exchange(HttpRequest.GET(confirmLink), String.class);
        assertTrue(page.body().contains("<form method=\"post\""), "a GET only shows the button: " + page.body());
        assertSecurityHeaders(page);
        assertEquals("PENDING_CONFIRMATION", view(created).get("status"), "mail scanners open links");
        HttpResponse<String> confirmed = http.toBlocking().exchange(HttpRequest.POST(confirmLink, "")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED), String.class);
        assertEquals(HttpStatus.OK, confirmed.status());
        assertSecurityHeaders(confirmed);
        Map<?, ?> active = view(created);
        assertEquals("ACTIVE", active.get("status"));
        Instant.parse((String) active.get("confirmedAt"));

        occupations().publish(EventType.IMMIGRATION_STATUS_CHANGED, code);
        MimeMessage alert = awaitMails(address, 2).get(1);
        assertEquals("Community Services Worker / 社區服務工作者 (" + occupationId + "): a change / 有變更",
                alert.getSubject());
        String text = text(alert);
        assertTrue(text.contains("Community Services Worker (" + occupationId + "): NZ immigration status: Green List "
                + "Tier 2 -> Tier 1 from 2026-12-01"), text);
        assertTrue(text.contains("社區服務工作者 (" + occupationId + ")：NZ 移民狀態：綠名單第二級 -> 第一級，自 2026-12-01 起"),
                text);
        String unsubscribe = link(text, "/unsubscribe");
        assertEquals("<" + PUBLIC_URL + unsubscribe + ">", header(alert, "List-Unsubscribe"));
        assertEquals("List-Unsubscribe=One-Click", header(alert, "List-Unsubscribe-Post"));
        assertTrue(alert.getContentType().startsWith("multipart/alternative"), alert.getContentType());
        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(firstDelivery(created).get("status")));
    }

    @Test
    void oneClickUnsubscribeNeedsTheMailsTokenAndStopsTheAlerts() throws Exception {
        String code = TestOccupations.uniqueCode();
        String occupationId = occupations().announce(code);
        String address = address();
        Map<?, ?> created = subscribe(Map.of("email", address, "occupationIds", List.of(occupationId)));
        confirm(address);
        occupations().publish(EventType.SCORE_CHANGED, code);
        String unsubscribe = link(text(awaitMails(address, 2).get(1)), "/unsubscribe");

        String forged = unsubscribe.replaceAll("token=.*", "token=" + UUID.randomUUID());
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(oneClick(forged)));
        assertEquals(HttpStatus.NOT_FOUND, refused.getStatus());
        assertEquals("ACTIVE", view(created).get("status"));

        assertSecurityHeaders(http.toBlocking().exchange(HttpRequest.GET(unsubscribe), String.class));
        // What a mail client sends for List-Unsubscribe-Post (RFC 8058).
        HttpResponse<String> unsubscribed = http.toBlocking().exchange(oneClick(unsubscribe), String.class);
        assertEquals(HttpStatus.OK, unsubscribed.status());
        assertSecurityHeaders(unsubscribed);
        assertEquals(0, TestDatabase.count(jdbc, "SELECT COUNT(*) FROM subscription WHERE id = ?", created.get("id")));

        String later = occupations().publish(EventType.SCORE_CHANGED, code);
        occupations().awaitHandled(later);
        occupations().awaitFannedOut(later);
        assertEquals(2, smtp.getReceivedMessagesForDomain(address).length, "no mail after unsubscribing");
    }

    @Test
    void aDigestSubscriberGetsTheDaysChangesInOneMailAtDigestTime() throws Exception {
        String code = TestOccupations.uniqueCode();
        String occupationId = occupations().announce(code);
        String address = address();
        Map<?, ?> created = subscribe(Map.of("email", address, "occupationIds", List.of(occupationId),
                "emailDelivery", "daily_digest"));
        assertEquals("DAILY_DIGEST", created.get("emailDelivery"));
        confirm(address);

        occupations().publish(EventType.IMMIGRATION_STATUS_CHANGED, code);
        occupations().publish(EventType.SCORE_CHANGED, code);
        List<Map<?, ?>> pending = await().atMost(PATIENCE).until(() -> deliveries(created), d -> d.size() == 2);
        Instant digestTime = clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate().atTime(7, 0)
                .toInstant(java.time.ZoneOffset.UTC);
        Instant next = digestTime.isAfter(clock.instant()) ? digestTime : digestTime.plus(1, ChronoUnit.DAYS);
        for (Map<?, ?> delivery : pending) {
            assertEquals("PENDING", delivery.get("status"));
            assertEquals(next, Instant.parse((String) delivery.get("nextAttemptAt")), "due at the digest time");
        }
        assertEquals(1, smtp.getReceivedMessagesForDomain(address).length, "only the confirmation so far");

        clock.advance(Duration.between(clock.instant(), next).plusMinutes(1));

        MimeMessage digest = awaitMails(address, 2).get(1);
        assertEquals("Career Graph daily digest: 2 changes / 每日摘要：2 項變更", digest.getSubject());
        String text = text(digest);
        assertTrue(text.contains("NZ immigration status: Green List Tier 2 -> Tier 1") && text.contains(
                "overall score 6.6 -> 6.8"), text);
        assertTrue(header(digest, "List-Unsubscribe").contains("/unsubscribe?token="));
        await().atMost(PATIENCE).until(() -> deliveries(created).stream()
                .allMatch(d -> "DELIVERED".equals(d.get("status"))));
        assertEquals(2, smtp.getReceivedMessagesForDomain(address).length, "one mail for both");
    }

    @Test
    void anAddressGetsAtMostThreeConfirmationMailsADayAndOnlyItsLinksWork() throws Exception {
        String occupationId = occupations().announce(TestOccupations.uniqueCode());
        String address = address();
        Map<String, Object> request = Map.of("email", address, "occupationIds", List.of(occupationId));
        Map<?, ?> first = subscribe(request);
        subscribe(request);
        subscribe(request);
        HttpClientResponseException tooMany = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/subscriptions", request)));
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, tooMany.getStatus());
        assertEquals(3, TestDatabase.count(jdbc, "SELECT COUNT(*) FROM subscription WHERE email = ?", address));
        assertEquals(3, awaitMails(address, 3).size());

        String link = link(text(awaitMails(address, 1).get(0)), "/confirm");
        String forged = link.replaceAll("token=.*", "token=" + UUID.randomUUID());
        assertEquals(HttpStatus.NOT_FOUND, assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET(forged))).getStatus(), "no button for a wrong link");

        // Paused before confirming: confirming keeps it paused, and then it can be enabled.
        String id = (String) first.get("id");
        assertEquals("/api/subscriptions/" + id + "/confirm", link.replaceAll("\\?.*", ""), "mails go out in order");
        http.toBlocking().exchange(HttpRequest.PATCH("/api/subscriptions/" + id, Map.of("enabled", false))
                .header("X-Manage-Token", (String) first.get("manageToken")));
        http.toBlocking().exchange(HttpRequest.POST(link, "").contentType(MediaType.APPLICATION_FORM_URLENCODED));
        assertEquals("DISABLED", view(first).get("status"));
        Map<?, ?> enabled = http.toBlocking().retrieve(HttpRequest.PATCH("/api/subscriptions/" + id,
                Map.of("enabled", true)).header("X-Manage-Token", (String) first.get("manageToken")), Map.class);
        assertEquals("ACTIVE", enabled.get("status"));
    }

    /** A digest subscriber who moves to immediate mails gets what waited for the digest at once, not at 07:00. */
    @Test
    void movingFromTheDigestToImmediateMailsSendsWhatWaitedAtOnce() throws Exception {
        String code = TestOccupations.uniqueCode();
        String occupationId = occupations().announce(code);
        String address = address();
        Map<?, ?> created = subscribe(Map.of("email", address, "occupationIds", List.of(occupationId),
                "emailDelivery", "daily_digest"));
        confirm(address);
        occupations().publish(EventType.IMMIGRATION_STATUS_CHANGED, code);
        await().atMost(PATIENCE).until(() -> deliveries(created), d -> d.size() == 1);

        http.toBlocking().exchange(HttpRequest.PATCH("/api/subscriptions/" + created.get("id"),
                Map.of("emailDelivery", "immediate")).header("X-Manage-Token", (String) created.get("manageToken")));

        MimeMessage alert = awaitMails(address, 2).get(1);
        assertTrue(text(alert).contains("NZ immigration status"), text(alert));
    }

    /** The mailbox pages carry the mailbox token in their URL: nothing may frame, cache or leak them. */
    private static void assertSecurityHeaders(HttpResponse<String> page) {
        assertTrue(page.getContentType().orElseThrow().toString().startsWith("text/html"));
        String policy = page.header("Content-Security-Policy");
        assertTrue(policy != null && policy.startsWith("default-src 'none'") && policy.contains("frame-ancestors 'none'")
                && policy.contains("form-action 'self'"), "Content-Security-Policy: " + policy);
        assertEquals("DENY", page.header("X-Frame-Options"));
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertEquals("no-referrer", page.header("Referrer-Policy"));
        assertEquals("no-store", page.header("Cache-Control"));
    }

    private void confirm(String address) throws Exception {
        String link = link(text(awaitMails(address, 1).get(0)), "/confirm");
        http.toBlocking().exchange(HttpRequest.POST(link, "").contentType(MediaType.APPLICATION_FORM_URLENCODED));
    }

    private static HttpRequest<?> oneClick(String link) {
        return HttpRequest.POST(link, "List-Unsubscribe=One-Click")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED);
    }

    private List<MimeMessage> awaitMails(String address, int count) {
        return await().atMost(PATIENCE).until(() -> Arrays.asList(smtp.getReceivedMessagesForDomain(address)),
                m -> m.size() >= count);
    }

    private Map<?, ?> subscribe(Map<String, ?> request) {
        return http.toBlocking().retrieve(HttpRequest.POST("/api/subscriptions", request), Map.class);
    }

    private Map<?, ?> view(Map<?, ?> created) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/subscriptions/" + created.get("id"))
                .header("X-Manage-Token", (String) created.get("manageToken")), Map.class);
    }

    private List<Map<?, ?>> deliveries(Map<?, ?> created) {
        Map<?, ?> page = http.toBlocking().retrieve(HttpRequest.GET("/api/subscriptions/" + created.get("id")
                + "/deliveries").header("X-Manage-Token", (String) created.get("manageToken")), Map.class);
        return (List<Map<?, ?>>) page.get("items");
    }

    private Map<?, ?> firstDelivery(Map<?, ?> created) {
        List<Map<?, ?>> items = deliveries(created);
        return items.isEmpty() ? Map.of() : items.get(0);
    }

    private long notifications(String subscriptionId) {
        return TestDatabase.count(jdbc, "SELECT COUNT(*) FROM notification WHERE subscription_id = ?", subscriptionId);
    }

    /** The path and query of the mail's link to this action, to call on the test server. */
    private static String link(String text, String action) {
        Matcher matcher = LINK.matcher(text);
        while (matcher.find()) {
            if (matcher.group(1).contains(action + "?token=")) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("no " + action + " link in " + text);
    }

    private static String address() {
        return UUID.randomUUID() + "@example.com";
    }

    private static String header(Message message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null ? null : values[0];
    }

    /** The plain-text part. */
    private static String text(Message message) throws MessagingException, IOException {
        Object content = message.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return (String) part.getContent();
                }
            }
        }
        return String.valueOf(content);
    }
}
