package org.careergraph.notification.delivery;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an alert mail, or one daily digest for a group of a subscriber's notifications ({@link Mailer} writes them);
 * a failure is told in words a subscriber can read, its detail logged.
 */
@Singleton
class MailSender {

    private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);
    private static final String NOT_SENT = "mail not sent: the mail server could not be reached or refused the message";

    private final Mailer mailer;

    MailSender(Mailer mailer) {
        this.mailer = mailer;
    }

    /** Empty when sent; otherwise why not. */
    Optional<String> sendNotification(ClaimedNotification delivery) {
        return send(List.of(delivery), () -> mailer.sendNotification(delivery));
    }

    /** Empty when sent; otherwise why not. */
    Optional<String> sendDigest(List<ClaimedNotification> group) {
        return send(group, () -> mailer.sendDigest(group));
    }

    private Optional<String> send(List<ClaimedNotification> deliveries, Runnable send) {
        try {
            send.run();
            return Optional.empty();
        } catch (RuntimeException e) {
            // The exception names our mail library's classes: its detail goes to the log, words to the record.
            LOG.info("Mail for notification {} not sent: {}", deliveries.get(0).id(), e.toString());
            return Optional.of(NOT_SENT);
        }
    }
}
