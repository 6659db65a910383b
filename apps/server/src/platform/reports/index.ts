export { officialDocumentDocx, chineseDate } from './official-document.js';
export type { OfficialDocument, OfficialHeading, OfficialAttachment } from './official-document.js';
