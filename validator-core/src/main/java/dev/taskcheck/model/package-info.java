/**
 * The public report model: what a run produces ({@link dev.taskcheck.model.Report}, {@link
 * dev.taskcheck.model.Result}, {@link dev.taskcheck.model.Issue}, {@link
 * dev.taskcheck.model.Summary}), how it is received ({@link dev.taskcheck.model.ReportListener}),
 * the catalog's entries ({@link dev.taskcheck.model.RuleInfo}) and the settings a run is made of
 * ({@link dev.taskcheck.model.RuleSet}, {@link dev.taskcheck.model.RuleConfig}, {@link
 * dev.taskcheck.model.Suppression}). A leaf: it imports nothing else of TaskCheck's, and every
 * other package may use it.
 */
@NullMarked
package dev.taskcheck.model;

import org.jspecify.annotations.NullMarked;
