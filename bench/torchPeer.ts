// A PyTorch process kept open for the whole bench, so that its steps can be timed between the core's, one at a
// time: both sides then see the same machine load, which on a shared machine moves more than either side's code.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { WallAndCpu } from './support';

const PYTHON = '/usr/bin/python3';
const READY = 'ready';

/**
 * Runs `setup` (which defines `step()`), one untimed step, then per line it reads prints one line: the step's
 * wall-clock ms and its CPU ms (`time.process_time`, the Python process's own user + system time).
 */
const serve = (setup: string): string => `
import sys, time, torch
torch.set_num_threads(1)
${setup}
step()
print('${READY}', flush=True)
for _ in sys.stdin:
    t, c = time.perf_counter(), time.process_time(); step()
    print((time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000, flush=True)
`;

export interface TorchPeer {
  /** Wall-clock and CPU ms of one step. */
  time(): Promise<WallAndCpu>;
  close(): void;
}

/** The peer running `setup`'s `step()`, or undefined without /usr/bin/python3 and torch. */
export async function startTorch(setup: string): Promise<TorchPeer | undefined> {
  if (!existsSync(PYTHON)) return undefined;
  const child = spawn(PYTHON, ['-c', serve(setup)], { stdio: ['pipe', 'pipe', 'ignore'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const nextLine = async (): Promise<string | undefined> => {
    const { value, done } = await lines.next();
    return done ? undefined : String(value);
  };
  child.on('error', () => undefined);
  if ((await nextLine()) !== READY) {
    child.kill();
    return undefined;
  }
  const time = async (): Promise<WallAndCpu> => {
    child.stdin.write('\n');
    const line = await nextLine();
    if (line === undefined) throw new Error('the PyTorch process ended');
    const [wall, cpu] = line.split(' ').map(Number) as [number, number];
    return { wall, cpu };
  };
  return { time, close: () => child.stdin.end() };
}
