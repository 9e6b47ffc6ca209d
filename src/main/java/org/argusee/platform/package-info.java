/**
 * Platform: what every other component stands on, and nothing of Argus itself.
 * <p>
 * <b>Owns:</b> the REST application under /api ({@code ArgusApplication}) and its error answers as problem+json
 * ({@code ProblemDetail}, the exception mappers, {@code StrictJsonBodies}); the refusals every component throws
 * ({@code ArgusException} with its {@code FieldError}s); the role names resources declare ({@code Roles}); the
 * schema migrations at startup ({@code FlywayMigrator}); database readiness; the metrics registry and its scrape
 * endpoint ({@code Metrics}, {@code MetricsResource}); the user the configuration's programs run as
 * ({@code ProgramUser}, checked at startup by {@code ProgramIsolation}, which also closes the data directory). A
 * concurrent map keyed by primitive ids ({@code ConcurrentLongMap}) for the maps with an entry per service.
 * <p>
 * <b>May use:</b> no other component (the lowest layer: platform &lt;- security &lt;- tree &lt;- status &lt;-
 * probe; argusconf on tree; darp on top; see docs/design/00-components.md).
 */
package org.argusee.platform;
