import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/taskcheck')
def json = { String name -> new JsonSlurper().parse(new File(out, name)) }
def xml = { String name -> new XmlSlurper(false, true).parse(new File(out, name)) }
assert !log.contains('NoSuchMethodError') && !log.contains('NoClassDefFoundError') && !log.contains('ServiceConfigurationError')
// an unknown rule id is a setup fault: BUILD ERROR (MojoExecutionException) naming the parameter, no report
assert log.contains("TaskCheck: rules: unknown rule id 'no-such-rule'")
assert log.contains('MojoExecutionException')
assert !log.contains('MojoFailureException')
assert !new File(out, 'taskcheck.json').exists()
