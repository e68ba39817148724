import { parseArgs } from 'node:util';
import { commands } from './commands';
import type { Command } from './command-kit';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, failureMessage, processIo, UsageError, type Io } from './cli-io';

function generalHelp(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    '台账通命令行工具',
    '',
    '用法：taizhang <命令> [参数] [选项]',
    '',
    '命令：',
    ...lines,
    '',
    '每个命令都支持 --json（供脚本使用）和 --help。',
    '退出码：0 成功；1 操作失败（原因见错误输出）；2 用法有误。',
    '查看某个命令的说明：taizhang <命令> --help',
  ].join('\n');
}

function commandHelp(name: string, c: Command): string {
  const opts = Object.entries(c.options).map(([o, spec]) => `  --${o.padEnd(10)} ${spec.help}`);
  return [`${c.summary}`, '', `用法：${c.usage}`, '', '选项：', ...opts, `  --${'help'.padEnd(10)} 显示本帮助`].join(
    '\n',
  );
}

/** Runs one CLI invocation; returns the exit code (never throws). */
export async function runCli(argv: string[], io: Io = processIo): Promise<number> {
  const [first, ...afterFirst] = argv;
  // Two-word commands ("system import") are looked up as one name.
  const twoWord = first !== undefined && afterFirst[0] !== undefined ? `${first} ${afterFirst[0]}` : '';
  const [name, rest] = commands[twoWord] ? [twoWord, afterFirst.slice(1)] : [first, afterFirst];
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const target = name === 'help' ? rest[0] : undefined;
    const c = target ? commands[target] : undefined;
    io.out(c && target ? commandHelp(target, c) : generalHelp());
    return EXIT_OK;
  }
  const command = commands[name];
  if (!command) {
    const group = Object.keys(commands).filter((n) => n.startsWith(`${name} `));
    if (group.length && (rest.length === 0 || rest[0] === '--help' || rest[0] === '-h')) {
      const list = group.map((n) => `  ${n}  ${commands[n]!.summary}`).join('\n');
      if (rest.length) io.out(list);
      else io.err(`请指定子命令：\n${list}`);
      return rest.length ? EXIT_OK : EXIT_USAGE;
    }
    io.err(`未知命令“${[name, ...rest.slice(0, 1)].join(' ')}”。\n\n${generalHelp()}`);
    return EXIT_USAGE;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    io.err(`参数有误：${(e as Error).message}\n\n${commandHelp(name, command)}`);
    return EXIT_USAGE;
  }
  if (parsed.values.help) {
    io.out(commandHelp(name, command));
    return EXIT_OK;
  }
  try {
    return await command.run({ positionals: parsed.positionals, values: parsed.values }, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\n${commandHelp(name, command)}`);
      return EXIT_USAGE;
    }
    io.err(`错误：${failureMessage(e)}`);
    return EXIT_FAILED;
  }
}

// Run when executed directly (npm run cli / the bin shim), not when imported by tests.
const invokedDirectly = process.argv[1] !== undefined && /[\\/]cli[\\/]main\.ts$/.test(process.argv[1]);
if (invokedDirectly || process.env.TAIZHANG_CLI_ENTRY === '1') {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
