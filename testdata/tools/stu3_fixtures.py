#!/usr/bin/env python3
"""Writes STU3 versions of R4 rule fixtures: testdata/fixtures/rules/<rule>/r4/X.json ->
testdata/fixtures/rules/<rule>/stu3/X.json, for the rules named on the command line. Run from the
repository root: python3 testdata/tools/stu3_fixtures.py date-1 progress-2 ...

What changes between R4 and STU3 in the fixtures: requester becomes requester.agent, encounter
becomes context, instantiatesCanonical becomes definitionUri, reasonCode becomes reason, a task-code
Task.code (STU3 has no such code system) becomes text, R4's observation-category system URL becomes
STU3's, ServiceRequest references become ProcedureRequest ones, and history Bundles lose
entry.response (STU3's bdl-4 allows it only in batch and transaction responses).

The cases in cases.json are written by hand, not here: an STU3 case copies its R4 case with
"fhirVersions": ["STU3"], and RuleFixturesTest checks that the file gives exactly its findings under
STU3. A converted file whose STU3 findings differ for a reason the fixture is not about is deleted
(reference-behaviour.md section 21 lists what STU3 reports differently). testdata/tools/
transition_fixtures.py rewrites the transition rules' cases.json for R4 and R5 only: run this script
again and restore the STU3 cases after it.
"""
import json, os, re, sys
from collections import OrderedDict
ROOT = os.path.join('testdata', 'fixtures', 'rules')
IDS = sys.argv[1:]

def task(t):
    out = OrderedDict()
    for k, v in t.items():
        if k == 'requester' and isinstance(v, dict) and 'agent' not in v:
            out[k] = OrderedDict([('agent', v)])
        elif k == 'encounter':
            out['context'] = v
        elif k == 'instantiatesCanonical':
            out['definitionUri'] = v
        elif k == 'code' and isinstance(v, dict) and [c.get('system') for c in v.get('coding', [])] == ['http://hl7.org/fhir/CodeSystem/task-code']:
            # STU3 has no task-code code system: the code as text
            out[k] = OrderedDict([('text', v['coding'][0]['code'])])
        elif k == 'reasonCode':
            out['reason'] = v
        else:
            out[k] = v
    return out

def walk(x):
    if isinstance(x, dict):
        if x.get('resourceType') == 'Bundle' and x.get('type') == 'history':
            # STU3's bdl-4 allows entry.response only in batch and transaction responses
            x = OrderedDict((k, v) for k, v in x.items())
            x['entry'] = [OrderedDict((k, v) for k, v in e.items() if k != 'response') for e in x.get('entry', [])]
        if x.get('resourceType') == 'Task':
            x = task(x)
        return OrderedDict((k, walk(v)) for k, v in x.items())
    if isinstance(x, list):
        return [walk(v) for v in x]
    if isinstance(x, str):
        x = x.replace('http://terminology.hl7.org/CodeSystem/observation-category', 'http://hl7.org/fhir/observation-category')
        return re.sub(r'\bServiceRequest/', 'ProcedureRequest/', x)
    return x

for rule in IDS:  # only the rule folders named on the command line
    src = os.path.join(ROOT, rule, 'r4')
    if not os.path.isdir(src):
        continue
    dst = os.path.join(ROOT, rule, 'stu3')
    os.makedirs(dst, exist_ok=True)
    for name in sorted(os.listdir(src)):
        if not name.endswith('.json'):
            continue
        text = open(os.path.join(src, name)).read()
        data = json.loads(text, object_pairs_hook=OrderedDict)
        out = json.dumps(walk(data), indent=2, ensure_ascii=False) + '\n'
        open(os.path.join(dst, name), 'w').write(out)
