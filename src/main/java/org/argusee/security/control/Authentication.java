package org.argusee.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * How callers log in: HTTP Basic, checked against users and roles in PostgreSQL by the platform's database
 * identity store, passwords as Pbkdf2 hashes. The definitions sit on a CDI bean because Jakarta Security only
 * looks for them on beans (a plain JAX-RS Application class is not one here).
 */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "Argus")
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "java:jboss/datasources/ArgusDS",
        callerQuery = "select password_hash from argus.app_user where username = ? and enabled",
        groupsQuery = "select r.role from argus.user_role r join argus.app_user u on u.id = r.user_id"
                + " where u.username = ? and u.enabled",
        hashAlgorithm = Pbkdf2PasswordHash.class)
public class Authentication {}
