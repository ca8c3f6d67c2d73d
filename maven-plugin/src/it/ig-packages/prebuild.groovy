import java.nio.file.Files
import java.nio.file.Path
import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream

// Deploys the DSF test packages into the test builds' local repository as Maven artifacts, as a team
// would deploy its IG: the ping-pong package as its NPM .tgz (made by tar), the base package it
// depends on as a .jar holding package/package.json. The pom names both by their coordinates.
Path dsf = basedir.toPath().resolve('../../../../testdata/ig-packages').normalize()
Path repo = localRepositoryPath.toPath().resolve('dev/taskcheck/it')

def files = { Path folder -> Files.walk(folder).withCloseable { it.filter { Files.isRegularFile(it) }.sorted().toList() } }

// dsf-process-ping-pong-1.0.1.tgz: every file under package/
Path staging = basedir.toPath().resolve('target/staging/package')
files(dsf.resolve('dsf-process-ping-pong')).each { f ->
  Path to = staging.resolve(dsf.resolve('dsf-process-ping-pong').relativize(f).toString())
  Files.createDirectories(to.parent)
  Files.copy(f, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING)
}
Path tgz = repo.resolve('dsf-process-ping-pong/1.0.1/dsf-process-ping-pong-1.0.1.tgz')
Files.createDirectories(tgz.parent)
def tar = ['tar', '-czf', tgz.toString(), '-C', staging.parent.toString(), 'package'].execute()
tar.waitForProcessOutput(System.out, System.err)
assert tar.exitValue() == 0

// dsf-base-v1-1.9.0.jar: the same layout in a jar
Path jar = repo.resolve('dsf-base-v1/1.9.0/dsf-base-v1-1.9.0.jar')
Files.createDirectories(jar.parent)
new ZipOutputStream(Files.newOutputStream(jar)).withCloseable { out ->
  files(dsf.resolve('dsf-base-v1')).each { f ->
    out.putNextEntry(new ZipEntry('package/' + dsf.resolve('dsf-base-v1').relativize(f).toString().replace('\\', '/')))
    out.write(Files.readAllBytes(f))
  }
}
return true
