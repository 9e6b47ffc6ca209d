/**
 * Web: the operator's pages' server side (docs/design/80-web.md).
 * <p>
 * <b>Owns:</b> the login form's servlets ({@code LoginServlet}, {@code LogoutServlet}), {@code GET /api/session},
 * the cross-site guard ({@code RequestGuard}: Origin, CSRF token) and the login redirect of pages
 * ({@code PageGuard}, with the Content-Security-Policy); the dashboard's data ({@code Dashboard},
 * {@code DashboardRows}, {@code /api/dashboard/*}); the ACLs down the tree ({@code Acl}, {@code Visibility},
 * {@code Viewers}) and their use on the REST API ({@code ObjectAccess}, and notify's port {@code NotificationAcl}); masking of secret parameters
 * ({@code Secrets}); the change numbers shared with the live socket ({@code ChangeSequence}); sessions kept over a
 * restart, restored under their own id ({@code KeptSessions}).
 * <p>
 * <b>May use:</b> platform, security, tree, status, notify (its port). <b>Used by:</b> live.
 */
package org.argusee.web;
