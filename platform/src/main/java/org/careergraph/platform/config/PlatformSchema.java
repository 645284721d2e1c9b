package org.careergraph.platform.config;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Migrates the platform's own tables (outbox, processed events) in every service's schema, with a history table of
 * their own so that platform and service migrations are numbered independently.
 */
@Singleton
@Order(-1)
class PlatformSchema implements BeanCreatedEventListener<DataSource> {

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource dataSource = event.getBean();
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/platform")
                .table("platform_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        return dataSource;
    }
}
