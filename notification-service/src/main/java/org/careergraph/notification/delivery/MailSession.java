package org.careergraph.notification.delivery;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.email.javamail.sender.DefaultSessionProvider;
import io.micronaut.email.javamail.sender.MailPropertiesProvider;
import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.Session;
import java.util.Properties;

/**
 * The mail session, from this application context's {@code javamail.properties}. Micronaut's own provider asks
 * {@code Session.getDefaultInstance}, which hands every later caller in the JVM the first session it made: a second
 * context in the same JVM (the tests run several) would send its mail to the first one's SMTP server.
 */
@Singleton
@Replaces(DefaultSessionProvider.class)
class MailSession implements SessionProvider {

    private final Session session;

    MailSession(MailPropertiesProvider properties, @Nullable Authenticator authenticator) {
        Properties mail = properties.mailProperties();
        if (authenticator != null && !mail.containsKey("mail.smtp.auth")) {
            mail.setProperty("mail.smtp.auth", "true");
        }
        this.session = Session.getInstance(mail, authenticator);
    }

    @Override
    public Session session() {
        return session;
    }
}
