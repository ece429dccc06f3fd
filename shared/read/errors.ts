/** Errors a reader raises for a file it cannot read: a stable code and a plain Chinese message. */

export const READ_ERROR_MESSAGES = {
  EMPTY_FILE: '文件为空（0 字节），无法读取',
  FILE_TOO_LARGE: '文件过大，超出可处理的范围',
  FILE_NOT_FOUND: '找不到该文件',
  FILE_UNREADABLE: '无法读取该文件（可能没有读取权限）',
  UNSUPPORTED_TYPE: '不支持的文件类型，请提供 .docx、.doc 或 .pdf 文件',
  NOT_A_DOCX: '文件扩展名为 .docx，但内容不是 Word 文档',
  CORRUPT_DOCX: 'Word 文件已损坏，无法解压读取',
  ZIP_BOMB: 'Word 文件解压后体积异常（疑似压缩炸弹），已停止读取',
  DOCX_XML_INVALID: 'Word 文件内部结构损坏（XML 无法解析）',
  DOCX_ENCRYPTED: 'Word 文件已加密，请去除密码后重试',
  DOC_NEEDS_CONVERSION: '这是旧版 Word（.doc）文件，本机未安装 LibreOffice，无法转换。请另存为 .docx 后重试',
  DOC_CONVERSION_FAILED: '旧版 Word（.doc）文件转换失败，请另存为 .docx 后重试',
  NOT_A_DOC: '文件扩展名为 .doc，但内容不是 Word 文档',
  PDF_ENCRYPTED: '文件已加密，无法读取',
  PDF_CORRUPT: 'PDF 文件已损坏，无法读取',
  NOT_A_PDF: '文件扩展名为 .pdf，但内容不是 PDF 文档',
  NOT_A_REPORT: '文件中没有找到政府信息公开工作年度报告的内容（标题和三张统计表都不存在）',
  TIMEOUT: '读取超时，文件可能过于复杂或已损坏',
  FILE_TOO_COMPLEX: '文件内容过于复杂（图形或文字数量异常），读取所需内存超出上限，已停止读取',
  CANCELLED: '检查已取消',
} as const;

export type ReadErrorCode = keyof typeof READ_ERROR_MESSAGES;

export class ReadError extends Error {
  readonly code: ReadErrorCode;
  constructor(code: ReadErrorCode, message: string = READ_ERROR_MESSAGES[code], options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ReadError';
    this.code = code;
  }
}

export function isReadError(error: unknown): error is ReadError {
  return error instanceof ReadError;
}
