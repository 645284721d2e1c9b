package org.careergraph.catalog.occupation;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.careergraph.catalog.signal.OccupationSignal;
import org.careergraph.catalog.signal.Signals;

/**
 * The answer to {@code GET /api/occupations/{id}}, as JSON, kept for the version of the occupation and of its signal
 * it was made from. Each read asks the database for the current versions (one small round trip, so that every read
 * sees every commit, whichever replica made it) and reads and serialises the occupation only when they moved: in a
 * profile of the catalog read, turning the stored page into objects and back into JSON took nearly a third of it.
 */
@Singleton
class OccupationAnswers {

    /** The answers kept, at most this many bytes of JSON (the whole catalog of 2,041 occupations is about 13 MB). */
    static final long MOST_BYTES = 32L * 1024 * 1024;

    private final OccupationRepository occupations;
    private final Signals signals;
    private final Attributions attributions;
    private final JsonMapper json;
    private final Map<String, Answer> kept = new ConcurrentHashMap<>();
    private final AtomicLong keptBytes = new AtomicLong();

    OccupationAnswers(OccupationRepository occupations, Signals signals, Attributions attributions, JsonMapper json) {
        this.occupations = occupations;
        this.signals = signals;
        this.attributions = attributions;
        this.json = json;
    }

    /** One occupation as JSON with its entity tag, or empty when there is none. */
    record Answer(ServedVersion version, byte[] json, String etag) {
    }

    Optional<Answer> find(String id) {
        Optional<ServedVersion> current = occupations.findServedVersion(id);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Answer answer = kept.get(id);
        if (answer != null && answer.version().equals(current.get())) {
            return Optional.of(answer);
        }
        return occupations.findById(id).map(this::answer);
    }

    /** Made from what was read, and kept under that version: a write between the two reads makes a newer one. */
    private Answer answer(Occupation occupation) {
        OccupationSignal signal = signals.find(occupation.id()).orElse(null);
        Answer answer;
        try {
            answer = new Answer(new ServedVersion(occupation.revision(), occupation.updatedAt(),
                    signal == null ? null : signal.updatedAt()), json.writeValueAsBytes(OccupationView.of(occupation,
                    signal, attributions.of(occupation.provenance()))), occupation.etag());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keep(occupation.id(), answer);
        return answer;
    }

    private void keep(String id, Answer answer) {
        Answer replaced = kept.put(id, answer);
        keptBytes.addAndGet(answer.json().length - (replaced == null ? 0 : replaced.json().length));
        // Beyond the bound, whichever answers the map lists first make room: any is made again when asked for.
        Iterator<Map.Entry<String, Answer>> entries = kept.entrySet().iterator();
        while (keptBytes.get() > MOST_BYTES && entries.hasNext()) {
            Map.Entry<String, Answer> dropped = entries.next();
            if (kept.remove(dropped.getKey(), dropped.getValue())) {
                keptBytes.addAndGet(-dropped.getValue().json().length);
            }
        }
    }
}
