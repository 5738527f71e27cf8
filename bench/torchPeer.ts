// A PyTorch process kept open for the whole bench, so that its steps can be timed between the core's, one at a
// time: both sides then see the same machine load, which on a shared machine moves more than either side's code.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { WallAndCpu } from './support';

const PYTHON = '/usr/bin/python3';
const READY = 'ready';
/**
 * glibc settings for the peer: blocks up to 32 MiB (the largest threshold it accepts; a 4096 x 1000 float64
 * tensor is 31.25 MiB) come from the heap and freed memory stays mapped. Left to glibc's adaptive threshold,
 * each run of the peer settled by chance into reusing its buffers (~30 ms a step here) or mapping four fresh
 * ones per step and faulting in every page (~60 ms): the ratio against it was bimodal from run to run.
 */
const MALLOC_REUSE = {
  MALLOC_MMAP_THRESHOLD_: String(32 * 2 ** 20),
  MALLOC_TRIM_THRESHOLD_: String(2 ** 30),
};

/**
 * Runs `setup` (which defines `step()`), one untimed step, then per line it reads prints one line: the step's
 * wall-clock ms, its CPU ms (`time.process_time`, the Python process's own user + system time) and the minor
 * page faults it took.
 */
const serve = (setup: string): string => `
import sys, time, resource, torch
torch.set_num_threads(1)
${setup}
step()
print('${READY}', flush=True)
def faults():
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in sys.stdin:
    f, t, c = faults(), time.perf_counter(), time.process_time(); step()
    print((time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000, faults() - f, flush=True)
`;

/** One step of the peer: wall-clock and CPU ms, and the minor page faults it took (fresh memory touched). */
export interface PeerStep extends WallAndCpu {
  faults: number;
}

export interface TorchPeer {
  time(): Promise<PeerStep>;
  close(): void;
}

/** The peer running `setup`'s `step()`, or undefined without /usr/bin/python3 and torch. */
export async function startTorch(setup: string): Promise<TorchPeer | undefined> {
  if (!existsSync(PYTHON)) return undefined;
  const child = spawn(PYTHON, ['-c', serve(setup)], {
    stdio: ['pipe', 'pipe', 'ignore'],
    env: { ...process.env, ...MALLOC_REUSE },
  });
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
  const time = async (): Promise<PeerStep> => {
    child.stdin.write('\n');
    const line = await nextLine();
    if (line === undefined) throw new Error('the PyTorch process ended');
    const [wall, cpu, faults] = line.split(' ').map(Number) as [number, number, number];
    return { wall, cpu, faults };
  };
  return { time, close: () => child.stdin.end() };
}
