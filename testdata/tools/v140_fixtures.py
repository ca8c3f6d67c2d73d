#!/usr/bin/env python3
"""Writes the FHIR 1.4.0 rule fixtures: testdata/fixtures/rules/<rule>/1.4.0/*.json and their cases
in <rule>/cases.json, for the rules that declare 1.4.0 (the keys of FIXTURES). Run from the
repository root: python3 testdata/tools/v140_fixtures.py

The fixtures are written here by hand, not converted from the R4 ones: a 1.4.0 Task differs from an
R4 one in most of what a fixture holds (created and creator are required, lastModified too; no
intent, code, requester, focus, executionPeriod or statusReason; priority is low | normal | high;
the state machine has ten statuses and no cancelled). Each case lists every finding its file gives,
structure findings included (there are none: each file is valid 1.4.0 apart from its rule's point).
Running the script again replaces the 1.4.0 files and cases, and leaves the other releases' alone.
"""
import json, os, shutil
from collections import OrderedDict

ROOT = os.path.join('testdata', 'fixtures', 'rules')
RELEASE = '1.4.0'


def task(tid, status, created='2024-01-10T08:00:00Z', modified='2024-01-10T09:00:00Z',
         what='Refill request for a repeat prescription', **extra):
    t = OrderedDict()
    t['resourceType'] = 'Task'
    t['id'] = tid
    for k in ('meta',):
        if k in extra:
            t[k] = extra.pop(k)
    t['text'] = OrderedDict([
        ('status', 'generated'),
        ('div', '<div xmlns="http://www.w3.org/1999/xhtml"><p>' + what + '</p></div>')])
    t['type'] = OrderedDict([('text', 'Refill Request')])
    t['priority'] = 'normal'
    t['status'] = status
    if 'failureReason' in extra:
        t['failureReason'] = extra.pop('failureReason')
    t['subject'] = OrderedDict([('reference', 'MedicationOrder/mo-1')])
    t['for'] = OrderedDict([('reference', 'Patient/pat-1')])
    t['created'] = created
    t['lastModified'] = modified
    t['creator'] = OrderedDict([('reference', 'Practitioner/pr-1')])
    t['owner'] = OrderedDict([('reference', 'Organization/pharmacy-1')])
    t.update(extra)
    return t


def history(tid, statuses, what, changes=None):
    """A history Bundle, oldest first, one version per status, an hour apart; changes[n] (0-based)
    holds task() arguments for version n+1 (created=..., modified=..., output=[...])."""
    entries = []
    for n, status in enumerate(statuses, start=1):
        stamp = '2024-01-10T%02d:00:00Z' % (8 + n)
        args = dict(modified=stamp)
        args.update((changes or {}).get(n - 1, {}))
        t = task(tid, status, what=what + ', version %d: %s' % (n, status),
                 meta=OrderedDict([('versionId', str(n)), ('lastUpdated', stamp)]), **args)
        entries.append(OrderedDict([
            ('fullUrl', 'http://example.org/fhir/Task/' + tid),
            ('resource', t),
            ('request', OrderedDict([('method', 'POST' if n == 1 else 'PUT'),
                                     ('url', 'Task' if n == 1 else 'Task/' + tid)]))]))
    return OrderedDict([('resourceType', 'Bundle'), ('id', tid + '-history'), ('type', 'history'),
                        ('total', len(entries)), ('entry', entries)])


def finding(rule, severity, expression):
    return OrderedDict([('ruleId', rule), ('severity', severity), ('expression', expression)])


REASON = OrderedDict([('text', 'The pharmacy could not reach the prescriber')])
BOTH = [finding('failure-1', 'error', 'Task.failureReason'),
        finding('failure-6', 'warning', 'Task.failureReason')]


def status(n):
    return 'Bundle.entry[%d].resource.status' % n


def at(n, element):
    return 'Bundle.entry[%d].resource.%s' % (n, element)


def ratio(num, den, num_unit=None, den_unit=None):
    """A progress output: 1.4.0 names an output (output.name), it has no coded type."""
    def q(v, u):
        out = OrderedDict([('value', v)])
        if u is not None:
            out['unit'] = u
            if not u.startswith('text:'):
                out['system'] = 'http://unitsofmeasure.org'
                out['code'] = u
            else:
                out['unit'] = u[len('text:'):]
        return out
    return [OrderedDict([('name', 'progress'),
                         ('valueRatio', OrderedDict([('numerator', q(num, num_unit)),
                                                     ('denominator', q(den, den_unit))]))])]


def progress(tid, num, den, num_unit=None, den_unit=None):
    return task(tid, 'in-progress', output=ratio(num, den, num_unit, den_unit))


RATIO = 'Task.output[0].value.ofType(Ratio)'

NOTE = [OrderedDict([('name', 'dispense note'), ('valueString', 'Dispensed 30 tablets')])]


def period_output(start, end):
    return OrderedDict([('name', 'supply period'),
                        ('valuePeriod', OrderedDict([('start', start), ('end', end)]))])


FIXTURES = {
    'date-1': [
        ('pass-modified-after-created', 'lastModified 09:00Z after created 08:00Z',
         task('date-1-v140-pass', 'requested'), []),
        ('pass-mixed-precision',
         'created 2024-01-10 (date) and lastModified 2024-01-10T09:00:00Z: same day, mixed '
         'precision; no date-1 and no base inv-1 false positive',
         task('date-1-v140-pass-mixed', 'requested', created='2024-01-10'), []),
        ('fail-modified-day-before', 'lastModified a day before created',
         task('date-1-v140-fail-day', 'requested', modified='2024-01-09T08:00:00Z'),
         [finding('date-1', 'error', 'Task.lastModified')]),
        ('fail-other-zone',
         'created 08:00+01:00 (07:00Z), lastModified 06:30Z: certainly before, across zones',
         task('date-1-v140-fail-zone', 'requested', created='2024-01-10T08:00:00+01:00',
              modified='2024-01-10T06:30:00Z'),
         [finding('date-1', 'error', 'Task.lastModified')]),
    ],
    'failure-1': [
        ('pass-failed-with-reason', 'failed, with a failureReason: what inv-2 allows',
         task('failure-1-v140-pass', 'failed', failureReason=REASON), []),
        ('pass-completed-without-reason', 'completed, no failureReason',
         task('failure-1-v140-pass-none', 'completed'), []),
        ('fail-completed-with-reason',
         'completed with a failureReason (inv-2); failure-6 gives the STU3+ reading',
         task('failure-1-v140-fail', 'completed', failureReason=REASON), BOTH),
    ],
    'failure-6': [
        ('pass-failed-with-reason', 'failed, with a failureReason',
         task('failure-6-v140-pass', 'failed', failureReason=REASON), []),
        ('fail-in-progress-with-reason',
         'in progress with a failureReason: STU3+ would hold it as statusReason; failure-1 too',
         task('failure-6-v140-fail', 'in-progress', failureReason=REASON), BOTH),
    ],
    'transition-1': [
        ('pass-claimed-accepted-done',
         'draft, requested, received, accepted, in-progress, completed: edges of the 1.4.0 table',
         history('transition-1-v140-pass',
                 ['draft', 'requested', 'received', 'accepted', 'in-progress', 'completed'],
                 'Refill request'), []),
        ('pass-stopped-to-ready',
         'in progress, stopped back to ready, started again and completed',
         history('transition-1-v140-pass-stopped',
                 ['ready', 'in-progress', 'ready', 'in-progress', 'completed'], 'Refill request'),
         []),
        ('fail-draft-to-received', 'draft straight to received: no such edge in 1.4.0',
         history('transition-1-v140-fail', ['draft', 'received'], 'Refill request'),
         [finding('transition-1', 'error', status(1))]),
    ],
    'transition-16': [
        ('pass-completed-from-in-progress', 'ready, in-progress, completed',
         history('transition-16-v140-pass', ['ready', 'in-progress', 'completed'],
                 'Refill request'), []),
        ('pass-failed-from-in-progress', 'ready, in-progress, failed',
         history('transition-16-v140-pass-failed', ['ready', 'in-progress', 'failed'],
                 'Refill request'), []),
        ('fail-ready-to-completed',
         'ready straight to completed: not from in-progress (and no edge of the table: '
         'transition-1)',
         history('transition-16-v140-fail', ['ready', 'completed'], 'Refill request'),
         [finding('transition-1', 'error', status(1)),
          finding('transition-16', 'error', status(1))]),
    ],
    'date-6': [
        ('pass-past', 'created and lastModified in January 2024, now 2025-06-01',
         task('date-6-v140-pass', 'requested'), []),
        ('fail-all-future', 'created and lastModified after now 2024-01-01',
         task('date-6-v140-fail', 'requested'),
         [finding('date-6', 'warning', 'Task.created'),
          finding('date-6', 'warning', 'Task.lastModified')], {'now': '2024-01-01T00:00:00Z'}),
    ],
    'progress-2': [
        ('pass-zero', '0 of 10: not started yet', progress('progress-2-v140-pass', 0, 10), []),
        ('fail-over-delivery', '12 of 10: over-delivery is not allowed by default',
         progress('progress-2-v140-fail', 12, 10),
         [finding('progress-2', 'error', RATIO + '.numerator')]),
    ],
    'progress-3': [
        ('pass-whole', '4 of 10 (unit 1)', progress('progress-3-v140-pass', 4, 10, '1', '1'), []),
        ('fail-fraction-numerator', '2.5 of 10 (unit 1)',
         progress('progress-3-v140-fail', 2.5, 10, '1', '1'),
         [finding('progress-3', 'warning', RATIO + '.numerator')]),
    ],
    'progress-5': [
        ('pass-same-unit-mg', '250 mg of 1000 mg',
         progress('progress-5-v140-pass', 250, 1000, 'mg', 'mg'), []),
        ('fail-mg-ml', '4 mg of 10 mL: UCUM says not commensurable',
         progress('progress-5-v140-fail', 4, 10, 'mg', 'mL'),
         [finding('progress-5', 'error', RATIO)]),
    ],
    'transition-2': [
        ('pass-completed-kept', 'ready, in progress, completed',
         history('transition-2-v140-pass', ['ready', 'in-progress', 'completed'], 'Refill request'),
         []),
        ('fail-failed-restarted', 'failed, then in progress again',
         history('transition-2-v140-fail', ['ready', 'in-progress', 'failed', 'in-progress'],
                 'Refill request'),
         [finding('transition-2', 'warning', status(3))]),
    ],
    'transition-5': [
        ('pass-hold-and-resume', 'in progress, on hold, resumed in progress, completed',
         history('transition-5-v140-pass', ['ready', 'in-progress', 'on-hold', 'in-progress',
                                             'completed'], 'Refill request'), []),
        ('fail-resumes-elsewhere',
         'accepted, held, then ready: not the status before the hold (accepted to on-hold is no '
         'edge: transition-1)',
         history('transition-5-v140-fail', ['requested', 'accepted', 'on-hold', 'ready'],
                 'Refill request'),
         [finding('transition-1', 'error', status(2)),
          finding('transition-5', 'warning', status(3))]),
    ],
    'transition-7': [
        ('pass-created-kept', 'created kept',
         history('transition-7-v140-pass', ['ready', 'in-progress'], 'Refill request'), []),
        ('fail-created-moved', 'created moved a day later',
         history('transition-7-v140-fail', ['ready', 'in-progress'], 'Refill request',
                 {1: dict(created='2024-01-09T08:00:00Z')}),
         [finding('transition-7', 'warning', at(1, 'created'))]),
    ],
    'transition-8': [
        ('pass-last-modified-moves', 'lastModified moves with each change',
         history('transition-8-v140-pass', ['ready', 'in-progress'], 'Refill request'), []),
        ('fail-status-changed-same-last-modified', 'the status changed but lastModified stayed',
         history('transition-8-v140-fail', ['ready', 'in-progress'], 'Refill request',
                 {1: dict(modified='2024-01-10T09:00:00Z')}),
         [finding('transition-8', 'warning', at(1, 'lastModified'))]),
    ],
    'transition-13': [
        ('pass-created-requested', 'created as requested',
         history('transition-13-v140-pass', ['requested', 'accepted'], 'Refill request'), []),
        ('fail-created-in-progress', 'created already in progress',
         history('transition-13-v140-fail', ['in-progress', 'completed'], 'Refill request'),
         [finding('transition-13', 'information', status(0))]),
    ],
    'transition-14': [
        ('pass-consistent', 'versionIds in time order',
         history('transition-14-v140-pass', ['ready', 'in-progress', 'completed'],
                 'Refill request'), []),
        ('fail-time-order', 'version 3 was modified before version 2',
         history('transition-14-v140-fail', ['ready', 'in-progress', 'completed'],
                 'Refill request', {2: dict(modified='2024-01-10T09:30:00Z')}),
         [finding('transition-14', 'error', at(2, 'lastModified'))]),
    ],
    'transition-15': [
        ('pass-completed-long-ago', 'completed in January: done, not stuck',
         history('transition-15-v140-pass', ['ready', 'in-progress', 'completed'],
                 'Refill request'), [], {'stuckAfter': 'P30D'}),
        ('fail-in-progress-since-january',
         'in progress since January, checked in June with a 30-day threshold',
         history('transition-15-v140-fail', ['ready', 'in-progress'], 'Refill request'),
         [finding('transition-15', 'warning', at(1, 'lastModified'))], {'stuckAfter': 'P30D'}),
    ],
    'date-2': [
        ('pass-output-period', 'an output Period from 09:00Z to 10:00Z',
         task('date-2-v140-pass', 'in-progress', output=[period_output('2024-01-10T09:00:00Z',
                                                                      '2024-01-10T10:00:00Z')]),
         []),
        ('fail-output-period-reversed', 'an output Period that ends a day before it starts',
         task('date-2-v140-fail', 'in-progress', output=[period_output('2024-01-10T09:00:00Z',
                                                                      '2024-01-09T09:00:00Z')]),
         [finding('date-2', 'error', 'Task.output[0].value.ofType(Period)')]),
    ],
    'transition-11': [
        ('pass-progress-grows', 'progress 2 of 10, then 4 of 10',
         history('transition-11-v140-pass', ['ready', 'in-progress', 'in-progress'],
                 'Refill request', {1: dict(output=ratio(2, 10)), 2: dict(output=ratio(4, 10))}),
         []),
        ('fail-progress-decreased', 'progress 4 of 10, then 2 of 10',
         history('transition-11-v140-fail', ['ready', 'in-progress', 'in-progress'],
                 'Refill request', {1: dict(output=ratio(4, 10)), 2: dict(output=ratio(2, 10))}),
         [finding('transition-11', 'warning', at(2, 'output[0].value.ofType(Ratio).numerator'))]),
    ],
    'transition-12': [
        ('pass-outputs-kept', 'completed with an output, which the next version keeps',
         history('transition-12-v140-pass', ['ready', 'in-progress', 'completed', 'completed'],
                 'Refill request', {2: dict(output=NOTE), 3: dict(output=NOTE)}), []),
        ('fail-outputs-removed', 'completed with an output, which the next version drops',
         history('transition-12-v140-fail', ['ready', 'in-progress', 'completed', 'completed'],
                 'Refill request', {2: dict(output=NOTE)}),
         [finding('transition-12', 'warning', at(3, 'output'))]),
    ],
}


NEW_RULES = {
    'failure-1': '1.4.0 inv-2: a failureReason only when the Task has failed (replaces the base '
                 'inv-2)',
    'failure-6': '1.4.0: a failureReason on a Task that has not failed, with the STU3+ mapping '
                 '(failureReason becomes statusReason)',
    'transition-16': '1.4.0: completed or failed is reached only from in-progress',
}


def main():
    for rule, cases in FIXTURES.items():
        folder = os.path.join(ROOT, rule, RELEASE)
        if os.path.isdir(folder):
            shutil.rmtree(folder)
        os.makedirs(folder)
        manifest = os.path.join(ROOT, rule, 'cases.json')
        if os.path.exists(manifest):
            with open(manifest) as f:
                doc = json.load(f, object_pairs_hook=OrderedDict)
        else:
            doc = OrderedDict([('rule', rule), ('description', NEW_RULES[rule]), ('cases', [])])
        doc['cases'] = [c for c in doc['cases'] if c['fhirVersions'] != [RELEASE]]
        for name, description, resource, expect, *extra in cases:
            with open(os.path.join(folder, name + '.json'), 'w') as f:
                json.dump(resource, f, indent=2, ensure_ascii=False)
                f.write('\n')
            doc['cases'].append(OrderedDict([
                ('file', RELEASE + '/' + name + '.json'),
                ('fhirVersions', [RELEASE]),
                ('description', description)] + list((extra[0] if extra else {}).items())
                + [('expect', expect)]))
        with open(manifest, 'w') as f:
            json.dump(doc, f, indent=2, ensure_ascii=False)
            f.write('\n')


if __name__ == '__main__':
    main()
