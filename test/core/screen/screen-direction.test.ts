import { describe, expect, it } from 'vitest';
import { drugDirection } from '@/core/screen/counteraction';
import { screenDrugs, type ScreenInput } from '@/core/screen/drug-screen';
import {
  bundledDegDisease,
  degDiseaseCheck,
  degDiseaseWarning,
  DIRECTION_NOT_LOADED,
  DIRECTION_UNKNOWN,
  sameDisease,
} from '@/core/screen/screen-direction';
import { screenDirectionLines, screenRecords } from '@/core/screen/screen-table';
import { TOY_INPUT, TOY_OPTIONS } from './toy-screen';

describe('drugDirection', () => {
  it.each([
    [1, 0, 'counteracts'],
    [0, 1, 'mimics'],
    [7, 2, 'mixed'], // scDrugPrio's Etanercept in Cluster_0
    [0, 0, 'no-evidence'],
  ] as const)('%i counteracting, %i mimicking → %s', (counteracting, mimicking, expected) => {
    expect(drugDirection({ counteracting, mimicking })).toBe(expected);
  });
});

describe('DEG disease against the module', () => {
  it('compares names by words, in any order', () => {
    expect(sameDisease('arthritis, rheumatoid', 'Rheumatoid arthritis')).toBe(true);
    expect(sameDisease('rhinitis', 'seasonal allergic rhinitis')).toBe(true);
    expect(sameDisease('arthritis, rheumatoid', 'seasonal allergic rhinitis')).toBe(false);
    expect(sameDisease('', 'asthma')).toBe(false);
    expect(degDiseaseCheck('asthma', null)).toBe('unstated');
    expect(degDiseaseCheck('asthma', '  ')).toBe('unstated');
    expect(degDiseaseCheck('asthma', 'allergic asthma')).toBe('same');
    expect(degDiseaseCheck('asthma', 'psoriasis')).toBe('different');
  });

  it('knows the bundled SAR table by its file name', () => {
    expect(bundledDegDisease('public/data/sar_degs_li2022_day3.tsv.gz')).toBe(
      'seasonal allergic rhinitis',
    );
    expect(bundledDegDisease('C:\\data\\SAR_DEGS_LI2022_DAY3.TSV.GZ')).toBe(
      'seasonal allergic rhinitis',
    );
    expect(bundledDegDisease('my_degs.tsv')).toBeNull();
  });

  it('warns with both names when they differ', () => {
    expect(
      degDiseaseWarning('arthritis, rheumatoid', 'seasonal allergic rhinitis', 'sar.tsv.gz'),
    ).toBe(
      'DEGs from "seasonal allergic rhinitis" (sar.tsv.gz) used to screen "arthritis, rheumatoid": ' +
        "counteraction, the direction labels and the candidate flag judge drugs by another disease's expression",
    );
    expect(degDiseaseWarning('arthritis, rheumatoid', 'rheumatoid arthritis')).toBeNull();
    expect(degDiseaseWarning('arthritis, rheumatoid', null)).toBeNull();
  });
});

describe('screen direction on the toy screen', () => {
  // Path G0 – G1 – … – G11, module {G0, G1}; DEG group "g": G0 up (+1), G1 down (−0.5),
  // G2 down (−1), G11 up (+2). Added drugs, both inside the module (d_c = 0):
  // - "blocker" inhibits G1, which is already down: it mimics the disease (like blocking
  //   CTLA4, whose loss causes autoimmunity) and counteracts nothing;
  // - "both" inhibits G0 (up: counteracts) and G1 (down: mimics): mixed.
  const input: ScreenInput = {
    ...TOY_INPUT,
    drugs: {
      name: 'toy drugs',
      drugs: [
        ...TOY_INPUT.drugs.drugs,
        { name: 'blocker', targets: [{ gene: 'G1', action: 'ANTIBODY' }] },
        {
          name: 'both',
          targets: [
            { gene: 'G0', action: 'INHIBITOR' },
            { gene: 'G1', action: 'INHIBITOR' },
          ],
        },
      ],
    },
  };
  const result = screenDrugs(input, TOY_OPTIONS);
  const row = (name: string) => {
    const found = result.drugs.find((d) => d.names.includes(name));
    if (!found) throw new Error(`no row for ${name}`);
    return found;
  };

  it('marks each drug by what its actions do to its targeted DEGs', () => {
    expect(row('blocker').counteraction).toMatchObject({ counteracting: 0, mimicking: 1 });
    expect(row('blocker').direction).toBe('mimics');
    expect(row('blocker').proximity?.dC).toBe(0);
    // Proximal, but mimicking only: not a candidate.
    expect(row('blocker').isCandidate).toBe(false);
    expect(row('both').direction).toBe('mixed');
    expect(row('both').isCandidate).toBe(true); // d_c = 0 < 1, counteracting 1 ≥ 1
    expect(row('inside').direction).toBe('counteracts');
    expect(row('near').direction).toBe('mimics'); // inhibits G2, down in "g"
    expect(row('far').direction).toBe('mimics'); // activates G11, up in "g"
    expect(row('mixed').direction).toBe('no-evidence'); // G5, G6 are no DEGs
    expect(result.direction).toMatchObject({
      loaded: true,
      degs: 'toy degs',
      group: 'g',
      counts: { counteracts: 1, mimics: 3, mixed: 1, 'no-evidence': 1 },
      diseaseCheck: 'unstated',
      warnings: [],
    });
    expect(result.direction.statement).toMatch(/^direction from DEG group "g" of toy degs: /);
    expect(result.notes).toContain(
      'the DEG table toy degs does not say which disease it is from (give its disease label); counteraction assumes it is "toy"',
    );
    const records = screenRecords(result);
    expect(records.find((r) => r.drug === 'blocker')?.direction).toBe('mimics');
  });

  it('says plainly that direction is unknown without DEGs, and calls no drug a candidate', () => {
    const bare = screenDrugs({ ...input, degs: null }, TOY_OPTIONS);
    expect(bare.direction).toMatchObject({
      loaded: false,
      statement: DIRECTION_UNKNOWN,
      group: null,
      counts: null,
    });
    expect(bare.direction.statement).toBe(
      'direction unknown: no DEG direction loaded; proximity and propagation cannot tell a drug that treats from one that aggravates',
    );
    expect(bare.drugs.every((d) => d.direction === null && d.isCandidate !== true)).toBe(true);
    const records = screenRecords(bare);
    expect(records.every((r) => r.candidate !== true)).toBe(true);
    expect(records.every((r) => r.direction === DIRECTION_NOT_LOADED)).toBe(true);
    expect(screenDirectionLines(bare)).toEqual([DIRECTION_UNKNOWN]);
  });

  it('warns, naming both diseases, when the DEGs come from another disease', () => {
    const other = screenDrugs(
      {
        ...input,
        degs: { ...(input.degs as NonNullable<ScreenInput['degs']>), disease: 'rhinitis' },
      },
      TOY_OPTIONS,
    );
    const warning =
      'DEGs from "rhinitis" (toy degs) used to screen "toy": counteraction, the direction labels ' +
      "and the candidate flag judge drugs by another disease's expression";
    expect(other.direction).toMatchObject({
      degsDisease: 'rhinitis',
      diseaseCheck: 'different',
      warnings: [warning],
    });
    expect(other.notes).toContain(`warning: ${warning}`);
    expect(other.provenance.data.degs?.disease).toBe('rhinitis');
    expect(screenDirectionLines(other)).toEqual([other.direction.statement, `warning: ${warning}`]);
    expect(other.direction.statement).toMatch(/of toy degs \(rhinitis\): /);
    const same = screenDrugs(
      { ...input, degs: { ...(input.degs as NonNullable<ScreenInput['degs']>), disease: 'Toy' } },
      TOY_OPTIONS,
    );
    expect(same.direction).toMatchObject({ diseaseCheck: 'same', warnings: [] });
    expect(same.notes.some((note) => note.includes('does not say'))).toBe(false);
  });
});
