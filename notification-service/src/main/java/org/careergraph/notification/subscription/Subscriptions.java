package org.careergraph.notification.subscription;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.careergraph.events.CodeSystem;
import org.careergraph.notification.delivery.Mailer;
import org.careergraph.notification.delivery.WebhookTargetPolicy;
import org.careergraph.notification.notice.NoticeKind;
import org.careergraph.notification.delivery.Delivery;
import org.careergraph.notification.delivery.DeliveryPage;
import org.careergraph.notification.delivery.DeliveryQueue;
import org.careergraph.notification.occupation.Occupation;
import org.careergraph.notification.occupation.OccupationRepository;
import org.careergraph.platform.database.Deadlocks;
import org.careergraph.platform.web.Problem.FieldError;
import org.careergraph.platform.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscriptions and their secrets. A subscription is read, changed, listed or cancelled only with its own manage
 * token; a wrong token and an unknown id get the same answer, so no one learns whether another's subscription exists.
 * An email subscription starts unconfirmed: only the mailbox that got the confirmation link can confirm it (double
 * opt-in), and any mail it gets can unsubscribe it in one click.
 */
@Singleton
class Subscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Compared against when the id is unknown, so that the answer takes as long as with a wrong token. */
    private static final byte[] NO_HASH = ManageTokens.hash(UUID.randomUUID().toString());
    private static final String UNKNOWN_CODE_SYSTEM = "is not a known code system (one of "
            + names(CodeSystem.values()) + ")";
    private static final String UNKNOWN_KIND = "is not a kind of change (one of " + names(NoticeKind.values()) + ")";
    private static final String UNKNOWN_DELIVERY = "is not an email delivery (one of "
            + names(EmailDelivery.values()) + ")";
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final String PAUSED = "paused by the subscriber";
    private static final int UNCONFIRMED_PER_ADDRESS = 3;
    private static final Duration UNCONFIRMED_KEPT = Duration.ofDays(7);
    private static final int IMMIGRATION_KINDS = NoticeKind.mask(List.of(NoticeKind.IMMIGRATION_STATUS,
            NoticeKind.POLICY));

    private final SubscriptionRepository subscriptions;
    private final Watches watches;
    private final OccupationRepository occupations;
    private final DeliveryQueue notifications;
    private final WebhookTargetPolicy webhookTargets;
    private final WebhookEndpoints webhookEndpoints;
    private final Mailer mailer;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final SecretRotation rotation;

    Subscriptions(SubscriptionRepository subscriptions, Watches watches, OccupationRepository occupations,
                  DeliveryQueue notifications, WebhookTargetPolicy webhookTargets, WebhookEndpoints webhookEndpoints,
                  Mailer mailer, TransactionOperations<Connection> transactions, Clock clock,
                  SecretRotation rotation) {
        this.subscriptions = subscriptions;
        this.watches = watches;
        this.occupations = occupations;
        this.notifications = notifications;
        this.webhookTargets = webhookTargets;
        this.webhookEndpoints = webhookEndpoints;
        this.mailer = mailer;
        this.transactions = transactions;
        this.clock = clock;
        this.rotation = rotation;
    }

    /** What a subscription is set to, checked and normalized. */
    private record Settings(@Nullable String webhookUrl, @Nullable EmailDelivery emailDelivery, Watches.Of watches,
                            boolean anyGreenList, int kinds) {
    }

    /**
     * Checks everything (the webhook with DNS, its room under the cap and its answer to the verification request,
     * before any transaction), stores the subscription with its watches, and for an email sends the confirmation
     * mail: if that cannot be sent, nothing is kept (503, try again).
     */
    ViewModels.Created create(SubscriptionRequest request) {
        Channel channel = request.webhookUrl() == null || request.webhookUrl().isBlank() ? Channel.EMAIL
                : Channel.WEBHOOK;
        Settings defaults = new Settings(null, channel == Channel.EMAIL ? EmailDelivery.IMMEDIATE : null,
                new Watches.Of(List.of(), List.of(), List.of()), false, NoticeKind.ALL);
        List<FieldError> errors = new ArrayList<>();
        Settings settings = check(channel, request, defaults, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        boolean email = channel == Channel.EMAIL;
        if (email && subscriptions.countUnconfirmed(request.email().trim(), now().minus(Duration.ofDays(1)))
                >= UNCONFIRMED_PER_ADDRESS) {
            // Confirmation mails go to an address nobody has proven to own: a limit keeps us from flooding it.
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "This address has " + UNCONFIRMED_PER_ADDRESS
                    + " unconfirmed subscriptions from the last day; confirm one of them or try again tomorrow.",
                    List.of());
        }
        String token = ManageTokens.newToken();
        String signingSecret = email ? null : newSigningSecret();
        String endpoint = email ? null : WebhookUrls.endpoint(settings.webhookUrl());
        if (!email) {
            webhookEndpoints.admit(settings.webhookUrl(), endpoint, List.of(signingSecret), false);
        }
        Subscription subscription = new Subscription(UUID.randomUUID().toString(), channel, settings.webhookUrl(),
                email ? request.email().trim() : null, settings.emailDelivery(),
                email ? SubscriptionStatus.PENDING_CONFIRMATION : SubscriptionStatus.ACTIVE, null, settings.kinds(),
                settings.anyGreenList(), ManageTokens.hash(token), signingSecret,
                email ? ManageTokens.newToken() : null, now(), null, endpoint, null, null);
        Deadlocks.write(transactions, () -> {
            if (endpoint != null) {
                webhookEndpoints.holdRoom(endpoint, false);
            }
            subscriptions.save(subscription);
            watches.replace(subscription.id(), settings.watches());
        });
        if (email) {
            try {
                mailer.sendConfirmation(subscription.id(), subscription.email(), subscription.mailboxToken());
            } catch (RuntimeException e) {
                subscriptions.deleteById(subscription.id());
                LOG.warn("Confirmation mail for subscription {} could not be sent: {}", subscription.id(),
                        e.toString());
                throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE,
                        "The confirmation mail could not be sent; nothing was stored. Try again later.", List.of());
            }
        }
        return ViewModels.created(subscription, settings.watches(), token);
    }

    ViewModels.View find(String id, @Nullable String token) {
        Subscription subscription = authorized(id, token);
        return ViewModels.view(subscription, watches.of(id), now());
    }

    /**
     * Applies a merge patch: every given field is checked like at creation, and nothing changes unless all pass. A
     * new webhook URL is verified like a new subscription, after {@code beforeVerifying} (the caller's rate limit).
     */
    ViewModels.View update(String id, @Nullable String token, SubscriptionPatch patch, Runnable beforeVerifying) {
        Subscription current = authorized(id, token);
        Watches.Of currentWatches = watches.of(id);
        List<FieldError> errors = new ArrayList<>();
        if (patch.email() != null) {
            errors.add(new FieldError("email", "cannot change: subscribe the new address, which must confirm it"));
        }
        if (patch.webhookUrl() != null && current.channel() != Channel.WEBHOOK) {
            errors.add(new FieldError("webhookUrl", "is only for webhook subscriptions"));
        }
        Settings settings = check(current.channel(), patch, new Settings(current.webhookUrl(),
                current.emailDelivery(), currentWatches, current.anyGreenList(), current.kinds()), errors);
        if (settings.watches().isEmpty() && !settings.anyGreenList()) {
            for (String field : List.of("occupationIds", "codePrefixes", "countries", "anyGreenListChange")) {
                errors.add(new FieldError(field, "would leave the subscription watching nothing"));
            }
        }
        Subscription next = current.withSettings(settings.webhookUrl(), settings.emailDelivery(), settings.kinds(),
                settings.anyGreenList());
        if (Boolean.TRUE.equals(patch.enabled()) && current.status() != SubscriptionStatus.ACTIVE) {
            if (current.channel() == Channel.EMAIL && current.confirmedAt() == null) {
                errors.add(new FieldError("enabled", "needs the address confirmed first (see the confirmation mail)"));
            } else {
                next = next.withStatus(SubscriptionStatus.ACTIVE, null, current.confirmedAt());
            }
        } else if (Boolean.FALSE.equals(patch.enabled()) && current.status() != SubscriptionStatus.DISABLED) {
            next = next.withStatus(SubscriptionStatus.DISABLED, PAUSED, current.confirmedAt());
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        Subscription updated = next;
        boolean newWebhookUrl = updated.webhookUrl() != null && !updated.webhookUrl().equals(current.webhookUrl());
        boolean sameEndpoint = Objects.equals(updated.webhookEndpoint(), current.webhookEndpoint());
        if (newWebhookUrl) {
            beforeVerifying.run();
            webhookEndpoints.admit(updated.webhookUrl(), updated.webhookEndpoint(),
                    SigningSecrets.valid(current, now()), sameEndpoint);
        }
        AtomicReference<Subscription> written = new AtomicReference<>(updated);
        Deadlocks.write(transactions, () -> {
            if (newWebhookUrl) {
                webhookEndpoints.holdRoom(updated.webhookEndpoint(), sameEndpoint);
            }
            // The secrets as they are now: a rotation committed since our read must not be undone.
            written.set(subscriptions.findByIdForUpdate(id).map(updated::withSecretsOf).orElse(updated));
            subscriptions.update(written.get());
            watches.replace(id, settings.watches());
            if (updated.status() == SubscriptionStatus.DISABLED && current.status() != SubscriptionStatus.DISABLED) {
                notifications.failPending(id, "not sent: the subscription was " + PAUSED);
            } else if (current.emailDelivery() == EmailDelivery.DAILY_DIGEST
                    && updated.emailDelivery() == EmailDelivery.IMMEDIATE) {
                notifications.sendDigestWaitingNow(id, now());
            }
        });
        return ViewModels.view(written.get(), settings.watches(), now());
    }

    /**
     * A new signing secret for a webhook subscription, answered once. The one it replaces stays valid for the
     * overlap (the request's, else {@link SecretRotation#secretOverlap}); one still valid from an earlier rotation is
     * dropped, so at most two are ever valid. Under the row's lock, so that a concurrent change keeps the new secrets.
     */
    ViewModels.Rotated rotateSecret(String id, @Nullable String token, @Nullable SecretRotationRequest request) {
        Subscription subscription = authorized(id, token);
        Duration overlap = overlap(request);
        if (subscription.channel() != Channel.WEBHOOK) {
            throw ProblemException.conflict("Subscription " + id + " is by email: only webhook subscriptions have a "
                    + "signing secret.");
        }
        String secret = newSigningSecret();
        Instant now = now();
        Instant previousExpiresAt = now.plus(overlap);
        Deadlocks.write(transactions, () -> {
            Subscription latest = subscriptions.findByIdForUpdate(id).orElseThrow(
                    () -> ProblemException.notFound("No subscription " + id + " for this manage token."));
            boolean overlapping = overlap.isPositive();
            subscriptions.updateSecrets(id, secret, overlapping ? latest.signingSecret() : null,
                    overlapping ? previousExpiresAt : null);
        });
        // A zero overlap keeps no previous secret: nothing stays valid until then.
        return new ViewModels.Rotated(secret, overlap.isPositive() ? previousExpiresAt : null);
    }

    private Duration overlap(@Nullable SecretRotationRequest request) {
        if (request == null || request.overlap() == null) {
            return rotation.secretOverlap();
        }
        Duration overlap;
        try {
            overlap = Duration.parse(request.overlap().trim());
        } catch (DateTimeParseException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "The request has invalid fields.", List.of(
                    new FieldError("overlap", "is not an ISO 8601 duration (e.g. PT1H, P2D)")));
        }
        if (!SecretRotation.withinBounds(overlap)) {
            long days = SecretRotation.MAX_OVERLAP.toDays();
            throw ProblemException.invalidField("overlap", "must be from PT0S to P" + days + "D (" + days + " days)");
        }
        return overlap;
    }

    /** A replaced secret is forgotten once its overlap ends (signing forgets it too, if it comes first). */
    @Scheduled(fixedDelay = "10m", initialDelay = "1m")
    void forgetExpiredSecrets() {
        subscriptions.forgetPreviousSecretsExpiredAt(now());
    }

    /** Its notifications go with it (the database cascades). */
    void delete(String id, @Nullable String token) {
        subscriptions.deleteById(authorized(id, token).id());
    }

    DeliveryPage deliveries(String id, @Nullable String token, int page, int size) {
        authorized(id, token);
        return notifications.page(id, page, size);
    }

    /** Sends a delivered or failed notification again; 409 while it is pending or the subscription is not active. */
    Delivery replay(String id, @Nullable String token, String deliveryId) {
        Subscription subscription = authorized(id, token);
        Delivery delivery = notifications.find(id, deliveryId).orElseThrow(
                () -> ProblemException.notFound("No delivery " + deliveryId + " in subscription " + id + "."));
        if (subscription.status() != SubscriptionStatus.ACTIVE) {
            throw ProblemException.conflict("The subscription is " + subscription.status()
                    + "; enable it (PATCH {\"enabled\": true}) before replaying.");
        }
        if (!notifications.replay(id, deliveryId, now())) {
            throw ProblemException.conflict("Delivery " + deliveryId + " is pending already.");
        }
        return notifications.find(id, deliveryId).orElse(delivery);
    }

    /**
     * The confirmation link's action; confirming twice is fine. A subscription its owner paused before confirming
     * stays paused, confirmed: enabling it is the owner's next step.
     */
    void confirm(String id, @Nullable String mailboxToken) {
        Subscription subscription = byMailboxToken(id, mailboxToken);
        if (subscription.confirmedAt() == null) {
            SubscriptionStatus next = subscription.status() == SubscriptionStatus.PENDING_CONFIRMATION
                    ? SubscriptionStatus.ACTIVE : subscription.status();
            subscriptions.update(subscription.withStatus(next, subscription.statusReason(), now()));
        }
    }

    /** Whether the link's token is this subscription's, for the page that shows the link's button. */
    void checkMailboxLink(String id, @Nullable String mailboxToken) {
        byMailboxToken(id, mailboxToken);
    }

    /** Addresses that never confirmed are forgotten after a week. */
    @Scheduled(fixedDelay = "1h", initialDelay = "1m")
    void forgetUnconfirmed() {
        subscriptions.deleteUnconfirmedBefore(now().minus(UNCONFIRMED_KEPT));
    }

    /** One-click unsubscribe (RFC 8058): the subscription and its notifications are gone. */
    void unsubscribe(String id, @Nullable String mailboxToken) {
        subscriptions.deleteById(byMailboxToken(id, mailboxToken).id());
    }

    private Settings check(Channel channel, WatchRequest request, Settings current, List<FieldError> errors) {
        String webhookUrl = current.webhookUrl();
        if (channel == Channel.WEBHOOK && request.webhookUrl() != null) {
            webhookUrl = request.webhookUrl().trim();
            webhookTargets.refusal(webhookUrl).ifPresent(reason -> errors.add(new FieldError("webhookUrl", reason)));
        }
        EmailDelivery emailDelivery = current.emailDelivery();
        if (request.emailDelivery() != null) {
            if (channel != Channel.EMAIL) {
                errors.add(new FieldError("emailDelivery", "is only for email subscriptions"));
            } else {
                emailDelivery = parse(EmailDelivery.class, request.emailDelivery())
                        .orElseGet(() -> {
                            errors.add(new FieldError("emailDelivery", UNKNOWN_DELIVERY));
                            return current.emailDelivery();
                        });
            }
        }
        Watches.Of watching = new Watches.Of(
                request.occupationIds() == null ? current.watches().occupationIds()
                        : occupationIds(request.occupationIds(), errors),
                request.codePrefixes() == null ? current.watches().codePrefixes()
                        : codePrefixes(request.codePrefixes(), errors),
                request.countries() == null ? current.watches().countries()
                        : countries(request.countries(), errors));
        boolean anyGreenList = request.anyGreenListChange() == null ? current.anyGreenList()
                : request.anyGreenListChange();
        int kinds = request.kinds() == null ? current.kinds() : kinds(request.kinds(), errors);
        if ((anyGreenList || !watching.countries().isEmpty()) && (kinds & IMMIGRATION_KINDS) == 0) {
            errors.add(new FieldError("kinds", "must include IMMIGRATION_STATUS or POLICY: countries and "
                    + "anyGreenListChange watch immigration status and policy changes"));
        }
        return new Settings(webhookUrl, emailDelivery, watching, anyGreenList, kinds);
    }

    private List<String> occupationIds(List<String> requested, List<FieldError> errors) {
        List<String> ids = requested.stream().map(String::trim).toList();
        Set<String> known = ids.isEmpty() ? Set.of() : occupations.findByIdIn(Set.copyOf(ids)).stream()
                .map(Occupation::id).collect(Collectors.toSet());
        for (int i = 0; i < ids.size(); i++) {
            if (!known.contains(ids.get(i))) {
                errors.add(new FieldError("occupationIds[" + i + "]", "is not a known occupation"));
            }
        }
        return ids.stream().distinct().sorted().toList();
    }

    private static List<CodePrefix> codePrefixes(List<SubscriptionRequest.Prefix> requested, List<FieldError> errors) {
        List<CodePrefix> prefixes = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            SubscriptionRequest.Prefix prefix = requested.get(i);
            Optional<CodeSystem> system = CodeSystem.parse(prefix.codeSystem());
            if (system.isEmpty()) {
                errors.add(new FieldError("codePrefixes[" + i + "].codeSystem", UNKNOWN_CODE_SYSTEM));
            } else {
                prefixes.add(new CodePrefix(system.get().name(), prefix.prefix()));
            }
        }
        return prefixes.stream().distinct().sorted(CodePrefix.ORDER).toList();
    }

    private static List<String> countries(List<String> requested, List<FieldError> errors) {
        List<String> countries = requested.stream().map(c -> c.trim().toUpperCase(Locale.ROOT)).toList();
        for (int i = 0; i < countries.size(); i++) {
            if (!COUNTRIES.contains(countries.get(i))) {
                errors.add(new FieldError("countries[" + i + "]", "is not an ISO 3166 country code"));
            }
        }
        return countries.stream().distinct().sorted().toList();
    }

    private static int kinds(List<String> requested, List<FieldError> errors) {
        List<NoticeKind> kinds = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            int position = i;
            parse(NoticeKind.class, requested.get(i)).ifPresentOrElse(kinds::add,
                    () -> errors.add(new FieldError("kinds[" + position + "]", UNKNOWN_KIND)));
        }
        return NoticeKind.mask(kinds);
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equalsIgnoreCase(name.trim())).findFirst();
    }

    private Subscription authorized(String id, @Nullable String token) {
        Optional<Subscription> subscription = subscriptions.findById(id);
        boolean matches = ManageTokens.matches(token, subscription.map(Subscription::manageTokenHash).orElse(NO_HASH));
        if (subscription.isEmpty() || !matches) {
            throw ProblemException.notFound("No subscription " + id + " for this manage token.");
        }
        return subscription.get();
    }

    private Subscription byMailboxToken(String id, @Nullable String token) {
        Optional<Subscription> subscription = subscriptions.findById(id);
        String stored = subscription.map(Subscription::mailboxToken).orElse(null);
        if (stored == null || !ManageTokens.matches(token, ManageTokens.hash(stored))) {
            throw ProblemException.notFound("No subscription " + id + " for this link; it may be cancelled already.");
        }
        return subscription.get();
    }

    /** A Standard Webhooks secret: whsec_ and 24 random bytes in base64. */
    private static String newSigningSecret() {
        byte[] key = new byte[24];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }
}
