// Shared fixture access for the io tests: the bundled demo tables (public/data) and the
// malformed corpus (test/fixtures/io/malformed, written by
// scripts/fixtures/make-malformed-fixtures.py), read as bytes the way a worker gets a File.
import { readFileSync } from 'node:fs';
import { parseGeneTable, type GeneIndex } from '@/io/gene-index';

const DATA = new URL('../../public/data/', import.meta.url);
const MALFORMED = new URL('../fixtures/io/malformed/', import.meta.url);

export function bundled(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, DATA)));
}

export function malformed(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, MALFORMED)));
}

export function fixtureJson<T>(path: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/io/${path}`, import.meta.url), 'utf8')) as T;
}

let geneIndex: Promise<GeneIndex> | undefined;

/** The bundled genes.tsv.gz index, built once per test file. */
export function bundledGeneIndex(): Promise<GeneIndex> {
  geneIndex ??= parseGeneTable(bundled('genes.tsv.gz'), 'genes.tsv.gz');
  return geneIndex;
}

/** A byte stream that delivers `bytes` in pieces of `size` bytes (to cut lines and characters). */
export function trickle(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) controller.close();
      else {
        controller.enqueue(bytes.slice(offset, offset + size));
        offset += size;
      }
    },
  });
}
