import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def report = new JsonSlurper().parse(new File(basedir, 'target/taskcheck/taskcheck.json'))
assert !log.contains('NoSuchMethodError') && !log.contains('NoClassDefFoundError') && !log.contains('ServiceConfigurationError')
// the real DSF Tasks pass their profiles (only the narrative warning dom-6); the mutant lacks the
// instantiatesCanonical its profile requires: an error, so the build fails
// both packages came from the local repository by their coordinates
assert log =~ /TaskCheck: IG package dev.taskcheck.it:dsf-process-ping-pong:tgz:1.0.1 resolved to .*dsf-process-ping-pong-1.0.1.tgz/
assert log =~ /TaskCheck: IG package dev.taskcheck.it:dsf-base-v1:1.9.0 resolved to .*dsf-base-v1-1.9.0.jar/
def cases = new JsonSlurper().parse(new File(basedir, '../../../../testdata/ig-packages/mutant-cases.json')).cases
assert cases.size() >= 10
assert report.summary.resources == 4 + cases.size()
def bySource = report.results.groupBy { it.source.tokenize('/').last() }
['dsf-task-start-ping.xml', 'dsf-task-start-ping-autostart.xml', 'dsf-task-stop-ping-autostart.xml'].each { name ->
  assert bySource[name].issues.flatten()*.ruleId.toSet() == ['dom-6'] as Set : name
}
def mutant = bySource['start-ping-without-instantiates.xml'][0]
assert mutant.issues.any { it.ruleId == 'structure-cardinality' && it.severity == 'error' && it.expression == 'Task.instantiatesCanonical' }
assert mutant.engine == 'reference'
assert log.contains('MojoFailureException')
// the mutants of testdata/ig-packages/mutants: each gets the finding mutant-cases.json expects, naming the
// profile (the library's IgProfileValidationTest and the CLI's IgPackagesIT read the same cases)
cases.each { c ->
  def found = bySource[c.file].issues.flatten().findAll {
    it.ruleId == c.expect.ruleId && it.severity == c.expect.severity && it.expression == c.expect.expression
  }
  assert !found.isEmpty() : c.file
  assert found*.profile.toSet() == [c.profile] as Set : c.file
}
return true
