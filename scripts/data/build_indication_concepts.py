#!/usr/bin/env python3
"""Builds public/data/disease_indication_concepts.tsv: disease name -> the indication concepts
(UMLS CUIs, Disease Ontology IDs) that denote the disease itself.

Usage: python3 scripts/data/build_indication_concepts.py [--review] [DATA_DIR=public/data]

Inputs (both bundled, see public/data/ATTRIBUTION.md):
  disease_genes_menche2015.tsv.gz     the 299 disease names the app and the CLI offer;
  drug_indications_drugcentral.tsv.gz DrugCentral indications: drug_name, indication, umls_cui, doid.

Rule. An indication concept (a UMLS CUI of the DrugCentral table) belongs to a disease when
  1. automatic: one of the concept's indication texts has exactly the disease's words, in any
     order (the disease name or its reading-order form, e.g. "arthritis, rheumatoid" =
     "Rheumatoid Arthritis", "crohn disease" = "Crohn's Disease"; same word rule as
     src/core/screen/indication-match.ts: lower case, simple singular, possessive "s" and
     joining words dropped). A text with more words ("Rheumatoid Arthritis in Patient at High
     Ulcer Risk", "Juvenile Rheumatoid Arthritis", "Muscle Spasticity due to Multiple
     Sclerosis") is never matched automatically; or
  2. reviewed by hand (REVIEWED below, for the demo diseases): the entry replaces the automatic
     one and lists every concept included and every word-matching text excluded, with the
     reason. Included: the disease, its subtypes and its episodes (exacerbation, attack,
     remission, prevention of attacks). Excluded: another disease that shares the words,
     a symptom or complication "due to" / "associated with" the disease, a diagnostic use,
     a patient-group qualifier that names a different treatment goal.
  Rows without a CUI can match only through a reviewed exact text (column indication_texts).
The DOIDs are those of the included rows (used only for tables that have a DOID but no CUI).

Output columns: disease, umls_cuis, doids, indication_texts, review (hand|auto), included
(the DrugCentral texts of the included concepts), excluded (word-matching texts left out,
with the reason for reviewed diseases). Lists are joined with "; ". Deterministic output.

--review prints, for every reviewed disease, each word-matching indication text with its CUI,
its drugs and the verdict, for checking by eye.
"""
import csv
import gzip
import io
import os
import re
import sys

args = [a for a in sys.argv[1:] if not a.startswith('--')]
review = '--review' in sys.argv
data = args[0] if args else 'public/data'

STOP = {'and', 'of', 'the', 'in', 'with', 'or', 'for', 'to', 'by'}


def singular(word):
    if len(word) > 4 and word.endswith('ies'):
        return word[:-3] + 'y'
    if len(word) > 3 and word.endswith('s') and not re.search(r'(ss|us|is)$', word):
        return word[:-1]
    return word


def words(text):
    """Normalised words, as indication-match.ts `indicationWords`."""
    return [singular(w) for w in re.split(r'[^\w]+|_', text.lower()) if w not in ('', 's')]


def key(text):
    """Order-free key of a name: its distinct non-joining words, sorted."""
    return ' '.join(sorted({w for w in words(text) if w not in STOP}))


def contains_all(text, name):
    have = set(words(text))
    return all(w in have for w in key(name).split(' '))


def read_tsv(name):
    with gzip.open(os.path.join(data, name), 'rt', encoding='utf-8') as f:
        return list(csv.DictReader(f, delimiter='\t'))


# Hand review (reviewed against the DrugCentral rows with --review). include: CUI -> the
# concept's DrugCentral text; texts: exact indication texts of rows without a CUI that are the
# disease itself; exclude: word-matching text -> reason.
REVIEWED = {
    'arthritis, rheumatoid': {
        'include': {'C0003873': 'Rheumatoid Arthritis'},
        'texts': [],
        'exclude': {
            'Rheumatoid Arthritis in Patient at High Ulcer Risk':
                'ulcer prophylaxis in RA patients (misoprostol, proton-pump inhibitors), no CUI',
            'Juvenile Rheumatoid Arthritis':
                'juvenile idiopathic arthritis, a distinct disease with its own concept '
                '(C3495559); every drug of it is also a C0003873 drug',
        },
    },
    'asthma': {
        'include': {
            'C0004096': 'Bronchial Asthma; Status Asthmaticus',
            'C0347950': 'Acute Asthma Attack',
            'C0349790': 'Asthma Exacerbation',
            'C1318955': 'Asthma Prevention',
            'C1527407': 'Eosinophilic asthma',
            'C0155877': 'Extrinsic Asthma',
            'C0155880': 'Intrinsic Asthma',
            'C1273489': 'Nocturnal Asthma',
        },
        'texts': ['Adjunct Therapy to Achieve Long-term Asthma Control'],
        'exclude': {
            'Anxiety due to Cardiac Asthma':
                'cardiac asthma is heart failure, not asthma; the indication is anxiety',
            'Diagnostic Test for Asthma': 'diagnostic use (methacholine challenge), not treatment',
            'Asthma-chronic obstructive pulmonary disease overlap syndrome':
                'a distinct overlap syndrome (C4038730)',
        },
    },
    'crohn disease': {
        'include': {'C0010346': "Crohn's Disease", 'C1960764': "Crohn's Disease in Remission"},
        'texts': [],
        'exclude': {},
    },
    'multiple sclerosis': {
        'include': {
            'C0026769': 'Multiple Sclerosis',
            'C0751967': 'Relapsing remitting multiple sclerosis',
            'C0581392': 'Exacerbation of multiple sclerosis',
        },
        'texts': [],
        'exclude': {'Muscle Spasticity due to Multiple Sclerosis': 'a symptom due to MS'},
    },
    'psoriasis': {
        'include': {
            'C0033860': 'Psoriasis',
            'C0406317': 'Plaque Psoriasis',
            'C0406326': 'Scalp Psoriasis',
            'C0152081': 'Pustular Psoriasis',
        },
        'texts': ['Severe Recalcitrant Psoriasis'],
        'exclude': {},
    },
    'diabetes mellitus, type 2': {
        'include': {'C0011860': 'Type 2 Diabetes Mellitus'},
        'texts': ['Treatment Refractory Type 2 Diabetes Mellitus',
                  'Type 2 Diabetes Mellitus Treatment Adjunct'],
        'exclude': {
            'Diabetic dyslipidemia associated with type 2 diabetes mellitus':
                'a complication (dyslipidemia) associated with the disease',
        },
    },
    'parkinson disease': {
        'include': {'C0030567': 'Idiopathic Parkinsonism (UMLS: Parkinson Disease)'},
        'texts': [],
        'exclude': {
            "Dementia associated with Parkinson's Disease": 'a complication (dementia)',
        },
    },
    'alzheimer disease': {
        'include': {'C0002395': "Alzheimer's Disease; Mild to Moderate Alzheimer's Type Dementia"},
        'texts': ["Moderate to Severe Alzheimer's Type Dementia"],
        'exclude': {},
    },
}

diseases = sorted({r['disease'] for r in read_tsv('disease_genes_menche2015.tsv.gz')})
rows = read_tsv('drug_indications_drugcentral.tsv.gz')
texts_of_cui, drugs_of_text, cui_of_text, doids_of_cui = {}, {}, {}, {}
for r in rows:
    text, cui = r['indication'], r['umls_cui']
    drugs_of_text.setdefault(text, set()).add(r['drug_name'])
    cui_of_text.setdefault(text, set()).add(cui)
    if cui:
        texts_of_cui.setdefault(cui, set()).add(text)
        if r['doid']:
            doids_of_cui.setdefault(cui, set()).add(r['doid'])
texts_by_key = {}
for text in drugs_of_text:
    texts_by_key.setdefault(key(text), []).append(text)

keys = {}
for d in diseases:
    if key(d) in keys:
        sys.exit(f'disease names {keys[key(d)]!r} and {d!r} have the same words')
    keys[key(d)] = d
for d in REVIEWED:
    if d not in diseases:
        sys.exit(f'reviewed disease {d!r} is not a Menche 2015 disease name')

out_rows = []
for d in diseases:
    word_matches = sorted(t for t in drugs_of_text if contains_all(t, d))
    if d in REVIEWED:
        entry = REVIEWED[d]
        cuis = sorted(entry['include'])
        texts = sorted(entry['texts'])
        for cui, shown in entry['include'].items():
            if cui not in texts_of_cui:
                sys.exit(f'{d}: reviewed CUI {cui} ({shown}) is not in the indication table')
        for t in texts:
            if t not in drugs_of_text or cui_of_text[t] != {''}:
                sys.exit(f'{d}: reviewed text {t!r} is not a CUI-less indication of the table')
        covered = {t for c in cuis for t in texts_of_cui[c]} | set(texts)
        unreviewed = [t for t in word_matches if t not in covered and t not in entry['exclude']]
        if unreviewed:
            sys.exit(f'{d}: word-matching texts neither included nor excluded: {unreviewed}')
        excluded = [f'{t} ({reason})' for t, reason in sorted(entry['exclude'].items())]
        how = 'hand'
    else:
        exact = texts_by_key.get(key(d), [])
        cuis = sorted({c for t in exact for c in cui_of_text[t] if c})
        texts = []
        covered = {t for c in cuis for t in texts_of_cui[c]}
        excluded = [t for t in word_matches if t not in covered]
        how = 'auto'
    doids = sorted({x for c in cuis for x in doids_of_cui.get(c, ())})
    included = sorted({t for c in cuis for t in texts_of_cui[c]} | set(texts))
    out_rows.append([d, '; '.join(cuis), '; '.join(doids), '; '.join(texts), how,
                     '; '.join(included), '; '.join(excluded)])
    if review and how == 'hand':
        print(f'== {d}')
        for t in sorted(set(word_matches) | set(included)):
            verdict = 'INCLUDED' if t in included else 'excluded'
            cui = ','.join(sorted(cui_of_text[t])) or '-'
            print(f'  {verdict:8}  {t}  [{cui}]  {", ".join(sorted(drugs_of_text[t]))}')

buf = io.StringIO()
w = csv.writer(buf, delimiter='\t', lineterminator='\n')
w.writerow(['disease', 'umls_cuis', 'doids', 'indication_texts', 'review', 'included', 'excluded'])
w.writerows(out_rows)
with open(os.path.join(data, 'disease_indication_concepts.tsv'), 'w', encoding='utf-8') as f:
    f.write(buf.getvalue())
mapped = sum(1 for r in out_rows if r[1] or r[3])
print(f'{len(out_rows)} diseases, {mapped} with concepts '
      f'({sum(1 for r in out_rows if r[4] == "hand")} reviewed by hand)', file=sys.stderr)
