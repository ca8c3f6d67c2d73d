import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/taskcheck')
def json = { String name -> new JsonSlurper().parse(new File(out, name)) }
def xml = { String name -> new XmlSlurper(false, true).parse(new File(out, name)) }
assert !log.contains('NoSuchMethodError') && !log.contains('NoClassDefFoundError') && !log.contains('ServiceConfigurationError')
// a Task with status "done": BUILD FAILURE with the counts, the finding as file:line:col rule-id message, the report path
assert log.contains('BUILD FAILURE')
assert log.contains('TaskCheck found 1 finding at or above error (2 Tasks in 2 files: 0 fatal, 1 error,')
assert log =~ /\[ERROR\]   src\/main\/fhir\/broken-status-done\.json:14:3 structure-binding .*done/
assert log.contains('Report: ' + new File(out, 'taskcheck.html').path)
assert log.contains('MojoFailureException')

def report = json('taskcheck.json')
def issue = report.results.find { it.source.endsWith('broken-status-done.json') }.issues[0]
assert issue.ruleId == 'structure-binding' && issue.severity == 'error' && issue.expression == 'Task.status'

def junit = xml('TEST-taskcheck.xml')
def suite = junit.testsuite.find { it.@name == 'src/main/fhir/broken-status-done.json' }
assert suite.@failures.toInteger() == 1
assert suite.testcase.find { it.@name == 'structure-binding' }.failure.size() == 1

def sarif = json('taskcheck.sarif')
def result = sarif.runs[0].results.find { it.ruleId == 'structure-binding' }
assert result.level == 'error'
assert result.locations[0].physicalLocation.region.startLine == 14
assert result.locations[0].physicalLocation.artifactLocation.uri.endsWith('src/main/fhir/broken-status-done.json')
assert result.locations[0].logicalLocations[0].fullyQualifiedName == 'Task.status'
assert sarif.runs[0].tool.driver.rules[result.ruleIndex].id == 'structure-binding'

assert new File(out, 'taskcheck.html').text.contains('structure-binding')
