import { useState, type ReactNode } from 'react';
import { droppedPaths } from './open-actions';

/** Accepts dropped files in Electron (paths through the preload); in a browser it explains the path box. */
export function DropZone({ onPaths, children }: { onPaths(paths: string[]): void; children: ReactNode }) {
  const [over, setOver] = useState(false);
  const [hint, setHint] = useState<string | null>(null);
  return (
    <div
      className={`drop-zone ${over ? 'is-over' : ''}`}
      onDragOver={(event) => { event.preventDefault(); setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const paths = droppedPaths(event.dataTransfer);
        if (paths.length) onPaths(paths);
        else setHint('浏览器页面无法读取拖入文件的位置，请在下方输入文件或文件夹的完整路径。');
      }}
    >
      {children}
      {hint && <div className="field-error">{hint}</div>}
    </div>
  );
}
