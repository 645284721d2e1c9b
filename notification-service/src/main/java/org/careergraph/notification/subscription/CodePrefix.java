package org.careergraph.notification.subscription;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Comparator;

/**
 * A watch on every occupation, known now or created later, whose code in {@code codeSystem} (a CodeSystem name)
 * starts with {@code prefix}, e.g. ANZSCO 2544 or SOC 21-10.
 */
@Serdeable
record CodePrefix(String codeSystem, String prefix) {

    static final Comparator<CodePrefix> ORDER = Comparator.comparing(CodePrefix::codeSystem)
            .thenComparing(CodePrefix::prefix);
}
