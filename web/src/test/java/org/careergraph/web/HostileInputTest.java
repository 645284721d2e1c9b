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
class HostileInputTest {

    private final StubbedSite site = StubbedSite.start();

    @Test
    void everyRouteAnswersHostileInputCleanly() {
        site.answer(uri -> null);
        Findings findings = HostileInput.against(URI.create(site.server().getURL().toString()),
                        site.server().getApplicationContext().getBean(Router.class))
                .adminHeader("Cookie", StubbedSite.adminCookie())
                .examples(Examples.create().pathValue("id", "anzsco-411215"))
                .walk();
        System.out.println(findings.report());
        findings.assertNone();
    }
}
