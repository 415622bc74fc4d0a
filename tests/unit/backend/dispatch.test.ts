import { describe, expect, it } from 'vitest';
import { createDispatch, type Handlers } from '../../../electron/backend/dispatch.ts';
import { AppFailure } from '../../../electron/contract/errors.ts';

function handlersWith(overrides: Partial<Handlers>): Handlers {
  const unexpected = async () => {
    throw new Error('not called in this test');
  };
  return new Proxy(overrides as Handlers, { get: (target, key) => (target as Record<string | symbol, unknown>)[key] ?? unexpected });
}

describe('dispatch', () => {
  it('passes the validated argument to the handler and wraps the value', async () => {
    const seen: unknown[] = [];
    const dispatch = createDispatch(handlersWith({ 'staff/get': async (arg) => (seen.push(arg), { id: arg.id } as never) }));
    expect(await dispatch('staff/get', { id: 3 })).toEqual({ ok: true, value: { id: 3 } });
    expect(seen).toEqual([{ id: 3 }]);
  });

  it('never calls a handler with a bad argument', async () => {
    let called = false;
    const dispatch = createDispatch(handlersWith({ 'staff/get': async () => ((called = true), {} as never) }));
    expect(await dispatch('staff/get', { id: -1 })).toMatchObject({ ok: false, error: { code: 'invalid_argument', fields: { id: 'out_of_range' } } });
    expect(called).toBe(false);
  });

  it('passes an AppFailure through as data', async () => {
    const dispatch = createDispatch(handlersWith({ 'staff/get': async () => { throw new AppFailure('not_found', 'gone'); } }));
    expect(await dispatch('staff/get', { id: 1 })).toEqual({ ok: false, error: { code: 'not_found', message: 'gone' } });
  });

  it('hides the details of an unexpected error from the UI and logs them', async () => {
    const logged: unknown[] = [];
    const dispatch = createDispatch(
      handlersWith({ 'staff/get': async () => { throw new Error('SQLITE_IOERR: disk I/O error at /home/secret'); } }),
      { logError: (_channel, error) => logged.push(error) },
    );
    const envelope = await dispatch('staff/get', { id: 1 });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(envelope)).not.toContain('secret');
    expect(logged).toHaveLength(1);
  });
});
