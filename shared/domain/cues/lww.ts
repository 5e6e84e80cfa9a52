/**
 * Field-level last-writer-wins registers, ordered by hybrid logical clock (shared/domain/hlc: the encoded
 * timestamps compare as strings). Each field of a record keeps the HLC of its last write, so two people editing
 * different fields of the same item both keep their edit, and a write that arrives late (an older HLC) never
 * overwrites a newer one. Merging is commutative, associative and idempotent: replicas that see the same writes
 * in any order end equal.
 */

/** A field's current value and the HLC of the write that set it. `set: false` = reset to the default. */
export interface FieldRegister<V> {
  readonly set: boolean;
  readonly value: V | undefined;
  readonly hlc: string;
}

export type Registers<F extends string, V> = Partial<Record<F, FieldRegister<V>>>;

/** One write: the fields it sets, the fields it resets, all stamped with one HLC. */
export interface FieldWrite<F extends string, V> {
  readonly hlc: string;
  readonly set: Partial<Record<F, V>>;
  readonly reset?: readonly F[];
}

export interface MergeOutcome<F extends string, V> {
  readonly registers: Registers<F, V>;
  /** Fields this write changed. */
  readonly applied: F[];
  /** Fields this write lost to a newer write already there. */
  readonly stale: F[];
}

/** Whether a write stamped `incoming` beats the register (ties — the same write seen twice — change nothing). */
export function newer(incoming: string, current: string | undefined): boolean {
  return current === undefined || incoming > current;
}

/** Applies one write to the registers, field by field. */
export function mergeWrite<F extends string, V>(registers: Registers<F, V>, write: FieldWrite<F, V>): MergeOutcome<F, V> {
  const next: Registers<F, V> = { ...registers };
  const applied: F[] = [];
  const stale: F[] = [];
  const put = (field: F, reg: FieldRegister<V>): void => {
    if (newer(reg.hlc, next[field]?.hlc)) {
      next[field] = reg;
      applied.push(field);
    } else if (next[field]?.hlc !== reg.hlc) stale.push(field);
  };
  for (const field of Object.keys(write.set) as F[]) {
    const value = write.set[field];
    if (value !== undefined) put(field, { set: true, value, hlc: write.hlc });
  }
  for (const field of write.reset ?? []) {
    if (write.set[field] === undefined) put(field, { set: false, value: undefined, hlc: write.hlc });
  }
  return { registers: next, applied, stale };
}

/** The values of the fields that are set (reset fields are absent). */
export function valuesOf<F extends string, V>(registers: Registers<F, V>): Partial<Record<F, V>> {
  const out: Partial<Record<F, V>> = {};
  for (const field of Object.keys(registers) as F[]) {
    const r = registers[field];
    if (r?.set) out[field] = r.value;
  }
  return out;
}

/** The HLC of each field's last write. */
export function clocksOf<F extends string, V>(registers: Registers<F, V>): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const field of Object.keys(registers) as F[]) {
    const r = registers[field];
    if (r) out[field] = r.hlc;
  }
  return out;
}

/** The newest HLC of any field ('' when none). */
export function latestHlc(clocks: Partial<Record<string, string>>): string {
  let max = '';
  for (const h of Object.values(clocks)) if (h !== undefined && h > max) max = h;
  return max;
}

/** Fields of `write` whose register was written after `baseHlc` by someone else: what the write will overwrite. */
export function concurrentSince<F extends string, V>(
  registers: Registers<F, V>,
  fields: readonly F[],
  baseHlc: string,
): { field: F; register: FieldRegister<V> }[] {
  const out: { field: F; register: FieldRegister<V> }[] = [];
  for (const field of fields) {
    const r = registers[field];
    if (r && r.hlc > baseHlc) out.push({ field, register: r });
  }
  return out;
}
