import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/taskcheck')
def json = { String name -> new JsonSlurper().parse(new File(out, name)) }
def xml = { String name -> new XmlSlurper(false, true).parse(new File(out, name)) }
assert !log.contains('NoSuchMethodError') && !log.contains('NoClassDefFoundError') && !log.contains('ServiceConfigurationError')
// the user's state machine allows requested -> in-progress (no transition-1), the stuck threshold reports the Task
assert log.contains('BUILD SUCCESS')
def report = json('taskcheck.json')
assert report.summary.inputs == 1
def issues = report.results*.issues.flatten()
assert !issues.any { it.ruleId == 'transition-1' }
assert issues.find { it.ruleId == 'transition-15' }.severity == 'warning'
assert report.metrics.histories == 1 && report.metrics.stuckCount == 1
assert report.now == '2026-06-15T00:00:00Z'
assert new File(out, 'taskcheck.html').text.contains('id="metrics"')
