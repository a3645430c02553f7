/**
 * The CLI end to end, as a child process: golden output for every format over the
 * fixture workspace (and the seeds, once `seeds/*.ptl` exist), SARIF against the
 * official schema and Microsoft's validator, exit codes, `--fix` and `--fix-dry-run`.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, expectGolden, FIXTURES, normalize, ptl, ROOT, tempCopy, WORK } from './helpers';
import { parseXml } from './xml';
import { sarifValidator } from './sarif-schema';

beforeAll(buildCli, 60_000);

const CHECK_FORMATS = ['text', 'json', 'sarif', 'github', 'junit'] as const;
const REPORT_FORMATS = ['md', 'csv', 'json', 'html'] as const;
const EXTENSIONS: Record<string, string> = { text: 'txt', json: 'json', sarif: 'sarif', github: 'txt', junit: 'xml', md: 'md', csv: 'csv', html: 'html' };

const goldenName = (base: string, format: string) => (EXTENSIONS[format] === format ? `${base}.${format}` : `${base}.${format}.${EXTENSIONS[format]}`);

const seedFiles = fs.existsSync(path.join(ROOT, 'seeds')) ? fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.ptl')) : [];

const workspaces = [
  { name: 'fixtures', cwd: FIXTURES, paths: ['.'], present: true, createIfMissing: false },
  { name: 'seeds', cwd: ROOT, paths: ['seeds'], present: seedFiles.length > 0, createIfMissing: true },
];

for (const ws of workspaces) {
  describe.skipIf(!ws.present)(`goldens: ${ws.name}${ws.present ? '' : ' (skipped: no seeds/*.ptl yet)'}`, () => {
    for (const format of CHECK_FORMATS) {
      for (const locale of format === 'text' || format === 'github' ? ['zh-CN', 'en'] : ['zh-CN']) {
        it(`check --format ${format} --locale ${locale}`, () => {
          const result = ptl(['check', ...ws.paths, '--format', format, '--locale', locale], { cwd: ws.cwd });
          expect(result.stderr).toBe('');
          expect([0, 1]).toContain(result.code);
          expectGolden(`${ws.name}/${goldenName(`check.${locale}`, format)}`, normalize(result.stdout, ws.cwd), ws);
        });
      }
    }
    for (const format of REPORT_FORMATS) {
      it(`report --format ${format}`, () => {
        const result = ptl(['report', ...ws.paths, '--format', format], { cwd: ws.cwd });
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        expectGolden(`${ws.name}/${goldenName('report', format)}`, normalize(result.stdout, ws.cwd), ws);
      });
    }

    it('agrees across formats: every finding appears once in JSON, SARIF, GitHub and JUnit', () => {
      const json = JSON.parse(ptl(['check', ...ws.paths, '--format', 'json'], { cwd: ws.cwd }).stdout);
      const sarif = JSON.parse(ptl(['check', ...ws.paths, '--format', 'sarif'], { cwd: ws.cwd }).stdout);
      const github = ptl(['check', ...ws.paths, '--format', 'github'], { cwd: ws.cwd }).stdout;
      const junit = ptl(['check', ...ws.paths, '--format', 'junit'], { cwd: ws.cwd }).stdout;
      expect(sarif.runs[0].results).toHaveLength(json.findings.length);
      expect(github.split('\n').filter(Boolean)).toHaveLength(json.findings.length);
      expect(sarif.runs[0].results.map((r: any) => r.ruleId)).toEqual(json.findings.map((f: any) => f.rule));
      const validate = sarifValidator();
      expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
      const events = parseXml(junit);
      expect(events.filter((e) => e.name === 'testsuite')).toHaveLength(json.files.length);
    });
  });
}

describe('the fixture workspace', () => {
  it('has the findings the goldens are about', () => {
    const json = JSON.parse(ptl(['check', '.', '--format', 'json', '--locale', 'en']).stdout);
    const rules = new Set(json.findings.map((f: any) => f.rule));
    for (const rule of ['syntax-error', 'fullwidth-punctuation', 'binding-target-missed', 'duplicate-id', 'missing-target']) expect(rules).toContain(rule);
    expect(json.findings.some((f: any) => f.related.length > 0)).toBe(true);
    expect(json.findings.some((f: any) => f.fixes.some((x: any) => x.safe))).toBe(true);
  });
});

describe('SARIF validity', () => {
  it("passes Microsoft's SARIF validator (Sarif.Multitool validate) without errors or warnings", () => {
    const tool = path.join(path.dirname(createRequire(import.meta.url).resolve('@microsoft/sarif-multitool-linux/package.json')), 'Sarif.Multitool');
    if (process.platform !== 'linux' || process.arch !== 'x64') {
      console.warn('skipped: Sarif.Multitool is a linux-x64 binary');
      return;
    }
    fs.chmodSync(tool, 0o755);
    fs.mkdirSync(WORK, { recursive: true });
    const input = path.join(WORK, 'fixtures.sarif');
    const output = path.join(WORK, 'fixtures.validation.sarif');
    fs.writeFileSync(input, ptl(['check', '.', '--format', 'sarif']).stdout);
    fs.rmSync(output, { force: true });
    const run = spawnSync(tool, ['validate', input, '--output', output, '--level', 'Error;Warning;Note', '--log', 'ForceOverwrite'], {
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const results: any[] = JSON.parse(fs.readFileSync(output, 'utf8')).runs[0].results ?? [];
    const problems = results.filter((r) => r.level === 'error' || r.level === 'warning' || r.level === undefined);
    expect(problems.map((r) => `${r.ruleId} ${r.level} ${JSON.stringify(r.message.arguments)}`)).toEqual([]);
  }, 150_000);
});

describe('exit codes', () => {
  it('0 without findings over the threshold, 1 with errors, 1 over --max-warnings', () => {
    expect(ptl(['check', 'fullwidth.ptl']).code).toBe(0);
    expect(ptl(['check', 'warning.ptl']).code).toBe(0);
    expect(ptl(['check', 'warning.ptl', '--max-warnings', '1']).code).toBe(0);
    expect(ptl(['check', 'warning.ptl', '--max-warnings', '0']).code).toBe(1);
    expect(ptl(['check', 'warning.ptl', '--max-warnings=0', '--format', 'sarif']).code).toBe(1);
    expect(ptl(['check', 'broken.ptl']).code).toBe(1);
    expect(ptl(['check', 'plan.ptl', '--format', 'junit']).code).toBe(1);
    expect(ptl(['check', '.']).code).toBe(1);
  });

  it('2 when the tool fails: bad arguments, unknown format, unreadable configuration, nothing to check', () => {
    const two = (args: string[]) => {
      const result = ptl(args);
      expect(result.code, `ptl ${args.join(' ')}`).toBe(2);
      expect(result.stderr, `ptl ${args.join(' ')}`).toMatch(/^ptl: /);
      return result;
    };
    two(['check', '.', '--format', 'xml']);
    two(['report', '.', '--format', 'sarif']);
    two(['check', '.', '--max-warnings', '-1']);
    two(['check', '.', '--max-warnings', 'many']);
    two(['check', '.', '--bogus']);
    two(['frobnicate']);
    two(['check', '.', '--locale', 'fr']);
    two(['check', '.', '--config']);
    two(['check', '.', '--config', 'does-not-exist.json']);
    two(['check', '.', '--config', '.']);
    two(['check', 'no-such-dir']);
    expect(ptl([]).code).toBe(2);
    expect(two(['check', '.', '--format', 'xml']).stdout).toBe('');
  });

  it('reports an invalid configuration file as findings (exit 1), not as a tool failure', () => {
    const dir = tempCopy('bad-config', ['fullwidth.ptl']);
    fs.writeFileSync(path.join(dir, 'ptl.config.json'), '{ "rules": 42 }');
    const result = ptl(['check', '.', '--format', 'json', '--config', 'ptl.config.json'], { cwd: dir });
    const json = JSON.parse(result.stdout);
    expect(json.findings.map((f: any) => f.rule)).toContain('config-invalid');
    expect(result.code).toBe(1);
  });
});

describe('--fix and --fix-dry-run', () => {
  it('--fix-dry-run shows the diff and changes nothing', () => {
    const dir = tempCopy('dry-run', ['fullwidth.ptl', 'ptl.config.json']);
    const before = fs.readFileSync(path.join(dir, 'fullwidth.ptl'), 'utf8');
    const result = ptl(['check', 'fullwidth.ptl', '--fix-dry-run', '--locale', 'en'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'fullwidth.ptl'), 'utf8')).toBe(before);
    const diff = result.stdout.slice(0, result.stdout.indexOf('fullwidth.ptl:'));
    expectGolden('fix/fullwidth.dry-run.diff', diff);
    expect(diff).toContain('--- a/fullwidth.ptl\n+++ b/fullwidth.ptl\n');
    expect(diff).toContain('-    name："街道综合养老服务中心覆盖率"\n+    name:"街道综合养老服务中心覆盖率"');
    expect(diff).toContain('+    baseline 60 @2020');
  });

  it('--fix repairs a copy of a file with full-width punctuation; afterwards nothing is fixable', () => {
    const dir = tempCopy('fix', ['fullwidth.ptl', 'ptl.config.json']);
    const file = path.join(dir, 'fullwidth.ptl');
    const result = ptl(['check', 'fullwidth.ptl', '--fix', '--locale', 'en'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^fixed fullwidth\.ptl: 3 edit\(s\)\n/);
    const fixed = fs.readFileSync(file, 'utf8');
    expect(fixed).not.toMatch(/[：％０-９]/);
    expect(fixed).toContain('baseline 60 @2020');
    const after = JSON.parse(ptl(['check', 'fullwidth.ptl', '--format', 'json'], { cwd: dir }).stdout);
    expect(after.findings.filter((f: any) => f.fixes.some((x: any) => x.safe))).toEqual([]);
    expect(after.summary.findings).toBe(0);
    const again = ptl(['check', 'fullwidth.ptl', '--fix-dry-run'], { cwd: dir });
    expect(again.stdout).not.toContain('+++');
    expect(fs.readFileSync(file, 'utf8')).toBe(fixed);
  });

  it('keeps machine-readable output clean: fix messages go to stderr', () => {
    const dir = tempCopy('fix-json', ['fullwidth.ptl', 'ptl.config.json']);
    const result = ptl(['check', 'fullwidth.ptl', '--fix', '--format', 'sarif'], { cwd: dir });
    expect(() => JSON.parse(result.stdout)).not.toThrow();
    expect(result.stderr).toContain('fullwidth.ptl');
  });
});
