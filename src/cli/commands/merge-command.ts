/**
 * `twinscreen merge`: join the shard outputs of a cohort run
 * ==========================================================
 * `twinscreen twin --donor COL --shard I/N --out shard-I.json` for I = 1 … N (e.g. a Slurm job
 * array or a Kubernetes Indexed Job) writes N disjoint shards of the per-patient twins;
 * `twinscreen merge --input shard-1.json … --input shard-N.json --out cohort.json` checks
 * that they are the N shards of one run (core/twin/patient-cohort.ts `mergeCohortShards`) and
 * writes the cohort: byte-identical to the unsharded `twinscreen twin --donor COL` JSON,
 * provenance included (the shards' data files; the shard files themselves are not recorded).
 */
import { readFile } from 'node:fs/promises';
import { mergeCohortShards, type CohortOutput } from '@/core/twin/patient-cohort';
import { DataError } from '../cli-error';
import type { Command } from '../command';
import { OUT_FLAG } from '../common-flags';
import { resolveInputFile } from '../load-inputs';
import type { Cell, CommandResult } from '../write-output';

export const mergeCommand: Command = {
  spec: {
    name: 'merge',
    summary:
      'join the shard outputs of `twinscreen twin --donor COL --shard I/N` into one cohort result',
    description: [
      'Reads the JSON outputs of the N shards of one per-patient cohort run (same inputs and ' +
        'settings), checks that every shard 1 … N is there exactly once, and writes the cohort ' +
        'exactly as the unsharded run writes it: patients in donor order and the patient pairs ' +
        'recomputed.',
    ],
    flags: [
      {
        name: 'input',
        kind: 'string',
        placeholder: 'FILE',
        repeatable: true,
        required: true,
        help: 'a shard output (JSON written by twinscreen twin --donor COL --shard I/N --out FILE.json); give it once per shard',
      },
      OUT_FLAG,
    ],
    examples: [
      'twinscreen merge --input shard-1.json --input shard-2.json --input shard-3.json --out cohort.json',
    ],
  },

  async run(flags, io): Promise<CommandResult> {
    const files = flags.strings('input').map((path) => resolveInputFile('input', path, io.cwd));
    const shards: CohortOutput[] = [];
    for (const file of files) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await readFile(file.path, 'utf8'));
      } catch (error) {
        throw new DataError(
          `${file.shownAs}: not JSON (${(error as Error).message}); expected the --out FILE.json of twinscreen twin --donor COL --shard I/N`,
        );
      }
      const record = parsed as Partial<CohortOutput> | null;
      if (
        record === null ||
        typeof record !== 'object' ||
        !Array.isArray(record.patients) ||
        !Array.isArray(record.pairs) ||
        typeof record.cohort !== 'object'
      ) {
        throw new DataError(
          `${file.shownAs}: no "cohort", "patients" and "pairs"; expected the JSON of twinscreen twin --donor COL --shard I/N`,
        );
      }
      shards.push(record as CohortOutput);
    }
    let merged: CohortOutput;
    try {
      merged = mergeCohortShards(
        shards,
        files.map((file) => file.shownAs),
      );
    } catch (error) {
      if (error instanceof RangeError) throw new DataError(error.message.replace(/^merge: /, ''));
      throw error;
    }
    return {
      json: merged,
      table: {
        columns: ['donor', 'rank', 'drug', 'score', 'candidate_cell_types'],
        rows: merged.patients.flatMap((patient) =>
          patient.ranking.map((row): Cell[] => [
            patient.donor,
            row.rank,
            row.drug,
            row.score,
            row.candidate_cell_types,
          ]),
        ),
      },
    };
  },
};
