import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def report = new JsonSlurper().parse(new File(basedir, 'target/taskcheck/taskcheck.json'))
def sarif = new JsonSlurper().parse(new File(basedir, 'target/taskcheck/taskcheck.sarif'))
assert !log.contains('NoSuchMethodError') && !log.contains('NoClassDefFoundError') && !log.contains('ServiceConfigurationError')
// the rule file's three rules and the plug-in's rule, as in the CLI and the library
def found = report.results[0].issues.findAll { it.ruleId ==~ /acme-\d|example-1/ }.collect { [it.ruleId, it.severity, it.expression] } as Set
assert found == [['acme-1', 'error', 'Task'], ['acme-2', 'warning', 'Task.input[0]'],
                 ['acme-3', 'information', 'Task'], ['example-1', 'warning', 'Task']] as Set : found
def listed = sarif.runs[0].tool.driver.rules*.id
assert listed.containsAll(['acme-1', 'acme-2', 'acme-3', 'example-1']) : listed
// acme-1 is an error: the build fails
assert log.contains('MojoFailureException')
