package org.argusee.platform.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an API call that only the active server of a master pair can carry out, because it acts on what its
 * prober holds in memory (check now, overrides, a forecaster's reset): the standby refuses it with 503, naming
 * the active one ({@link StandbyRefusal}). Calls that only change the database (tree edits, users, notes) are
 * left unmarked: either server of the pair takes them, and the active one reads them from there.
 */
@jakarta.ws.rs.NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ActiveOnly {}
