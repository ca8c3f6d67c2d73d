@API(status = API.Status.INTERNAL, since = "0.1.0")
@NullMarked
package dev.taskcheck.rules.status;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
