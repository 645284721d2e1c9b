package org.careergraph.catalog.release;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Objects;
import org.careergraph.catalog.occupation.Attributions;
import org.careergraph.catalog.occupation.Provenance;

/** Each series' attribution line, for every release an occupation's values came from, in the series' order. */
@Singleton
class SeriesAttributions implements Attributions {

    @Override
    public List<String> of(Provenance provenance) {
        return provenance.fields().values().stream()
                .filter(source -> source.series() != null && source.release() != null)
                .map(source -> Series.parse(source.series()).map(series -> series.ordinal() + "\t"
                        + series.attribution(source.release())).orElse(null))
                .filter(Objects::nonNull).distinct().sorted()
                .map(line -> line.substring(line.indexOf('\t') + 1)).toList();
    }
}
