// a clean Task: the build passes and the plugin says what it checked
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('TaskCheck: 1 Tasks: 0 fatal, 0 errors')
assert !log.contains('NoSuchMethodError') && !log.contains('NoClassDefFoundError') && !log.contains('ServiceConfigurationError')
