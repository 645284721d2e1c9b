package org.careergraph.platform.inbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A dead letter this service keeps: where it sits on the dead-letter topic, where it came from, why it failed, and
 * the record itself (its headers and value, bounded) with which it can be replayed. A listing reads it without the
 * record ({@code headers} empty, {@code value} null).
 */
record DeadLetter(long id, String deadLetterTopic, int deadLetterPartition, long deadLetterOffset,
                  String originalTopic, @Nullable Integer originalPartition, @Nullable Long originalOffset,
                  String consumerGroup, @Nullable String key, @Nullable String eventId, @Nullable String eventType,
                  String error, Instant deadLetteredAt, Instant storedAt, List<Header> headers,
                  @Nullable byte[] value, int valueSize, boolean truncated, DeadLetterState state,
                  @Nullable Instant replayedAt, @Nullable String replayedBy,
                  @Nullable Instant discardedAt, @Nullable String discardedBy) {

    /** Header names the dead-letter producer adds ({@link DeadLetters}); a replay leaves them out. */
    static final String DEAD_LETTER_HEADER_PREFIX = "careergraph-dlt-";

    /** One record header: its value as text when it is UTF-8, else in base64; both null for a null value. */
    @Serdeable
    record Header(String name, @Nullable String value, @Nullable String base64) {

        static Header of(String name, @Nullable byte[] bytes) {
            if (bytes == null) {
                return new Header(name, null, null);
            }
            Optional<String> text = utf8(bytes);
            return text.map(t -> new Header(name, t, null))
                    .orElseGet(() -> new Header(name, null, Base64.getEncoder().encodeToString(bytes)));
        }

        @Nullable
        byte[] bytes() {
            return value != null ? value.getBytes(StandardCharsets.UTF_8)
                    : base64 != null ? Base64.getDecoder().decode(base64) : null;
        }
    }

    /** The record as the consumer got it: its original topic, partition, offset, key, headers and value. */
    ConsumerRecord<String, byte[]> toRecord() {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(originalTopic,
                originalPartition == null ? -1 : originalPartition, originalOffset == null ? -1 : originalOffset,
                key, value);
        for (Header header : headers) {
            if (!header.name().startsWith(DEAD_LETTER_HEADER_PREFIX)) {
                record.headers().add(header.name(), header.bytes());
            }
        }
        return record;
    }

    /** The bytes as text when they are well-formed UTF-8. */
    static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
