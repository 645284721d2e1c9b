package org.careergraph.immigration.policy;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.careergraph.immigration.rules.Country;
import org.careergraph.immigration.rules.PolicyUpdate;
import org.careergraph.platform.database.Deadlocks;
import org.careergraph.platform.web.Problem.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The initial rule set ({@code rules/initial-rule-set.json}, from the project's immigration reference, each entry with
 * its source): recorded at start, once per entry, as policy updates by {@value PolicyUpdate#INITIAL_RULE_SET}. A bad
 * entry stops the start, naming the entry and field, rather than leaving rules half-loaded.
 */
@Singleton
class InitialRuleSet implements ApplicationEventListener<StartupEvent> {

    static final String RESOURCE = "rules/initial-rule-set.json";
    private static final Logger LOG = LoggerFactory.getLogger(InitialRuleSet.class);

    private final PolicyUpdateService service;
    private final ObjectMapper json;

    InitialRuleSet(PolicyUpdateService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        File file = read(json);
        for (Country country : Country.values()) {
            List<Update> updates = file.updates().stream().filter(u -> country.name().equals(u.country())).toList();
            // Beside the consumer (and other replicas starting) on the same rows: a transaction the database rolled
            // back is run again rather than stopping the start.
            int recorded = Deadlocks.retried(() -> service.recordInitial(country, updates));
            if (recorded > 0) {
                LOG.info("Recorded {} update(s) of the initial rule set for {}", recorded, country);
            }
        }
    }

    /** The file, checked entry by entry as an admin's update would be (except for dates and known codes). */
    static File read(ObjectMapper json) {
        try (InputStream in = InitialRuleSet.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            File file = json.readValue(new String(in.readAllBytes(), StandardCharsets.UTF_8), File.class);
            for (Update update : file.updates()) {
                Country country = Country.parse(update.country()).orElseThrow(() -> new IllegalStateException(
                        RESOURCE + ": " + update.id() + " has an unknown country " + update.country()));
                List<FieldError> problems = PolicyUpdateValidation.changeProblems(update.changes(), country,
                        update.effectiveFrom(), null);
                if (!problems.isEmpty()) {
                    throw new IllegalStateException(RESOURCE + ": " + update.id() + " is invalid: " + problems);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    @Serdeable
    record File(@Nullable String about, List<Update> updates) {
    }

    /** One entry: an update as it was announced, with a readable id that names it for good. */
    @Serdeable
    record Update(String id, String country, LocalDate effectiveFrom, String source, @Nullable String note,
                  List<PolicyUpdateRequest.Change> changes) {

        /** The stored id: derived from the readable one, so a second start (or replica) finds it. */
        String storedId() {
            return UUID.nameUUIDFromBytes((PolicyUpdate.INITIAL_RULE_SET + ":" + id).getBytes(StandardCharsets.UTF_8))
                    .toString();
        }
    }
}
