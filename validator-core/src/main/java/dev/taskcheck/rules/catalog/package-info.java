/**
 * The built-in catalog: {@link dev.taskcheck.rules.catalog.BuiltInRules} lists every rule class and
 * profile invariant, {@link dev.taskcheck.rules.catalog.RuleCatalog} turns them into catalog
 * entries and rule instances. It sits above the rule packages ({@code rules.status}, {@code
 * rules.date}, ...), which know only the rule API in {@code dev.taskcheck.rules}.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
@NullMarked
package dev.taskcheck.rules.catalog;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
