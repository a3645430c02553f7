/** Names that begin with words qualitative targets also begin with stay names (基本养老保险参保率). */
import { expect, it } from 'vitest';
import { indexSource } from '../../server/src/sources';

it('a row named 基本… stays in its table, and 基本实现… is still a qualitative target', () => {
  const text = '专栏1：主要指标\n序号\t指标\t2020年基础值\t2025年目标值\t属性\n1\t基本养老保险参保率（%）\t90\t95\t预期性\n2\t城市低保标准（元/月）\t520\t基本实现城乡统筹\t预期性\n';
  const rows = indexSource(text).tables[0]!.rows.map((r) => [r.index, r.name, r.target?.text, r.target?.value]);
  expect(rows).toEqual([[1, '基本养老保险参保率', '95', 95], [2, '城市低保标准', '基本实现城乡统筹', undefined]]);
});
