/**
 * Tree: the monitoring configuration, the objects (groups, hosts, services, aliases) and their parameters.
 * <p>
 * <b>Owns:</b> the {@code argus.object} and {@code argus.param} tables; the immutable snapshot everything else reads
 * ({@code TreeSnapshot} of {@code TreeNode}s, held and reloaded by {@code TreeCache}, announced by
 * {@code TreeReloaded}); parameter definitions, inheritance and validation ({@code ParameterCatalog},
 * {@code Inheritance}, {@code ParameterValidator}); value syntaxes ({@code TimeValue}, {@code BooleanValue}); the
 * writes: of single objects ({@code TreeEditor}, for the API; it fires {@code TreeChanged}) and of many at once
 * ({@code BulkTreeWrite}, JDBC batches for a config import, one revision bump).
 * <p>
 * <b>May use:</b> platform, security. The objects API shows each object with its status, so its resources and views
 * live in status, not here.
 */
package org.argusee.tree;
