export { EXAMPLE_MARK, INSTRUCTIONS_SHEET, TYPE_NAMES, describeType, enumOf, headerText } from './columns.js';
export type { CellType, Column, EnumValue } from './columns.js';
export { neutralise, stripUnsafe } from './safe.js';
export { templateWorkbook, writeWorkbook } from './write.js';
export type { ExportSheet, TemplateOptions } from './write.js';
export { readSheet } from './read.js';
export type { ImportProblem, ReadOptions, ReadResult } from './read.js';
