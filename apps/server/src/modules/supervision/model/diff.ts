/**
 * The difference between two editions of a major list: items matched by their key, compared
 * field by field.
 */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface EditionDiff<T> {
  added: T[];
  removed: T[];
  changed: { key: string; from: T; to: T; fields: FieldChange[] }[];
  unchanged: number;
}

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null) || JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function diffEditions<T extends { itemKey: string }>(from: T[], to: T[], fields: readonly (keyof T & string)[]): EditionDiff<T> {
  const before = new Map(from.map((i) => [i.itemKey, i]));
  const after = new Map(to.map((i) => [i.itemKey, i]));
  const out: EditionDiff<T> = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const item of to) if (!before.has(item.itemKey)) out.added.push(item);
  for (const item of from) if (!after.has(item.itemKey)) out.removed.push(item);
  for (const item of to) {
    const old = before.get(item.itemKey);
    if (!old) continue;
    const changes = fields.filter((f) => !same(old[f], item[f])).map((f) => ({ field: f, from: old[f] ?? null, to: item[f] ?? null }));
    if (changes.length) out.changed.push({ key: item.itemKey, from: old, to: item, fields: changes });
    else out.unchanged++;
  }
  return out;
}
