<?xml version="1.0" encoding="UTF-8"?>
<!--
  The TaskCheck HTML conformance report: the XML form of a report (namespace https://taskcheck.dev/ns/report/1,
  schema taskcheck-report.xsd) to one self-contained XHTML5 page. No scripts, no external fonts, images or style
  sheets; the only external links are the rules' documentation pages. Sections with stable ids: summary, rules,
  files, metrics (only when the run measured Task lifecycles).

  To restyle the report, copy this stylesheet and run it (any XSLT 3.0 processor) over taskcheck.xml.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:f="https://taskcheck.dev/ns/report/xslt"
    xmlns="http://www.w3.org/1999/xhtml"
    xpath-default-namespace="https://taskcheck.dev/ns/report/1"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:output method="xhtml" html-version="5" omit-xml-declaration="yes" include-content-type="no"
      indent="yes" suppress-indentation="td th p li dd h3" encoding="UTF-8"/>

  <xsl:key name="results-by-source" match="result" use="@source"/>
  <xsl:key name="file" match="files/file" use="@source"/>

  <xsl:variable name="severities" as="xs:string+" select="('fatal', 'error', 'warning', 'information')"/>

  <!-- ===== functions ===== -->

  <!-- 12345 as 12,345 -->
  <xsl:function name="f:n" as="xs:string">
    <xsl:param name="n"/>
    <xsl:sequence select="format-number(xs:decimal(($n, 0)[1]), '#,##0')"/>
  </xsl:function>

  <!-- "1 finding", "2 findings" -->
  <xsl:function name="f:count" as="xs:string">
    <xsl:param name="n"/>
    <xsl:param name="singular" as="xs:string"/>
    <xsl:param name="plural" as="xs:string"/>
    <xsl:sequence select="f:n($n) || ' ' || (if (xs:decimal(($n, 0)[1]) eq 1) then $singular else $plural)"/>
  </xsl:function>

  <!-- "1 error", "3 warnings", "2 information" -->
  <xsl:function name="f:severity-count" as="xs:string">
    <xsl:param name="n"/>
    <xsl:param name="severity" as="xs:string"/>
    <xsl:sequence select="if ($severity = ('fatal', 'information')) then f:n($n) || ' ' || $severity
        else f:count($n, $severity, $severity || 's')"/>
  </xsl:function>

  <!-- 0 for fatal ... 3 for information, 4 for none -->
  <xsl:function name="f:rank" as="xs:integer">
    <xsl:param name="severity" as="xs:string?"/>
    <xsl:sequence select="if (empty($severity)) then 4 else (index-of($severities, $severity), 4)[1]"/>
  </xsl:function>

  <!-- An xs:duration as a person reads it: the two largest units ("2 d 3 h", "5 h 12 min", "45 s") -->
  <xsl:function name="f:duration" as="xs:string">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:choose>
      <xsl:when test="not($iso)">–</xsl:when>
      <xsl:otherwise>
        <xsl:variable name="d" as="xs:dayTimeDuration" select="xs:dayTimeDuration($iso)"/>
        <xsl:variable name="a" as="xs:dayTimeDuration"
            select="if ($d lt xs:dayTimeDuration('PT0S')) then $d * -1 else $d"/>
        <xsl:variable name="days" select="days-from-duration($a)"/>
        <xsl:variable name="hours" select="hours-from-duration($a)"/>
        <xsl:variable name="minutes" select="minutes-from-duration($a)"/>
        <xsl:variable name="seconds" select="seconds-from-duration($a)"/>
        <xsl:variable name="text" as="xs:string">
          <xsl:choose>
            <xsl:when test="$days gt 0">{$days} d{if ($hours gt 0) then ' ' || $hours || ' h' else ''}</xsl:when>
            <xsl:when test="$hours gt 0">{$hours} h{if ($minutes gt 0) then ' ' || $minutes || ' min' else ''}</xsl:when>
            <xsl:when test="$minutes gt 0">{$minutes} min{if ($seconds ge 1) then ' ' || floor($seconds) || ' s' else ''}</xsl:when>
            <xsl:otherwise>{format-number($seconds, '0.###')} s</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:sequence select="(if ($d lt xs:dayTimeDuration('PT0S')) then '−' else '') || $text"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- milliseconds as "850 ms", "1.2 s", "3 min 4 s" -->
  <xsl:function name="f:millis" as="xs:string">
    <xsl:param name="ms"/>
    <xsl:variable name="n" select="xs:integer($ms)"/>
    <xsl:sequence select="
        if ($n lt 1000) then $n || ' ms'
        else if ($n lt 60000) then format-number($n div 1000, '0.0') || ' s'
        else f:duration(string(xs:dayTimeDuration('PT' || ($n idiv 1000) || 'S')))"/>
  </xsl:function>

  <xsl:function name="f:time" as="xs:string">
    <xsl:param name="instant" as="xs:string"/>
    <xsl:sequence select="format-dateTime(adjust-dateTime-to-timezone(xs:dateTime($instant), xs:dayTimeDuration('PT0H')),
        '[Y0001]-[M01]-[D01] [H01]:[m01]:[s01] UTC')"/>
  </xsl:function>

  <!-- True when the clock of the time-relative rules was set apart from the start (the now option). -->
  <xsl:function name="f:clock-set" as="xs:boolean">
    <xsl:param name="run" as="element()"/>
    <xsl:variable name="gap" as="xs:dayTimeDuration" select="xs:dateTime($run/@now) - xs:dateTime($run/@startedAt)"/>
    <xsl:sequence select="$gap gt xs:dayTimeDuration('PT1M') or $gap lt xs:dayTimeDuration('-PT1M')"/>
  </xsl:function>

  <!-- ===== page ===== -->

  <xsl:template match="/report">
    <xsl:variable name="pass" select="summary/@verdict = 'pass'"/>
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="TaskCheck {run/@toolVersion}"/>
        <title>TaskCheck report: {if ($pass) then 'passed' else 'failed'}, {f:count(summary/@fatal + summary/@error, 'error', 'errors')}, {f:count(summary/@warning, 'warning', 'warnings')}</title>
        <style xsl:expand-text="no"><xsl:value-of select="$css"/></style>
      </head>
      <body>
        <div class="page">
          <header class="masthead">
            <div>
              <h1>TaskCheck conformance report</h1>
              <p class="sub">FHIR Task validation · {f:time(run/@startedAt)} · rule set {run/@ruleSet}</p>
            </div>
            <div class="verdict {if ($pass) then 'pass' else 'fail'}">{if ($pass) then 'Passed' else 'Failed'}</div>
          </header>
          <nav class="toc" aria-label="Sections">
            <a href="#summary">Summary</a>
            <a href="#rules">Rules</a>
            <a href="#files">Files</a>
            <xsl:if test="metrics"><a href="#metrics">Task lifecycle</a></xsl:if>
          </nav>
          <main>
            <xsl:apply-templates select="summary"/>
            <xsl:apply-templates select="rules"/>
            <xsl:apply-templates select="results"/>
            <xsl:apply-templates select="metrics"/>
          </main>
          <footer>Generated by TaskCheck {run/@toolVersion}<xsl:if test="f:clock-set(run)">; time-relative rules ran as of {f:time(run/@now)}</xsl:if>.</footer>
        </div>
      </body>
    </html>
  </xsl:template>

  <!-- ===== summary ===== -->

  <xsl:template match="summary">
    <xsl:variable name="summary" select="."/>
    <xsl:variable name="run" select="../run"/>
    <xsl:variable name="pass" select="@verdict = 'pass'"/>
    <section id="summary" class="card">
      <h2>Summary</h2>
      <p class="outcome {if ($pass) then 'pass' else 'fail'}">
        <strong>{if ($pass) then 'Passed' else 'Failed'}</strong>
        <xsl:text>: </xsl:text>
        <xsl:choose>
          <xsl:when test="$run/@failOn = 'none'">no fail level is set, so findings do not fail the run.</xsl:when>
          <xsl:when test="$pass">no finding at or above <span class="sev {$run/@failOn}">{$run/@failOn}</span>, the fail level.</xsl:when>
          <xsl:otherwise>{f:count(@failing, 'finding', 'findings')} at or above <span class="sev {$run/@failOn}">{$run/@failOn}</span>, the fail level.</xsl:otherwise>
        </xsl:choose>
      </p>
      <ul class="badges">
        <xsl:for-each select="$severities">
          <xsl:variable name="n" select="xs:integer($summary/@*[local-name() = current()])"/>
          <li class="badge {.}{if ($n eq 0) then ' zero' else ''}" data-severity="{.}">
            <span class="n">{f:n($n)}</span>
            <span class="l">{.}</span>
          </li>
        </xsl:for-each>
        <li class="badge suppressed{if (xs:integer(@suppressed) eq 0) then ' zero' else ''}">
          <span class="n">{f:n(@suppressed)}</span>
          <span class="l">suppressed</span>
        </li>
      </ul>
      <dl class="facts">
        <div><dt>Inputs</dt><dd>{f:count(@inputs, 'input', 'inputs')}, {f:count(@documents, 'document', 'documents')}</dd></div>
        <div>
          <dt>Task resources</dt>
          <dd>{f:n(@resources)} validated<xsl:if test="release"> ({string-join(release ! (@name || ': ' || f:n(@resources)), ', ')})</xsl:if></dd>
        </div>
        <xsl:variable name="unchecked" select="xs:integer(@resources) - sum(engine/@resources)"/>
        <xsl:if test="engine or $unchecked gt 0">
          <div><dt>Structure checked by</dt><dd>{string-join((engine ! (@name || ': ' || f:n(@resources)), if ($unchecked gt 0) then 'none: ' || f:n($unchecked) else ()), ', ')}</dd></div>
        </xsl:if>
        <div><dt>Skipped</dt><dd>{f:count(@skipped, 'resource', 'resources')} other than Task</dd></div>
        <div>
          <dt>FHIR version</dt>
          <dd>{$run/@fhirVersion}<xsl:if test="$run/@fhirVersion != $run/@fhirVersionSetting"> <span class="quiet"> (set to {$run/@fhirVersionSetting})</span></xsl:if></dd>
        </div>
        <div><dt>Rule set</dt><dd>{$run/@ruleSet}</dd></div>
        <div><dt>Fail level</dt><dd>{$run/@failOn}</dd></div>
        <div><dt>Started</dt><dd>{f:time($run/@startedAt)}</dd></div>
        <xsl:if test="f:clock-set($run)">
          <div><dt>Time rules as of</dt><dd>{f:time($run/@now)}</dd></div>
        </xsl:if>
        <div><dt>Elapsed</dt><dd>{f:millis(../timings/@elapsedMs)}</dd></div>
        <div><dt>TaskCheck</dt><dd>{$run/@toolVersion} · engine {$run/@engine}</dd></div>
      </dl>
    </section>
  </xsl:template>

  <!-- ===== rules ===== -->

  <xsl:template match="rules">
    <xsl:variable name="found" select="rule[xs:integer(@findings) gt 0 or xs:integer(@suppressed) gt 0]"/>
    <xsl:variable name="quiet" select="rule except $found"/>
    <section id="rules" class="card">
      <h2>Rules</h2>
      <p class="lead">{f:count(count(rule[@catalog = 'true']), 'rule', 'rules')} checked; {f:count(count($found), 'rule has', 'rules have')} findings.</p>
      <xsl:if test="$found">
        <table class="rules">
          <thead>
            <tr><th>Rule</th><th>Summary</th><th>Severity</th><th class="num">Findings</th><th>Worst finding</th></tr>
          </thead>
          <tbody>
            <xsl:apply-templates select="$found">
              <xsl:sort select="f:rank(@worstSeverity)"/>
              <xsl:sort select="xs:integer(@findings)" order="descending"/>
            </xsl:apply-templates>
          </tbody>
        </table>
      </xsl:if>
      <xsl:if test="$quiet">
        <details class="quiet-rules">
          <summary>{f:count(count($quiet), 'rule', 'rules')} without findings</summary>
          <table class="rules">
            <thead>
              <tr><th>Rule</th><th>Summary</th><th>Severity</th><th class="num">Findings</th><th>Worst finding</th></tr>
            </thead>
            <tbody>
              <xsl:apply-templates select="$quiet"/>
            </tbody>
          </table>
        </details>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:template match="rule">
    <tr id="rule-{@id}">
      <td class="rule-id">
        <xsl:choose>
          <xsl:when test="@docUrl"><a href="{@docUrl}"><code>{@id}</code></a></xsl:when>
          <xsl:otherwise><code>{@id}</code></xsl:otherwise>
        </xsl:choose>
      </td>
      <td>
        <xsl:choose>
          <xsl:when test="summary">{summary}<xsl:if test="@origin"><br/><span class="quiet small">{if (@kind = 'plugin') then 'plug-in' else 'rule file'} {@origin}</span></xsl:if></xsl:when>
          <xsl:otherwise><span class="quiet">Outside the TaskCheck catalog: a constraint of the FHIR specification or a profile</span></xsl:otherwise>
        </xsl:choose>
      </td>
      <td><xsl:if test="@severity"><span class="sev {@severity}">{@severity}</span></xsl:if></td>
      <td class="num">{f:n(@findings)}<xsl:if test="xs:integer(@suppressed) gt 0"><br/><span class="quiet small">{f:n(@suppressed)} suppressed</span></xsl:if></td>
      <td><xsl:if test="@worstSeverity"><span class="sev {@worstSeverity}">{@worstSeverity}</span></xsl:if></td>
    </tr>
  </xsl:template>

  <!-- ===== files ===== -->

  <xsl:template match="results">
    <xsl:variable name="report" select=".."/>
    <xsl:variable name="sources" as="xs:string*" select="distinct-values((../files/file/@source, result/@source))"/>
    <xsl:variable name="with" as="xs:string*" select="$sources[
        key('results-by-source', ., $report)[issue or suppressed] or
        (for $f in key('file', ., $report) return sum($f/(@fatal, @error, @warning, @information, @suppressed)) gt 0)]"/>
    <xsl:variable name="without" as="xs:string*" select="$sources[not(. = $with)]"/>
    <section id="files" class="card">
      <h2>Files</h2>
      <p class="lead">{f:count(count($with), 'file has', 'files have')} findings<xsl:if test="exists($without)">; {f:count(count($without), 'file has', 'files have')} none</xsl:if>.</p>
      <xsl:call-template name="unlisted"/>
      <xsl:for-each select="$with">
        <xsl:variable name="source" select="."/>
        <xsl:variable name="file" select="key('file', $source, $report)"/>
        <xsl:variable name="results" select="key('results-by-source', $source, $report)"/>
        <section class="file" id="file-{position()}">
          <h3>
            <code class="path">{$source}</code>
            <span class="file-counts">
              <xsl:for-each select="$severities">
                <xsl:variable name="n" select="if ($file) then xs:integer($file/@*[local-name() = current()])
                    else count($results/issue[@severity = current()])"/>
                <xsl:if test="$n gt 0"><span class="sev {.}">{f:severity-count($n, .)}</span></xsl:if>
              </xsl:for-each>
              <xsl:if test="xs:integer($file/@suppressed) gt 0"><span class="sev suppressed">{f:n($file/@suppressed)} suppressed</span></xsl:if>
            </span>
          </h3>
          <xsl:if test="$file">
            <p class="file-meta">{f:count($file/@resources, 'Task resource', 'Task resources')}<xsl:if test="$file/@results != $file/@resources">, {f:count($file/@results - $file/@resources, 'document', 'documents')} not read as a resource</xsl:if></p>
          </xsl:if>
          <xsl:if test="$results/issue">
            <table class="findings">
              <xsl:call-template name="finding-columns"/>
              <thead>
                <tr><th class="num">Line</th><th class="num">Col</th><th>Severity</th><th>Rule</th><th>Expression</th><th>Message</th></tr>
              </thead>
              <xsl:for-each select="$results[issue or @unlistedFindings]">
                <tbody>
                  <xsl:call-template name="resource-row"/>
                  <xsl:apply-templates select="issue"/>
                  <xsl:if test="@unlistedFindings">
                    <tr class="more"><td colspan="6">{f:count(@unlistedFindings, 'further finding', 'further findings')} of this resource not listed</td></tr>
                  </xsl:if>
                </tbody>
              </xsl:for-each>
            </table>
          </xsl:if>
          <xsl:if test="not($results)">
            <p class="quiet">The findings of this file are not listed (finding limit reached).</p>
          </xsl:if>
          <xsl:if test="$results/suppressed">
            <h4>Suppressed findings</h4>
            <table class="findings suppressed">
              <xsl:call-template name="finding-columns"/>
              <thead>
                <tr><th class="num">Line</th><th class="num">Col</th><th>Severity</th><th>Rule</th><th>Expression</th><th>Reason</th></tr>
              </thead>
              <tbody>
                <xsl:for-each select="$results/suppressed">
                  <tr class="finding {issue/@severity}">
                    <td class="num">{issue/@line}</td>
                    <td class="num">{issue/@column}</td>
                    <td><span class="sev {issue/@severity}">{issue/@severity}</span></td>
                    <td><code>{issue/@ruleId}</code></td>
                    <td class="expr"><code>{issue/@expression}</code></td>
                    <td class="msg">{reason}<span class="quiet"> ({@suppression})</span></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </xsl:if>
        </section>
      </xsl:for-each>
      <xsl:if test="exists($without)">
        <details class="clean-files">
          <summary>{f:count(count($without), 'file', 'files')} without findings</summary>
          <ul class="clean">
            <xsl:for-each select="$without">
              <xsl:variable name="file" select="key('file', ., $report)"/>
              <li><code class="path">{.}</code> <span class="quiet">{f:count($file/@resources, 'Task resource', 'Task resources')}</span></li>
            </xsl:for-each>
          </ul>
        </details>
      </xsl:if>
      <xsl:if test="xs:integer(../files/@unlisted) gt 0">
        <p class="note">{f:count(../files/@unlisted, 'further input file is', 'further input files are')} not listed; see the JSON or SARIF report.</p>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- The finding limit's note, when findings were left out. -->
  <xsl:template name="unlisted">
    <xsl:variable name="findings" select="xs:integer((@unlistedFindings, 0)[1])"/>
    <xsl:variable name="suppressed" select="xs:integer((@unlistedSuppressed, 0)[1])"/>
    <xsl:if test="$findings + $suppressed gt 0">
      <p class="note" id="unlisted">
        <xsl:text>This report lists the first {f:n(@findingLimit)} findings. </xsl:text>
        <strong>{f:n($findings)} further {if ($findings eq 1) then 'finding is' else 'findings are'} not listed</strong>
        <xsl:if test="$suppressed gt 0"> (and {f:n($suppressed)} suppressed)</xsl:if>
        <xsl:text>; see the JSON or SARIF report.</xsl:text>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- The same column widths in every file's table, so the tables line up down the page. -->
  <xsl:template name="finding-columns">
    <colgroup>
      <col class="c-line"/><col class="c-col"/><col class="c-sev"/><col class="c-rule"/><col class="c-expr"/><col class="c-msg"/>
    </colgroup>
  </xsl:template>

  <xsl:template name="resource-row">
    <tr class="resource">
      <th colspan="6">
        <span class="res">{(@resource, 'Document not read')[1]}</span>
        <xsl:if test="@versionId"><span class="meta">version {@versionId}</span></xsl:if>
        <xsl:if test="@fhirVersion"><span class="meta" title="{fhirVersionReason}">{@fhirVersion}</span></xsl:if>
        <xsl:if test="@engine and /report/run/@engine = 'auto'"><span class="meta engine" title="structure checked by the {@engine} engine">{@engine} engine</span></xsl:if>
        <xsl:if test="@location"><span class="meta"><code>{@location}</code></span></xsl:if>
        <xsl:if test="@line"><span class="meta">line {@line}</span></xsl:if>
      </th>
    </tr>
  </xsl:template>

  <xsl:template match="issue">
    <tr class="finding {@severity}">
      <td class="num">{@line}</td>
      <td class="num">{@column}</td>
      <td><span class="sev {@severity}">{@severity}</span></td>
      <td class="rule-id"><a href="#rule-{@ruleId}"><code>{@ruleId}</code></a></td>
      <td class="expr"><code>{@expression}</code></td>
      <td class="msg">{message}</td>
    </tr>
  </xsl:template>

  <!-- ===== lifecycle metrics ===== -->

  <xsl:template match="metrics">
    <section id="metrics" class="card">
      <h2>Task lifecycle</h2>
      <p class="lead">{f:count(@histories, 'Task history', 'Task histories')} with {f:count(@versions, 'version', 'versions')}.</p>
      <xsl:if test="xs:integer(@histories) gt 0">
        <table class="metrics">
          <thead>
            <tr><th>Measure</th><th class="num">Tasks</th><th class="num">Median</th><th class="num">90th percentile</th><th class="num">Maximum</th></tr>
          </thead>
          <tbody>
            <xsl:apply-templates select="waitTime, timeInProgress, timeToCompletion" mode="stat"/>
          </tbody>
          <xsl:if test="timeInStatus/status">
            <tbody>
              <tr class="group"><th colspan="5">Time in status</th></tr>
              <xsl:apply-templates select="timeInStatus/status" mode="stat"/>
            </tbody>
          </xsl:if>
        </table>
      </xsl:if>
      <h3 id="stuck">Stuck Tasks</h3>
      <xsl:choose>
        <xsl:when test="not(@stuckAfter)">
          <p class="quiet">No stuck-Task threshold was set (<code>--stuck-after</code>).</p>
        </xsl:when>
        <xsl:when test="xs:integer(@stuckCount) eq 0">
          <p>No Task has been idle for more than {f:duration(@stuckAfter)} outside a terminal status.</p>
        </xsl:when>
        <xsl:otherwise>
          <p>{f:count(@stuckCount, 'Task has', 'Tasks have')} been idle for more than {f:duration(@stuckAfter)} outside a terminal status<xsl:if test="count(stuckTask) lt xs:integer(@stuckCount)"> (the {f:n(count(stuckTask))} idle longest are listed)</xsl:if>.</p>
          <table class="stuck">
            <thead>
              <tr><th>Task</th><th>Version</th><th>Status</th><th>Since</th><th class="num">Idle</th><th>Source</th></tr>
            </thead>
            <tbody>
              <xsl:for-each select="stuckTask">
                <tr>
                  <td><code>{@resource}</code></td>
                  <td>{@versionId}</td>
                  <td><span class="status">{@status}</span></td>
                  <td>{@since}</td>
                  <td class="num">{f:duration(@idle)}</td>
                  <td><code class="path">{@source}:{@line}</code></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template match="*" mode="stat">
    <tr>
      <th scope="row">
        <xsl:choose>
          <xsl:when test="self::waitTime">Wait time <span class="quiet">(to in-progress)</span></xsl:when>
          <xsl:when test="self::timeInProgress">Time in progress</xsl:when>
          <xsl:when test="self::timeToCompletion">Time to completion</xsl:when>
          <xsl:otherwise><span class="status">{@code}</span></xsl:otherwise>
        </xsl:choose>
      </th>
      <td class="num">{f:n(@count)}</td>
      <td class="num">{f:duration(@median)}</td>
      <td class="num">{f:duration(@p90)}</td>
      <td class="num">{f:duration(@max)}</td>
    </tr>
  </xsl:template>

  <!-- ===== style ===== -->

  <xsl:variable name="css" as="xs:string" expand-text="no">
:root {
  --ink: #1f2933; --muted: #65717e; --line: #e3e7ec; --bg: #f4f6f8; --card: #ffffff; --link: #1d4ed8;
  --fatal: #7f1d1d; --error: #dc2626; --warning: #d97706; --information: #2563eb; --pass: #15803d;
  --suppressed: #6b7280;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
}
code, .mono {
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace;
  font-size: 0.86em;
}
a { color: var(--link); text-decoration: none; }
a:hover { text-decoration: underline; }
.page { max-width: 1200px; margin: 0 auto; padding: 28px 32px 40px; }
.masthead { display: flex; align-items: center; justify-content: space-between; gap: 16px; margin-bottom: 10px; }
.masthead h1 { font-size: 24px; line-height: 1.2; margin: 0; font-weight: 700; letter-spacing: -0.01em; }
.masthead .sub { margin: 4px 0 0; color: var(--muted); font-size: 14px; }
.verdict {
  flex: none; color: #fff; font-weight: 700; font-size: 14px; letter-spacing: 0.06em; text-transform: uppercase;
  padding: 8px 18px; border-radius: 999px;
}
.verdict.pass { background: var(--pass); }
.verdict.fail { background: var(--error); }
.toc { display: flex; gap: 20px; font-size: 14px; padding: 10px 0 14px; margin-bottom: 18px; border-bottom: 1px solid var(--line); }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 22px 26px; margin: 0 0 22px; }
h2 { font-size: 19px; margin: 0 0 14px; }
h3 { font-size: 15px; margin: 22px 0 8px; }
h4 { font-size: 13px; margin: 14px 0 6px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.05em; }
.lead { margin: -6px 0 14px; color: var(--muted); }
.quiet { color: var(--muted); font-weight: normal; }
.outcome { margin: 0 0 16px; padding: 10px 14px; border-radius: 8px; border-left: 5px solid; }
.outcome.pass { background: #ecfdf3; border-color: var(--pass); }
.outcome.fail { background: #fef2f2; border-color: var(--error); }
.badges { display: flex; flex-wrap: wrap; gap: 12px; list-style: none; padding: 0; margin: 0 0 20px; }
.badge { min-width: 124px; padding: 10px 16px; border-radius: 8px; color: #fff; }
.badge .n { display: block; font-size: 28px; font-weight: 700; line-height: 1.15; font-variant-numeric: tabular-nums; }
.badge .l { display: block; font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: 0.07em; }
.badge.fatal { background: var(--fatal); }
.badge.error { background: var(--error); }
.badge.warning { background: var(--warning); }
.badge.information { background: var(--information); }
.badge.suppressed { background: var(--suppressed); }
.badge.zero { background: #eef1f4; color: #8a95a1; }
.facts { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 12px 28px; margin: 0; }
.facts div { border-top: 1px solid var(--line); padding-top: 6px; }
.facts dt { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.06em; }
.facts dd { margin: 0; font-weight: 500; }
table { width: 100%; border-collapse: collapse; font-size: 14px; }
th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th {
  font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.05em; font-weight: 600;
  border-bottom: 2px solid var(--line); white-space: nowrap;
}
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.rule-id { white-space: nowrap; }
.sev {
  display: inline-block; padding: 1px 9px; border-radius: 999px; font-size: 12px; font-weight: 600;
  line-height: 1.6; white-space: nowrap;
}
.sev.fatal { background: #fbe0e0; color: var(--fatal); }
.sev.error { background: #fde4e4; color: #b91c1c; }
.sev.warning { background: #fdefd3; color: #92400e; }
.sev.information { background: #dde8fd; color: #1e40af; }
.sev.suppressed { background: #eceef1; color: #4b5563; }
.sev.none { background: #eceef1; color: #4b5563; }
.file { border-top: 1px solid var(--line); margin-top: 18px; }
.file h3 { display: flex; flex-wrap: wrap; align-items: baseline; gap: 10px; }
.file h3 .path { font-size: 14px; word-break: break-all; }
.file-counts { display: inline-flex; gap: 6px; }
.file-meta { margin: -4px 0 8px; color: var(--muted); font-size: 13px; }
tr.resource th { background: #f7f8fa; font-weight: 600; font-size: 13px; text-transform: none; letter-spacing: 0; color: var(--ink); }
tr.resource .meta { color: var(--muted); font-weight: normal; margin-left: 14px; }
tr.finding td:first-child { border-left: 3px solid transparent; }
tr.finding.fatal td:first-child { border-left-color: var(--fatal); }
tr.finding.error td:first-child { border-left-color: var(--error); }
tr.finding.warning td:first-child { border-left-color: var(--warning); }
tr.finding.information td:first-child { border-left-color: var(--information); }
td.expr code { word-break: break-all; }
td.msg { white-space: pre-line; overflow-wrap: anywhere; }
table.findings { table-layout: fixed; }
col.c-line { width: 60px; }
col.c-col { width: 50px; }
col.c-sev { width: 112px; }
col.c-rule { width: 196px; }
col.c-expr { width: 25%; }
table.findings td.rule-id { white-space: normal; overflow-wrap: anywhere; }
.small { font-size: 12px; }
table.metrics, table.stuck { width: auto; min-width: 62%; }
table.stuck td:nth-child(3), table.stuck td:nth-child(4), .status { white-space: nowrap; }
table.stuck td:nth-child(6) code { word-break: break-all; }
tr.more td, tr.group th { color: var(--muted); font-style: italic; font-weight: normal; }
tr.group th { font-style: normal; font-size: 12px; text-transform: uppercase; letter-spacing: 0.05em; padding-top: 14px; }
table.metrics tbody th { font-weight: 500; }
.status { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: 0.86em; }
.note { background: #fffbeb; border: 1px solid #f4d58d; border-radius: 8px; padding: 10px 14px; }
details > summary { cursor: pointer; font-weight: 600; color: #374151; margin: 14px 0 8px; }
ul.clean { columns: 2; margin: 0; padding-left: 20px; font-size: 14px; }
footer { color: var(--muted); font-size: 13px; text-align: center; margin-top: 8px; }
@media (max-width: 760px) {
  .page { padding: 16px; }
  .facts { grid-template-columns: 1fr 1fr; }
  ul.clean { columns: 1; }
}
@media print {
  @page { margin: 14mm; }
  body { background: #fff; font-size: 10.5pt; }
  .page { max-width: none; padding: 0; }
  .toc { display: none; }
  .card { border: none; padding: 0; margin-bottom: 18pt; }
  .verdict, .badge, .sev, .outcome { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; }
  thead { display: table-header-group; }
  tr, .badge { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
</xsl:variable>

</xsl:stylesheet>
