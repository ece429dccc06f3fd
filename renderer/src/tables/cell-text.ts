import { isConfirmedOcr, isUncheckedOcr } from '../../../shared/engine/ocr-values';
import type { CellReading } from '../review/types';

const STATUS_TEXT = {
  ok: '',
  blank: '空白',
  bad: '无效值',
  missing: '缺少此行',
  notInFormat: '格式中无此项',
  unreadable: '无法读取',
} as const;

/** What the grid prints in a cell: the value as printed (or corrected), or a short mark for a problem cell. */
export function cellDisplayText(reading: CellReading | undefined): string {
  if (!reading) return '';
  if (reading.correctedFrom) return reading.value === null ? '空' : String(reading.value);
  if (reading.status === 'ok') return reading.raw?.trim() || String(reading.value ?? '');
  if (reading.status === 'blank') return reading.raw?.trim() || '';
  if (reading.status === 'bad') return reading.raw?.trim() || '?';
  if (reading.status === 'unreadable') return '?';
  if (reading.status === 'missing') return '缺';
  return '—';
}

export function cellStatusText(reading: CellReading | undefined): string {
  if (!reading) return '无数据';
  const status = STATUS_TEXT[reading.status];
  const raw = reading.raw?.trim() ? `原文“${reading.raw.trim()}”` : '';
  if (isConfirmedOcr(reading)) return [status, raw, 'OCR 识别值，已对照原件核对'].filter(Boolean).join('；');
  const corrected = reading.correctedFrom ? `已更正（原读数 ${reading.correctedFrom.raw ?? reading.correctedFrom.value ?? '空'}）` : '';
  return [status, raw, corrected, isUncheckedOcr(reading) ? 'OCR 识别值，未经核对，请对照原件确认' : ''].filter(Boolean).join('；');
}
