/**
 * Status: what every object's state is, how it got there, and its history.
 * <p>
 * <b>Owns:</b> judging a probe's result ({@code control.evaluation}: {@code ResultEvaluator} with pluck, scale,
 * calc and the value tests, its calc memory {@code EvalState}, its answer {@code Verdict}); retries and transitions
 * ({@code StatusMachine}); groups, aliases, depends and overrides ({@code StatusGraph}); the live board
 * ({@code StatusBoard}) and its writer ({@code StatusWriter}, {@code StatusStore}); the status, override,
 * annotation, transition, availability and sample tables; the status API and the objects/tree API, whose views
 * carry each object's status ({@code StatusResource}, {@code ObjectsResource}, {@code TreeResource}).
 * <p>
 * <b>May use:</b> platform, security, tree. <b>Ports for the components above:</b> {@code RawResult} (what a probe
 * saw, implemented by the probe's reply), {@code ProbeNow} (check now, implemented by the scheduler),
 * {@code ServiceCombiner} (a DARP master's combined status), and the event {@code StatusChanged}.
 * <p>
 * <b>Glossary of the Status/State types.</b>
 * <ul>
 * <li>{@code Status}: an object's own status, up or down, before override and depends.</li>
 * <li>{@code Severity}: how bad a down is (critical, major, minor, warning; clear when up).</li>
 * <li>{@code DisplayState}: what people see: up, down, override or depends.</li>
 * <li>{@code DisplayStatus}: that state with its severity and culprit (the override or the depends object).</li>
 * <li>{@code ServiceStatus}: a service as its status machine keeps it: status, failures in a row, since, reason.</li>
 * <li>{@code StatusMachine} / {@code StatusStep}: one check applied to a {@code ServiceStatus}, and what it did
 * (next state, transition, retry time).</li>
 * <li>{@code CheckResult}: one check's outcome as the machine needs it (made by the evaluator's {@code Verdict}).</li>
 * <li>{@code GroupStatus}: a group's status from its children's, by {@code gravity} ({@code Gravity}).</li>
 * <li>{@code JointStatus}: a service's status as several servers see it together (from a
 * {@code ServiceCombiner}).</li>
 * <li>{@code ObjectState}: everything known of one checked or worked-out object (own status, display, reason,
 * since); what is stored.</li>
 * <li>{@code StateChange}: one object's {@code ObjectState} before and after; {@code Outcome}: the changes of one
 * step of the graph, plus the overrides it ended.</li>
 * <li>{@code StatusGraph}: the {@code ObjectState} of every object, worked out again where something changed.</li>
 * <li>{@code StatusCounts} / {@code ChildCounts}: the up/down/override/depends/unknown counts shown beside a
 * group.</li>
 * <li>{@code Transition}: one logged change of status; {@code Availability}: up time it adds to a day.</li>
 * <li>{@code StatusBoard}: the live {@code StatusGraph} plus the per-service machines and calc states, in memory;
 * {@code StatusWriter} moves its {@code StatusBatch}es of {@code StatusRow}s to the database through
 * {@code StatusStore}; {@code SavedStatus} reads them back at startup.</li>
 * <li>{@code StatusChanged}: the event fired once a change is stored (what notify and live push will observe).</li>
 * <li>{@code StatusReader}, {@code StatusViews}, {@code StatusHistory}: read sides for the APIs; {@code StatusView},
 * {@code StatusDetail}, {@code ChildStatus}: what the APIs answer with.</li>
 * <li>{@code StatusMetrics}: counts and timings of changes and batches.</li>
 * </ul>
 */
package org.argusee.status;
