def log = new File(basedir, 'build.log').text
assert !log.contains('NoSuchMethodError') && !log.contains('NoClassDefFoundError') && !log.contains('ServiceConfigurationError')
// <igs> given as Maven coordinates that do not resolve: a setup fault (BUILD ERROR) naming them and
// how to provide the package, before the engine starts; no report
assert log.contains('TaskCheck: the IG package dev.taskcheck.it:no-such-ig:tgz:1.0 (taskcheck.igs) does not resolve')
assert log.contains('give the package\'s path instead')
assert log.contains('MojoExecutionException')
assert !log.contains('MojoFailureException')
assert !log.contains('starting the engine')
assert !new File(basedir, 'target/taskcheck/taskcheck.json').exists()
