import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/taskcheck')
def json = { String name -> new JsonSlurper().parse(new File(out, name)) }
def xml = { String name -> new XmlSlurper(false, true).parse(new File(out, name)) }
assert !log.contains('NoSuchMethodError') && !log.contains('NoClassDefFoundError') && !log.contains('ServiceConfigurationError')
// the suppressed error does not fail the build; the reports keep it with its reason
assert log.contains('BUILD SUCCESS')
assert log.contains('1 suppressed')
def report = json('taskcheck.json')
assert report.summary.error == 0 && report.summary.suppressed == 1
def s = report.results[0].suppressed[0]
assert s.issue.ruleId == 'structure-binding' && s.reason.contains('mapped to completed downstream')
def sarif = json('taskcheck.sarif')
def r = sarif.runs[0].results.find { it.ruleId == 'structure-binding' }
assert r.suppressions[0].kind == 'external' && r.suppressions[0].justification.contains('downstream')
