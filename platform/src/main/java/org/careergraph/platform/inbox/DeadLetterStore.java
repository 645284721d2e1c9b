package org.careergraph.platform.inbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The table of kept dead letters ({@code dead_letter}, platform migration V2), in plain JDBC on the caller's
 * connection, so that a replay reads, handles and marks a dead letter in one transaction.
 */
@Singleton
class DeadLetterStore {

    /** A record's value is kept up to this size (the broker's default largest message is about as big). */
    static final int MAX_VALUE_BYTES = 1024 * 1024;
    /** A header's value is kept up to this size (the platform's own headers are far smaller). */
    static final int MAX_HEADER_BYTES = 8 * 1024;
    private static final int MAX_KEY_CHARS = 512;
    private static final int MAX_ERROR_CHARS = 4000;
    private static final int MAX_NAME_CHARS = 255;

    private static final String SUMMARY_COLUMNS = "id, dlt_topic, dlt_partition, dlt_offset, original_topic, "
            + "original_partition, original_offset, consumer_group, record_key, event_id, event_type, error, "
            + "dead_lettered_at, stored_at, value_size, truncated, state, replayed_at, replayed_by, discarded_at, "
            + "discarded_by";

    private final JsonMapper json;

    DeadLetterStore(JsonMapper json) {
        this.json = json;
    }

    /** One page of dead letters, newest first. */
    record Page(List<DeadLetter> items, long total) {
    }

    /**
     * Keeps a record read from a dead-letter topic; reading the same record again (same topic, partition and offset)
     * changes nothing.
     */
    void add(Connection connection, ConsumerRecord<String, byte[]> record, Instant now) throws SQLException {
        String originalTopic = header(record, DeadLetters.ORIGINAL_TOPIC);
        if (originalTopic == null) {
            originalTopic = record.topic().endsWith(".dlt")
                    ? record.topic().substring(0, record.topic().length() - ".dlt".length()) : record.topic();
        }
        String[] event = eventIdAndType(record);
        boolean truncated = false;
        List<DeadLetter.Header> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            byte[] bytes = header.value();
            if (bytes != null && bytes.length > MAX_HEADER_BYTES) {
                bytes = Arrays.copyOf(bytes, MAX_HEADER_BYTES);
                truncated = true;
            }
            headers.add(DeadLetter.Header.of(header.key(), bytes));
        }
        byte[] value = record.value();
        int valueSize = value == null ? 0 : value.length;
        if (value != null && value.length > MAX_VALUE_BYTES) {
            value = Arrays.copyOf(value, MAX_VALUE_BYTES);
            truncated = true;
        }
        String error = header(record, DeadLetters.ERROR);
        String sql = "INSERT INTO dead_letter (dlt_topic, dlt_partition, dlt_offset, original_topic, original_partition, "
                + "original_offset, consumer_group, record_key, event_id, event_type, error, dead_lettered_at, stored_at, "
                + "headers, record_value, value_size, truncated, state) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE id = id";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, record.topic());
            statement.setInt(2, record.partition());
            statement.setLong(3, record.offset());
            statement.setString(4, cut(originalTopic, MAX_NAME_CHARS));
            setInteger(statement, 5, number(header(record, DeadLetters.ORIGINAL_PARTITION)));
            setLong(statement, 6, number(header(record, DeadLetters.ORIGINAL_OFFSET)));
            statement.setString(7, cut(Objects.requireNonNullElse(header(record, DeadLetters.CONSUMER_GROUP), ""), MAX_NAME_CHARS));
            statement.setString(8, cut(record.key(), MAX_KEY_CHARS));
            statement.setString(9, cut(event[0], MAX_NAME_CHARS));
            statement.setString(10, cut(event[1], MAX_NAME_CHARS));
            statement.setString(11, error == null ? "(no error recorded)" : cut(error, MAX_ERROR_CHARS));
            statement.setTimestamp(12, Timestamp.from(record.timestamp() > 0
                    ? Instant.ofEpochMilli(record.timestamp()) : now));
            statement.setTimestamp(13, Timestamp.from(now));
            statement.setString(14, writeHeaders(headers));
            statement.setBytes(15, value);
            statement.setInt(16, valueSize);
            statement.setBoolean(17, truncated);
            statement.setString(18, DeadLetterState.NEW.name());
            statement.executeUpdate();
        }
    }

    Page list(Connection connection, @Nullable DeadLetterState state, int page, int size) throws SQLException {
        String where = state == null ? "" : " WHERE state = ?";
        long total;
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM dead_letter" + where)) {
            if (state != null) {
                statement.setString(1, state.name());
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        List<DeadLetter> items = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + SUMMARY_COLUMNS
                + " FROM dead_letter" + where + " ORDER BY dead_lettered_at DESC, id DESC LIMIT ? OFFSET ?")) {
            int i = 1;
            if (state != null) {
                statement.setString(i++, state.name());
            }
            statement.setInt(i++, size);
            statement.setLong(i, (long) page * size);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    items.add(read(rs, List.of(), null));
                }
            }
        }
        return new Page(items, total);
    }

    /** One dead letter with its record; {@code lock} holds it (FOR UPDATE) until the transaction ends. */
    Optional<DeadLetter> find(Connection connection, long id, boolean lock) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + SUMMARY_COLUMNS
                + ", headers, record_value FROM dead_letter WHERE id = ?" + (lock ? " FOR UPDATE" : ""))) {
            statement.setLong(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(read(rs, readHeaders(rs.getString("headers")), rs.getBytes("record_value")));
            }
        }
    }

    void markReplayed(Connection connection, long id, Instant at, String by) throws SQLException {
        mark(connection, "UPDATE dead_letter SET state = ?, replayed_at = ?, replayed_by = ? WHERE id = ?",
                DeadLetterState.REPLAYED, id, at, by);
    }

    void markDiscarded(Connection connection, long id, Instant at, String by) throws SQLException {
        mark(connection, "UPDATE dead_letter SET state = ?, discarded_at = ?, discarded_by = ? WHERE id = ?",
                DeadLetterState.DISCARDED, id, at, by);
    }

    private static void mark(Connection connection, String sql, DeadLetterState state, long id, Instant at, String by)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, state.name());
            statement.setTimestamp(2, Timestamp.from(at));
            statement.setString(3, cut(by, MAX_NAME_CHARS));
            statement.setLong(4, id);
            statement.executeUpdate();
        }
    }

    private static DeadLetter read(ResultSet rs, List<DeadLetter.Header> headers, @Nullable byte[] value)
            throws SQLException {
        return new DeadLetter(rs.getLong("id"), rs.getString("dlt_topic"), rs.getInt("dlt_partition"),
                rs.getLong("dlt_offset"), rs.getString("original_topic"), rs.getObject("original_partition", Integer.class),
                rs.getObject("original_offset", Long.class), rs.getString("consumer_group"), rs.getString("record_key"),
                rs.getString("event_id"), rs.getString("event_type"), rs.getString("error"),
                instant(rs, "dead_lettered_at"), instant(rs, "stored_at"), headers, value, rs.getInt("value_size"),
                rs.getBoolean("truncated"), DeadLetterState.valueOf(rs.getString("state")),
                instant(rs, "replayed_at"), rs.getString("replayed_by"), instant(rs, "discarded_at"),
                rs.getString("discarded_by"));
    }

    /** The CloudEvent's id and type when the record says them (binary mode headers, else a structured event). */
    private static String[] eventIdAndType(ConsumerRecord<String, byte[]> record) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (id == null && type == null) {
            try {
                CloudEvent event = KafkaMessageFactory.createReader(record.headers(), record.value()).toEvent();
                id = event.getId();
                type = event.getType();
            } catch (RuntimeException e) {
                // not a CloudEvent: the dead letter says so by having neither
            }
        }
        return new String[] {id, type};
    }

    @Nullable
    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Nullable
    private static Long number(@Nullable String text) {
        try {
            return text == null ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void setInteger(PreparedStatement statement, int index, @Nullable Long value) throws SQLException {
        if (value == null || value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value.intValue());
        }
    }

    private static void setLong(PreparedStatement statement, int index, @Nullable Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    @Nullable
    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    @Nullable
    private static String cut(@Nullable String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private String writeHeaders(List<DeadLetter.Header> headers) {
        try {
            return json.writeValueAsString(headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<DeadLetter.Header> readHeaders(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(text, Argument.listOf(DeadLetter.Header.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
