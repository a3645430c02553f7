/**
 * The language server in Neovim — a real editor client none of us wrote. Neovim
 * (Debian's `neovim`, headless) starts the built server with its own LSP client,
 * opens a seed, waits for the diagnostics and asks for a hover; a Lua script
 * writes what the editor holds to a JSON file, and this test asserts it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
// As `ptl-language-server` starts it: through the code-cached launcher.
const SERVER = join(ROOT, 'server', 'bin', 'ptl-language-server.js');
const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const available = nvim.status === 0;

const INIT = `
vim.opt.swapfile = false
vim.opt.shadafile = 'NONE'
vim.cmd('filetype on')
-- Vim's runtime maps *.ptl to Python: force our filetype.
vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, { pattern = '*.ptl', command = 'set filetype=ptl' })
local client_id
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'ptl',
  callback = function(args)
    if not client_id then
      client_id = vim.lsp.start_client({ name = 'ptl', cmd = { 'node', os.getenv('PTL_SERVER'), '--stdio' }, root_dir = vim.fn.getcwd() })
    end
    vim.lsp.buf_attach_client(args.buf, client_id)
  end,
})
`;

const PROBE = `
local result = { diagnostics = {}, hover = vim.NIL }
local got = vim.wait(30000, function() return #vim.diagnostic.get(0) >= tonumber(os.getenv('PTL_EXPECT')) end, 50)
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.user_data and d.user_data.lsp and d.user_data.lsp.code or d.code
  table.insert(result.diagnostics, { lnum = d.lnum, col = d.col, severity = d.severity, message = d.message, code = code })
end
local params = { textDocument = vim.lsp.util.make_text_document_params(0), position = { line = tonumber(os.getenv('PTL_HOVER_LINE')), character = tonumber(os.getenv('PTL_HOVER_CHAR')) } }
local res = vim.lsp.buf_request_sync(0, 'textDocument/hover', params, 10000)
for _, r in pairs(res or {}) do
  if r.result and r.result.contents then result.hover = r.result.contents.value end
end
local f = io.open(os.getenv('PTL_RESULT'), 'w')
f:write(vim.fn.json_encode(result))
f:close()
vim.cmd(got and 'qa!' or 'cquit 1')
`;

beforeAll(() => {
  if (available && !existsSync(join(ROOT, 'dist', 'launch.js'))) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
}, 120000);

it.skipIf(!available && !process.env.CI)('Neovim shows the seed’s diagnostics and hover from the server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ptl-nvim-'));
  cpSync(join(ROOT, 'seeds'), dir, { recursive: true });
  writeFileSync(join(dir, 'init.lua'), INIT);
  writeFileSync(join(dir, 'probe.lua'), PROBE);
  const resultFile = join(dir, 'result.json');
  const file = 'xuchang-2021-2025.ptl';
  const line = readFileSync(join(dir, file), 'utf8').split('\n').findIndex((l) => l.includes('indicator 对生活不能自理的特困人员的集中供养能力'));
  const run = spawnSync('nvim', ['--headless', '-u', 'init.lua', '-c', 'luafile probe.lua', file], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 90000,
    env: { ...process.env, PTL_CODE_CACHE_DIR: join(dir, 'code-cache'), PTL_SERVER: SERVER, PTL_RESULT: resultFile, PTL_EXPECT: '5', PTL_HOVER_LINE: String(line), PTL_HOVER_CHAR: '14' },
  });
  expect(run.status, run.stderr).toBe(0);
  const result = JSON.parse(readFileSync(resultFile, 'utf8')) as { diagnostics: { lnum: number; col: number; severity: number; message: string; code: string }[]; hover: string };
  const shown = result.diagnostics.map((d) => `${d.lnum + 1}:${d.col + 1} ${d.severity} ${d.code} ${d.message}`).sort();
  expect(shown).toEqual([
    '105:12 2 anticipatory-target-missed 实际值 0.42 ‰ 未达到预期性目标 0.5 ‰（2020年）',
    '113:12 2 anticipatory-target-missed 实际值 12.5% 未达到预期性目标 13%（2020年）',
    '131:14 2 weaker-than-parent 目标 75% 弱于上级规划的目标 78.5714%（2025年）',
    '33:12 1 binding-target-missed 实际值 46.9% 未达到约束性目标 50%（2020年）',
    '97:12 2 anticipatory-target-missed 实际值 683 个 未达到预期性目标 2000 个（2020年）',
  ]);
  expect(result.hover).toContain('**对生活不能自理的特困人员的集中供养能力**');
  expect(result.hover).toContain('约束性：政府必须完成');
  expect(result.hover).toContain('未实现');
});
