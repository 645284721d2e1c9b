package org.careergraph.notification.delivery;

import io.micronaut.email.Email;
import io.micronaut.email.MultipartBody;
import io.micronaut.email.TransactionalEmailSender;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.careergraph.notification.PublicUrl;

/**
 * The mails, over SMTP (Micronaut Email with Jakarta Mail): the confirmation of a new email subscription, one mail
 * per change, and the daily digest. Each has a plain text and an HTML part with both languages. Alert mails carry
 * one-click unsubscribe headers (RFC 2369 {@code List-Unsubscribe} and RFC 8058 {@code List-Unsubscribe-Post}) and
 * the same link in the text. A failure to send throws.
 */
@Singleton
public class Mailer {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<]+");

    private final TransactionalEmailSender<Message, Void> sender;
    private final String from;
    private final String publicUrl;

    Mailer(TransactionalEmailSender<Message, Void> sender, EmailSettings settings, PublicUrl publicUrl) {
        this.sender = sender;
        this.from = settings.from();
        this.publicUrl = publicUrl.base();
    }

    /** The double opt-in: nothing else is sent to the address until its owner follows this link. */
    public void sendConfirmation(String subscriptionId, String to, String mailboxToken) {
        String link = link(subscriptionId, "confirm", mailboxToken);
        String en = "Please confirm that you want Career Graph alerts at this address: " + link + "\n"
                + "If you did not ask for them, ignore this mail: nothing more will be sent.";
        String zh = "請確認您要在此信箱接收 Career Graph 的職業變更通知：" + link + "\n"
                + "如果不是您申請的，請忽略此信，我們不會再寄信給您。";
        send(to, "Confirm your Career Graph alerts / 確認您的 Career Graph 通知", List.of(en, zh), message -> {
        });
    }

    /** One change, as soon as it is known. */
    void sendNotification(ClaimedNotification delivery) {
        String subject = delivery.titleEn() + " / " + delivery.titleZh() + " (" + delivery.occupationId()
                + "): a change / 有變更";
        alert(delivery, subject, List.of(delivery.message().en(), delivery.message().zh()));
    }

    /** All of a subscriber's changes since the last digest, in one mail. */
    void sendDigest(List<ClaimedNotification> deliveries) {
        ClaimedNotification first = deliveries.get(0);
        String subject = "Career Graph daily digest: " + deliveries.size() + (deliveries.size() == 1 ? " change"
                : " changes") + " / 每日摘要：" + deliveries.size() + " 項變更";
        List<String> paragraphs = deliveries.stream()
                .map(d -> d.message().en() + "\n" + d.message().zh())
                .toList();
        alert(first, subject, paragraphs);
    }

    private void alert(ClaimedNotification delivery, String subject, List<String> paragraphs) {
        String unsubscribe = link(delivery.subscriptionId(), "unsubscribe", delivery.mailboxToken());
        List<String> all = new ArrayList<>(paragraphs);
        all.add("Unsubscribe / 取消訂閱: " + unsubscribe);
        send(delivery.email(), subject, all, message -> {
            try {
                message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void send(String to, String subject, List<String> paragraphs, Consumer<Message> headers) {
        String text = String.join("\n\n", paragraphs) + "\n";
        StringBuilder html = new StringBuilder("<!doctype html><html><body>");
        for (String paragraph : paragraphs) {
            html.append("<p>").append(LINK.matcher(Html.escape(paragraph)).replaceAll("<a href=\"$0\">$0</a>")
                    .replace("\n", "<br>")).append("</p>");
        }
        html.append("</body></html>");
        sender.send(Email.builder().from(from).to(to).subject(subject)
                .body(new MultipartBody(html.toString(), text)).build(), message -> {
                    try {
                        message.setHeader("Auto-Submitted", "auto-generated");
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                    headers.accept(message);
                });
    }

    private String link(String subscriptionId, String action, String mailboxToken) {
        return publicUrl + "/api/subscriptions/" + subscriptionId + "/" + action + "?token=" + mailboxToken;
    }
}
