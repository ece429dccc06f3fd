/** What the original should show highlighted: the focus cells (outlined, scrolled to) and the other cells involved. */
export interface OriginalHighlight {
  focus: string[];
  involved: string[];
  /** Changes on every new selection, so re-selecting the same thing scrolls to it again. */
  serial: number;
}

export const NO_HIGHLIGHT: OriginalHighlight = { focus: [], involved: [], serial: 0 };

export interface OriginalViewProps {
  highlight: OriginalHighlight;
  zoom: number;
  onSelectCell(id: string): void;
  onReady(): void;
}
