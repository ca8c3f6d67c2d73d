/**
 * IG packages: FHIR NPM packages read from disk (a {@code .tgz}, a folder, or the local package
 * cache), never downloaded, with their dependencies resolved. No HAPI class here: the fast engine
 * asks which profiles they define; the reference engine loads their resources.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
@NullMarked
package dev.taskcheck.engine.packages;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
