/**
 * The IPC contract is checked by the compiler: each request's payload shape is derived from its
 * request type. The `@ts-expect-error` lines below are part of the test: `npm run typecheck`
 * fails if any of them stops being an error, that is if a shape could drift from its type again.
 */
import { describe, expect, it } from 'vitest';
import {
  EVENT_NAMES,
  INVOKE_METHODS,
  REQUEST_SHAPES,
  type EventMap,
  type InvokeMap,
  type JitDoctorApi,
  type ShapeOf,
} from '../../../shared/ipc';
import { checkPayload } from '../../../electron/main/ipc-payload';

interface Example {
  name: string;
  count?: number;
  when: string | null;
  mode: 'a' | 'b';
  tags: string[];
}

const good: ShapeOf<Example> = {
  name: { type: 'string', max: 10 },
  count: { type: 'number', min: 0, max: 5, optional: true },
  when: { type: 'string', max: 40, nullable: true },
  mode: { type: 'enum', values: ['a', 'b'] },
  tags: { type: 'array', of: { type: 'string', max: 10 }, max: 3 },
};

// @ts-expect-error a field of the type without its shape does not compile
const missing: ShapeOf<Example> = {
  name: good.name,
  count: good.count,
  when: good.when,
  mode: good.mode,
};
const extra: ShapeOf<Example> = {
  ...good,
  // @ts-expect-error a shape for a field the type does not have does not compile
  colour: { type: 'string', max: 10 },
};
// @ts-expect-error a number field shaped as a string does not compile
const wrongType: ShapeOf<Example> = { ...good, count: { type: 'string', max: 10, optional: true } };
// @ts-expect-error an optional field shaped as required does not compile
const notOptional: ShapeOf<Example> = { ...good, count: { type: 'number', min: 0, max: 5 } };
// @ts-expect-error a nullable field shaped as not nullable does not compile
const notNullable: ShapeOf<Example> = { ...good, when: { type: 'string', max: 40 } };

describe('the IPC contract', () => {
  it('has a payload shape for every call and a name for every event', () => {
    const calls: Record<keyof InvokeMap, true> = Object.fromEntries(
      INVOKE_METHODS.map((method) => [method, true]),
    ) as Record<keyof InvokeMap, true>;
    expect(Object.keys(calls).sort()).toEqual(Object.keys(REQUEST_SHAPES).sort());
    const events: (keyof EventMap)[] = [...EVENT_NAMES];
    expect(new Set(events).size).toBe(EVENT_NAMES.length);
    expect(EVENT_NAMES).toContain('repairProgress');
  });

  it('refuses an argument to a call that takes none', () => {
    type GetSettings = JitDoctorApi['getSettings'];
    const noArgument: Parameters<GetSettings> = [];
    expect(noArgument).toEqual([]);
    expect(checkPayload({}, REQUEST_SHAPES.getSettings)).toBeNull();
    expect(checkPayload({ theme: 'dark' }, REQUEST_SHAPES.getSettings)).toMatch(/not expected/);
  });

  it('checks a payload against the shape derived from its type', () => {
    expect(checkPayload({ name: 'x', when: null, mode: 'a', tags: [] }, good)).toBeNull();
    expect(checkPayload({ name: 'x', when: null, mode: 'c', tags: [] }, good)).toMatch(
      /one of a, b/,
    );
    void [missing, extra, wrongType, notOptional, notNullable];
  });
});
