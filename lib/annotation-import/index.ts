export { importAnnotations, isImportFormat, type ImportResult } from './import-annotations';
export { parseW3c } from './parse-w3c';
export { parseHypothesis } from './parse-hypothesis';
export { placeThreads, type Placement } from './anchor-imported';
export {
  IMPORT_FORMATS,
  MAX_IMPORT_ANNOTATIONS,
  type ImportFormat,
  type ImportedThread,
} from './types';
