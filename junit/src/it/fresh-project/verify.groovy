import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert !log.contains('NoSuchMethodError') && !log.contains('NoClassDefFoundError')
assert log.contains('BUILD FAILURE')

def report = new XmlSlurper().parse(new File(basedir, 'target/surefire-reports/TEST-org.example.PayloadTest.xml'))
def cases = report.testcase.collect { [name: it.@name.text(), failure: it.failure.@message.text() + it.failure.text()] }
def failed = cases.findAll { it.failure }
def passed = cases.findAll { !it.failure }

// the bad payload fails twice (its dynamic test and the assertion), naming file:line:column, the rule and the expression
assert failed.size() == 2 : cases
failed.each { assert it.failure =~ /bad\.json:4:3 structure-binding error Task\.status/ : it }
// the good file, the two NDJSON lines and the passing assertion: four passing tests
assert passed.size() == 4 : cases
assert passed.any { it.name.contains('Task/n1 (line 1)') } && passed.any { it.name.contains('Task/n2 (line 2)') } : cases
