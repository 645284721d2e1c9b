package org.careergraph.catalog.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.careergraph.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A fresh installation shows the five seed pages, every section read. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedLoaderIT implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestInfrastructure.serviceProperties("catalog"));
        props.put("careergraph.catalog.load-seeds", "true");
        return props;
    }

    @Test
    void theFiveSeedPagesAreLoadedWithTheirSections() {
        Map<?, ?> list = http.toBlocking().retrieve(HttpRequest.GET("/api/occupations?size=100"), Map.class);
        assertEquals(List.of("anzsco-224211", "anzsco-411215", "anzsco-541112", "anzsco-599614", "soc-21-1022"),
                ((List<Map<?, ?>>) list.get("items")).stream().map(o -> (String) o.get("id")).sorted().toList());
        assertEquals(5, ((Number) list.get("total")).intValue());

        Map<?, ?> page = (Map<?, ?>) http.toBlocking().retrieve(HttpRequest.GET("/api/occupations/soc-21-1022"),
                Map.class).get("page");
        assertEquals("AMPLIFIED_BY_AI", ((Map<?, ?>) page.get("aiImpact")).get("verdict"));
        assertEquals("USD", ((Map<?, ?>) ((List<?>) page.get("salaryBands")).get(0)).get("currency"));
        assertEquals(List.of("H-1B", "EB-2", "Green Card (PERM)"), ((List<Map<?, ?>>) page.get("visaPathways"))
                .stream().map(v -> v.get("code")).toList());
    }
}
