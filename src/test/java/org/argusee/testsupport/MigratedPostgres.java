package org.argusee.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.flywaydb.core.Flyway;

/**
 * An embedded PostgreSQL of a unit test's own with the shipped migrations applied (schema {@code argus}), for tests of
 * SQL that the plans and locks of the real schema decide. The caller closes it.
 */
public final class MigratedPostgres {

    private MigratedPostgres() {}

    public static EmbeddedPostgres start() throws IOException {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        Flyway.configure()
                .dataSource(pg.getPostgresDatabase())
                .schemas("argus")
                .createSchemas(true)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        return pg;
    }
}
