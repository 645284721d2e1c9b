package org.careergraph.notification.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The spellings of one endpoint count as one under the cap on subscriptions per webhook URL. */
class WebhookUrlsTest {

    @Test
    void spellingsOfOneEndpointAreOne() {
        String endpoint = "https://hooks.example.com:443/hook";
        for (String url : new String[] {"https://hooks.example.com/hook", "HTTPS://Hooks.Example.COM/hook",
                "https://hooks.example.com:443/hook", "https://hooks.example.com./hook", "https://hooks.example.com/hook/",
                "https://hooks.example.com//hook", "https://hooks.example.com/a/../hook", "https://hooks.example.com/%68ook",
                "https://hooks.example.com/hook?n=1", "https://hooks.example.com/hook#x", " https://hooks.example.com/hook "}) {
            assertEquals(endpoint, WebhookUrls.endpoint(url), url);
        }
        assertEquals("https://hooks.example.com:443/", WebhookUrls.endpoint("https://hooks.example.com"));
        assertEquals("https://hooks.example.com:443/", WebhookUrls.endpoint("https://hooks.example.com/"));
    }

    @Test
    void otherEndpointsStayApart() {
        assertNotEquals(WebhookUrls.endpoint("https://hooks.example.com/hook"),
                WebhookUrls.endpoint("https://hooks.example.com/Hook"));
        assertNotEquals(WebhookUrls.endpoint("https://hooks.example.com/hook"),
                WebhookUrls.endpoint("https://hooks.example.com:8443/hook"));
        assertNotEquals(WebhookUrls.endpoint("https://hooks.example.com/hook"),
                WebhookUrls.endpoint("http://hooks.example.com/hook"));
    }
}
