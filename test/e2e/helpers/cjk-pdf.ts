/**
 * A one-page PDF whose Chinese text is set in STSong-Light, NOT embedded, through the predefined CMap
 * UniGB-UCS2-H (as older Chinese office software and Acrobat's "Asian font pack" PDFs do), plus a line in
 * non-embedded Helvetica. pdf.js can show neither without its cMaps and standard fonts: opening this file in the
 * original view makes it fetch them, so a test can see where they come from. No fixture of the corpus has such a
 * font (all embed theirs), hence the generator.
 */

/** UTF-16BE hex of the text: UniGB-UCS2-H maps UCS-2 codes to Adobe-GB1 CIDs. */
function ucs2Hex(text: string): string {
  return [...text].map((char) => char.charCodeAt(0).toString(16).padStart(4, '0')).join('').toUpperCase();
}

function latinLiteral(text: string): string {
  return text.replace(/[\\()]/g, (char) => `\\${char}`);
}

export function cjkPdfBytes(chineseLines: string[], latinLine: string): Buffer {
  const content = [
    ...chineseLines.map((line, i) => `BT /F1 18 Tf 72 ${760 - i * 30} Td <${ucs2Hex(line)}> Tj ET`),
    `BT /F2 12 Tf 72 ${760 - chineseLines.length * 30 - 10} Td (${latinLiteral(latinLine)}) Tj ET`,
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Resources << /Font << /F1 5 0 R /F2 7 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 8 0 R /DW 1000 >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  let pdf = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
