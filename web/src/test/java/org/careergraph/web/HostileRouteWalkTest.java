package org.careergraph.web;

import io.micronaut.web.router.Router;
import java.net.URI;
import org.careergraph.testsupport.hostile.Examples;
import org.careergraph.testsupport.hostile.Findings;
import org.careergraph.testsupport.hostile.HostileInput;
import org.junit.jupiter.api.Test;

/**
 * Every route of the web front, listed from its router, walked with malformed, oversized, wrongly typed and hostile
 * input (issue 18), as a signed-in admin and anonymously, in front of the stubbed services: no 5xx and no internal
 * names; HTML answers are fine. The front stores nothing of its own, so there is no state to compare.
 */
class HostileRouteWalkTest {

    private final StubbedSite site = StubbedSite.start();

    @Test
    void everyRouteAnswersHostileInputCleanly() {
        site.answer(uri -> null);
        Findings findings = HostileInput.against(URI.create(site.server().getURL().toString()),
                        site.server().getApplicationContext().getBean(Router.class))
                .adminHeader("Cookie", StubbedSite.adminCookie())
                .examples(Examples.create().pathValue("id", "anzsco-411215")
                        // Forms read as text: their fields, so that each gets hostile values (the others get a field
                        // named "field").
                        .body("POST /admin/login", () -> "token=not-a-token")
                        .body("POST /subscriptions/manage", () -> "id=sub-1&token=manage-token")
                        .body("POST /subscriptions/change", () -> "id=sub-1&token=manage-token&enabled=true"
                                + "&wasEnabled=true&emailDelivery=INSTANT&webhookUrl=https%3A%2F%2Fexample.com%2Fhook")
                        .body("POST /subscriptions/unsubscribe", () -> "id=sub-1&token=manage-token")
                        .body("POST /occupations/{id}/watch", () -> "channel=email&email=a%40example.com"))
                .walk();
        System.out.println(findings.report());
        findings.assertNone();
    }
}
