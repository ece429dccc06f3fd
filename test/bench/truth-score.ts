/** Scoring the engine's output against the corpus truth files (cells and findings). */
import { allCanonicalCellIds } from '../../shared/model/ids';
import { valueOfCell } from '../../shared/engine/report-values';
import type { Finding } from '../../shared/model/finding';
import type { Report } from '../../shared/model/report';

export interface TruthFinding {
  rule: string;
  table?: string;
  row?: string;
  column?: string;
  group?: string;
  section?: string;
  requires?: string;
  /** NO-TEXT-LAYER: the pages without readable text, or all of them. */
  pages?: number[] | 'all';
}

export interface TruthFile {
  report: Report;
  findings: TruthFinding[];
  tolerated?: TruthFinding[];
  reportId: string;
  layout?: { rendering?: string };
}

const PLACE_KEYS = ['table', 'row', 'column', 'group', 'section'] as const;

export interface CellScore {
  right: number;
  total: number;
  wrong: string[];
}

export function scoreCells(actual: Report | null, truth: Report): CellScore {
  const ids = allCanonicalCellIds();
  const wrong = ids.filter((id) => (actual ? valueOfCell(actual, id) : undefined) !== valueOfCell(truth, id));
  const metadata = (['format', 'organ', 'year', 'signedDate'] as const).filter((key) => actual?.[key] !== truth[key]).map((key) => `${key}:${actual?.[key]}≠${truth[key]}`);
  const groups = JSON.stringify(actual?.table3Groups ?? null) === JSON.stringify(truth.table3Groups ?? null) ? [] : ['table3Groups'];
  return { right: ids.length - wrong.length, total: ids.length, wrong: [...wrong, ...metadata, ...groups] };
}

function matches(finding: Finding, truth: TruthFinding): boolean {
  return finding.rule === truth.rule && PLACE_KEYS.every((key) => truth[key] === undefined || finding[key] === truth[key]);
}

export interface FindingScore {
  truePositives: number;
  falsePositives: Finding[];
  falseNegatives: TruthFinding[];
  tolerated: number;
}

/** Greedy one-to-one matching of findings with the expected ones; findings matching a tolerated entry do not count. */
export function scoreFindings(findings: Finding[], expected: TruthFinding[], tolerated: TruthFinding[]): FindingScore {
  const unmatched = [...expected];
  const score: FindingScore = { truePositives: 0, falsePositives: [], falseNegatives: [], tolerated: 0 };
  for (const finding of findings) {
    const index = unmatched.findIndex((truth) => matches(finding, truth));
    if (index >= 0) {
      unmatched.splice(index, 1);
      score.truePositives++;
    } else if (tolerated.some((truth) => matches(finding, truth)) || expected.some((truth) => matches(finding, truth))) {
      score.tolerated++;
    } else {
      score.falsePositives.push(finding);
    }
  }
  score.falseNegatives = unmatched;
  return score;
}
