package org.argusee.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The integration tests' PostgreSQL, as the server under test uses it; tests connect to it directly too. */
public final class TestDatabase {

    static final String URL_PROPERTY = "argus.test.db.url";
    static final String USER_PROPERTY = "argus.test.db.user";
    static final String PASSWORD_PROPERTY = "argus.test.db.password";

    private TestDatabase() {}

    static void use(String url, String user, String password) {
        System.setProperty(URL_PROPERTY, url);
        System.setProperty(USER_PROPERTY, user);
        System.setProperty(PASSWORD_PROPERTY, password);
    }

    public static Connection connect() throws SQLException {
        String url = System.getProperty(URL_PROPERTY);
        if (url == null) {
            throw new IllegalStateException("no test database: run the integration tests with mvn verify");
        }
        return DriverManager.getConnection(
                url, System.getProperty(USER_PROPERTY), System.getProperty(PASSWORD_PROPERTY));
    }
}
