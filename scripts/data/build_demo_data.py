#!/usr/bin/env python3
"""Builds public/data/ (the bundled demo data) from the curated source folder.

Usage: python3 scripts/data/build_demo_data.py SOURCE_DATA_DIR [OUT_DIR=public/data]

SOURCE_DATA_DIR is the project's curated data folder (see public/data/ATTRIBUTION.md for the
provenance of every file). Files are copied verbatim where possible and gzip-compressed
otherwise; the gene table is reduced to the columns and genes the app needs; the ligand-receptor
table is reduced to LIANA's consensus resource. Output is deterministic (gzip mtime 0).
"""
import csv
import gzip
import io
import os
import shutil
import sys

src = sys.argv[1]
out = sys.argv[2] if len(sys.argv) > 2 else 'public/data'
os.makedirs(out, exist_ok=True)


def read_text(name):
    path = os.path.join(src, name)
    if name.endswith('.gz'):
        with gzip.open(path, 'rt', encoding='utf-8') as f:
            return f.read()
    with open(path, encoding='utf-8') as f:
        return f.read()


def write_gz(name, text):
    with open(os.path.join(out, name), 'wb') as raw:
        with gzip.GzipFile(filename='', mode='wb', fileobj=raw, mtime=0, compresslevel=9) as f:
            f.write(text.encode('utf-8'))


def rows(text):
    return list(csv.DictReader(io.StringIO(text), delimiter='\t'))


# Verbatim copies (already gzip-compressed).
for name in ['interactome_menche2015.tsv.gz', 'interactome_dovalle2021.tsv.gz',
             'sar_degs_li2022_day3.tsv.gz', 'hpo_genes_to_phenotype_2017.tsv.gz']:
    shutil.copyfile(os.path.join(src, name), os.path.join(out, name))
os.makedirs(os.path.join(out, 'scrna_kang2018_ifnb1k'), exist_ok=True)
for name in ['matrix.mtx.gz', 'features.tsv.gz', 'barcodes.tsv.gz']:
    shutil.copyfile(os.path.join(src, 'scrna_kang2018_ifnb1k', name),
                    os.path.join(out, 'scrna_kang2018_ifnb1k', name))
write_gz('scrna_kang2018_ifnb1k/cells.tsv.gz', read_text('scrna_kang2018_ifnb1k/cells.tsv'))

# Plain TSVs, compressed.
for name in ['disease_genes_menche2015.tsv', 'drug_targets_drugcentral.tsv',
             'drug_indications_drugcentral.tsv', 'signed_network_omnipath.tsv', 'hpo_terms_2016.tsv']:
    write_gz(name + '.gz', read_text(name))

# Ligand-receptor pairs: LIANA consensus only.
lr = read_text('lr_pairs_omnipath_liana.tsv.gz').splitlines()
write_gz('lr_pairs_liana_consensus.tsv.gz',
         '\n'.join([lr[0]] + [l for l in lr[1:] if l.split('\t')[4] == 'consensus']) + '\n')

# Gene table: protein-coding genes plus every gene any bundled file names.
wanted = set()
for name, cols in [('interactome_menche2015.tsv.gz', ['entrez_a', 'entrez_b']),
                   ('interactome_dovalle2021.tsv.gz', ['entrez_a', 'entrez_b']),
                   ('disease_genes_menche2015.tsv', ['entrez_id']),
                   ('drug_targets_drugcentral.tsv', ['entrez_id']),
                   ('sar_degs_li2022_day3.tsv.gz', ['entrez_id']),
                   ('hpo_genes_to_phenotype_2017.tsv.gz', ['entrez_id']),
                   ('signed_network_omnipath.tsv', ['source_entrez', 'target_entrez'])]:
    for r in rows(read_text(name)):
        for c in cols:
            if r[c]:
                wanted.add(r[c])
keep = ['entrez_id', 'symbol', 'ensembl_ids', 'previous_symbols', 'alias_symbols']
lines = ['\t'.join(keep)]
for r in rows(read_text('genes.tsv.gz')):
    if r['gene_type'] == 'protein-coding' or r['entrez_id'] in wanted:
        lines.append('\t'.join(r[c] for c in keep))
write_gz('genes.tsv.gz', '\n'.join(lines) + '\n')

total = 0
for root, _, files in os.walk(out):
    for f in files:
        total += os.path.getsize(os.path.join(root, f))
print(f'{out}: {total / 1e6:.2f} MB')
