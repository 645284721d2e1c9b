package org.careergraph.platform.inbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.careergraph.security.Roles;

/**
 * The service's kept dead letters, for admins: list them, read one, replay it after a fix, or discard it. Each service
 * serves it at its own path ({@code careergraph.dead-letters.path} in its application.yml:
 * {@code /api/catalog/dead-letters}, {@code /api/immigration/dead-letters}, ...).
 */
@Controller("${careergraph.dead-letters.path}")
@Requires(property = "careergraph.dead-letters.path")
@Requires(bean = EventConsumer.class)
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DeadLetterController {

    private final DeadLetterService service;

    DeadLetterController(DeadLetterService service) {
        this.service = service;
    }

    /** Newest first; of one state, or all. */
    @Get
    DeadLetterPage list(@QueryValue @Nullable DeadLetterState state,
                        @QueryValue(defaultValue = "0") @Min(0) int page,
                        @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size) {
        DeadLetterStore.Page result = service.page(state, page, size);
        return new DeadLetterPage(result.items().stream().map(DeadLetterView::summary).toList(), result.total(),
                page, size);
    }

    @Get("/{id}")
    DeadLetterView get(@PathVariable long id) {
        return service.find(id).map(DeadLetterView::whole).orElseThrow(() -> DeadLetterService.notFound(id));
    }

    /** Runs the kept record through the consumer now: 200 REPLAYED; 422 unreadable, 409 failed again (unchanged). */
    @Post("/{id}/replay")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN})
    DeadLetterView replay(@PathVariable long id, Authentication admin) {
        return DeadLetterView.whole(service.replay(id, admin.getName()));
    }

    /** Marks it DISCARDED: looked at, and never to be handled (409 once replayed). */
    @Post("/{id}/discard")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN})
    DeadLetterView discard(@PathVariable long id, Authentication admin) {
        return DeadLetterView.whole(service.discard(id, admin.getName()));
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DeadLetterPage(List<DeadLetterView> items, long total, int page, int size) {
    }

    /**
     * A dead letter as the API shows it. A listing leaves out the record ({@code headers}, {@code value},
     * {@code valueBase64}); one read has it: the value as text when it is UTF-8, else in base64.
     */
    @Serdeable
    record DeadLetterView(long id, DeadLetterState state, String originalTopic, @Nullable Integer originalPartition,
                          @Nullable Long originalOffset, String consumerGroup, @Nullable String key,
                          @Nullable String eventId, @Nullable String eventType, String error, Instant deadLetteredAt,
                          @Nullable Instant replayedAt, @Nullable String replayedBy, @Nullable Instant discardedAt,
                          @Nullable String discardedBy, String deadLetterTopic, int deadLetterPartition,
                          long deadLetterOffset, Instant storedAt, int valueSize, boolean truncated,
                          @Nullable List<DeadLetter.Header> headers, @Nullable String value,
                          @Nullable String valueBase64) {

        static DeadLetterView summary(DeadLetter d) {
            return of(d, null, null, null);
        }

        static DeadLetterView whole(DeadLetter d) {
            byte[] bytes = d.value();
            String text = bytes == null ? null : DeadLetter.utf8(bytes).orElse(null);
            String base64 = bytes == null || text != null ? null : Base64.getEncoder().encodeToString(bytes);
            return of(d, d.headers(), text, base64);
        }

        private static DeadLetterView of(DeadLetter d, @Nullable List<DeadLetter.Header> headers,
                                         @Nullable String value, @Nullable String valueBase64) {
            return new DeadLetterView(d.id(), d.state(), d.originalTopic(), d.originalPartition(), d.originalOffset(),
                    d.consumerGroup(), d.key(), d.eventId(), d.eventType(), d.error(), d.deadLetteredAt(),
                    d.replayedAt(), d.replayedBy(), d.discardedAt(), d.discardedBy(), d.deadLetterTopic(),
                    d.deadLetterPartition(), d.deadLetterOffset(), d.storedAt(), d.valueSize(), d.truncated(),
                    headers, value, valueBase64);
        }
    }
}
