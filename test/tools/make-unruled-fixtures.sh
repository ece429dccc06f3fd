#!/usr/bin/env bash
# Makes the PDFs of test/fixtures/unruled: reports whose tables have no rulings at all.
#  *_nb.pdf  a dev-corpus .docx with every table and cell border removed (strip-table-borders.py), then
#            converted by LibreOffice: labels wrapped and centred beside their values, stacked vertical labels.
#  *_frame.pdf  the same with only a frame round each table;  *_hlines.pdf  with horizontal lines only.
#  *_ch.pdf  a dev-corpus .docx as mammoth's HTML without borders, printed by Chromium (another producer).
#  *_hd.pdf  borders everywhere but on the header rows (unborder-header-rows.py), by LibreOffice;
#  *_td.pdf  mammoth's HTML with borders on td and not th, printed by Chromium: headers read by alignment.
# The truth is the .docx's own (the values do not change). Needs soffice, chromium and the dev corpus.
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=../shared/corpus/dev
out=test/fixtures/unruled
work=$(mktemp -d)
for d in d02 d20 d13 d25 s003; do
  python3 test/tools/strip-table-borders.py "$corpus/${d}_docx.docx" "$work/${d}_nb.docx"
  soffice --headless --convert-to pdf --outdir "$out" "$work/${d}_nb.docx" >/dev/null
  cp "$corpus/${d}_docx.truth.json" "$out/${d}_nb.truth.json"
done
for spec in d02:frame:outer d13:hlines:hlines; do
  IFS=: read -r d name mode <<<"$spec"
  python3 test/tools/strip-table-borders.py "$corpus/${d}_docx.docx" "$work/${d}_${name}.docx" "$mode"
  soffice --headless --convert-to pdf --outdir "$out" "$work/${d}_${name}.docx" >/dev/null
  cp "$corpus/${d}_docx.truth.json" "$out/${d}_${name}.truth.json"
done
for d in d07 s001; do
  python3 test/tools/unborder-header-rows.py "$corpus/${d}_docx.docx" "$work/${d}_hd.docx"
  soffice --headless --convert-to pdf --outdir "$out" "$work/${d}_hd.docx" >/dev/null
  cp "$corpus/${d}_docx.truth.json" "$out/${d}_hd.truth.json"
done
for spec in d03:ch:td d03:td:'td{border:1px solid #000} td,th'; do
  IFS=: read -r d name cells <<<"$spec"
  node --import tsx -e "
    const mammoth = (await import('mammoth')).default;
    const { value } = await mammoth.convertToHtml({ path: '$corpus/${d}_docx.docx' });
    const style = 'body{font-family:serif;font-size:12pt;margin:2cm} table{border-collapse:collapse;font-size:10pt} ${cells}{padding:2px 6px;text-align:center;vertical-align:middle}';
    (await import('node:fs')).writeFileSync('$work/${d}_${name}.html', '<html><head><meta charset=\"utf-8\"><style>' + style + '</style></head><body>' + value + '</body></html>');
  "
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$out/${d}_${name}.pdf" "$work/${d}_${name}.html" 2>/dev/null
  cp "$corpus/${d}_docx.truth.json" "$out/${d}_${name}.truth.json"
done
rm -rf "$work"
