#!/usr/bin/env python3
"""Makes the PDFs of test/fixtures/transformed: dev-corpus report PDFs whose pages are drawn through a transform,
as stamping, imposing and print-to-PDF tools write them. Needs qpdf (and fix-qdf, which comes with it).

  *_matrix.pdf   each page's content wrapped in a form XObject with a /Matrix (scaled and moved), the way
                 tools that add seals or watermarks re-wrap a page;
  *_rotated.pdf  each page's content drawn turned by a quarter in a landscape MediaBox, with /Rotate so a viewer
                 shows it upright (what some print drivers write for portrait pages);
  *_watermark.pdf  a grey diagonal watermark with words and digits laid over every page, across the tables;
  *_ocrlayer.pdf  a "searchable scan": the page images of the scanned report with an invisible text layer over
                  them, one word box per word as OCR tools write it (here the words of the LibreOffice PDF the
                  scan was made from, so the layer itself is right). Its truth is that PDF's;
  *_owner.pdf    encrypted with an owner password only (anyone may open it; printing and copying "forbidden"),
                 as many published reports are: it must read as the original;
  *_coverscan.pdf  a LibreOffice report behind a scanned cover page (a picture, no text), as a sealed red-header
                 page often is: every table is read, so no NO-TEXT-LAYER;
  *_gs.pdf       a Chromium print rewritten by ghostscript (pdfwrite), as PDF compressors and some publishing
                 systems do: its fonts are re-encoded and some glyphs come out as other characters (“规范性文þ”,
                 “结果纠l”), while the digits stay right;
  d13_thickborder.pdf, s001_border45.pdf, d02_doubleborder.pdf, d02_opensides.pdf  the .docx with a 3 pt or
                 4.5 pt border round each table (外框粗线), double lines everywhere, or no side borders, printed by
                 LibreOffice: a border's lines and the ends of the lines meeting it lie at several close positions,
                 which must make one column or row edge; a two-column table without sides has one vertical line;
  d09_spacing.pdf, d03_cellspacing.pdf  a .docx as mammoth's HTML with every cell boxed apart, as old web pages
                 are (CSS border-spacing; border="1" cellspacing="1", whose bevelled borders are drawn as trapezoids),
                 printed by Chromium: each boundary is two lines a few points apart;
  *_overprint.pdf  every text object printed twice, the second 0.3 pt to the right, as WPS and some PDF printers
                 simulate bold for fonts without a bold face (copied out, such text reads “本本年年”);
  *_garbled.pdf  a LibreOffice report with every font's ToUnicode map removed: pdf.js extracts its raw codes,
                 gibberish. Its truth is the scan's: no text can be read (NO-TEXT-LAYER on all pages).
  d10_contents.docx / d10_contents_pdf.pdf  a table of contents (目录, leaders and page numbers) inserted before
                 the report's text, as Word and PDF (LibreOffice): its lines name every section heading.
  d05_webpage.pdf  a dev report as a government website shows it (mammoth's HTML inside the site's banner,
                 breadcrumbs ending in 政府信息公开年报, publication line, print links and a six-line footer), printed
                 by Chromium.
The truth is the source's own: the values do not change. Needs qpdf, ghostscript, poppler-utils, soffice, chromium
and node.
"""
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / 'test/fixtures/corpus'
OUT = ROOT / 'test/fixtures/transformed'
DEV_CORPUS = ROOT.parent / 'shared/corpus/dev'


def page_size(pdf: Path) -> tuple[float, float]:
    info = subprocess.run(['pdfinfo', str(pdf)], capture_output=True, text=True, check=True).stdout
    w, h = re.search(r'Page size:\s+([\d.]+) x ([\d.]+)', info).groups()
    return float(w), float(h)


def page_count(pdf: Path) -> int:
    return int(subprocess.run(['qpdf', '--show-npages', str(pdf)], capture_output=True, text=True, check=True).stdout)


def blank_pdf(path: Path, width: float, height: float) -> None:
    write_pdf(path, [b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
                     f'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width:g} {height:g}] /Contents 4 0 R /Resources << >> >>'.encode(),
                     stream(b'')])


def underlaid_qdf(source: Path, width: float, height: float, work: Path) -> str:
    """The source's pages as form XObjects drawn on blank pages of the given size, in qpdf's editable QDF form."""
    blank = work / 'blank.pdf'
    blank_pdf(blank, width, height)
    pages = ','.join(['1'] * page_count(source))
    subprocess.run(['qpdf', '--empty', '--pages', str(blank), pages, '--', str(work / 'blanks.pdf')], check=True)
    subprocess.run(['qpdf', str(work / 'blanks.pdf'), '--underlay', str(source), '--', str(work / 'under.pdf')], check=True)
    subprocess.run(['qpdf', '--qdf', '--object-streams=disable', str(work / 'under.pdf'), str(work / 'under.qdf')], check=True)
    # Font programs are binary: no newline translation either way.
    with open(work / 'under.qdf', encoding='latin-1', newline='') as qdf:
        return qdf.read()


def write_fixed(qdf: str, target: Path, work: Path) -> None:
    edited = work / 'edited.qdf'
    with open(edited, 'w', encoding='latin-1', newline='') as out:
        out.write(qdf)
    fixed = subprocess.run(['fix-qdf', str(edited)], capture_output=True, check=True).stdout
    (work / 'fixed.qdf').write_bytes(fixed)
    subprocess.run(['qpdf', '--deterministic-id', str(work / 'fixed.qdf'), str(target)], check=True)


def with_form_matrix(source: Path, target: Path, work: Path) -> None:
    width, height = page_size(source)
    qdf = underlaid_qdf(source, width, height, work)
    qdf = qdf.replace('/Subtype /Form', '/Subtype /Form\n  /Matrix [0.8 0 0 0.8 36 60]')
    write_fixed(qdf, target, work)


def turned(source: Path, target: Path, work: Path) -> None:
    width, height = page_size(source)
    qdf = underlaid_qdf(source, height, width, work)
    # The placement qpdf chose is replaced by a quarter turn: (x, y) -> (height - y, x).
    qdf = re.sub(r'^[-\d. ]+ cm\n(/Fx\d+ Do)', lambda m: f'0 1 -1 0 {height:g} 0 cm\n{m.group(1)}', qdf, flags=re.M)
    qdf = qdf.replace('  /Type /Page\n', '  /Type /Page\n  /Rotate 90\n')
    write_fixed(qdf, target, work)


CJK_FONT = ('<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [<< /Type /Font '
            '/Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> '
            '/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] '
            '/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >> /DW 1000 >>] >>')


def write_pdf(path: Path, objects: list[bytes]) -> None:
    out = b'%PDF-1.4\n'
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f'{number} 0 obj\n'.encode() + body + b'\nendobj\n'
    xref = len(out)
    out += f'xref\n0 {len(objects) + 1}\n0000000000 65535 f \n'.encode()
    out += b''.join(f'{offset:010d} 00000 n \n'.encode() for offset in offsets)
    out += f'trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n'.encode()
    path.write_bytes(out)


def stream(data: bytes, entries: str = '') -> bytes:
    return f'<< /Length {len(data)} {entries} >>\nstream\n'.encode() + data + b'\nendstream'


def ucs2(text: str) -> str:
    return ''.join(f'{ord(ch):04X}' for ch in text)


def searchable_scan(scan: Path, text_source: Path, target: Path, work: Path) -> None:
    subprocess.run(['pdfimages', '-j', str(scan), str(work / 'img')], check=True)
    images = sorted(work.glob('img-*.jpg'))
    layout = subprocess.run(['pdftotext', '-bbox-layout', str(text_source), '-'], capture_output=True, text=True, check=True).stdout
    pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', layout, flags=re.S)
    width, height = page_size(scan)
    objects: list[bytes] = [b'<< /Type /Catalog /Pages 2 0 R >>', b'', CJK_FONT.encode()]
    kids = []
    for image, (_, text_height, words_xml) in zip(images, pages):
        pixels = subprocess.run(['pdfimages', '-list', str(scan)], capture_output=True, text=True, check=True).stdout
        columns, rows = map(int, re.findall(r'^\s+\d+\s+\d+\s+image\s+(\d+)\s+(\d+)', pixels, flags=re.M)[0])
        ops = [f'q {width:g} 0 0 {height:g} 0 0 cm /Im0 Do Q', 'BT 3 Tr']
        for x0, y0, x1, y1, word in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', words_xml):
            x0, y0, x1, y1 = float(x0), float(text_height) - float(y1), float(x1), float(text_height) - float(y0)
            size = (y1 - y0) / 1.3
            scale = 100 * (x1 - x0) / (len(word) * size)
            ops.append(f'/F1 {size:.2f} Tf {scale:.1f} Tz 1 0 0 1 {x0:.2f} {y0 + (y1 - y0) * 0.2:.2f} Tm <{ucs2(word)}> Tj')
        ops.append('ET')
        content = len(objects) + 1
        objects.append(stream('\n'.join(ops).encode()))
        objects.append(stream(image.read_bytes(), f'/Type /XObject /Subtype /Image /Width {columns} /Height {rows} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode'))
        objects.append(f'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width:g} {height:g}] /Contents {content} 0 R '
                       f'/Resources << /Font << /F1 3 0 R >> /XObject << /Im0 {content + 1} 0 R >> >> >>'.encode())
        kids.append(f'{len(objects)} 0 R')
    objects[1] = f'<< /Type /Pages /Kids [{" ".join(kids)}] /Count {len(kids)} >>'.encode()
    write_pdf(target, objects)


def garbled(source: Path, target: Path, work: Path) -> None:
    subprocess.run(['qpdf', '--qdf', '--object-streams=disable', str(source), str(work / 'source.qdf')], check=True)
    with open(work / 'source.qdf', encoding='latin-1', newline='') as qdf:
        text = re.sub(r'/ToUnicode \d+ 0 R\n', '', qdf.read())
    write_fixed(text, target, work)


def overprinted(source: Path, target: Path, work: Path) -> None:
    """Every text object printed a second time 0.3 pt to the right, as simulated bold is printed."""
    subprocess.run(['qpdf', '--qdf', '--object-streams=disable', str(source), str(work / 'source.qdf')], check=True)
    with open(work / 'source.qdf', encoding='latin-1', newline='') as qdf:
        text = re.sub(r'(?<=\n)BT\n.*?\nET(?=\n)', lambda m: f'{m.group(0)}\nq 1 0 0 1 0.3 0 cm\n{m.group(0)}\nQ', qdf.read(), flags=re.S)
    write_fixed(text, target, work)


def redistilled(source: Path, target: Path, work: Path) -> None:
    subprocess.run(['gs', '-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=pdfwrite', f'-sOutputFile={target}', str(source)], check=True)


def owner_locked(source: Path, target: Path, work: Path) -> None:
    subprocess.run(['qpdf', '--encrypt', '', 'owner-secret', '256', '--print=none', '--modify=none', '--extract=n', '--',
                    str(source), str(target)], check=True)


def behind_scanned_cover(source: Path, target: Path, work: Path) -> None:
    subprocess.run(['qpdf', '--deterministic-id', '--empty', '--pages', str(CORPUS / 'd09_scan.pdf'), '1', str(source), '--', str(target)], check=True)


def unreadable_truth(source: Path, target: Path) -> None:
    truth = json.loads(source.read_text(encoding='utf-8'))
    truth['findings'] = [{'rule': 'NO-TEXT-LAYER', 'pages': 'all', 'note': 'fonts without ToUnicode: the text extracts as gibberish'}]
    truth['tolerated'] = []
    target.write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding='utf-8')


CONTENTS = ['目  录', '一、总体情况……………………………………………………1', '二、主动公开政府信息情况……………………………………2',
            '三、收到和处理政府信息公开申请情况…………………………3', '四、政府信息公开行政复议、行政诉讼情况……………………4',
            '五、政府信息公开工作存在的主要问题及改进情况……………4', '六、其他需要报告的事项……………………………………………5']


def with_contents(source_docx: Path, work: Path) -> None:
    """The .docx with a table of contents and a page break before its first section heading, and its PDF."""
    with zipfile.ZipFile(source_docx) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts['word/document.xml'].decode('utf-8')
    first = next(m for m in re.finditer(r'<w:p[ >].*?</w:p>', xml, flags=re.S)
                 if '总体情况' in ''.join(re.findall(r'<w:t[^>]*>([^<]*)</w:t>', m.group(0))))
    lines = ''.join(f'<w:p><w:r><w:rPr><w:sz w:val="32"/></w:rPr><w:t xml:space="preserve">{line}</w:t></w:r></w:p>' for line in CONTENTS)
    parts['word/document.xml'] = (xml[:first.start()] + lines + '<w:p><w:r><w:br w:type="page"/></w:r></w:p>' + xml[first.start():]).encode('utf-8')
    docx = OUT / 'd10_contents.docx'
    with zipfile.ZipFile(docx, 'w', zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    subprocess.run(['soffice', '--headless', '--convert-to', 'pdf', '--outdir', str(work), str(docx)], check=True, capture_output=True)
    shutil.move(work / 'd10_contents.pdf', OUT / 'd10_contents_pdf.pdf')
    for name in ('d10_contents', 'd10_contents_pdf'):
        shutil.copy(CORPUS / 'd10_docx.truth.json', OUT / f'{name}.truth.json')


def with_table_borders(source_docx: Path, target: Path, outer: tuple[str, str], inner: tuple[str, str], work: Path) -> None:
    """The .docx with its table style's borders changed (outer and inner: Word's w:val and w:sz), printed by LibreOffice."""
    with zipfile.ZipFile(source_docx) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}

    def border(m: re.Match) -> str:
        if target.stem.endswith('opensides') and m.group(1) in ('left', 'right'):
            return f'<w:{m.group(1)} w:val="nil" w:sz="0"'
        val, size = inner if m.group(1).startswith('inside') else outer
        return f'<w:{m.group(1)} w:val="{val}" w:sz="{size}"'
    styles = parts['word/styles.xml'].decode('utf-8')
    parts['word/styles.xml'] = re.sub(r'<w:(top|left|bottom|right|insideH|insideV) w:val="single" w:sz="4"', border, styles).encode('utf-8')
    docx = work / f'{target.stem}.docx'
    with zipfile.ZipFile(docx, 'w', zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    subprocess.run(['soffice', '--headless', '--convert-to', 'pdf', '--outdir', str(work), str(docx)], check=True, capture_output=True)
    shutil.move(work / f'{target.stem}.pdf', target)


WEB_STYLE = ('body{font-family:serif;font-size:12pt;margin:1cm} table{border-collapse:collapse;font-size:10pt} '
             'td,th{border:1px solid #000;padding:2px 6px;text-align:center;font-weight:normal} .nav{background:#b00;color:#fff;padding:8px} '
             '.crumb,.meta{color:#555;font-size:10pt} .meta{text-align:center} .foot{border-top:2px solid #b00;margin-top:30px;font-size:9pt;text-align:center}')
WEB_HEAD = ('<div class="nav">自治区人民政府门户网站　首页 | 政务公开 | 政务服务 | 互动交流</div>'
            '<div class="crumb">当前位置：首页 > 政务公开 > 政府信息公开年报</div>'
            '<div class="meta">发布时间：2023-01-20 10:30　来源：自治区商务厅　浏览次数：1234　【字体：大 中 小】</div>')
WEB_FOOT = ('<div class="meta">【打印本页】【关闭窗口】</div><div class="foot"><p>主办：自治区人民政府办公厅　承办：自治区大数据中心</p>'
            '<p>网站标识码：1500000001　备案号：X ICP备05000001号</p><p>地址：自治区首府人民路1号　邮编：010000</p>'
            '<p>联系电话：0471-1234567</p><p>建议使用1920×1080分辨率浏览</p></div>')


def mammoth_html(source_docx: Path) -> str:
    script = ("const mammoth = (await import('mammoth')).default;"
              f"const {{ value }} = await mammoth.convertToHtml({{ path: {json.dumps(str(source_docx))} }});"
              "process.stdout.write(value);")
    return subprocess.run(['node', '--input-type=module', '-e', script], capture_output=True, text=True, check=True, cwd=ROOT).stdout


def print_html(html: str, target: Path, work: Path) -> None:
    page = work / 'page.html'
    page.write_text(html, encoding='utf-8')
    subprocess.run(['chromium', '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', f'--print-to-pdf={target}', str(page)],
                   check=True, capture_output=True)


def as_web_page(source_docx: Path, target: Path, work: Path) -> None:
    body = mammoth_html(source_docx)
    print_html(f'<html><head><meta charset="utf-8"><style>{WEB_STYLE}</style></head><body>{WEB_HEAD}{body}{WEB_FOOT}</body></html>', target, work)


def with_separate_cells(source_docx: Path, target: Path, work: Path) -> None:
    """Tables as old web pages write them, every cell boxed apart: CSS border-spacing, or the table's own
    border="1" cellspacing="1" attributes (bevelled inset and outset borders), printed by Chromium."""
    body = mammoth_html(source_docx)
    if target.stem.endswith('_cellspacing'):
        style = 'body{font-family:serif;font-size:12pt;margin:2cm} table{font-size:10pt} td,th{padding:2px 6px;text-align:center}'
        body = body.replace('<table>', '<table border="1" cellspacing="1" cellpadding="2">')
    else:
        style = ('body{font-family:serif;font-size:12pt;margin:2cm} table{border-collapse:separate;border-spacing:2px;font-size:10pt} '
                 'td,th{border:1px solid #000;padding:2px 6px;text-align:center}')
    print_html(f'<html><head><meta charset="utf-8"><style>{style}</style></head><body>{body}</body></html>', target, work)


def watermark_pdf(path: Path, width: float, height: float, pages: int) -> None:
    """Pages holding only a diagonal watermark, in a non-embedded Chinese font (STSong-Light, UCS-2 codes)."""
    code = ucs2('内部资料 审核专用 2024 0321')
    lines = [f'q 0.8 g BT /W 30 Tf 0.7071 0.7071 -0.7071 0.7071 {width * 0.08:.1f} {height * (0.12 + 0.22 * k):.1f} Tm <{code}> Tj ET Q'
             for k in range(4)]
    kids = ' '.join(f'{5 + i} 0 R' for i in range(pages))
    objects = [b'<< /Type /Catalog /Pages 2 0 R >>', f'<< /Type /Pages /Kids [{kids}] /Count {pages} >>'.encode(), CJK_FONT.encode(),
               stream('\n'.join(lines).encode())]
    objects += [f'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width:g} {height:g}] /Contents 4 0 R '
                f'/Resources << /Font << /W 3 0 R >> >> >>'.encode()] * pages
    write_pdf(path, objects)


def watermarked(source: Path, target: Path, work: Path) -> None:
    width, height = page_size(source)
    mark = work / 'mark.pdf'
    watermark_pdf(mark, width, height, page_count(source))
    subprocess.run(['qpdf', '--deterministic-id', str(source), '--overlay', str(mark), '--', str(target)], check=True)


def main() -> None:
    if not shutil.which('qpdf'):
        sys.exit('qpdf is needed (apt-get install qpdf)')
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        searchable_scan(CORPUS / 'd09_scan.pdf', DEV_CORPUS / 'd09_lo.pdf', OUT / 'd09_ocrlayer.pdf', Path(work))
    shutil.copy(DEV_CORPUS / 'd09_lo.truth.json', OUT / 'd09_ocrlayer.truth.json')
    with tempfile.TemporaryDirectory() as work:
        with_contents(CORPUS / 'd10_docx.docx', Path(work))
    with tempfile.TemporaryDirectory() as work:
        as_web_page(DEV_CORPUS / 'd05_docx.docx', OUT / 'd05_webpage.pdf', Path(work))
    shutil.copy(DEV_CORPUS / 'd05_docx.truth.json', OUT / 'd05_webpage.truth.json')
    with tempfile.TemporaryDirectory() as work:
        garbled(CORPUS / 'd10_lo.pdf', OUT / 'd10_garbled.pdf', Path(work))
    unreadable_truth(CORPUS / 'd10_lo.truth.json', OUT / 'd10_garbled.truth.json')
    for source, name, outer, inner in [('d13', 'd13_thickborder', ('single', '24'), ('single', '4')),
                                       ('s001', 's001_border45', ('single', '36'), ('single', '4')),
                                       ('d02', 'd02_doubleborder', ('double', '6'), ('double', '4')),
                                       ('d02', 'd02_opensides', ('single', '4'), ('single', '4'))]:
        with tempfile.TemporaryDirectory() as work:
            with_table_borders(DEV_CORPUS / f'{source}_docx.docx', OUT / f'{name}.pdf', outer, inner, Path(work))
        shutil.copy(DEV_CORPUS / f'{source}_lo.truth.json', OUT / f'{name}.truth.json')
    for source, name in [('d09', 'd09_spacing'), ('d03', 'd03_cellspacing')]:
        with tempfile.TemporaryDirectory() as work:
            with_separate_cells(DEV_CORPUS / f'{source}_docx.docx', OUT / f'{name}.pdf', Path(work))
        shutil.copy(DEV_CORPUS / f'{source}_docx.truth.json', OUT / f'{name}.truth.json')
    jobs = [('d05_chrome', 'd05_matrix', with_form_matrix), ('d10_lo', 'd10_rotated', turned), ('d05_chrome', 'd05_rotated', turned),
            ('d10_lo', 'd10_watermark', watermarked), ('d10_lo', 'd10_owner', owner_locked),
            ('d10_lo', 'd10_coverscan', behind_scanned_cover), ('s001_chrome', 's001_gs', redistilled),
            ('d02_lo', 'd02_overprint', overprinted)]
    for source, name, make in jobs:
        with tempfile.TemporaryDirectory() as work:
            make(CORPUS / f'{source}.pdf', OUT / f'{name}.pdf', Path(work))
        shutil.copy(CORPUS / f'{source}.truth.json', OUT / f'{name}.truth.json')


if __name__ == '__main__':
    main()
