// The evaluation's other layouts (npm run eval -- --as flat|tabs): an HTML page's text laid out as crawlers keep it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { relaid } from '../eval/layouts.ts';

const page = '<html><head><title>标题</title><style>p{}</style></head><body><p>一、项目名称：<b>某某项目</b></p>'
  + '<table><tr><td>序号</td><td>供应商名称</td><td>备注</td></tr><tr><td>1</td><td>某某 公司</td><td></td></tr>'
  + '<tr><td>2</td><td></td><td>乙</td></tr></table><p>二、公告期限<br>1个工作日</p><script>x()</script></body></html>';

test('flat: every cell and block on a line of its own, blank cells gone, head and scripts dropped', () => {
  assert.equal(relaid(page, 'flat'), '一、项目名称：某某项目\n序号\n供应商名称\n备注\n1\n某某 公司\n2\n乙\n二、公告期限\n1个工作日\n');
});

test('tabs: a row on one line, its cells parted by tabs, a blank cell between others kept, one at the end dropped', () => {
  assert.equal(relaid(page, 'tabs'), '一、项目名称：某某项目\n序号\t供应商名称\t备注\n1\t某某 公司\n2\t\t乙\n二、公告期限\n1个工作日\n');
});
