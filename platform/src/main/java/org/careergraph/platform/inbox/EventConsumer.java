package org.careergraph.platform.inbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.BeanRegistration;
import io.micronaut.core.type.Argument;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import io.micronaut.transaction.TransactionOperations;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careergraph.events.EventPayload;
import org.careergraph.events.EventType;
import org.careergraph.platform.kafka.KafkaClientMeters;
import org.careergraph.platform.kafka.KafkaSettings;
import org.careergraph.platform.kafka.TopicSetup;
import org.careergraph.platform.tracing.TraceContext;
import org.careergraph.platform.tracing.Tracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way every service consumes events: at least once, with idempotent handling.
 *
 * <p>For each record: bind the CloudEvent to its contract record, then in one database transaction skip it if its id
 * was processed before, else run the handlers and record the id. Offsets are committed only after that transaction.
 * A failing record is retried with exponential backoff a bounded number of times, then dead-lettered so that the
 * partition moves on; a record that can never succeed (not a CloudEvent, a payload that does not bind) is
 * dead-lettered at once. Unknown event types are skipped: consumers ignore what they do not know. The service keeps
 * its dead letters for an admin to read and replay through this same path ({@link DeadLetterInbox}).
 *
 * <p>On a graceful shutdown (SIGTERM, micronaut.lifecycle.graceful-shutdown) it stops polling, finishes and commits
 * the batch in hand and closes the consumer, so that the group rebalances at once; @PreDestroy is the hard stop.
 */
@Singleton
@Requires(bean = EventHandler.class)
public class EventConsumer implements ApplicationEventListener<StartupEvent>, GracefulShutdownCapable {

    private static final Logger LOG = LoggerFactory.getLogger(EventConsumer.class);

    private final Map<EventType, List<EventHandler<EventPayload>>> handlers;
    private final String group;
    private final TransactionOperations<Connection> transactions;
    private final ProcessedEventRepository processed;
    private final DeadLetters deadLetters;
    private final JsonMapper json;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final ConsumerLoop loop;
    private final Tracing tracing;
    private final LatestRevisions latestRevisions;
    private final Clock clock;

    @SuppressWarnings({"unchecked", "rawtypes"})
    EventConsumer(List<BeanRegistration<EventHandler<?>>> handlers, KafkaSettings settings, TopicSetup topicSetup,
                  TransactionOperations<Connection> transactions, ProcessedEventRepository processed,
                  DeadLetters deadLetters, JsonMapper json, ConsumerSettings consumerSettings,
                  KafkaClientMeters meters, Tracing tracing, LatestRevisions latestRevisions, Clock clock) {
        this.handlers = handlers.stream().collect(Collectors.groupingBy(EventConsumer::handledType,
                Collectors.mapping(h -> (EventHandler<EventPayload>) (EventHandler) h.bean(), Collectors.toList())));
        this.latestRevisions = latestRevisions;
        this.clock = clock;
        this.group = settings.serviceName();
        this.transactions = transactions;
        this.processed = processed;
        this.deadLetters = deadLetters;
        this.json = json;
        this.maxAttempts = consumerSettings.maxAttempts();
        this.initialBackoff = consumerSettings.initialBackoff();
        this.tracing = tracing;
        this.loop = new ConsumerLoop("event consumer", "consumer", this.group, topics(), settings, topicSetup, meters,
                records -> {
                    for (ConsumerRecord<String, byte[]> record : records) {
                        process(record);
                    }
                });
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        loop.start();
    }

    /** The event type a handler handles: the one whose payload record is its type argument. */
    private static EventType handledType(BeanRegistration<EventHandler<?>> handler) {
        List<Argument<?>> arguments = handler.getBeanDefinition().getTypeArguments(EventHandler.class);
        if (arguments.size() != 1) {
            throw new IllegalStateException(handler.getBeanDefinition().getBeanType().getName()
                    + " must implement EventHandler<payload record>");
        }
        return EventType.ofPayloadType(arguments.get(0).getType());
    }

    /** The topics this service consumes: those of the event types it has handlers for. */
    Collection<String> topics() {
        return handlers.keySet().stream().map(EventType::topic).distinct().sorted().toList();
    }

    /** The consumer group: the one named in the dead letters this service writes, and keeps (DeadLetterInbox). */
    String group() {
        return group;
    }

    /** Handles, skips or dead-letters one record; returns only when the record may be committed. */
    void process(ConsumerRecord<String, byte[]> record) throws Exception {
        ReceivedEvent<EventPayload> event;
        try {
            Optional<ReceivedEvent<EventPayload>> bound = read(record);
            if (bound.isEmpty()) {
                return;
            }
            event = bound.get();
        } catch (UnreadableRecordException e) {
            LOG.warn("Dead-lettering unreadable record {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getCause().toString());
            deadLetters.send(record, group, e.getCause());
            return;
        }
        // One consumer span around every attempt, continuing the writer's trace: what the handlers write to the
        // outbox and the calls they make carry it on (ADR 0017).
        Span span = tracing.startConsumerSpan(record.topic(), event.id(), event.traceparent(), event.tracestate());
        try (Scope ignored = TraceContext.attach(Context.root().with(span))) {
            handleWithRetries(record, event);
        } finally {
            span.end();
        }
    }

    private void handleWithRetries(ConsumerRecord<String, byte[]> record, ReceivedEvent<EventPayload> event)
            throws Exception {
        Exception last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                handleOnce(event);
                return;
            } catch (Exception e) {
                last = e;
                LOG.warn("Handling event {} ({}) failed, attempt {} of {}: {}", event.id(), event.type().type(),
                        attempt, maxAttempts, e.toString());
                if (attempt < maxAttempts) {
                    ConsumerLoop.pause(initialBackoff.multipliedBy(1L << (attempt - 1)));
                }
            }
        }
        Span.current().setStatus(StatusCode.ERROR, "dead-lettered");
        LOG.error("Dead-lettering event {} ({}) after {} attempts", event.id(), event.type().type(), maxAttempts, last);
        deadLetters.send(record, group, last);
    }

    /**
     * Binds a record to its contract record as the consumer does; empty for event types this service does not handle.
     * Also how a dead letter is replayed (DeadLetterService), so that a replay reads it exactly as consuming would.
     */
    Optional<ReceivedEvent<EventPayload>> read(ConsumerRecord<String, byte[]> record) throws UnreadableRecordException {
        try {
            return bind(record);
        } catch (Exception e) {
            throw new UnreadableRecordException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Optional<ReceivedEvent<EventPayload>> bind(ConsumerRecord<String, byte[]> record) throws Exception {
        CloudEvent cloudEvent = KafkaMessageFactory.createReader(record.headers(), record.value()).toEvent();
        Optional<EventType> type = EventType.fromType(cloudEvent.getType()).filter(handlers::containsKey);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        if (cloudEvent.getData() == null) {
            throw new IllegalArgumentException("event " + cloudEvent.getId() + " has no data");
        }
        EventPayload payload = json.readValue(cloudEvent.getData().toBytes(), type.get().payloadType());
        return Optional.of(new ReceivedEvent<>(cloudEvent.getId(), type.get(), cloudEvent.getSource(),
                cloudEvent.getSubject(), cloudEvent.getTime(), payload,
                extension(cloudEvent, TraceContext.TRACEPARENT), extension(cloudEvent, TraceContext.TRACESTATE)));
    }

    private static String extension(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : value.toString();
    }

    /** What became of an event given to {@link #handleOnce}. */
    enum Handling {
        /** The handlers ran. */
        HANDLED,
        /** Its id was processed before: nothing ran. */
        PROCESSED_BEFORE,
        /** A later revision of its aggregate was handled: recorded as processed, no handler ran. */
        OUT_OF_DATE
    }

    /**
     * Skips the event if its id was processed before, else runs the handlers and records the id, in one transaction
     * (the caller's, when it has one: a replay marks its dead letter in the same one); an out-of-date revision is
     * recorded without running the handlers ({@link LatestRevisions}).
     */
    Handling handleOnce(ReceivedEvent<EventPayload> event) {
        return transactions.executeWrite(status -> {
            if (processed.existsById(event.id())) {
                LOG.debug("Skipping event {}: already processed", event.id());
                return Handling.PROCESSED_BEFORE;
            }
            Handling handling = latestRevisions.admit(event) ? Handling.HANDLED : Handling.OUT_OF_DATE;
            if (handling == Handling.HANDLED) {
                for (EventHandler<EventPayload> handler : handlers.get(event.type())) {
                    handler.handle(event);
                }
            } else {
                LOG.info("Skipping event {}: a later revision of {} was handled", event.id(),
                        event.payload().aggregateId());
            }
            processed.save(new ProcessedEvent(event.id(), event.type().type(), clock.instant()));
            return handling;
        });
    }

    /** Stops polling after the batch in hand, whose offsets are committed; completes when the consumer is closed. */
    @Override
    public CompletionStage<?> shutdownGracefully() {
        return loop.stopGracefully();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        loop.stop();
    }
}
