import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/taskcheck')
def json = { String name -> new JsonSlurper().parse(new File(out, name)) }
def xml = { String name -> new XmlSlurper(false, true).parse(new File(out, name)) }
assert !log.contains('NoSuchMethodError') && !log.contains('NoClassDefFoundError') && !log.contains('ServiceConfigurationError')
// passing inputs: the build succeeds and writes the default reports (html, junit, sarif, json)
assert log.contains('BUILD SUCCESS')
def report = json('taskcheck.json')
assert report.summary.inputs == 2
assert report.summary.fatal == 0 && report.summary.error == 0
assert report.results*.source.toSet() == ['src/main/fhir/spec-r4-Task-example6.json', 'src/test/fhir/tasks-physiotherapy-course.ndjson'] as Set

def junit = xml('TEST-taskcheck.xml')
assert junit.name() == 'testsuites'
assert junit.testsuite.size() == 2
assert junit.testsuite.find { it.@name == 'src/main/fhir/spec-r4-Task-example6.json' }.testcase.find { it.@name == 'status-1' }.size() == 1
assert junit.'**'.findAll { it.name() == 'failure' || it.name() == 'error' }.size() == 0

def sarif = json('taskcheck.sarif')
assert sarif.version == '2.1.0'
assert sarif.runs[0].tool.driver.rules*.id.contains('status-1')
assert !sarif.runs[0].results.any { it.level == 'error' }

def html = new File(out, 'taskcheck.html').text
assert html.contains('id="summary"') && html.contains('id="rules"') && html.contains('id="files"')
assert !log.contains('TaskCheck: no inputs')
