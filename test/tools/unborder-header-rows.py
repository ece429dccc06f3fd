"""A .docx whose tables keep their borders except on their header rows (the rows before the first that holds a
number): python3 unborder-header-rows.py in.docx out.docx. Like a web table that borders td and not th."""
import re, sys, zipfile

src, dst = sys.argv[1], sys.argv[2]
NIL = '<w:tcBorders>' + ''.join(f'<w:{side} w:val="nil"/>' for side in ['top', 'left', 'bottom', 'right']) + '</w:tcBorders>'
TEXT = r'<w:t(?: [^>]*)?>([^<]*)</w:t>'


def unborder_header(table):
    for row in re.findall(r'<w:tr[ >].*?</w:tr>', table, flags=re.S):
        cells = [''.join(re.findall(TEXT, cell)).strip() for cell in re.findall(r'<w:tc>.*?</w:tc>', row, flags=re.S)]
        if any(re.fullmatch(r'\d+', text) for text in cells):
            break
        bare = re.sub(r'<w:tcBorders>.*?</w:tcBorders>', '', row, flags=re.S)
        bare = bare.replace('<w:tcPr>', '<w:tcPr>' + NIL)
        bare = re.sub(r'<w:tc>(?!<w:tcPr>)', '<w:tc><w:tcPr>' + NIL + '</w:tcPr>', bare)
        table = table.replace(row, bare, 1)
    return table


with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == 'word/document.xml':
            xml = re.sub(r'<w:tbl>.*?</w:tbl>', lambda m: unborder_header(m.group(0)), data.decode('utf8'), flags=re.S)
            data = xml.encode('utf8')
        zout.writestr(item, data)
