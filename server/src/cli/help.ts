import type { Localized } from '../../../grammar/src/message';

export const HELP: Localized = {
  zh: `ptl — 政策目标文件（.ptl）检查工具

用法：
  ptl check 路径|通配符… [--format text|json|sarif|github|junit] [--max-warnings N] [--config 文件] [--locale zh-CN|en] [--fix] [--fix-dry-run] [--jobs N]
  ptl report 路径… [--format md|csv|json|html] [-o 文件]
  ptl import 规划文本.txt [-o 文件.ptl]      由规划文本生成 .ptl 文件
  ptl format [--check] 路径…                格式化 .ptl 文件（--check 只列出未格式化的文件）
  ptl explain [规则]                        说明一条规则（不带参数则列出全部规则）
  ptl --version | --help

--jobs N 用 N 个线程并行检查（也可用环境变量 PTL_JOBS 设置；默认在 600 个文件以上且有 4 个以上 CPU 核时用核数，至多 8 个，否则单线程）；输出与单线程检查完全相同。

退出码：0 没有超过阈值的问题；1 有超过阈值的问题；2 工具本身出错（参数错误、配置无法读取、没有匹配的 .ptl 文件、文件无法读取）。
`,
  en: `ptl — checks policy-target files (.ptl)

Usage:
  ptl check PATHS|GLOBS… [--format text|json|sarif|github|junit] [--max-warnings N] [--config FILE] [--locale zh-CN|en] [--fix] [--fix-dry-run] [--jobs N]
  ptl report PATHS… [--format md|csv|json|html] [-o FILE]
  ptl import PLAN.txt [-o FILE.ptl]          start a .ptl file from a plan's text
  ptl format [--check] PATHS…               format .ptl files (--check only lists the unformatted ones)
  ptl explain [RULE]                         explain a rule (all rules without an argument)
  ptl --version | --help

--jobs N checks files on N threads (or PTL_JOBS; by default, the number of cores up to 8 for 600 files or more on 4 cores or more, else one); the output is the same as with one thread.

Exit codes: 0 no findings over the threshold; 1 findings over it; 2 the tool failed (bad arguments, unreadable configuration, no .ptl file matched, a file could not be read).
`,
};
