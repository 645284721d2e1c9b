package org.careergraph.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.icegreen.greenmail.util.GreenMail;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careergraph.notification.NotificationIT;
import org.careergraph.notification.TestDatabase;
import org.careergraph.testsupport.TestOccupations;
import org.junit.jupiter.api.Test;

/**
 * An SMTP server that is down when a subscription is made (moved out of {@link EmailIT}, whose tests need theirs up):
 * the server here is stopped before the test and never started again.
 */
@MicronautTest(transactional = false)
class MailOutageIT extends NotificationIT {

    private final GreenMail smtp = mailServer();

    @Test
    void whenTheConfirmationCannotBeSentNothingIsStored() {
        String occupationId = occupations().announce(TestOccupations.uniqueCode());
        smtp.stop();
        String address = UUID.randomUUID() + "@example.com";
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/subscriptions", Map.of("email", address,
                        "occupationIds", List.of(occupationId)))));
        assertEquals(HttpStatus.SERVICE_UNAVAILABLE, e.getStatus());
        assertEquals(0, TestDatabase.count(jdbc, "SELECT COUNT(*) FROM subscription WHERE email = ?", address));
    }
}
