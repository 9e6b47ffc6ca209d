package org.argusee.platform.control;

import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Applies db-migrations/ while the persistence unit boots. Hibernate calls integrators before it validates the
 * mapping against the schema, and WildFly boots the unit before any bean of the application starts, so this is
 * the one place where migrations are guaranteed to run first on an empty database.
 */
public class FlywayMigrator implements Integrator {

    static final String SCHEMA = "argus";
    private static final Logger LOG = Logger.getLogger(FlywayMigrator.class.getName());

    @Override
    public void integrate(
            Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        DataSource dataSource = sessionFactory
                .getServiceRegistry()
                .requireService(ConnectionProvider.class)
                .unwrap(DataSource.class);
        MigrateResult result = Flyway.configure(FlywayMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        LOG.info(() -> "Database schema '" + SCHEMA + "' at version " + result.targetSchemaVersion + " ("
                + result.migrationsExecuted + " migrations applied now)");
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
        // nothing to undo: migrations are permanent
    }
}
