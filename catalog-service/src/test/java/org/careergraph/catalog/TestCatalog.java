package org.careergraph.catalog;

import io.micronaut.core.type.Argument;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.careergraph.events.Topics;
import org.careergraph.testsupport.TestInfrastructure;
import org.careergraph.testsupport.TopicProbe;

/**
 * What the catalog's integration tests share in their setup: an editor's token, fresh occupation codes, the
 * occupation events, and reading its answers.
 */
public final class TestCatalog {

    public static final String EDITOR = TestInfrastructure.token("EDITOR");
    public static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);

    /** The occupation events the catalog publishes, from the start of the topic; to be closed. */
    public static TopicProbe occupationEvents() {
        return TopicProbe.open(TestInfrastructure.kafkaBootstrapServers(), Topics.OCCUPATIONS);
    }

    /** A six-digit ANZSCO code, unlikely to clash with another test's. */
    public static String code() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(100000, 1000000));
    }

    /** The {@code total} of a page of results. */
    public static long total(Map<String, Object> page) {
        return ((Number) page.get("total")).longValue();
    }

    /** The value at {@code keys} in a JSON tree; null where a key is missing. */
    public static Object path(Map<String, Object> tree, String... keys) {
        Object value = tree;
        for (String key : keys) {
            value = value == null ? null : ((Map<?, ?>) value).get(key);
        }
        return value;
    }
}
