import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/taskcheck')
def json = { String name -> new JsonSlurper().parse(new File(out, name)) }
def xml = { String name -> new XmlSlurper(false, true).parse(new File(out, name)) }
assert !log.contains('NoSuchMethodError') && !log.contains('NoClassDefFoundError') && !log.contains('ServiceConfigurationError')
// every format is written, complete and well-formed; failOn=none lets the error pass
assert log.contains('BUILD SUCCESS')
def names = ['taskcheck.txt', 'taskcheck.json', 'taskcheck.operationoutcome.json', 'TEST-taskcheck.xml',
             'taskcheck.sarif', 'taskcheck.xml', 'taskcheck.html']
assert out.list().findAll { !it.startsWith('.') }.toSet() == names.toSet()

assert new File(out, 'taskcheck.txt').text =~ /broken-status-done\.json:14:3 error structure-binding Task\.status /
assert json('taskcheck.json').summary.error == 1
def oo = json('taskcheck.operationoutcome.json')
assert oo.resourceType == 'Bundle' && oo.entry*.resource*.resourceType.every { it == 'OperationOutcome' }
assert xml('TEST-taskcheck.xml').testsuite.size() == 3
assert json('taskcheck.sarif').runs[0].results.any { it.ruleId == 'structure-binding' }
assert xml('taskcheck.xml').name() != null

// the HTML report is well-formed XHTML with its sections
def html = new XmlSlurper(false, true, true).parse(new File(out, 'taskcheck.html'))
assert html.name() == 'html'
['summary', 'rules', 'files'].each { id -> assert html.'**'.find { it.@id == id } != null }
assert html.'**'.findAll { it.name() == 'script' }.size() == 0
