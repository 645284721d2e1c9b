package org.careergraph.platform.meters;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges read from the service's own database (outbox backlog, dead letters, a job's progress), one way for every
 * service: each is a query whose rows are its series, the leading columns their tags and the last its value (a
 * timestamp counts as its age in seconds on the service's clock). The queries run every
 * {@code careergraph.meters.refresh} (15 s), not at each scrape, so a slow database never holds up /prometheus and
 * scrapes cost it nothing; every replica reports the same table, so alerts take the max, not the sum.
 */
@Singleton
@Requires(bean = JdbcOperations.class)
public class DatabaseGauges {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseGauges.class);

    private record Registered(String name, String sql, List<String> tagColumns, MultiGauge gauge) {
    }

    private final BeanProvider<MeterRegistry> registry;
    private final JdbcOperations jdbc;
    private final Clock clock;
    private final List<Registered> gauges = new CopyOnWriteArrayList<>();

    DatabaseGauges(BeanProvider<MeterRegistry> registry, JdbcOperations jdbc, Clock clock) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A gauge of one series per row of {@code sql}: {@code tagColumns} name the leading columns, the last column is
     * the value (a number, or a timestamp reported as seconds since). No row: no series.
     */
    public void register(String name, String description, String baseUnit, String sql, String... tagColumns) {
        if (!registry.isPresent()) {
            return;
        }
        MultiGauge gauge = MultiGauge.builder(name).description(description).baseUnit(baseUnit)
                .register(registry.get());
        gauges.add(new Registered(name, sql, List.of(tagColumns), gauge));
    }

    @Scheduled(fixedDelay = "${careergraph.meters.refresh:15s}", initialDelay = "${careergraph.meters.refresh:15s}")
    void refresh() {
        for (Registered gauge : gauges) {
            try {
                gauge.gauge().register(jdbc.execute(connection -> {
                    try (var statement = connection.prepareStatement(gauge.sql());
                         ResultSet rows = statement.executeQuery()) {
                        return rows(gauge, rows);
                    }
                }), true);
            } catch (RuntimeException e) {
                // The next refresh may work; the gauge keeps its last values meanwhile.
                LOG.warn("Cannot refresh the gauge {}: {}", gauge.name(), e.toString());
            }
        }
    }

    private List<MultiGauge.Row<?>> rows(Registered gauge, ResultSet rows) throws SQLException {
        ResultSetMetaData columns = rows.getMetaData();
        int valueColumn = columns.getColumnCount();
        boolean age = columns.getColumnType(valueColumn) == Types.TIMESTAMP;
        List<MultiGauge.Row<?>> result = new ArrayList<>();
        while (rows.next()) {
            List<String> tags = new ArrayList<>();
            for (int i = 0; i < gauge.tagColumns().size(); i++) {
                tags.add(gauge.tagColumns().get(i));
                tags.add(String.valueOf(rows.getString(i + 1)));
            }
            double value;
            if (age) {
                Timestamp since = rows.getTimestamp(valueColumn);
                value = since == null ? 0 : Duration.between(since.toInstant(), clock.instant()).toMillis() / 1000.0;
            } else {
                value = rows.getDouble(valueColumn);
            }
            result.add(MultiGauge.Row.of(Tags.of(tags.toArray(String[]::new)), Math.max(0, value)));
        }
        return result;
    }
}
