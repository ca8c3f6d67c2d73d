import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/taskcheck')
def json = { String name -> new JsonSlurper().parse(new File(out, name)) }
def xml = { String name -> new XmlSlurper(false, true).parse(new File(out, name)) }
assert !log.contains('NoSuchMethodError') && !log.contains('NoClassDefFoundError') && !log.contains('ServiceConfigurationError')
// status-1 raised to error fails the build; failure-2 switched off is reported nowhere
assert log.contains('BUILD FAILURE')
assert log =~ /\[ERROR\]   src\/main\/fhir\/completed-without-owner\.json:\d+(:\d+)? status-1 /
def issues = json('taskcheck.json').results*.issues.flatten()
assert issues.find { it.ruleId == 'status-1' }.severity == 'error'
assert !issues.any { it.ruleId == 'failure-2' }
def sarif = json('taskcheck.sarif')
assert sarif.runs[0].results.find { it.ruleId == 'status-1' }.level == 'error'
assert !sarif.runs[0].tool.driver.rules*.id.contains('failure-2')
def junit = xml('TEST-taskcheck.xml')
assert junit.testsuite.testcase.findAll { it.@name == 'status-1' && it.failure.size() == 1 }.size() == 1
assert junit.testsuite.testcase.findAll { it.@name == 'failure-2' }.size() == 0
