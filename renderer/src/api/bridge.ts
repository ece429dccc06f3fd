/** What the Electron preload exposes as `window.nianbao` (contextBridge). */
export interface NianbaoBridge {
  call(method: string, request: unknown): Promise<unknown>;
  documentUrl(id: string): string;
  /** The local path of a dropped file (webUtils.getPathForFile). */
  pathForFile?(file: File): string;
  /** The main side opened documents on its own (menu, "open with", a second launch); returns an unsubscribe. */
  onSessionChanged?(callback: (documentIds: string[]) => void): () => void;
}

declare global {
  interface Window {
    nianbao?: NianbaoBridge;
  }
}

export function electronBridge(): NianbaoBridge | null {
  return typeof window !== 'undefined' && window.nianbao ? window.nianbao : null;
}
