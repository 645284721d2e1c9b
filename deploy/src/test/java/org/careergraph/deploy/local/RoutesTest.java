package org.careergraph.deploy.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoutesTest {

    @ParameterizedTest
    @CsvSource({
        "/api/occupations, CATALOG",
        "/api/occupations/anzsco-411215, CATALOG",
        "/api/occupations/anzsco-411215/revisions/2, CATALOG",
        "/api/occupations/import, CATALOG",
        "/api/releases, CATALOG",
        "/api/releases/imports/5b2e, CATALOG",
        "/api/immigration/policy-updates, IMMIGRATION",
        "/api/immigration/occupations/anzsco-411215/status, IMMIGRATION",
        "/api/scores/anzsco-411215, SCORING",
        "/api/scores/anzsco-411215/history, SCORING",
        "/api/rankings, SCORING",
        "/api/scoring/model, SCORING",
        "/api/subscriptions, NOTIFICATION",
        "/api/subscriptions/7f3c/deliveries, NOTIFICATION",
        "/api/feeds/anzsco-411215.atom, NOTIFICATION",
        "/api/catalog/dead-letters, CATALOG",
        "/api/notification/dead-letters/12/replay, NOTIFICATION",
        "/api/scoring/dead-letters, SCORING",
        "/api/immigration/dead-letters, IMMIGRATION",
    })
    void everyPublicApiPathGoesToTheServiceThatOwnsIt(String path, Service owner) {
        assertEquals(Optional.of(owner), Routes.serviceFor(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api", "/api/", "/api/unknown", "/api/scoresheet", "/api/occupationsx/1", "/api/health"})
    void otherApiPathsHaveNoService(String path) {
        assertEquals(Optional.empty(), Routes.serviceFor(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/occupations/anzsco-411215", "/apix", "/favicon.ico"})
    void pagesOutsideTheApiAreTheWebFronts(String path) {
        assertEquals(Optional.of(Service.WEB), Routes.serviceFor(path));
    }
}
