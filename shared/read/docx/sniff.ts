/** Content sniffing: what a file really is, whatever its extension says. */
import { ReadError } from '../errors';

export type SniffedKind = 'empty' | 'zip' | 'pdf' | 'cfb' | 'rtf' | 'unknown';

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF_HEADER_WINDOW = 1024;

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  if (bytes.length < signature.length) return false;
  return signature.every((byte, index) => bytes[index] === byte);
}

function asciiBytes(text: string): number[] {
  return Array.from(text, (char) => char.charCodeAt(0));
}

function utf16leBytes(text: string): number[] {
  return Array.from(text).flatMap((char) => [char.charCodeAt(0) & 0xff, char.charCodeAt(0) >> 8]);
}

/** Index of a byte sequence within bytes[from, to), or -1. */
export function indexOfBytes(bytes: Uint8Array, needle: readonly number[], from = 0, to = bytes.length): number {
  const last = Math.min(to, bytes.length) - needle.length;
  outer: for (let start = from; start <= last; start++) {
    for (let index = 0; index < needle.length; index++) {
      if (bytes[start + index] !== needle[index]) continue outer;
    }
    return start;
  }
  return -1;
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && [3, 5, 7].includes(bytes[2]) && bytes[3] === bytes[2] + 1;
}

export function sniffKind(bytes: Uint8Array): SniffedKind {
  if (bytes.length === 0) return 'empty';
  if (isZip(bytes)) return 'zip';
  if (startsWith(bytes, CFB_SIGNATURE)) return 'cfb';
  if (indexOfBytes(bytes, asciiBytes('%PDF-'), 0, PDF_HEADER_WINDOW) >= 0) return 'pdf';
  if (startsWith(bytes, asciiBytes('{\\rtf'))) return 'rtf';
  return 'unknown';
}

/** An OLE compound file holding an "EncryptedPackage" stream is a password-protected Office document. */
export function isEncryptedOfficePackage(bytes: Uint8Array): boolean {
  return indexOfBytes(bytes, utf16leBytes('EncryptedPackage')) >= 0;
}

function notADocx(detail: string): ReadError {
  return new ReadError('NOT_A_DOCX', `文件扩展名为 .docx，但内容不是 Word 文档：${detail}`);
}

/** Throws the right ReadError unless the bytes look like a zip (the container of every .docx). */
export function assertZipContainer(bytes: Uint8Array): void {
  switch (sniffKind(bytes)) {
    case 'zip':
      return;
    case 'empty':
      throw new ReadError('EMPTY_FILE');
    case 'pdf':
      throw notADocx('它实际上是 PDF 文件（扩展名被改成了 .docx），请改为 .pdf 后打开');
    case 'cfb':
      if (isEncryptedOfficePackage(bytes)) throw new ReadError('DOCX_ENCRYPTED');
      throw notADocx('它看起来是旧版 Word（.doc）文件，请改为 .doc 或另存为 .docx 后重试');
    case 'rtf':
      throw notADocx('它实际上是 RTF 文件，请在 Word 中另存为 .docx 后重试');
    default:
      throw notADocx('不是 Word 文档使用的压缩包格式');
  }
}
