"""A .docx with every table and cell border (and shading) removed: python3 strip-table-borders.py in.docx out.docx"""
import re, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
nil = '<w:tblBorders>' + ''.join(f'<w:{s} w:val="nil"/>' for s in ['top','left','bottom','right','insideH','insideV']) + '</w:tblBorders>'
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == 'word/document.xml':
            x = data.decode('utf8')
            x = re.sub(r'<w:tblBorders>.*?</w:tblBorders>', '', x, flags=re.S)
            x = re.sub(r'<w:tcBorders>.*?</w:tcBorders>', '', x, flags=re.S)
            x = re.sub(r'<w:tblStyle [^>]*/>', '', x)
            x = re.sub(r'(<w:tblPr>)', r'\1' + nil, x)
            x = re.sub(r'<w:shd [^>]*/>', '', x)
            data = x.encode('utf8')
        zout.writestr(item, data)
