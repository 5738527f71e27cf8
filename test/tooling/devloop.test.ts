// F5 works: .vscode/launch.json and tasks.json point at files, tasks and npm scripts that exist.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(REPO, path), 'utf8');

interface LaunchConfig {
  name: string;
  type: string;
  program?: string;
  args?: string[];
  outFiles?: string[];
  preLaunchTask?: string;
}
interface Task {
  label: string;
  type: 'npm' | 'shell';
  script?: string;
  command?: string;
  group?: string | { kind: string; isDefault?: boolean };
  problemMatcher?: { background?: { beginsPattern: string; endsPattern: string } } | string | [];
}

const launch: { configurations: LaunchConfig[] } = JSON.parse(read('.vscode/launch.json'));
const tasks: { tasks: Task[] } = JSON.parse(read('.vscode/tasks.json'));
const pkg: { main: string; browser: string; scripts: Record<string, string> } = JSON.parse(
  read('package.json'),
);

const resolved = (value: string) => value.replaceAll(/\$\{workspaceFolder\}/g, REPO);
/** The paths a configuration's arguments name: `--flag=PATH`, `--config PATH`, or a bare workspace folder. */
function argPaths(args: string[]): string[] {
  return args
    .map((a) => resolved(a.includes('=') ? a.slice(a.indexOf('=') + 1) : a))
    .filter((a) => a.startsWith(REPO));
}
const config = (name: string) => {
  const found = launch.configurations.find((c) => c.name === name);
  assert.ok(found, `launch.json has "${name}"`);
  return found;
};

describe('.vscode/launch.json and tasks.json (F5)', () => {
  it('has "Run Extension" and "Extension Tests"', () => {
    assert.equal(config('Run Extension').type, 'extensionHost');
    assert.match(config('Extension Tests').args?.join(' ') ?? '', /\.vscode-test\.mjs/);
  });

  for (const c of launch.configurations) {
    it(`"${c.name}" points at files that exist`, () => {
      const paths = [...(c.program ? [resolved(c.program)] : []), ...argPaths(c.args ?? [])];
      assert.ok(paths.length > 0, 'names a program or a path');
      for (const path of paths) assert.ok(existsSync(path), `${path} does not exist`);
    });

    if (c.preLaunchTask) {
      it(`"${c.name}" runs the task "${c.preLaunchTask}" first, which exists`, () => {
        assert.ok(tasks.tasks.some((t) => t.label === c.preLaunchTask));
      });
    }
  }

  it('debugs the bundles package.json starts: main and browser are under the outFiles', () => {
    /** An outFiles glob covers the .js files under its part before the first `**`. */
    const covers = (glob: string, file: string) =>
      file.endsWith('.js') && join(REPO, file).startsWith(resolved(glob).split('**')[0]);
    assert.ok(config('Run Extension').outFiles?.some((g) => covers(g, pkg.main)));
    assert.ok(config('Run Web Extension').outFiles?.some((g) => covers(g, pkg.browser)));
  });

  it('every task runs an npm script or a file that exists', () => {
    for (const t of tasks.tasks) {
      const scripts =
        t.type === 'npm'
          ? [t.script ?? '']
          : [...(t.command ?? '').matchAll(/npm run (\S+)/g)].map((m) => m[1]);
      for (const s of scripts) assert.ok(pkg.scripts[s], `${t.label}: no npm script "${s}"`);
      for (const [, file] of (t.command ?? '').matchAll(/node (\S+)/g))
        assert.ok(existsSync(join(REPO, file)), `${t.label}: ${file} does not exist`);
    }
  });

  it('has a default build task, "watch", whose background markers scripts/build.mjs prints', () => {
    const defaults = tasks.tasks.filter(
      (t) => typeof t.group === 'object' && t.group.kind === 'build' && t.group.isDefault,
    );
    assert.deepEqual(
      defaults.map((t) => t.label),
      ['watch'],
    );
    const [watch] = defaults;
    assert.equal(pkg.scripts[watch.script ?? ''], 'node scripts/build.mjs --watch');
    const matcher = watch.problemMatcher;
    assert.ok(matcher && typeof matcher === 'object' && !Array.isArray(matcher) && matcher.background);
    const build = read('scripts/build.mjs');
    const printed = [...build.matchAll(/console\.log\('(\[watch\][^']*)'\)/g)].map((m) => m[1]);
    assert.ok(
      printed.some((line) => new RegExp(matcher.background!.beginsPattern).test(line)),
      'begins',
    );
    assert.ok(
      printed.some((line) => new RegExp(matcher.background!.endsPattern).test(line)),
      'ends',
    );
  });
});
