/**
 * What every part of the IPC contract shares: the `Result` replies cross as, and the payload
 * shapes the main process checks every request against before a handler runs.
 */

export type IpcErrorCode =
  | 'untrusted-sender'
  | 'bad-request'
  | 'not-found'
  | 'config-invalid'
  | 'org-unavailable'
  | 'unavailable'
  | 'busy'
  | 'io'
  | 'internal';

export interface IpcError {
  code: IpcErrorCode;
  /** One sentence for people. */
  message: string;
  /** The key path the error is about (configuration validation). */
  path?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

// ---------------------------------------------------------------------------------------------
// Payload schema: checked by the main process before any handler runs (handlers accept `unknown`).

export type FieldShape =
  | StringShape
  | NumberShape
  | BooleanShape
  | EnumShape
  | { type: 'array'; of: FieldShape; max: number; optional?: true }
  | { type: 'object'; fields: ObjectShape; optional?: true };

interface StringShape {
  type: 'string';
  max: number;
  optional?: true;
  nullable?: true;
}
interface NumberShape {
  type: 'number';
  min: number;
  max: number;
  integer?: true;
  optional?: true;
}
interface BooleanShape {
  type: 'boolean';
  optional?: true;
}
interface EnumShape {
  type: 'enum';
  values: readonly string[];
  optional?: true;
}

/** Every request is one object; keys not listed are refused. */
export type ObjectShape = Readonly<Record<string, FieldShape>>;

/**
 * The shape a request type must have, worked out by the compiler from the type itself: a field
 * added to a request type without its shape (or a shape for a field the type does not have, or of
 * another type, or optional on one side only) does not compile.
 */
type Optionality<V> = undefined extends V ? { optional: true } : { optional?: never };
type ShapeOfValue<V> = [V] extends [string | null]
  ? string extends V
    ? StringShape & (null extends V ? { nullable: true } : { nullable?: never })
    : EnumShape
  : [V] extends [number]
    ? NumberShape
    : [V] extends [boolean]
      ? BooleanShape
      : [V] extends [readonly (infer Item)[]]
        ? { type: 'array'; of: ShapeOfValue<Item>; max: number }
        : [V] extends [object]
          ? { type: 'object'; fields: ShapeOf<V> }
          : never;
type ShapeOfField<V> = ShapeOfValue<Exclude<V, undefined>> & Optionality<V>;
export type ShapeOf<T> = { readonly [K in keyof T]-?: ShapeOfField<T[K]> };
/** A call that takes no argument receives `{}` and refuses any key. */
type RequestShape<T> = [T] extends [void] ? Readonly<Record<string, never>> : ShapeOf<T>;

/** The request shape of every channel of a part of the contract. */
export type RequestShapes<Map> = {
  readonly [K in keyof Map]: RequestShape<Map[K] extends { request: infer R } ? R : never>;
};

/** A HAR of a morning's logins can be large; the engine still refuses any message over its limit. */
export const MAX_INPUT_CHARS = 64 * 1024 * 1024;
export const text = (max: number) => ({ type: 'string', max }) as const;
export const id = text(200);
export const none = {} as const;
