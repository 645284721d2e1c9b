package org.careergraph.scoring;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careergraph.events.EventFixtures;
import org.careergraph.events.EventType;
import org.careergraph.events.ScoreChanged;

/** The contract's fixtures, edited the way a test needs them, and the score events read back. */
public final class ScoringEvents {

    private final JsonMapper json;

    public ScoringEvents(JsonMapper json) {
        this.json = json;
    }

    /** The fixture of {@code type} about {@code occupationId}, with {@code edit} applied to its JSON tree. */
    @SuppressWarnings("unchecked")
    public String fixture(EventType type, String occupationId, Consumer<Map<String, Object>> edit) {
        try {
            Map<String, Object> event = json.readValue(EventFixtures.json(type, occupationId), Map.class);
            edit.accept(event);
            return json.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code occupation changed} whose facts have {@code field} set to {@code value}. */
    @SuppressWarnings("unchecked")
    public String occupationWith(String occupationId, String field, Object value) {
        return fixture(EventType.OCCUPATION_CHANGED, occupationId,
                e -> ((Map<String, Object>) e.get("occupation")).put(field, value));
    }

    /**
     * {@code occupation changed} for a New Zealand page as the catalog holds one (no US release figures), with
     * {@code field} set to {@code value}.
     */
    @SuppressWarnings("unchecked")
    public String nzOccupationWith(String occupationId, String field, Object value) {
        return fixture(EventType.OCCUPATION_CHANGED, occupationId, e -> {
            Map<String, Object> facts = (Map<String, Object>) e.get("occupation");
            facts.put("published", null);
            facts.put(field, value);
        });
    }

    /** {@code immigration status changed} whose status after has {@code field} set to {@code value}. */
    @SuppressWarnings("unchecked")
    public String statusWith(String occupationId, String field, Object value) {
        return fixture(EventType.IMMIGRATION_STATUS_CHANGED, occupationId,
                e -> ((Map<String, Object>) e.get("after")).put(field, value));
    }

    public List<ScoreChanged> scoreChanges(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> read(r.value(), ScoreChanged.class)).toList();
    }

    public <T> T read(byte[] value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
