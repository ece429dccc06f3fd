import type { DocumentReview } from '../../../shared/api/contract';

export type ReviewFinding = DocumentReview['findings'][number];
export type CellReading = DocumentReview['cells'][string];
export type CellSource = NonNullable<CellReading['source']>;

export type Selection = { kind: 'finding'; key: string } | { kind: 'cell'; id: string } | null;
