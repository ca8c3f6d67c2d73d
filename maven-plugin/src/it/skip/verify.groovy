import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/taskcheck')
def json = { String name -> new JsonSlurper().parse(new File(out, name)) }
def xml = { String name -> new XmlSlurper(false, true).parse(new File(out, name)) }
assert !log.contains('NoSuchMethodError') && !log.contains('NoClassDefFoundError') && !log.contains('ServiceConfigurationError')
// -Dtaskcheck.skip=true: nothing validated, no reports, the build passes despite the broken input
assert log.contains('BUILD SUCCESS')
assert log.contains('TaskCheck: skipped (taskcheck.skip)')
assert !out.exists()
