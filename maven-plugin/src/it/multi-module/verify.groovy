import groovy.json.JsonSlurper

// a reactor of four modules built with -T 2: one engine for the whole build, each module's own reports
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('Using the MultiThreadedBuilder') || log =~ /with a thread count of 2/
assert (log =~ /TaskCheck: starting the engine \(one per build\)/).count == 1
assert (log =~ /TaskCheck: using the build's engine/).count == 2

def expected = ['module-a': ['src/main/fhir/spec-r4-Task-example6.json'],
                'module-b': ['src/main/fhir/spec-r5-Task-example2.json'],
                'module-c': ['src/main/fhir/spec-r4-Task-example1.json', 'src/test/fhir/tasks-physiotherapy-course.ndjson']]
expected.each { module, sources ->
  def report = new JsonSlurper().parse(new File(basedir, module + '/target/taskcheck/taskcheck.json'))
  assert report.results*.source.toSet() == sources.toSet()
  assert new File(basedir, module + '/target/taskcheck/TEST-taskcheck.xml').exists()
}
assert new JsonSlurper().parse(new File(basedir, 'module-b/target/taskcheck/taskcheck.json')).fhirVersion == 'R5'
assert !new File(basedir, 'module-empty/target/taskcheck').exists()
assert !new File(basedir, 'target/taskcheck').exists()
