package org.careergraph.web.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.careergraph.web.view.Form;
import org.junit.jupiter.api.Test;

class WatchFormTest {

    @Test
    void anEmailRequestHasTheAddressAndDelivery() {
        WatchForm form = WatchForm.of(Form.parse("channel=email&email=ana%40example.com&emailDelivery=DIGEST"
                + "&webhookUrl=https%3A%2F%2Fignored.example&kinds=SCORE&kinds=SALARY"));

        assertEquals(Map.of("email", "ana@example.com", "emailDelivery", "DIGEST",
                "occupationIds", List.of("anzsco-411215"), "kinds", List.of("SCORE", "SALARY")),
                form.request("anzsco-411215"));
    }

    @Test
    void aWebhookRequestHasOnlyTheUrl() {
        WatchForm form = WatchForm.of(Form.parse("channel=webhook&email=ana%40example.com&emailDelivery=DIGEST"
                + "&webhookUrl=https%3A%2F%2Fhooks.example%2Fcg&kinds=POLICY"));

        assertEquals(Map.of("webhookUrl", "https://hooks.example/cg", "occupationIds", List.of("soc-15-1252"),
                "kinds", List.of("POLICY")), form.request("soc-15-1252"));
    }

    @Test
    void theChannelIsEmailUnlessWebhookIsChosen() {
        assertEquals("email", WatchForm.of(Form.parse("email=a%40b.c")).channel());
        assertEquals("email", WatchForm.of(Form.parse("channel=carrier-pigeon")).channel());
        assertEquals("webhook", WatchForm.of(Form.parse("channel=webhook")).channel());
    }

    @Test
    void missingFieldsAreSentBlankForTheServiceToExplain() {
        WatchForm form = WatchForm.of(Form.parse(""));

        assertNull(form.email());
        assertEquals(Map.of("email", "", "emailDelivery", "IMMEDIATE", "occupationIds", List.of("x"),
                "kinds", List.of()), form.request("x"));
        assertEquals(Map.of("webhookUrl", "", "occupationIds", List.of("x"), "kinds", List.of()),
                WatchForm.of(Form.parse("channel=webhook")).request("x"));
    }

    @Test
    void anEmptyFormChoosesEveryKind() {
        WatchForm form = WatchForm.empty();

        assertEquals(WatchForm.KINDS, form.kinds());
        assertEquals("email", form.channel());
        WatchForm.KINDS.forEach(kind -> assertEquals(true, form.chose(kind), kind));
        assertEquals(false, WatchForm.of(Form.parse("kinds=SCORE")).chose("SALARY"));
    }
}
