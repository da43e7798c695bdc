// The version of everything that turns a document's bytes into facts: the readers, the notice extractor
// and the ownership readers. Each Document in the graph records the version that read it; `bidgraph ingest`
// re-reads the archived originals of documents read by another version (see ingest/reextract.ts).
// Bump it whenever the same bytes can give a different Notice or different holdings.
// 6: OCDS files give their releases' notices; FtM files without listed entities are no restriction list.
// 7: unranked candidate blocks (定标候选人 / 单位名称) and candidate consortia written lead(member).
// 8: project names split into PDF text runs or wrapped onto the next line are completed.
// 9: character references in plain text decoded; a title run into its 发布时间： read; 本…（招标项目编号：…） projects; a party field
//    naming several organisations keeps the first.
// 10: money in the Notice is an integer number of fen ({ fen, currency }), no longer a yuan float.
// 11: a money unit in the text run after a number (437.677 \t万元); names wrapped onto spaced-out or run-split lines;
//     采购项目编号 glued to a name leaves 采购 to the name; 本招标项目…已由 names the project; a form placeholder
//     (&&&…&&&) before a party's name is dropped; a column header 中标（成交）金额(元) is an amount column; a marked
//     price before the winner on its row (ccgp's 2020 result table) is that winner's; a one-line title names the
//     project when nothing else does and it holds no party's name; candidates of page text with no spaces or
//     colons (第一中标候选人X有限公司…, 排名单位名称1X有限公司…2Y…); consortia written A（B）联合体; party blocks as rows
//     (中标人信息 | 名称 | X); a row holding a long value is no table header.
// 12: intros in a table cell, [buyer]对[project]进行…采购 and [buyer]的[project]评标工作已经结束 name the project;
//     项目及标段名称 and 招标代码 labels; a project name's last word wrapped onto its own line; 招标信息发布日期 is the
//     tender's date; a budget column of a one-row table; a winner's amount listed against its name in another table;
//     组织机构代码 columns holding USCCs; 1.采购人信息 名称：X on one line; a party label run into the name; a lone
//     marked row number 1 is no lot; page text glued into one line is cut at its numbered sections (一、…二、…三、)
//     and at runs of four spaces; a heading run into its first field opens its section; the next item's number
//     ends a value; 确定X为中标供应商 settles a winner; labels after 中标候选人/投标 name candidates and bidders;
//     包件编号 P02 lots; agencies' project numbers; codes with full-width hyphens; the winner's own bid under its name
//     as its amount; [buyer]对…进行公开招标 and a buyer-then-agency sign-off name the buyer; labels with a long
//     bracketed note; result rows written 名称 值；名称 值.
// 13: 九、未中标（成交）供应商的未中标（成交）原因 is a losers' section; a lot's winner listed among the losers of a
//     several-lot notice keeps its lot, with a warning; a column of reasons turns down only the rows that give one;
//     failed lots as 包号 + 废标（终止）原因, 第14包：…本包废标 and 包组编号 + 废标情形; a note in brackets after a
//     label's colon is no label; 是否中标候选人 | 是/否 columns; names numbered 1, 2, 3 under 评审结果 are a ranking;
//     glued 排序投标人名称 rankings; the words of the next item's label end a value; a label spaced over PDF cells
//     (采 \t购 \t人：) is one cell with its value; a result with no date of its own is dated by its publicity's start.
// 14: a unit in a field of its own (价格： 121.5 价格单位： 万元); 首次公告时间; a party block opened mid-line
//     (…联系 1、采购人信息 名 称：X); 中标公司名称; 合同包1(名称): opens a lot; a table row cut short at its end is not
//     shifted right, and a ranking's unranked row is no candidate; labels parted by three spaces on a line with no colon.
// 19: Markdown page text (## headings, - items); a header and its row joined by spaces on one line; 是否… and
//     contact columns are no amount; lot headings in Chinese numerals with the lot's name (标段一（智慧政务）：);
//     入围供应商…如下 opens a result; 招募人/比选人 buyers; 标段名称/标段编号 as the project when there is no other,
//     and the lot from its name; a candidate notice's supplier under a winner's label is its candidate; a winner's
//     label under a candidates heading names a candidate; an ISO closing date (2025-08-21) in the sign-off.
// 20: a sentence naming the winner's consortium (中标供应商为联合体，牵头单位为X，联合体成员为：Y) completes the winner;
//     the national platform's 公告概要 block in page text with no spaces is cut at its labels.
// 21: a 是否中标/是否成交 column decides row by row who won (是 wins, 否 loses, anything else: no winner, a warning);
//     a spaced header alone on its line with a row per line under it; a title run into its bare date (…结果公告[2022]
//     2022年02月11日) and the one lot it numbers (第3包, （一包）) for a page's only award; the national summary block read
//     on the lines after its opening one; a result table whose cells run together with nothing between them is cut
//     at its header's words and by what each column holds.
// 22: from a review of 21: a glued table only with a header that speaks of the award, one name column, and rows whose
//     name cannot go on (集团 then 股份有限公司 is one name; 中心 then 医院管理有限公司 is not cut) nor whose free text runs
//     into the next row's number; an award amount cell saying none (—, 0, 未成交) loses its row; the award's amount
//     column (成交金额) or else the final price is the award's; a title's date must come with its time or source, and
//     a 标段 numbers the lot only at the end of the title's project. Also from held-out batch 9: lot headings with
//     brackets in brackets (合同包1(检测试剂（第1包）):); rejection words at the end of a review table run into one line
//     are not about a bidder that passed with others between; 供应商名称 供应商地址 供应商编码 rows (a who-and-where table);
//     codes with a space before their joiner (XJZCYSCS2026 -018), em dashes (KXZBF—2015—131) or a number joined by a
//     hyphen to words (…-浙建航招（东2026010号）); amounts given in % in glued rows are rates, never sums.
// 23: a result whose every lot failed (流标, 无供应商报价) is a termination, whatever its heading says. From a review of
//     22: a 是否中标 table outside the result section names no winner, and 是否入围 is no such column; rejection words
//     in prose after a name stand unless a review table's row (scores, no clause) says it passed; a dash in an award
//     amount column beside rates or unit prices is no loss; a final rate (最终报价优惠率) is no amount; short headings
//     of other bidders (参与投标的供应商：, 第2包投标供应商：) open a bidders' section; a table's only row without an amount
//     takes the amount right below it; a banner's date on a short first line above the notice's own title ends no title.
// 24: the summary block's 总中标金额 (cut at its labels, each a cell) is the only award's amount when the result gives
//     none, never when that award is priced per unit (单价合计（元/人）), and agrees with it within its 万元 rounding; a
//     glued row's consortium cell may go on to the next line (牵头供应商：X / 投标联合体：X、Y), the lead once.
// 25: page text saved as Markdown reads its pipe tables (a rule line under the header) as tables; a portal page's
//     title is the notice's own line below the portal's menus, not its <title>; a first buyer that is also the agency
//     (招标单位：某区政府采购中心) gives way to the party named the buyer elsewhere (采购人：某管理中心).
// 26: a budget a sentence states (本项目采购预算为100660000元人民币, 预算金额为：128.6万元) when no field or table gives
//     one, up to the clause's end; several different amounts so stated are lots' budgets and give none.
// 27: from a review of 24: the summary's total is no award's amount when the winner is priced per unit or by a rate
//     (a 单价 column or label, 元/人, 0.8%, 3.5（%）), is more than twice the budget, or is 10亿 or more in 万元 (元 typed
//     as 万元); a total in the result's own words still is; a glued table goes on over later lines only with a
//     consortium's members or rows numbered on their own lines, its consortium cells taken whole (no slow search),
//     scores with 分; names one a line beside a review's verdicts (通过, 未中标), or a suppliers' table of verdicts
//     without an award amount, name no winner; only the first piece after a summary label is the block's.
// 28: from held-out batch 10: a site menu's items may hold brackets or an English word (项目延期(变更)公告,
//     招标采购Procurement), so that a menu no longer types a result as a correction; a lot's heading may give its name
//     after the colon (01包：数字式监测系统采购, 包3：A4纸), unless what follows is a field's value (中标单位…, 500元).
// 29: from a review of 25 to 28: a bracketed line counts in a site menu only in a run of plain items (a title over
//     short lines ending 中标(成交)结果更正公告 is no menu); a suppliers' table with scores and several rows, no award
//     amount, ranks bidders; 是 / 否 are no review verdicts; a sentence's budget is none when it is a lot's, a unit
//     price, a works project's investment (概算), a changed one, or one of several, and its search is bounded; the summary's
//     total is doubted against a budget only beyond ten times it; only 采购人 / 采购单位 replace a buyer that is the
//     agency; below a portal's breadcrumb, a sidebar's links neither title nor type the page.
// 30: lot headings one under another give what follows to all of them, no one lot; 牵头供应商 / 投标联合体 are
//     consortium labels, and a member listed again after its lead stays one supplier; a glued row is not cut where the
//     address after the name would start at its road's word (…中心 / 北路1号).
// 31: from the labelled HTML pages flattened one cell a line: a numbered line (六、报价明细, 七、评审日期：…) is neither a
//     flat table's header cell nor a row's; a winner's label alone on its line, in unmarked text, names the winner
//     between label / value pairs (代理机构 / X / 中标单位 / Y / 中标价 / Z), and an amount's label alone a few lines
//     under such a pair is its price; a winner's lines reach the line its name stands on.
// 32: from held-out batch 11: a winner's labels under 评标结果 / 评审结果 name it (a generic 供应商名称 there does not); a
//     price per person, per month or per square metre (每人每月2474元) is no sum and no budget; a table's footnote row
//     (注：…) is no row; a result whose footnote says its first-ranked candidate wins names that one, at its bid (not
//     the law's 应当 rule); a form's blank row (更正公告 | ) types nothing; a label may end in its number (候选人1：); a
//     result's only winner takes its only unclaimed price, however far below; 进场登记号 numbers the project.
// 33: flattened tables whose blank cells the page text dropped: a row may stop before the columns that may be blank at its
//     end (备注, 下浮率, 优惠价), each row running from its name to the next row's, the last taking none of them; a row
//     cut by the header's width whose later cell is the next row's name is no row; 资格性审查 / 符合性审查 head columns.
// 34: a flattened table's single row may have cells before its name (包号 a / 评审日期 / 金额 / name) and stop before its
//     blank-able notes; a last row cut by the header's width gives back the page's fields it took for notes (评标委员会：…);
//     评审日期 / …情况说明 / 备注 head columns.
// 35: from a reviewer's pages: another bidder's consortium lead listed after the sole winner is not the winner's; under
//     评标结果 a proposal (推荐中标单位) or a generic 供应商名称 names no winner; a lot restated under its heading keeps it; a
//     sum with a per-unit note after it is a sum; a lone winner's far price only under the award's own label, in its
//     section; numbered generic labels (供应商名称1：) are no labels; a footnote row ends no table; a first-ranked
//     candidate who gave the award up is named by no rule; only a short form label's blank cell types a notice.
// 36: from held-out batch 12: the intro is the first lines that say something, a site's menus above it not counted;
//     受X委托 names no buyer when X is a purchasing centre; X（招标编号：…）项目，于… names the project; 经招标人确定，
//     排名第一的中标候选人：X为中标人 settles the result; 第一中标候选人为X，…；第二中标候选人为Y: each clause a candidate;
//     a lot run into the winner's label (d包中标人：) is its lot, q包：流标 a failed one, lettered lots go on to aa; a
//     result row that starts at its lot and ends in a sentence spans the columns to the end; a form joined with spaces
//     into one line (项目及标段名称 X 项目业主 Y …) is read as label | value rows. From a reviewer's pages: links to other
//     notices (上一篇 / 下一篇, 相关公告, 热点推荐) are no lines of this one; …变更的公告 is a correction; a panel's
//     proposal (推荐中标人) makes no result of an evaluation's publicity; 中标人为X and 确定排名第N的…X为中标人 name the
//     winner with the sentence's price; after a ranking with no result section, 中标人：X names the winner; a sentence is
//     no heading that types the notice.
// 37: a notice that voids an award (中标结果作废公告) is a termination; 中标供应商：无 (废标) fails the lot open above; a
//     column that says in words who won (中标人 / 放弃中标, 中标 / 未中标) marks the winner whatever its header; a form
//     over a few lines of spaced pairs (招标人 X  招标代理 Y) is read as label | value rows.
// 38: a note of the supplier's trade after its name (（原设备制造商）) is no part of it; a winner's field that names a
//     rank (中标人：第二中标候选人) names that candidate, at its bid.
// 39: from held-out batch 13: fields written lot by lot in parallel blocks (中标供应商名称： / 第一标段：A； 第二标段：B /
//     中标金额： / 第一标段…) are each lot's; 中标人：X，中标总价为N元 gives the amount; A、B、C为本标包的入围中标单位 names
//     three winners of the lot; 包1.名称: opens lot 1; a works contract's words (发包单位, 承包商, 承包价); 竞标候选人 with
//     numbered names; 关于“X”项目的中标公告 names project X; 对X以公开的形式进行招标 names project X; 标书编号 numbers it.
// 40: from held-out batch 14: names over their contacts' lines (X / 联系人：… / 电话：…, twice or more) are no winners;
//     中标标价, 成交价为 (an amount's label with 为) and 采购预算控制额度 are labels; a lot column headed 包段, its cells
//     1包：name or lots in words (监理标) kept as written; 中标入围供应商名称 heads the winners; 工程队 and 绿化队 are parties;
//     a person under the winner's own label won, with a warning; 供应商：X names a winner under a result heading only,
//     with no words before it; 标项一、二、三：…流标 fails each lot; a sum run into a winner's name is its amount; a
//     result that says its call failed (本次招标失败) is a termination; X委托我司 names the buyer; a party's label with
//     its contact (采购单位及联系方式); 通知书 ends a title; codes in braces, full-width letters or 〔〕; the opening date
//     decides nothing.
// 41: from held-out batch 15: a price column headed 中标价/万元 is in 万元 (only 元/吨 is per unit); a form's line after a
//     table (9、定标日期：) ends it; under 评标结果 the winner's bid under its name; 中标造价; a lot in brackets ending the
//     project's name; a value wrapped in 【】; a candidates' table headed 中标候选人名称 and each lot's 拟中标供应商 list
//     candidates; an intro's 其… names no project; X（招标编号：…）于…年 and 对X进行了公开比选 do; 比选编号, 项目编号/包号
//     (less its lots' note); 名称、地址和联系方式 rows name the party before its address; 定标日期：无 gives no date; 於 stays.
// 42: from held-out batch 16: candidates ranked in words run into their names (第一名X) under a sentence that ends
//     …为中标候选人：; a cell that numbers them (1、甲 2、乙) under 中选候选人; lots in Roman numerals (ⅲ标段); 标段名称 rows
//     that end in a lot open it; a party's lot note in brackets before its name (（品目一）X) is no part of it.
// 43: a numbered heading that opens a row of cells (六、全部投标人信息 | 甲公司,￥…) opens its section, as crawlers' tabbed
//     page text writes a heading and its first line together.
// 44: from held-out batches 17 and 18: a title ending 公示通知 or a bare 中标结果 gives its project; [buyer] 的 [project] 的评标
//     工作 spaced out; 失败公示 is a termination, and a whole call's failure (本项目作废标处理, …失败公示) its failed award; under a
//     heading naming the winning supplier a one-row-a-lot table of 投标供应商 names the winners; 本中心组织实施的X（编号：…）
//     gives project and code; from batch 19: companies one a line in one cell are several winners, not one name.
// 45: a date alone on a line (2015/03/30 09:46:33) closes a result block, so that a filing log below it (操作人 / 报备与
//     发布 / the agency) names no winner in page text laid out one cell a line.
// 46: from held-out batches 18 and 19: 苗圃 ends a party's name; 中标供应商名称及中标金额： opens the result (X为中标人 under it);
//     a lot heading 1标段 alone on a line; 中标金额大写 and 承包标价 label the award's amount; rows led by 第一候选人 one cell
//     wider than their header rank the candidates; 工程编码, 招投标编码, 中标编号, 交易登记号 label the code, a letters prefix
//     spaced off its number is the code's, and a bare 编号：X among the opening lines is the project's number; a portal's
//     heading between its breadcrumb and the date line names the project when nothing else does; buyers labelled
//     建设单位（公章）, 合同主体单位, 发起单位, 建设(招标)单位, and named in intros spaced out (受X 委托, X 委托 Y公司 公开招标的).
// 47: in the result, a one-row-a-lot bidders' table beside the award's own amount (成交金额（元） | 成交候选供应商) names the
//     winner; 物料, 物资, 材料, 产品, 工厂 head item columns, so that such a table's header is one.
// 48: a lot restated before each of its fields (a包中标供应商名称：X / a包中标金额：Y) no longer closes its own draft, which
//     had handed each lot's sum to the next lot's winner (found on held-out batch 20).
// 49: from held-out batch 21: the winner and its sum in the cell beside 各包中标/成交供应商名称、地址及报价; 中标值 and
//     中标监理费 (设计费, 勘察费) label the award's amount; 选聘人 the buyer; …政府采购 is one word (对新民市政府采购项目
//     names no buyer and no project); a title's publisher before 关于 and the method after the name (…项目竞争性谈判采购的
//     中标公告) are not the project's; a code in brackets without a colon ((招标编号rczfcg2015-35)).
// 50: from held-out batch 22: a table's header row pairs no label with the next column's name (采购单位 | 报价单位 had
//     stored 报价单位 as the buyer); lots run into their winners' labels mid-line (…，43000元。第二包中标人：Y), each with
//     its sum after a comma; codes in small-form brackets (宜政采谈﹝2015﹞26号) or spaced out (…第 003 号); the method
//     after a title's name (…的定点采购的中标公告) is not the name's; 审核 and 评估 end a project's name.
// 51: a party named （单位章） (a form's seal line), a telephone number after a party's name, and a contact person
//     listed under a party's role are no party's name (found by reading every buyer and agency of the corpus).
// 52: from held-out batch 22: 中签单位 (a firm drawn by lot from a panel) won; a sideways candidates' table may leave its
//     corner cell empty; a party's or ranked candidate's label parted from the name by a space only, the line nothing
//     else (第二中标候选人 梅州市…有限公司), is a field.
// 53: the panel's finding, then the winner (经评标委员会评定，X为中标单位; not 推荐X, not X为中标候选人); a label's colon
//     pushed into its value's cell (一．采购人名称 | ：X) is no part of the value (it had hidden a buyer and put ： before a
//     project's name).
// 54: from held-out batch 23: the sign-off is read above a site's footer (发布媒体, 收藏/纠错, 版权所有, ICP备…), which had
//     pushed it out of reach, so that a sign-off under the result was stored as a winner (the agency, b23a-gssj-1); a lot's
//     subject between it and 中标人 (第一标段风机类中标人：X); under a winner's label alone each lot's heading names its winner
//     (中 标 人: / 一标段:X, a lot's block with no 第); a company with its other name in brackets; 中标投标人名称; 价格部分 and 报价分 are scores; a form's
//     blank for a seal ((盖单位章)) is no value.
// 55: a party's label with its synonym in brackets (项目业主（招标人）, 建设单位(招标人)) names that party.
// 56: from held-out batch 25 (sources other than the 2015 aggregator): a name read twice with a space between is one name
//     (a false winner); a sign-off glued to the end of run-on text; an item numbered (三) or ⑵, or 4. glued to a name, ends
//     the value before it; tabs that only indent a line make no row; a flattened two-column table (中标候选人 / 推荐名次); a
//     lot's package code in the 包号 column, and 包名称 heads a column; a bare 名称 right under the result's heading is the
//     winner's; a numbered heading run onto the line before it; 公示发布日期为：; the project that opens X于…在…开标; an
//     intro's 本X项目（招标项目编号：…） keeps its 项目 (a method before it, …竞争性磋商项目, still none).
// 57: question marks where a page's encoding lost its spaces (????? ??某某勘察院) are no part of a name.
// 58: from held-out batch 26 (ccgp.gov.cn's central notices of 2026, their body kept without the page's title): a
//     numbered field first in the body (一、项目编号：…（招标文件编号：…）) is no title that types the notice; the template's
//     failure notice (二、项目废标/流标的原因, 不足三家，故废标) ends the call, and a sentence naming one lot fails that lot
//     (本项目02包…，本包废标); 供应商名称：第一包：X gives lot 1 its winner; numbered headings run on inside a line are cut
//     off (二、成交信息 初审情况：…); a rejection on a joined line speaks only up to the winner's label after it; a
//     party's heading run into its 名称 or 地址 (采购人信息名称：X) names that party, and 名    称： is no line break; 联系方法.
// 59: a date run onto a name after a label is a sign-off only after a signer's label (采购代理机构：X2018年…), never after a
//     winner's (成交供应商：X2018年…); output unchanged on the corpus.
export const EXTRACTOR_VERSION = '59';
