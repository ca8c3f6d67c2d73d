import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/taskcheck')
assert !log.contains('NoSuchMethodError') && !log.contains('NoClassDefFoundError') && !log.contains('ServiceConfigurationError')
// fhirVersion 1.4.0: the 1.4.0 spec example (XML) is checked against the 1.4.0 core definitions and is clean
assert log.contains('BUILD SUCCESS')
def report = new JsonSlurper().parse(new File(out, 'taskcheck.json'))
assert report.summary.inputs == 1
assert report.results.size() == 1
def result = report.results[0]
assert result.source == 'src/main/fhir/spec-1.4.0-task-example.xml'
assert result.fhirVersion == '1.4.0'
assert result.engine == 'reference'
assert result.issues.isEmpty()
