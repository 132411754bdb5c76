/**
 * React keys for rows of a list the user edits and reorders (sections, questions, choices): their
 * own keys change while typed, and an index would move focus to another row on reordering. Each
 * row object gets an id on first sight, and an edited copy carries its original's id.
 */
const ids = new WeakMap<object, string>();
let next = 0;

export function rowKey(row: object): string {
  let id = ids.get(row);
  if (!id) {
    next += 1;
    id = `row-${next}`;
    ids.set(row, id);
  }
  return id;
}

/** The edited copy `to` of `from`, keeping its row key. */
export function carry<T extends object>(from: T, to: T): T {
  ids.set(to, rowKey(from));
  return to;
}
