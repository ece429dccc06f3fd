export { readDocx, DOCX_READ_LIMITS, type ReadDocxOptions } from './read-docx';
export { sniffKind, isEncryptedOfficePackage, type SniffedKind } from './sniff';
