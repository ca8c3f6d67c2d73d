package dev.taskcheck.engine;

import dev.taskcheck.model.Issue;

/**
 * Where stages put their findings. An issue's expression, from the document root, says which
 * resource it belongs to ({@code Bundle.entry[2].resource.status} belongs to the Task in entry 2).
 */
@FunctionalInterface
public interface IssueSink {

  void add(Issue issue);
}
