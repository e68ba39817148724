import { describe, expect, it } from 'vitest';
import { createDispatch, HandlerRegistry } from '../../electron/core/rpc/dispatcher';
import { AppError } from '../../shared/ipc/result';
import type { Logger } from '../../electron/core/log';

function memoryLog() {
  const errors: unknown[] = [];
  const log: Logger = { info: () => {}, error: (_m, d) => errors.push(d) };
  return { log, errors };
}

describe('dispatcher', () => {
  it('rejects an unknown method as data', async () => {
    const { log } = memoryLog();
    const dispatch = createDispatch(new HandlerRegistry(), log);
    const result = await dispatch('projects.explode', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_METHOD', message: expect.stringContaining('projects.explode') },
    });
  });

  it('validates input against the contract before the handler runs', async () => {
    const { log } = memoryLog();
    const registry = new HandlerRegistry();
    let called = false;
    registry.register('projects.create', () => {
      called = true;
      throw new Error('should not run');
    });
    const dispatch = createDispatch(registry, log);
    const result = await dispatch('projects.create', { dir: '/tmp/x', name: '', year: 'twenty' });
    expect(called).toBe(false);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.message).toMatch(/^输入有误/);
      expect(result.error.message).toContain('请填写单位名称');
    }
  });

  it('returns thrown errors as data without stack traces, logging the stack instead', async () => {
    const { log, errors } = memoryLog();
    const registry = new HandlerRegistry();
    registry.register('projects.current', () => {
      throw new TypeError('cannot read properties of undefined (secret internals)');
    });
    registry.register('projects.close', () => {
      throw new AppError('NO_PROJECT', '还没有打开项目。');
    });
    const dispatch = createDispatch(registry, log);
    const internal = await dispatch('projects.current', {});
    expect(internal.ok).toBe(false);
    if (!internal.ok) {
      expect(internal.error.code).toBe('INTERNAL');
      expect(JSON.stringify(internal)).not.toMatch(/secret internals|at .*\.ts|TypeError/);
      expect(internal.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(errors).toHaveLength(1);
    expect(await dispatch('projects.close', {})).toEqual({
      ok: false,
      error: { code: 'NO_PROJECT', message: '还没有打开项目。' },
    });
  });

  it('refuses output that breaks the contract', async () => {
    const { log, errors } = memoryLog();
    const registry = new HandlerRegistry();
    registry.register('jobs.cancel', () => ({ cancelled: 'yes' }) as unknown as { cancelled: boolean });
    const result = await createDispatch(registry, log)('jobs.cancel', { jobId: 'x' });
    expect(result.ok).toBe(false);
    expect(errors.length).toBeGreaterThan(0);
  });

  it('refuses a second handler for the same method', () => {
    const registry = new HandlerRegistry();
    registry.register('jobs.list', () => []);
    expect(() => registry.register('jobs.list', () => [])).toThrow(/twice/);
  });
});
