@echo off
rem taskcheck: the TaskCheck command line. Needs Java 17 or later: %JAVA_HOME%\bin\java.exe, else java on PATH.
rem JVM options: JAVA_OPTS or TASKCHECK_OPTS (e.g. set TASKCHECK_OPTS=-Xmx4g).
setlocal
set "TASKCHECK_HOME=%~dp0.."
if defined JAVA_HOME (
  set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
) else (
  set "JAVA_EXE=java"
)
if defined JAVA_HOME if not exist "%JAVA_EXE%" (
  echo taskcheck: JAVA_HOME is %JAVA_HOME%, but %JAVA_EXE% does not exist; set JAVA_HOME to a Java 17+ installation 1>&2
  exit /b 2
)
"%JAVA_EXE%" %JAVA_OPTS% %TASKCHECK_OPTS% -jar "%TASKCHECK_HOME%\taskcheck.jar" %*
exit /b %ERRORLEVEL%
