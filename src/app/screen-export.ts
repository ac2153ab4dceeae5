/**
 * Screen export: TSV and JSON with the provenance
 * ===============================================
 * Everything needed to trust and repeat a screen travels with it: the request (module, drug
 * library, DEGs, methods, R, seed, sampling), the data files, the core's provenance block
 * (null model, engine, RWR and cure settings, ranking, FDR) and the validation summary.
 * - Direction first: whether the screen can tell a drug that treats from one that aggravates
 *   (core's screen-direction.ts: "direction unknown: …" without DEGs, else the DEG group used,
 *   and a warning when the DEGs come from another disease), in both formats.
 * - TSV: the title line, the direction statement and its warnings as `# ` lines, then
 *   `# key: value` comment lines (nested keys joined with dots; lists with ", "), then
 *   core's table (screen-table.ts `SCREEN_COLUMNS`, `screenTsv`) with one more column,
 *   `known_indication`. pandas reads it with `read_csv(path, sep='\t', comment='#')`.
 * - JSON: the same blocks as objects, the records, the combinations and the full validation
 *   (ROC points, precision@k, Fisher test).
 */
import { APP_PROVENANCE } from './app-provenance';
import { screenDirectionLines, screenRecords, screenTsv } from '@/core/screen/screen-table';
import type { ScreenRun } from './screen-types';

export const SCREEN_EXPORT_FORMAT = 'twinscreen-drug-screen/1';

/** `prefix.key: value` lines for a nested object (see the header). */
export function provenanceLines(value: unknown, prefix = ''): string[] {
  if (value === null || value === undefined || typeof value !== 'object') {
    const text = value === undefined ? 'null' : String(value);
    return [`${prefix}: ${text.replace(/[\r\n\t]+/g, ' ')}`];
  }
  if (Array.isArray(value)) {
    const isFlat = value.every((item) => item === null || typeof item !== 'object');
    const text = isFlat ? value.map(String).join(', ') : JSON.stringify(value);
    return [`${prefix}: ${text.replace(/[\r\n\t]+/g, ' ')}`];
  }
  return Object.entries(value).flatMap(([key, item]) =>
    provenanceLines(item, prefix === '' ? key : `${prefix}.${key}`),
  );
}

/** The blocks both formats share. */
function exportBlocks(run: ScreenRun) {
  const { result } = run;
  return {
    format: SCREEN_EXPORT_FORMAT,
    software: APP_PROVENANCE,
    direction: result.direction,
    run: { id: run.id, startedAt: run.startedAt, durationMs: Math.round(run.durationMs) },
    request: run.request,
    network: run.network,
    module: run.module,
    drugLibrary: run.drugLibrary,
    degs: run.degs,
    signedNetwork: run.signedNetwork,
    indications: run.indications
      ? {
          fileName: run.indications.fileName,
          term: run.indications.term,
          indicationMatch: run.indications.method,
          umlsCuis: run.indications.concept?.umlsCuis ?? null,
          words: run.indications.words,
          drugs: run.indications.drugNames.length,
          matched: run.indications.indications,
        }
      : null,
    provenance: result.provenance,
    notes: result.notes,
  };
}

/** AUROC, positives, negatives (and the Fisher test when there is one) per method. */
function validationSummary(run: ScreenRun) {
  const validation = run.result.validation;
  if (!validation) return null;
  return Object.fromEntries(
    Object.entries(validation).map(([method, v]) => [
      method,
      {
        auroc: v.auc,
        positives: v.positives,
        negatives: v.negatives,
        unscored: v.unscored,
        fisher: v.fisher
          ? { cutoff: v.fisher.cutoff, oddsRatio: v.fisher.oddsRatio, pValue: v.fisher.pValue }
          : null,
        unmatched: v.unmatched,
      },
    ]),
  );
}

/** Whether each row of the result (in result order) is a known drug of the disease. */
function knownFlags(run: ScreenRun): boolean[] {
  const known = new Set((run.indications?.drugNames ?? []).map((name) => name.toLowerCase()));
  return run.result.drugs.map((drug) => drug.names.some((name) => known.has(name.toLowerCase())));
}

export function screenExportTsv(run: ScreenRun): string {
  const comments = provenanceLines({
    ...exportBlocks(run),
    validation: validationSummary(run),
  }).map((line) => `# ${line}`);
  const known = knownFlags(run);
  const hasIndications = run.indications !== null;
  const table = screenTsv(screenRecords(run.result))
    .trimEnd()
    .split('\n')
    .map((line, k) =>
      k === 0 ? `${line}\tknown_indication` : `${line}\t${hasIndications ? known[k - 1] : ''}`,
    );
  return (
    [
      `# Twinscreen drug screen (${SCREEN_EXPORT_FORMAT})`,
      ...screenDirectionLines(run.result).map((line) => `# ${line}`),
      ...comments,
      ...table,
    ].join('\n') + '\n'
  );
}

export function screenExportJson(run: ScreenRun): string {
  const known = knownFlags(run);
  const hasIndications = run.indications !== null;
  return JSON.stringify(
    {
      ...exportBlocks(run),
      validation: run.result.validation,
      drugs: screenRecords(run.result).map((record, k) => ({
        ...record,
        known_indication: hasIndications ? known[k] : null,
      })),
      combinations: run.result.combinations,
      excluded: run.result.excluded,
      unrecognisedActions: run.result.unrecognisedActions,
      indicationDrugNames: run.indications?.drugNames ?? null,
    },
    (_key, value: unknown) =>
      typeof value === 'number' && !Number.isFinite(value) ? String(value) : value,
    2,
  );
}

/** e.g. "twinscreen-screen-arthritis-rheumatoid-R1000-seed1.tsv". */
export function screenExportFileName(run: ScreenRun, extension: 'tsv' | 'json'): string {
  const slug =
    run.module.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'module';
  return `twinscreen-screen-${slug}-R${run.request.iterations}-seed${run.request.seed}.${extension}`;
}
