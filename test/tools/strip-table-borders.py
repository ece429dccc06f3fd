"""A .docx with its table borders replaced: python3 strip-table-borders.py in.docx out.docx [none|outer|hlines]

none    no border at all (and no shading)
outer   only a frame round each table, no inner lines
hlines  horizontal lines only (top, bottom and between rows), no vertical ones
"""
import re, sys, zipfile

src, dst = sys.argv[1], sys.argv[2]
mode = sys.argv[3] if len(sys.argv) > 3 else 'none'
on = 'w:val="single" w:sz="4" w:space="0" w:color="000000"'
off = 'w:val="nil"'
sides = {
    'none': {},
    'outer': {'top', 'left', 'bottom', 'right'},
    'hlines': {'top', 'bottom', 'insideH'},
}[mode]
borders = '<w:tblBorders>' + ''.join(
    f'<w:{side} {on if side in sides else off}/>' for side in ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
) + '</w:tblBorders>'
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == 'word/document.xml':
            xml = data.decode('utf8')
            xml = re.sub(r'<w:tblBorders>.*?</w:tblBorders>', '', xml, flags=re.S)
            xml = re.sub(r'<w:tcBorders>.*?</w:tcBorders>', '', xml, flags=re.S)
            xml = re.sub(r'<w:tblStyle [^>]*/>', '', xml)
            xml = re.sub(r'(<w:tblPr>)', r'\1' + borders, xml)
            if mode == 'none':
                xml = re.sub(r'<w:shd [^>]*/>', '', xml)
            data = xml.encode('utf8')
        zout.writestr(item, data)
