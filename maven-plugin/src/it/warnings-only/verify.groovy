import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/taskcheck')
def json = { String name -> new JsonSlurper().parse(new File(out, name)) }
def xml = { String name -> new XmlSlurper(false, true).parse(new File(out, name)) }
assert !log.contains('NoSuchMethodError') && !log.contains('NoClassDefFoundError') && !log.contains('ServiceConfigurationError')
// warnings with failOn=error: the build passes, the warnings are logged and reported but fail no test case
assert log.contains('BUILD SUCCESS')
assert log =~ /\[WARNING\] src\/main\/fhir\/completed-without-owner\.json:\d+(:\d+)? warning status-1 /
def report = json('taskcheck.json')
assert report.summary.error == 0 && report.summary.warning >= 2
assert report.results*.issues.flatten()*.ruleId.containsAll(['status-1', 'failure-2'])

def junit = xml('TEST-taskcheck.xml')
assert junit.'**'.findAll { it.name() == 'failure' }.size() == 0
assert junit.testsuite.find { it.@name == 'src/main/fhir/completed-without-owner.json' }.testcase.find { it.@name == 'status-1' }.'system-out'.text().contains('status-1')

def sarif = json('taskcheck.sarif')
assert sarif.runs[0].results.findAll { it.level == 'warning' }*.ruleId.containsAll(['status-1', 'failure-2'])
assert !sarif.runs[0].results.any { it.level == 'error' }
