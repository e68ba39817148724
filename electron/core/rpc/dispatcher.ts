import {
  contract,
  isMethod,
  type Method,
  type MethodOutput,
  type MethodParsedInput,
} from '../../../shared/ipc/contract';
import type { RpcResult } from '../../../shared/ipc/result';
import { describeZodError, toRpcError } from '../errors';
import type { Logger } from '../log';

export type Handler<M extends Method> = (input: MethodParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type HandlerTable = { [M in Method]?: Handler<M> };

export type Dispatch = (method: string, rawInput: unknown) => Promise<RpcResult<unknown>>;

/** Gives a handler's failure its meaning in context (e.g. the project folder went away) before it is reported. */
export type ExplainFailure = (e: unknown, method: Method) => unknown;

/** Collects handlers; registering one method twice is a programming error. */
export class HandlerRegistry {
  private readonly table: HandlerTable = {};

  register<M extends Method>(method: M, handler: Handler<M>): void {
    if (this.table[method]) throw new Error(`handler for ${method} registered twice`);
    (this.table as Record<string, unknown>)[method] = handler;
  }

  registerAll(handlers: HandlerTable): void {
    for (const method of Object.keys(handlers) as Method[]) {
      const handler = handlers[method];
      if (handler) this.register(method, handler as Handler<typeof method>);
    }
  }

  get(method: Method): Handler<Method> | undefined {
    return this.table[method] as Handler<Method> | undefined;
  }

  missing(): Method[] {
    return (Object.keys(contract) as Method[]).filter((m) => !this.table[m]);
  }
}

/**
 * The single entry point every transport calls: validates input against the contract,
 * runs the handler, validates the output, and always resolves to data.
 */
export function createDispatch(registry: HandlerRegistry, log: Logger, explain?: ExplainFailure): Dispatch {
  return async (method, rawInput) => {
    if (typeof method !== 'string' || !isMethod(method)) {
      return {
        ok: false,
        error: { code: 'UNKNOWN_METHOD', message: `未知的操作“${String(method)}”。请升级台账通后重试。` },
      };
    }
    const handler = registry.get(method);
    if (!handler) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `操作“${method}”在此环境中不可用。` } };
    }
    const spec = contract[method];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'INVALID_INPUT', message: describeZodError(parsed.error) } };
    }
    try {
      const value = await handler(parsed.data as never);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        log.error(`output of ${method} does not match the contract`, checked.error.issues);
        return toErr();
      }
      return { ok: true, value: checked.data };
    } catch (e) {
      return { ok: false, error: toRpcError(explain ? explain(e, method) : e, log) };
    }
  };
}

function toErr(): RpcResult<never> {
  return { ok: false, error: toRpcError(new Error('contract violation')) };
}
