/**
 * One CLI run over many files: each file is checked in the workspace of the
 * nearest `ptl.config.json` above it (else the current directory), with that
 * configuration, by the same engine the language server uses.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analyzer, type FileAnalysis, type Host } from '../analysis/analyze';
import type { Finding } from '../analysis/finding';
import { isRuleId } from '../analysis/rules';
import { effectiveSeverity, findConfigFile, parseConfig, type ResolvedConfig } from '../config';
import { decodeUtf8, nodeHost, readFileBounded } from '../host/node-host';

export interface Workspace {
  root: string;
  configFile?: string;
  config: ResolvedConfig;
  configFindings: Finding[];
  analyzer: Analyzer;
}

export class Session {
  private readonly workspaces = new Map<string, Workspace>();
  /** One check sees the disk as it was when it started: each path is resolved and stamped once (3,000 plans cite thousands of times). */
  private readonly host: Host = resolvingOnce(nodeHost);
  /** …and each folder is searched for its configuration once (files of a folder share it). */
  private readonly exists = oncePerPath(fs.existsSync);

  constructor(private readonly cwd: string, private readonly explicitConfig?: string) {}

  workspaceFor(file: string): Workspace {
    const configFile = this.explicitConfig ? path.resolve(this.cwd, this.explicitConfig) : findConfigFile(file, this.exists);
    const root = configFile && !this.explicitConfig ? path.dirname(configFile) : this.cwd;
    const key = `${root}\u0000${configFile ?? ''}`;
    const existing = this.workspaces.get(key);
    if (existing) return existing;
    const workspace = this.createWorkspace(root, configFile);
    this.workspaces.set(key, workspace);
    return workspace;
  }

  check(file: string): FileAnalysis | { file: string; unreadable: true } {
    const bytes = readFileBounded(file);
    if (!bytes) return { file, unreadable: true };
    const workspace = this.workspaceFor(file);
    return workspace.analyzer.analyze(file, decodeUtf8(bytes));
  }

  /** Findings about the configuration files themselves, once per file. */
  configFindings(): Finding[] {
    const seen = new Set<string>();
    const all: Finding[] = [];
    for (const w of this.workspaces.values()) {
      if (!w.configFile || seen.has(w.configFile)) continue;
      seen.add(w.configFile);
      all.push(...w.configFindings);
    }
    return all;
  }

  private createWorkspace(root: string, configFile: string | undefined): Workspace {
    const text = configFile ? nodeHost.readText(configFile) : undefined;
    if (configFile && text === undefined) throw new ConfigUnreadable(configFile);
    const { config, findings } = text !== undefined && configFile ? parseConfig(text, configFile) : parseConfig('{}', '');
    const analyzer = new Analyzer(this.host, {
      roots: [root],
      tolerance: config.tolerance,
      severityOf: (rule) => effectiveSeverity(config, rule),
      isRule: isRuleId,
      incremental: false,
    });
    return { root, configFile, config, configFindings: configFile ? findings : [], analyzer };
  }
}

export class ConfigUnreadable extends Error {
  constructor(readonly file: string) {
    super(`cannot read ${file}`);
  }
}

function resolvingOnce(host: Host): Host {
  return {
    readBytes: (path) => host.readBytes(path),
    readText: (path) => host.readText(path),
    // A parent plan is looked at by every child: its stamp is taken once too.
    stamp: oncePerPath((path) => host.stamp?.(path)),
    realPath: oncePerPath((path) => host.realPath(path)),
  };
}

/** `answer`, asked once per path for the run (undefined answers included). */
function oncePerPath<T>(answer: (path: string) => T): (path: string) => T {
  const answers = new Map<string, T>();
  return (path) => {
    if (!answers.has(path)) answers.set(path, answer(path));
    return answers.get(path) as T;
  };
}
