// a Task with status "done": BUILD FAILURE naming the file, line, column and rule id
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('TaskCheck found 1 finding(s) at or above error')
assert log =~ /broken-status-done\.json:14:3 structure-binding Task\.status/
assert !log.contains('NoSuchMethodError') && !log.contains('NoClassDefFoundError') && !log.contains('ServiceConfigurationError')
