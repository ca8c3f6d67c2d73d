/**
 * Custom rules, the users' own: FHIRPath rule files ({@code --rules}) and Java rule plug-ins found
 * through {@link java.util.ServiceLoader} ({@code --plugin-path}, the class path). They join the
 * catalog like built-in rules: ids, rule sets, overrides, suppressions, every report format. A
 * malformed file, an expression that does not compile or a plug-in with bad metadata is a setup
 * error naming the file (and line) or the class.
 */
@API(status = API.Status.INTERNAL, since = "0.3.0")
@NullMarked
package dev.taskcheck.engine.custom;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
