import { SHORTCUT_HELP } from '../review/use-shortcuts';

export function ShortcutHelp({ onClose }: { onClose(): void }) {
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div className="modal" role="dialog" aria-label="快捷键" onClick={(event) => event.stopPropagation()}>
        <h2>键盘快捷键</h2>
        <table className="shortcut-table">
          <tbody>
            {SHORTCUT_HELP.map(([keys, what]) => (
              <tr key={keys}>
                <td><kbd>{keys}</kbd></td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">在输入框中打字时快捷键不起作用；按 Esc 离开输入框。</p>
        <button type="button" className="btn-primary" onClick={onClose}>知道了</button>
      </div>
    </div>
  );
}
