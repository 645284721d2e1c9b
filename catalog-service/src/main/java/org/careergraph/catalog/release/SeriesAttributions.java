package org.careergraph.catalog.release;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
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

    @Override
    public String releaseName(Provenance.Source source) {
        if (source.series() == null || source.release() == null) {
            return source.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        return Series.parse(source.series()).map(Series::title).orElse(source.series()) + " " + source.release();
    }
}
