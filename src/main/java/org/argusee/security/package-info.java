/**
 * Security: who may log in and what they may do.
 * <p>
 * <b>Owns:</b> the {@code argus.app_user} and {@code argus.user_role} tables ({@code AppUser}), password hashing
 * ({@code PasswordHashing}), how callers authenticate ({@code PasswordCheck}, {@code SessionOrBasicMechanism}; a session's login checked again
 * in each run of the server, {@code SessionLogins}; Basic over plain HTTP, {@code PlainHttpBasic}), the first admin at startup
 * ({@code AdminBootstrap}) and the users API ({@code Users}, {@code UsersResource}). The role names themselves are
 * platform's {@code Roles}, because every resource of every component declares them.
 * <p>
 * <b>May use:</b> platform.
 */
package org.argusee.security;
