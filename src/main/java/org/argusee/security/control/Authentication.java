package org.argusee.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * Where callers' passwords and roles are checked: users and roles in PostgreSQL, by the platform's database
 * identity store, passwords as Pbkdf2 hashes. How they present them (HTTP Basic, or a session opened by the login
 * form) is {@link SessionOrBasicMechanism}. The definitions sit on a CDI bean because Jakarta Security only
 * looks for them on beans (a plain JAX-RS Application class is not one here).
 */
@ApplicationScoped
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "java:jboss/datasources/ArgusDS",
        callerQuery = "select password_hash from argus.app_user where username = ? and enabled",
        groupsQuery = "select r.role from argus.user_role r join argus.app_user u on u.id = r.user_id"
                + " where u.username = ? and u.enabled",
        hashAlgorithm = Pbkdf2PasswordHash.class)
public class Authentication {}
