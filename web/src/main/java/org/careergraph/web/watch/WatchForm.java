package org.careergraph.web.watch;

import io.micronaut.core.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careergraph.web.view.Form;

/**
 * The career page's watch form as submitted, with what the notification service found wrong, field by field.
 *
 * @param channel "email" or "webhook"
 * @param errors  by form field; {@code form} for what belongs to no one field
 */
public record WatchForm(String channel, @Nullable String email, @Nullable String webhookUrl,
                        @Nullable String emailDelivery, List<String> kinds, Map<String, String> errors) {

    /** The kinds of change a subscriber can choose, in the order the notification service lists them. */
    public static final List<String> KINDS = List.of("SCORE", "IMMIGRATION_STATUS", "POLICY", "SALARY", "AI_IMPACT",
            "CATALOG");

    /** The form's fields: each holds one line. */
    static final List<String> FIELDS = List.of("channel", "email", "webhookUrl", "emailDelivery", "kinds");

    public static WatchForm empty() {
        return new WatchForm("email", null, null, "IMMEDIATE", KINDS, Map.of());
    }

    static WatchForm of(Form form) {
        String channel = "webhook".equals(form.get("channel")) ? "webhook" : "email";
        return new WatchForm(channel, form.get("email"), form.get("webhookUrl"), form.get("emailDelivery"),
                form.all("kinds"), Map.of());
    }

    WatchForm withErrors(Map<String, String> errors) {
        return new WatchForm(channel, email, webhookUrl, emailDelivery, kinds, Map.copyOf(errors));
    }

    /** The subscription request: one channel, this occupation, the chosen kinds. */
    Map<String, Object> request(String occupationId) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (channel.equals("webhook")) {
            body.put("webhookUrl", webhookUrl == null ? "" : webhookUrl);
        } else {
            body.put("email", email == null ? "" : email);
            body.put("emailDelivery", emailDelivery == null ? "IMMEDIATE" : emailDelivery);
        }
        body.put("occupationIds", List.of(occupationId));
        body.put("kinds", kinds);
        return body;
    }

    public boolean chose(String kind) {
        return kinds.contains(kind);
    }
}
