// mvn site: the TaskCheck page is in the site, listed in the menu, and the findings do not fail the site build
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def page = new File(basedir, 'target/site/taskcheck.html')
assert page.exists()
def text = page.text
assert text.contains('id="summary"') && text.contains('structure-binding')
// the site's list of project reports links to the page
def reports = new File(basedir, 'target/site/project-reports.html')
assert reports.exists() && reports.text.contains('href="taskcheck.html"')
