package org.careergraph.notification.subscription;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.careergraph.events.CodeSystem;
import org.careergraph.notification.delivery.WebhookTargetPolicy;
import org.careergraph.notification.notification.Notification;
import org.careergraph.notification.notification.NotificationRepository;
import org.careergraph.notification.occupation.Occupation;
import org.careergraph.notification.occupation.OccupationRepository;
import org.careergraph.platform.web.Problem.FieldError;
import org.careergraph.platform.web.ProblemException;

/**
 * Subscriptions and their manage tokens. A subscription is read, listed or cancelled only with its own token; a
 * wrong token and an unknown id get the same answer, so no one learns whether another's subscription exists.
 */
@Singleton
class Subscriptions {

    /** Compared against when the id is unknown, so that the answer takes as long as with a wrong token. */
    private static final byte[] NO_HASH = ManageTokens.hash(UUID.randomUUID().toString());
    private static final String UNKNOWN_CODE_SYSTEM = "is not a known code system (one of "
            + Arrays.stream(CodeSystem.values()).map(CodeSystem::name).collect(Collectors.joining(", ")) + ")";

    private final SubscriptionRepository subscriptions;
    private final WatchedOccupations watchedOccupations;
    private final WatchedCodePrefixes watchedPrefixes;
    private final OccupationRepository occupations;
    private final NotificationRepository notifications;
    private final WebhookTargetPolicy webhookTargets;
    private final TransactionOperations<Connection> transactions;

    Subscriptions(SubscriptionRepository subscriptions, WatchedOccupations watchedOccupations,
                  WatchedCodePrefixes watchedPrefixes, OccupationRepository occupations,
                  NotificationRepository notifications, WebhookTargetPolicy webhookTargets,
                  TransactionOperations<Connection> transactions) {
        this.subscriptions = subscriptions;
        this.watchedOccupations = watchedOccupations;
        this.watchedPrefixes = watchedPrefixes;
        this.occupations = occupations;
        this.notifications = notifications;
        this.webhookTargets = webhookTargets;
        this.transactions = transactions;
    }

    /**
     * Checks the webhook (with DNS, before any transaction), the occupations and the code systems, then stores the
     * subscription and all its watches at once.
     */
    SubscriptionViews.Created create(SubscriptionRequest request) {
        String webhookUrl = request.webhookUrl().trim();
        List<String> requested = request.occupationIdsOrNone().stream().map(String::trim).toList();
        List<SubscriptionRequest.Prefix> requestedPrefixes = request.codePrefixesOrNone();
        List<FieldError> errors = new ArrayList<>();
        webhookTargets.refusal(webhookUrl).ifPresent(reason -> errors.add(new FieldError("webhookUrl", reason)));
        Set<String> known = requested.isEmpty() ? Set.of() : occupations.findByIdIn(Set.copyOf(requested)).stream()
                .map(Occupation::id).collect(Collectors.toSet());
        for (int i = 0; i < requested.size(); i++) {
            if (!known.contains(requested.get(i))) {
                errors.add(new FieldError("occupationIds[" + i + "]", "is not a known occupation"));
            }
        }
        List<CodePrefix> prefixes = new ArrayList<>();
        for (int i = 0; i < requestedPrefixes.size(); i++) {
            SubscriptionRequest.Prefix prefix = requestedPrefixes.get(i);
            Optional<CodeSystem> system = CodeSystem.parse(prefix.codeSystem());
            if (system.isEmpty()) {
                errors.add(new FieldError("codePrefixes[" + i + "].codeSystem", UNKNOWN_CODE_SYSTEM));
            } else {
                prefixes.add(new CodePrefix(system.get().name(), prefix.prefix()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        List<String> occupationIds = requested.stream().distinct().sorted().toList();
        List<CodePrefix> codePrefixes = prefixes.stream().distinct().sorted(CodePrefix.ORDER).toList();
        String token = ManageTokens.newToken();
        Subscription subscription = new Subscription(UUID.randomUUID().toString(), webhookUrl,
                ManageTokens.hash(token), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        transactions.executeWrite(status -> {
            subscriptions.save(subscription);
            watchedOccupations.watch(subscription.id(), occupationIds);
            watchedPrefixes.watch(subscription.id(), codePrefixes);
            return null;
        });
        return new SubscriptionViews.Created(subscription.id(), webhookUrl, occupationIds, codePrefixes, token,
                subscription.createdAt());
    }

    SubscriptionViews.View find(String id, @Nullable String token) {
        Subscription subscription = authorized(id, token);
        return new SubscriptionViews.View(subscription.id(), subscription.webhookUrl(), watchedOccupations.of(id),
                watchedPrefixes.of(id), subscription.createdAt());
    }

    /** Its notifications go with it (the database cascades). */
    void delete(String id, @Nullable String token) {
        subscriptions.deleteById(authorized(id, token).id());
    }

    SubscriptionViews.DeliveryPage deliveries(String id, @Nullable String token, int page, int size) {
        authorized(id, token);
        Page<Notification> result = notifications.findBySubscriptionId(id,
                Pageable.from(page, size, Sort.of(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))));
        return new SubscriptionViews.DeliveryPage(result.getContent().stream().map(SubscriptionViews.Delivery::of)
                .toList(), result.getTotalSize(), page, size);
    }

    private Subscription authorized(String id, @Nullable String token) {
        Optional<Subscription> subscription = subscriptions.findById(id);
        boolean matches = ManageTokens.matches(token, subscription.map(Subscription::manageTokenHash).orElse(NO_HASH));
        if (subscription.isEmpty() || !matches) {
            throw ProblemException.notFound("No subscription " + id + " for this manage token.");
        }
        return subscription.get();
    }
}
