import type ExcelJS from 'exceljs';

/** ExcelJS is large and only needed when a file is read or written: loaded then, not at start-up. */
let loaded: Promise<typeof ExcelJS> | null = null;
export const loadExcelJS = () => (loaded ??= import('exceljs').then((m) => m.default));
