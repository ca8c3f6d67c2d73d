<?xml version="1.0" encoding="UTF-8"?>
<!--
  The TaskCheck HTML conformance report: the XML form of a report (namespace https://taskcheck.dev/ns/report/1,
  schema taskcheck-report.xsd) to one self-contained XHTML5 page. No scripts, no external fonts, images or style
  sheets; the only external links are the rules' documentation pages. Sections with stable ids: summary, rules,
  files, metrics (only when the run measured Task lifecycles). The lifecycle charts (the state diagram with the
  status changes observed, the latest statuses, the histograms) are inline SVG drawn here.

  To restyle the report, copy this stylesheet and run it (any XSLT 3.0 processor) over taskcheck.xml.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:f="https://taskcheck.dev/ns/report/xslt"
    xmlns:math="http://www.w3.org/2005/xpath-functions/math"
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
      <xsl:if test="workflow">
        <h3 id="status-changes">Status changes</h3>
        <xsl:apply-templates select="workflow"/>
      </xsl:if>
      <xsl:if test="latestStatus/status">
        <h3 id="latest-status">Latest status</h3>
        <xsl:apply-templates select="latestStatus"/>
      </xsl:if>
      <xsl:variable name="measured" select="(waitTime, timeInProgress, timeToCompletion)[bin]"/>
      <xsl:if test="$measured">
        <h3 id="durations">Wait, work and completion times</h3>
        <div class="charts">
          <xsl:apply-templates select="$measured" mode="histogram"/>
        </div>
      </xsl:if>
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

  <!-- ===== lifecycle charts: inline SVG, no script ===== -->

  <!-- The statuses in the order of the Task page's value set (charts list them in it). -->
  <xsl:variable name="status-order" as="xs:string+" select="('draft', 'requested', 'received', 'accepted',
      'rejected', 'ready', 'cancelled', 'in-progress', 'on-hold', 'failed', 'completed', 'entered-in-error')"/>

  <!-- Where each status sits in the state diagram (column, row): the flow of the Task page's diagram, left
       to right; the same place in every report, so diagrams compare. -->
  <xsl:variable name="grid" as="map(xs:string, xs:integer+)" select="map {
      'draft': (0, 1), 'requested': (1, 1), 'received': (2, 0), 'rejected': (2, 1), 'ready': (2, 2),
      'accepted': (3, 0), 'cancelled': (3, 3), 'in-progress': (4, 1), 'on-hold': (4, 2),
      'completed': (5, 0), 'failed': (5, 1), 'entered-in-error': (5, 3)}"/>

  <xsl:variable name="node-w" as="xs:double" select="132"/>
  <xsl:variable name="node-h" as="xs:double" select="34"/>

  <xsl:function name="f:x" as="xs:double">
    <xsl:param name="status" as="xs:string"/>
    <xsl:sequence select="80 + 160 * ($grid($status)[1], 0)[1]"/>
  </xsl:function>

  <xsl:function name="f:y" as="xs:double">
    <xsl:param name="status" as="xs:string"/>
    <xsl:sequence select="36 + 84 * ($grid($status)[2], 0)[1]"/>
  </xsl:function>

  <!-- a number for an SVG attribute: at most one decimal -->
  <xsl:function name="f:px" as="xs:string">
    <xsl:param name="v" as="xs:double"/>
    <xsl:sequence select="format-number($v, '0.#')"/>
  </xsl:function>

  <!-- "5 s", "15 min", "4 h", "3 d", "100 ms": a bin's edge -->
  <xsl:function name="f:short" as="xs:string">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:variable name="s" as="xs:decimal" select="xs:dayTimeDuration($iso) div xs:dayTimeDuration('PT1S')"/>
    <xsl:sequence select="
        if ($s eq 0) then '0'
        else if ($s lt 1) then format-number($s * 1000, '0') || ' ms'
        else if ($s lt 60) then format-number($s, '0') || ' s'
        else if ($s lt 3600) then format-number($s div 60, '0') || ' min'
        else if ($s lt 86400) then format-number($s div 3600, '0') || ' h'
        else format-number($s div 86400, '0') || ' d'"/>
  </xsl:function>

  <!-- "1 h – 4 h", "under 100 ms", "365 d or more" -->
  <xsl:function name="f:bin-label" as="xs:string">
    <xsl:param name="bin" as="element()"/>
    <xsl:sequence select="
        if (not($bin/@to)) then f:short($bin/@from) || '+'
        else if (xs:dayTimeDuration($bin/@from) eq xs:dayTimeDuration('PT0S')) then '&lt; ' || f:short($bin/@to)
        else f:short($bin/@from) || '–' || f:short($bin/@to)"/>
  </xsl:function>

  <xsl:function name="f:kind-label" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="if ($kind eq 'diagram') then 'an edge of the state diagram'
        else if ($kind eq 'narrative') then 'allowed by the narrative only'
        else 'refused by the state machine'"/>
  </xsl:function>

  <!-- The state diagram of a workflow: its statuses where the Task page's diagram has them, every edge it
       allows (grey when no history took it; the edges every status has to entered-in-error only when taken),
       the refused changes the histories made, and on each taken edge how often. -->
  <xsl:template match="workflow">
    <xsl:variable name="codes" as="xs:string*" select="status/@code ! string()"/>
    <xsl:variable name="cols" as="xs:integer*" select="$codes ! $grid(.)[1]"/>
    <xsl:variable name="rows" as="xs:integer*" select="$codes ! $grid(.)[2]"/>
    <xsl:variable name="left" as="xs:double" select="80 + 160 * min($cols) - $node-w div 2 - 40"/>
    <xsl:variable name="top" as="xs:double" select="36 + 84 * min($rows) - $node-h div 2 - 18"/>
    <!-- wide enough for the legend whatever columns the machine uses -->
    <xsl:variable name="width" as="xs:double" select="max((160 * (max($cols) - min($cols)) + $node-w + 80, 960))"/>
    <xsl:variable name="height" as="xs:double" select="84 * (max($rows) - min($rows)) + $node-h + 36 + 44"/>
    <xsl:variable name="id" select="'workflow-' || count(preceding-sibling::workflow) + 1"/>
    <figure class="chart workflow" id="{$id}" data-machine="{@machine}">
      <svg xmlns="http://www.w3.org/2000/svg" class="diagram" role="img" aria-labelledby="{$id}-title"
          viewBox="{f:px($left)} {f:px($top)} {f:px($width)} {f:px($height)}" width="{f:px($width)}" height="{f:px($height)}">
        <title id="{$id}-title">State machine {@machine}: {f:count(@changes, 'status change', 'status changes')}</title>
        <g class="edges">
          <xsl:for-each select="edge[xs:integer(@count) gt 0 or (@kind ne 'refused' and @to ne 'entered-in-error')]">
            <xsl:sort select="xs:integer(@count)"/>
            <xsl:call-template name="f:edge"/>
          </xsl:for-each>
        </g>
        <g class="nodes">
          <xsl:for-each select="status">
            <xsl:variable name="x" select="f:x(@code)"/>
            <xsl:variable name="y" select="f:y(@code)"/>
            <g class="node{if (@initial = 'true') then ' initial' else ''}{if (@terminal = 'true') then ' terminal' else ''}" data-status="{@code}">
              <rect x="{f:px($x - $node-w div 2)}" y="{f:px($y - $node-h div 2)}" width="{$node-w}" height="{$node-h}" rx="7"/>
              <xsl:if test="@terminal = 'true'">
                <rect class="inner" x="{f:px($x - $node-w div 2 + 3)}" y="{f:px($y - $node-h div 2 + 3)}" width="{$node-w - 6}" height="{$node-h - 6}" rx="5"/>
              </xsl:if>
              <text x="{f:px($x)}" y="{f:px($y + 4)}" text-anchor="middle">{@code}</text>
            </g>
          </xsl:for-each>
        </g>
        <g class="legend" transform="translate({f:px($left + 20)} {f:px($top + $height - 20)})">
          <xsl:for-each select="('diagram', 'narrative', 'refused')">
            <xsl:variable name="at" select="(position() - 1) * 190"/>
            <line class="edge-line {.}" x1="{$at}" y1="0" x2="{$at + 36}" y2="0"/>
            <text x="{$at + 44}" y="4">{if (. eq 'diagram') then 'allowed (diagram)' else if (. eq 'narrative') then 'narrative only' else 'refused'}</text>
          </xsl:for-each>
          <line class="edge-line diagram idle" x1="570" y1="0" x2="606" y2="0"/>
          <text x="614" y="4">allowed, not taken</text>
          <rect class="legend-node initial" x="760" y="-8" width="22" height="16" rx="4"/>
          <text x="788" y="4">initial</text>
          <rect class="legend-node" x="840" y="-8" width="22" height="16" rx="4"/>
          <rect class="legend-node inner" x="843" y="-5" width="16" height="10" rx="3"/>
          <text x="868" y="4">terminal</text>
        </g>
      </svg>
      <figcaption>
        <xsl:variable name="n" select="sum(edge/@count)"/>
        State machine <code>{@machine}</code>: {f:count($n, 'status change', 'status changes')} between consecutive versions,
        {f:n(sum(edge[@kind = 'diagram']/@count))} on diagram edges, {f:n(sum(edge[@kind = 'narrative']/@count))} allowed by
        the narrative only, {f:n(sum(edge[@kind = 'refused']/@count))} refused.
        Grey edges are allowed but no history took them; the change to <span class="status">entered-in-error</span>,
        allowed from every status, is drawn only where it happened.
      </figcaption>
    </figure>
  </xsl:template>

  <!-- One edge: a curve from box to box (bent to its left, so that the two directions between two statuses
       stay apart), an arrowhead, and the count at its middle. -->
  <xsl:template name="f:edge">
    <xsl:variable name="x1" select="f:x(@from)"/>
    <xsl:variable name="y1" select="f:y(@from)"/>
    <xsl:variable name="x2" select="f:x(@to)"/>
    <xsl:variable name="y2" select="f:y(@to)"/>
    <xsl:variable name="dx" select="$x2 - $x1"/>
    <xsl:variable name="dy" select="$y2 - $y1"/>
    <xsl:variable name="len" select="math:sqrt($dx * $dx + $dy * $dy)"/>
    <!-- where the straight line leaves a box (2 px outside it) -->
    <xsl:variable name="t" select="min((if ($dx ne 0) then ($node-w div 2 + 2) div abs($dx) else 1,
        if ($dy ne 0) then ($node-h div 2 + 2) div abs($dy) else 1))"/>
    <xsl:variable name="sx" select="$x1 + $dx * $t"/>
    <xsl:variable name="sy" select="$y1 + $dy * $t"/>
    <xsl:variable name="ex" select="$x2 - $dx * $t"/>
    <xsl:variable name="ey" select="$y2 - $dy * $t"/>
    <!-- the bend grows with the visible part of the line, so short edges between neighbours stay flat -->
    <xsl:variable name="bend" select="min((0.16 * $len * (1 - 2 * $t), 52))"/>
    <xsl:variable name="cx" select="($sx + $ex) div 2 + $dy div $len * $bend"/>
    <xsl:variable name="cy" select="($sy + $ey) div 2 - $dx div $len * $bend"/>
    <!-- the arrowhead follows the curve's direction at its end -->
    <xsl:variable name="ux0" select="$ex - $cx"/>
    <xsl:variable name="uy0" select="$ey - $cy"/>
    <xsl:variable name="ul" select="math:sqrt($ux0 * $ux0 + $uy0 * $uy0)"/>
    <xsl:variable name="ux" select="$ux0 div $ul"/>
    <xsl:variable name="uy" select="$uy0 div $ul"/>
    <xsl:variable name="count" select="xs:integer(@count)"/>
    <xsl:variable name="bx" select="$ex - $ux * 10"/>
    <xsl:variable name="by" select="$ey - $uy * 10"/>
    <g xmlns="http://www.w3.org/2000/svg" class="edge {@kind}{if ($count eq 0) then ' idle' else ''}" data-from="{@from}" data-to="{@to}" data-kind="{@kind}" data-count="{@count}">
      <title>{@from} → {@to}: {if ($count eq 0) then 'not taken' else f:count($count, 'time', 'times')}, {f:kind-label(@kind)}</title>
      <path class="edge-line {@kind}{if ($count eq 0) then ' idle' else ''}"
          d="M{f:px($sx)},{f:px($sy)} Q{f:px($cx)},{f:px($cy)} {f:px($bx)},{f:px($by)}"
          style="stroke-width: {if ($count eq 0) then 1 else f:px(1.6 + min((3.4, 1.2 * math:log10($count))))}px"/>
      <polygon class="arrow {@kind}{if ($count eq 0) then ' idle' else ''}"
          points="{f:px($ex)},{f:px($ey)} {f:px($bx - $uy * 5)},{f:px($by + $ux * 5)} {f:px($bx + $uy * 5)},{f:px($by - $ux * 5)}"/>
      <xsl:if test="$count gt 0">
        <text class="count" x="{f:px(0.25 * $sx + 0.5 * $cx + 0.25 * $ex)}" y="{f:px(0.25 * $sy + 0.5 * $cy + 0.25 * $ey + 4)}"
            text-anchor="middle">{@count}</text>
      </xsl:if>
    </g>
  </xsl:template>

  <!-- How many histories end in each status: a bar per status. -->
  <xsl:template match="latestStatus">
    <xsl:variable name="max" select="max(status/@count ! xs:integer(.))"/>
    <xsl:variable name="rows" as="element()*">
      <xsl:perform-sort select="status">
        <xsl:sort select="(index-of($status-order, @code), 99)[1]"/>
      </xsl:perform-sort>
    </xsl:variable>
    <xsl:variable name="height" select="count($rows) * 26 + 8"/>
    <figure class="chart latest">
      <svg xmlns="http://www.w3.org/2000/svg" class="bars" role="img" viewBox="0 0 640 {$height}" width="640" height="{$height}">
        <title>Latest status of {f:count(sum(status/@count), 'Task history', 'Task histories')}</title>
        <xsl:for-each select="$rows">
          <xsl:variable name="y" select="(position() - 1) * 26 + 4"/>
          <xsl:variable name="w" select="if ($max gt 0) then 440 * xs:integer(@count) div $max else 0"/>
          <g class="bar" data-status="{@code}" data-count="{@count}">
            <title>{@code}: {f:count(@count, 'history', 'histories')}</title>
            <text class="label" x="138" y="{$y + 15}" text-anchor="end">{@code}</text>
            <rect x="146" y="{$y}" width="{f:px(max(($w, 2)))}" height="20" rx="3"/>
            <text class="count" x="{f:px(146 + max(($w, 2)) + 6)}" y="{$y + 15}">{f:n(@count)}</text>
          </g>
        </xsl:for-each>
      </svg>
      <figcaption>The status of each history's latest version.</figcaption>
    </figure>
  </xsl:template>

  <!-- A histogram of one measure: a bar per bin of the fixed scale, from the first bin with a Task to the last. -->
  <xsl:template match="*" mode="histogram">
    <xsl:variable name="bins" select="bin"/>
    <xsl:variable name="max" select="max($bins/@count ! xs:integer(.))"/>
    <xsl:variable name="slot" select="58"/>
    <xsl:variable name="width" select="count($bins) * $slot + 48"/>
    <figure class="chart histogram" data-measure="{local-name()}">
      <figcaption class="above">{f:measure-name(.)}: {f:count(@count, 'Task', 'Tasks')}, median {f:duration(@median)}</figcaption>
      <svg xmlns="http://www.w3.org/2000/svg" class="bars" role="img" viewBox="0 0 {$width} 188" width="{$width}" height="188">
        <title>{f:measure-name(.)}: {f:count(@count, 'Task', 'Tasks')}</title>
        <line class="axis" x1="8" y1="150" x2="{$width - 8}" y2="150"/>
        <xsl:for-each select="$bins">
          <xsl:variable name="x" select="24 + (position() - 1) * $slot"/>
          <xsl:variable name="h" select="if ($max gt 0) then 120 * xs:integer(@count) div $max else 0"/>
          <g class="bin" data-from="{@from}" data-to="{@to}" data-count="{@count}">
            <title>{f:bin-label(.)}: {f:count(@count, 'Task', 'Tasks')}</title>
            <xsl:if test="xs:integer(@count) gt 0">
              <rect x="{$x + 3}" y="{f:px(150 - max(($h, 2)))}" width="{$slot - 6}" height="{f:px(max(($h, 2)))}" rx="2"/>
            </xsl:if>
            <xsl:if test="xs:integer(@count) gt 0">
              <text class="count" x="{$x + $slot div 2}" y="{f:px(150 - max(($h, 2)) - 5)}" text-anchor="middle">{f:n(@count)}</text>
            </xsl:if>
          </g>
        </xsl:for-each>
        <!-- the scale: a tick and a label at every bin edge -->
        <g class="ticks">
          <xsl:for-each select="$bins">
            <xsl:variable name="x" select="24 + (position() - 1) * $slot"/>
            <line class="axis" x1="{$x}" y1="150" x2="{$x}" y2="155"/>
            <text class="label" x="{$x}" y="168" text-anchor="middle">{f:short(@from)}</text>
            <xsl:if test="position() eq last()">
              <line class="axis" x1="{$x + $slot}" y1="150" x2="{$x + $slot}" y2="155"/>
              <text class="label" x="{$x + $slot}" y="168" text-anchor="middle">{if (@to) then f:short(@to) else '∞'}</text>
            </xsl:if>
          </xsl:for-each>
        </g>
      </svg>
    </figure>
  </xsl:template>

  <xsl:function name="f:measure-name" as="xs:string">
    <xsl:param name="stat" as="element()"/>
    <xsl:sequence select="if ($stat/self::waitTime) then 'Wait time (to in-progress)'
        else if ($stat/self::timeInProgress) then 'Time in progress'
        else if ($stat/self::timeToCompletion) then 'Time to completion'
        else 'Time in ' || $stat/@code"/>
  </xsl:function>

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
figure.chart { margin: 4px 0 20px; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figure.chart figcaption { color: var(--muted); font-size: 13px; margin-top: 4px; max-width: 900px; }
figure.chart figcaption.above { color: var(--ink); font-weight: 500; margin: 0 0 2px; }
.charts { display: flex; flex-wrap: wrap; gap: 4px 36px; align-items: flex-start; }
figure.chart text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 12px; fill: var(--ink); }
.node rect, .legend-node { fill: #f7f8fa; stroke: #65717e; stroke-width: 1.2px; }
.node.initial rect, .legend-node.initial { fill: #e6efff; stroke: #1d4ed8; stroke-width: 1.6px; }
.node rect.inner, .legend-node.inner { fill: none; }
figure.chart .node text { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: 12px; }
.edge-line { fill: none; stroke-linecap: round; }
.legend line.edge-line { stroke-width: 2.5px; }
.edge-line.diagram { stroke: #15803d; }
.edge-line.narrative { stroke: #c2410c; stroke-dasharray: 9 5; stroke-linecap: butt; }
.edge-line.refused { stroke: #dc2626; stroke-dasharray: 0.5 5; }
.edge-line.idle { stroke: #d3d9e0; }
.arrow.diagram { fill: #15803d; }
.arrow.narrative { fill: #c2410c; }
.arrow.refused { fill: #dc2626; }
.arrow.idle { fill: #d3d9e0; }
figure.chart text.count { font-weight: 700; paint-order: stroke; stroke: #fff; stroke-width: 4px; stroke-linejoin: round; }
.edge.diagram text.count { fill: #166534; }
.edge.narrative text.count { fill: #9a3412; }
.edge.refused text.count { fill: #b91c1c; }
figure.chart .legend text, figure.chart text.label { fill: var(--muted); font-size: 11px; }
.bars rect { fill: #4f6d8f; }
.bars .axis { stroke: #c3cad3; }
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
  .verdict, .badge, .sev, .outcome, figure.chart { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  figure.chart { break-inside: avoid; }
  a { color: inherit; }
  thead { display: table-header-group; }
  tr, .badge { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
</xsl:variable>

</xsl:stylesheet>
