/** PDF reading, Node side. */
import type { DocumentContent } from '../../shared/model/grid';
import { ReadError } from '../../shared/read/errors';

export async function readPdfFile(bytes: Uint8Array): Promise<DocumentContent> {
  void bytes;
  throw new ReadError('UNSUPPORTED_TYPE', '暂不支持读取 PDF 文件');
}
