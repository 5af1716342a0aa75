<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>BackupActions</name>
    <message>
        <location filename="../../ui/backup_actions.py" line="56"/>
        <source>导出备份…</source>
        <translation>Export Backup…</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="57"/>
        <source>把全部项目保存为一个备份文件（可在程序运行时进行）</source>
        <translation>Save all projects in one backup file (works while PerfDesk is running)</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="59"/>
        <source>恢复备份…</source>
        <translation>Restore Backup…</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="62"/>
        <source>用备份文件替换当前数据库；替换前会先备份当前数据库</source>
        <translation>Replace the current database with a backup; the current database is backed up first</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="65"/>
        <location filename="../../ui/backup_actions.py" line="223"/>
        <source>打开备份文件夹</source>
        <translation>Open Backup Folder</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="135"/>
        <source>自动备份失败：%1</source>
        <translation>Automatic backup failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="161"/>
        <source>已把 %1 个项目备份到 %2</source>
        <translation>Backed up to %2 (projects: %1)</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="97"/>
        <location filename="../../ui/backup_actions.py" line="137"/>
        <source>自动备份</source>
        <translation>Automatic Backup</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="121"/>
        <source>已自动备份到 %1</source>
        <translation>Backed up automatically to %1</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="144"/>
        <source>导出备份</source>
        <translation>Export Backup</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="146"/>
        <source>PerfDesk 备份 (*.zip)</source>
        <translation>PerfDesk backup (*.zip)</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="170"/>
        <source>恢复备份</source>
        <translation>Restore Backup</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="174"/>
        <source>PerfDesk 备份 (*.zip);;数据库文件 (*.db);;所有文件 (*)</source>
        <translation>PerfDesk backup (*.zip);;Database file (*.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="186"/>
        <source>用这个备份替换当前数据库中的全部项目？

%1

当前数据库会先保存到备份文件夹，可以再恢复回来。</source>
        <translation>Replace all projects in the current database with this backup?

%1

The current database is saved to the backup folder first, so it can be restored again.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="189"/>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="205"/>
        <source>
恢复前的数据库已保存为：
%1</source>
        <translation>
The database as it was before the restore is saved as:
%1</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="212"/>
        <source>已恢复 %1 个项目。</source>
        <translation>Projects restored: %1.</translation>
    </message>
</context>
<context>
    <name>BatchPrintDialog</name>
    <message>
        <location filename="../../ui/print_actions.py" line="196"/>
        <source>批量打印</source>
        <translation>Batch Print</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="199"/>
        <source>（未命名项目）</source>
        <translation>(untitled project)</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="206"/>
        <source>全选</source>
        <translation>Select All</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="208"/>
        <source>全不选</source>
        <translation>Select None</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="213"/>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="222"/>
        <source>选择要打印的项目（合为一个 PDF，每个项目另起一页）：</source>
        <translation>Choose the projects to print (one PDF, each project on a new page):</translation>
    </message>
</context>
<context>
    <name>BudgetForm</name>
    <message>
        <location filename="../../ui/editor.py" line="437"/>
        <source>%1：以元为单位，如 1,000,000 或 1000000（不要写“万”）；不填留空白，空白不等于 0</source>
        <translation>%1: in yuan, e.g. 1,000,000 or 1000000 (no 万); leave blank if not applicable — blank is not 0</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="442"/>
        <source>%1：以%2为单位，输入 12.5 即 %3 元；保存为元，不会有误差；不填留空白，空白不等于 0</source>
        <translation>%1: in %2; typing 12.5 means %3 yuan, kept exactly in yuan; leave it blank when there is none (blank is not 0)</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="492"/>
        <source>修改%1</source>
        <translation>Edit %1</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="520"/>
        <source>%1，未保存；“%2”仍为“%3”</source>
        <translation>%1 — not saved; &quot;%2&quot; is still &quot;%3&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="523"/>
        <source>空白</source>
        <translation>blank</translation>
    </message>
</context>
<context>
    <name>CheckPanel</name>
    <message>
        <location filename="../../ui/check_panel.py" line="66"/>
        <source>检查结果</source>
        <translation>Check results</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="72"/>
        <source>检查</source>
        <translation>Checks</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="102"/>
        <source>收起</source>
        <translation>Fold</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="102"/>
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="105"/>
        <source>只显示一行摘要</source>
        <translation>Show only the one-line summary</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="105"/>
        <source>列出每个问题（F7）</source>
        <translation>List every problem (F7)</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="140"/>
        <source>错误：%1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="140"/>
        <source>警告：%1</source>
        <translation>Warning: %1</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="146"/>
        <source>没有打开的项目</source>
        <translation>No project is open</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="148"/>
        <source>未发现问题，可以打印</source>
        <translation>No problems found; ready to print</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="151"/>
        <source>%1 个错误，%2 个警告（单击一项可转到该处）</source>
        <translation>Errors: %1, warnings: %2 (click one to go there)</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../ui/editor.py" line="151"/>
        <source>选择日期</source>
        <translation>Pick a Date</translation>
    </message>
</context>
<context>
    <name>ExportScope</name>
    <message>
        <location filename="../../ui/import_export.py" line="148"/>
        <source>导出哪些项目？</source>
        <translation>Which projects to export?</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="150"/>
        <source>当前打开的项目（%1 个）</source>
        <translation>The open project (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="151"/>
        <source>列表中选中的项目（%1 个）</source>
        <translation>The projects selected in the list (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="152"/>
        <source>列表中的全部项目（%1 个）</source>
        <translation>All projects in the list (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="171"/>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
</context>
<context>
    <name>FontChoiceDialog</name>
    <message>
        <location filename="../../ui/font_choice.py" line="48"/>
        <source>打印字体</source>
        <translation>Print Font</translation>
    </message>
    <message>
        <location filename="../../ui/font_choice.py" line="51"/>
        <source>当前打印字体：%1</source>
        <translation>Current print font: %1</translation>
    </message>
    <message>
        <location filename="../../ui/font_choice.py" line="63"/>
        <source>没有找到已安装的中文 TrueType 字体</source>
        <translation>No Chinese TrueType font is installed</translation>
    </message>
    <message>
        <location filename="../../ui/font_choice.py" line="67"/>
        <source>使用所选字体</source>
        <translation>Use Selected Font</translation>
    </message>
    <message>
        <location filename="../../ui/font_choice.py" line="71"/>
        <source>其他字体文件…</source>
        <translation>Other Font File…</translation>
    </message>
    <message>
        <location filename="../../ui/font_choice.py" line="74"/>
        <source>使用系统字体</source>
        <translation>Use System Fonts</translation>
    </message>
    <message>
        <location filename="../../ui/font_choice.py" line="76"/>
        <source>仿宋印正文、黑体印标签，按本机已安装的字体自动选择</source>
        <translation>FangSong for the text, SimHei for labels, chosen from the fonts installed on this computer</translation>
    </message>
    <message>
        <location filename="../../ui/font_choice.py" line="84"/>
        <source>本机已安装的中文字体：</source>
        <translation>Chinese fonts installed on this computer:</translation>
    </message>
    <message>
        <location filename="../../ui/font_choice.py" line="98"/>
        <source>选择打印字体</source>
        <translation>Choose Print Font</translation>
    </message>
    <message>
        <location filename="../../ui/font_choice.py" line="98"/>
        <source>TrueType 字体 (*.ttf *.ttc)</source>
        <translation>TrueType fonts (*.ttf *.ttc)</translation>
    </message>
</context>
<context>
    <name>GradeKeeper</name>
    <message>
        <location filename="../../ui/review_panel.py" line="162"/>
        <source>计算审核等级</source>
        <translation>Working out review grades</translation>
    </message>
</context>
<context>
    <name>HeaderForm</name>
    <message>
        <location filename="../../ui/editor.py" line="241"/>
        <source>可选：%1；也可直接输入</source>
        <translation>Choices: %1; or type another</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="243"/>
        <source>可选：%1</source>
        <translation>Choices: %1</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="246"/>
        <source>如 2020-01-01，也可输入 2020/1/1 或 2020年1月1日；右侧按钮打开日历</source>
        <translation>e.g. 2020-01-01; 2020/1/1 or 2020年1月1日 work too; the button on the right opens a calendar</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="249"/>
        <source>可不填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="264"/>
        <source>选择或输入</source>
        <translation>choose or type</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="325"/>
        <source>修改%1</source>
        <translation>Edit %1</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="364"/>
        <source>%1，未保存；“%2”仍为“%3”</source>
        <translation>%1 — not saved; &quot;%2&quot; is still &quot;%3&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="367"/>
        <source>空白</source>
        <translation>blank</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../../ui/import_dialog.py" line="27"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="28"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="29"/>
        <source>项目名称</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="30"/>
        <source>字段</source>
        <translation>Fields</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="31"/>
        <source>栏目</source>
        <translation>Sections</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="32"/>
        <source>预算</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="33"/>
        <source>指标</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="34"/>
        <source>提示</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="35"/>
        <source>数据库中已有</source>
        <translation>Already stored</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="40"/>
        <source>跳过</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="41"/>
        <source>替换</source>
        <translation>Replace</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="42"/>
        <source>作为新项目</source>
        <translation>Add as new project</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="75"/>
        <source>导入预览</source>
        <translation>Import Preview</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="81"/>
        <source>识别出 %1 个项目。勾选要导入的项目；导入后可一步撤销。</source>
        <translation>Projects recognised: %1. Tick the ones to import; one Undo takes the import back.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="113"/>
        <source>提示 %1 条：这些内容没有导入或需要核对</source>
        <translation>Notes (%1): these were not imported or need checking</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="115"/>
        <source>没有提示：全部内容都已识别。</source>
        <translation>No notes: everything was recognised.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="160"/>
        <source>编号 %1：</source>
        <translation>No. %1: </translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="161"/>
        <source>数据库中已有同一张表（表样、年度、单位、项目名称相同）</source>
        <translation>The database already holds this form (same layout, year, unit and project name)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="176"/>
        <source>导入 %1 个项目</source>
        <translation>Import (%1)</translation>
    </message>
</context>
<context>
    <name>IndicatorModel</name>
    <message>
        <location filename="../../ui/indicator_model.py" line="95"/>
        <source>一级目标</source>
        <translation>Level 1 goal</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_model.py" line="95"/>
        <source>二级目标</source>
        <translation>Level 2 goal</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_model.py" line="95"/>
        <source>三级目标</source>
        <translation>Level 3 indicator</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_model.py" line="97"/>
        <source>目标（一级 / 二级 / 三级）</source>
        <translation>Goal (level 1 / 2 / 3)</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_model.py" line="98"/>
        <source>指标目标值</source>
        <translation>Target value</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_model.py" line="106"/>
        <source>%1（一级 / 二级 / 三级）</source>
        <translation>%1 (level 1 / 2 / 3)</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_model.py" line="242"/>
        <source>（未填写%1）</source>
        <translation>(%1 not filled in)</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_model.py" line="282"/>
        <source>修改%1名称</source>
        <translation>Rename %1</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_model.py" line="289"/>
        <source>修改%1</source>
        <translation>Edit %1</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_model.py" line="310"/>
        <source>添加%1</source>
        <translation>Add %1</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_model.py" line="324"/>
        <source>删除“%1”</source>
        <translation>Delete “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_model.py" line="337"/>
        <source>上移</source>
        <translation>Move Up</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_model.py" line="337"/>
        <source>下移</source>
        <translation>Move Down</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_model.py" line="426"/>
        <source>移动“%1”</source>
        <translation>Move “%1”</translation>
    </message>
</context>
<context>
    <name>IndicatorPanel</name>
    <message>
        <location filename="../../ui/indicator_view.py" line="221"/>
        <source>添加一级目标</source>
        <translation>Add Level 1 Goal</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="224"/>
        <source>添加二级目标</source>
        <translation>Add Level 2 Goal</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="227"/>
        <source>添加三级指标</source>
        <translation>Add Level 3 Indicator</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="230"/>
        <source>删除所选</source>
        <translation>Delete Selected</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="237"/>
        <source>上移</source>
        <translation>Move Up</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="239"/>
        <source>下移</source>
        <translation>Move Down</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="244"/>
        <location filename="../../ui/indicator_view.py" line="324"/>
        <source>插入标准指标</source>
        <translation>Insert Standard Indicators</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="315"/>
        <source>添加%1</source>
        <translation>Add %1</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="319"/>
        <source>插入标准指标：%1（%2 项）</source>
        <translation>Insert Standard Indicators: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="334"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="397"/>
        <source>删除%1“%2”及其下的 %3 个%4？

删除后可以用“撤销”（Ctrl+Z）恢复。</source>
        <translation>Delete %1 &quot;%2&quot; and the %3 %4 under it?

Undo (Ctrl+Z) brings them back.</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="399"/>
        <source>（未填写）</source>
        <translation>(blank)</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="404"/>
        <source>删除%1</source>
        <translation>Delete %1</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="247"/>
        <source>一级</source>
        <translation>Level 1</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="248"/>
        <source>二级</source>
        <translation>Level 2</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="249"/>
        <source>三级</source>
        <translation>Level 3</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="250"/>
        <location filename="../../ui/indicator_view.py" line="404"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="251"/>
        <source>标准指标</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="284"/>
        <source>添加：</source>
        <translation>Add:</translation>
    </message>
</context>
<context>
    <name>JobBar</name>
    <message>
        <location filename="../../ui/jobs.py" line="187"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/jobs.py" line="188"/>
        <source>停止这项工作；不会留下写了一半的文件</source>
        <translation>Stop this work; no half-written file is left behind</translation>
    </message>
    <message>
        <location filename="../../ui/jobs.py" line="191"/>
        <source>打开所在文件夹</source>
        <translation>Show in Folder</translation>
    </message>
    <message>
        <location filename="../../ui/jobs.py" line="212"/>
        <source>正在%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <location filename="../../ui/jobs.py" line="231"/>
        <source>正在取消%1…</source>
        <translation>Cancelling: %1…</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <location filename="../../ui/jobs.py" line="302"/>
        <source>正在%1，请等它完成（或取消它）后再试。</source>
        <translation>%1 is under way; wait for it to finish (or cancel it), then try again.</translation>
    </message>
    <message>
        <location filename="../../ui/jobs.py" line="320"/>
        <source>正在%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <location filename="../../ui/jobs.py" line="321"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/jobs.py" line="364"/>
        <source>已取消%1</source>
        <translation>Cancelled: %1</translation>
    </message>
    <message>
        <location filename="../../ui/jobs.py" line="380"/>
        <source>正在%1。关闭窗口会取消它，仍要关闭吗？</source>
        <translation>%1 is under way. Closing the window cancels it. Close anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/jobs.py" line="381"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>LibraryDialog</name>
    <message>
        <location filename="../../ui/library_panel.py" line="63"/>
        <source>指标库</source>
        <translation>Indicator Library</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="70"/>
        <source>搜索指标名称、一级/二级或指标值</source>
        <translation>Search indicator names, levels 1/2 or values</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="75"/>
        <location filename="../../ui/library_panel.py" line="89"/>
        <source>三级指标</source>
        <translation>Level 3 indicator</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="75"/>
        <location filename="../../ui/library_panel.py" line="89"/>
        <source>一级 / 二级</source>
        <translation>Level 1 / 2</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="75"/>
        <source>次数</source>
        <translation>Uses</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="75"/>
        <source>最近指标值</source>
        <translation>Latest value</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="89"/>
        <source>指标值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="95"/>
        <source>项目类型：</source>
        <translation>Project type:</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="103"/>
        <source>已用过的指标</source>
        <translation>Used Indicators</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="104"/>
        <source>模板</source>
        <translation>Templates</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="108"/>
        <source>插入所选</source>
        <translation>Insert Selected</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="155"/>
        <source>没有适用于本表样的模板</source>
        <translation>No templates for this form layout</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="181"/>
        <source>请先选择要插入的指标</source>
        <translation>Select the indicators to insert first</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="183"/>
        <source>已插入 %1 个指标</source>
        <translation>Indicators inserted: %1</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="185"/>
        <source>所选指标已在表中，未重复插入</source>
        <translation>The selected indicators are already in the table; nothing inserted twice</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="178"/>
        <source>还没有打开的项目。
新建一个项目，或导入参考表样中的示例数据。</source>
        <translation>No project is open.
Create a project, or import the sample data of the reference form.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="184"/>
        <source>新建项目</source>
        <translation>New Project</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="185"/>
        <source>导入示例数据</source>
        <translation>Import Sample Data</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="206"/>
        <source>数据库：%1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="243"/>
        <source>保存（自动）</source>
        <translation>Save (automatic)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="246"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="249"/>
        <location filename="../../ui/main_window.py" line="641"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="251"/>
        <location filename="../../ui/main_window.py" line="647"/>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="254"/>
        <source>查找项目</source>
        <translation>Find Project</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="257"/>
        <source>上一个项目</source>
        <translation>Previous Project</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="263"/>
        <source>下一个项目</source>
        <translation>Next Project</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="266"/>
        <source>恢复默认窗口布局</source>
        <translation>Reset Window Layout</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="268"/>
        <location filename="../../ui/main_window.py" line="742"/>
        <source>关于 PerfDesk</source>
        <translation>About PerfDesk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270"/>
        <source>键盘快捷键</source>
        <translation>Keyboard Shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="296"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="297"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="298"/>
        <source>项目(&amp;P)</source>
        <translation>&amp;Project</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="299"/>
        <source>指标(&amp;I)</source>
        <translation>&amp;Indicators</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="300"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="301"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="353"/>
        <source>语言 / Language</source>
        <translation>Language / 语言</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="535"/>
        <source>数据库正被另一个程序使用，这次修改已保留，稍后自动保存</source>
        <translation>The database is in use by another program; this change is kept and will be saved automatically</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="591"/>
        <source>数据库正被另一个程序使用，修改保存后才能撤销或重做</source>
        <translation>The database is in use by another program; undo and redo are possible once the changes are saved</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="670"/>
        <source>（未命名项目）</source>
        <translation>(untitled project)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="771"/>
        <source>修改尚未保存</source>
        <translation>Changes not saved yet</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="773"/>
        <source>数据库正被另一个程序使用，最近的修改还没有保存。

不关闭窗口，PerfDesk 会在数据库空出后自动保存它们。仍然关闭并丢弃这些修改吗？</source>
        <translation>The database is in use by another program and your latest changes have not been saved yet.

If you keep the window open, PerfDesk saves them as soon as the database is free. Close anyway and discard these changes?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="776"/>
        <source>丢弃并关闭</source>
        <translation>Discard and close</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="505"/>
        <source>所有修改都已保存（PerfDesk 随时自动保存）</source>
        <translation>All changes are saved (PerfDesk saves as you go)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="540"/>
        <source>保存失败</source>
        <translation>Not Saved</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="541"/>
        <source>这次修改没有保存：%1

数据库中仍是修改前的内容。</source>
        <translation>This change was not saved: %1

The database still holds the content from before the change.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="603"/>
        <source>已撤销：%1</source>
        <translation>Undone: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="613"/>
        <source>已重做：%1</source>
        <translation>Redone: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="638"/>
        <source>撤销“%1”</source>
        <translation>Undo “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="644"/>
        <source>重做“%1”</source>
        <translation>Redo “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="666"/>
        <source>PerfDesk 绩效目标表</source>
        <translation>PerfDesk Performance Targets</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="672"/>
        <source>等待保存：数据库正被另一个程序使用</source>
        <translation>waiting to save: the database is in use by another program</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="674"/>
        <source>正在保存…</source>
        <translation>saving…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="676"/>
        <source>已自动保存</source>
        <translation>saved automatically</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="678"/>
        <source>%1 — %2（%3）</source>
        <translation>%1 — %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="724"/>
        <source>已恢复默认窗口布局</source>
        <translation>Window layout reset</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="733"/>
        <source>界面语言将在下次启动 PerfDesk 时更改。
The language changes the next time PerfDesk starts.</source>
        <translation>The language changes the next time PerfDesk starts.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="743"/>
        <source>PerfDesk %1
财政项目支出绩效目标表的编制、检查、打印与保管。

数据库：%2</source>
        <translation>PerfDesk %1
Prepare, check, print and keep fiscal project performance-target forms.

Database: %2</translation>
    </message>
</context>
<context>
    <name>MoneyField</name>
    <message>
        <location filename="../../ui/editor.py" line="183"/>
        <source>空白（不填）</source>
        <translation>blank</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <location filename="../../ui/print_preview.py" line="173"/>
        <source>打印预览 — {0}</source>
        <translation>Print Preview — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="201"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="204"/>
        <source>导出PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="207"/>
        <source>打开PDF</source>
        <translation>Open PDF</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="210"/>
        <source>放大</source>
        <translation>Zoom In</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="211"/>
        <source>缩小</source>
        <translation>Zoom Out</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="213"/>
        <source>适合宽度</source>
        <translation>Fit Width</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="217"/>
        <source>共 {0} 页</source>
        <translation>Pages: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="259"/>
        <location filename="../../ui/print_preview.py" line="266"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
</context>
<context>
    <name>ProjectActions</name>
    <message>
        <location filename="../../ui/project_actions.py" line="31"/>
        <location filename="../../ui/project_actions.py" line="102"/>
        <source>新建项目</source>
        <translation>New Project</translation>
    </message>
    <message>
        <location filename="../../ui/project_actions.py" line="37"/>
        <location filename="../../ui/project_actions.py" line="112"/>
        <source>复制项目</source>
        <translation>Duplicate Project</translation>
    </message>
    <message>
        <location filename="../../ui/project_actions.py" line="40"/>
        <location filename="../../ui/project_actions.py" line="121"/>
        <source>复制到下一年度</source>
        <translation>Copy to Next Year</translation>
    </message>
    <message>
        <location filename="../../ui/project_actions.py" line="43"/>
        <source>删除项目…</source>
        <translation>Delete Project…</translation>
    </message>
    <message>
        <location filename="../../ui/project_actions.py" line="46"/>
        <location filename="../../ui/project_actions.py" line="151"/>
        <source>导入示例数据</source>
        <translation>Import Sample Data</translation>
    </message>
    <message>
        <location filename="../../ui/project_actions.py" line="49"/>
        <source>按表样新建</source>
        <translation>New on Form Layout</translation>
    </message>
    <message>
        <location filename="../../ui/project_actions.py" line="57"/>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/project_actions.py" line="58"/>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../ui/project_actions.py" line="59"/>
        <source>下一年度</source>
        <translation>Next Year</translation>
    </message>
    <message>
        <location filename="../../ui/project_actions.py" line="60"/>
        <location filename="../../ui/project_actions.py" line="139"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/project_actions.py" line="64"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/project_actions.py" line="131"/>
        <source>（未命名项目）</source>
        <translation>(untitled project)</translation>
    </message>
    <message>
        <location filename="../../ui/project_actions.py" line="133"/>
        <source>删除项目“%1”（%2年度，%3）？

删除后可以用“撤销”（Ctrl+Z）恢复。</source>
        <translation>Delete project &quot;%1&quot; (%2, %3)?

Undo (Ctrl+Z) brings it back.</translation>
    </message>
    <message>
        <location filename="../../ui/project_actions.py" line="139"/>
        <source>删除项目</source>
        <translation>Delete Project</translation>
    </message>
    <message>
        <location filename="../../ui/project_actions.py" line="144"/>
        <source>删除项目“%1”</source>
        <translation>Delete Project “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/project_actions.py" line="153"/>
        <source>已导入 %1 个示例项目</source>
        <translation>Imported %1 sample projects</translation>
    </message>
</context>
<context>
    <name>ProjectForm</name>
    <message>
        <location filename="../../ui/form.py" line="83"/>
        <source>表格所属的预算年度；修改后表头和指标标题随之改变</source>
        <translation>The budget year of the form; the title and the indicator heading follow it</translation>
    </message>
    <message>
        <location filename="../../ui/form.py" line="94"/>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../ui/form.py" line="97"/>
        <source>基本信息</source>
        <translation>Basic Information</translation>
    </message>
    <message>
        <location filename="../../ui/form.py" line="270"/>
        <source>修改年度</source>
        <translation>Change Year</translation>
    </message>
</context>
<context>
    <name>ProjectList</name>
    <message>
        <location filename="../../ui/project_list.py" line="228"/>
        <source>搜索项目名称、单位、内容、指标…（Ctrl+F）</source>
        <translation>Search names, units, text, indicators… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="233"/>
        <source>按年度筛选</source>
        <translation>Filter by year</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="236"/>
        <source>按申报单位筛选</source>
        <translation>Filter by unit</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="321"/>
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="323"/>
        <source>%1年</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="325"/>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="367"/>
        <source>找到 %1 个，共 %2 个项目</source>
        <translation>Found %1 of %2 projects</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="370"/>
        <source>共 %1 个项目</source>
        <translation>Projects: %1</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="373"/>
        <source>，已选 %1 个</source>
        <translation>, %1 selected</translation>
    </message>
</context>
<context>
    <name>ProjectListModel</name>
    <message>
        <location filename="../../ui/project_list.py" line="74"/>
        <source>项目名称</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="75"/>
        <source>申报单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="76"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="77"/>
        <source>表样</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="78"/>
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="130"/>
        <location filename="../../ui/project_list.py" line="148"/>
        <source>（未命名项目）</source>
        <translation>(untitled project)</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="142"/>
        <source>审核等级正在计算</source>
        <translation>The review grade is being worked out</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="143"/>
        <source>审核等级：%1（详见 审核 面板）</source>
        <translation>Review grade: %1 (see the Review panel)</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="147"/>
        <source>%1
%2 · %3年度 · %4</source>
        <translation>%1
%2 · %3 · %4</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="149"/>
        <source>（未填写单位）</source>
        <translation>(no unit)</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../ui/review_panel.py" line="62"/>
        <source>审核意见</source>
        <translation>Review findings</translation>
    </message>
    <message>
        <location filename="../../ui/review_panel.py" line="80"/>
        <source>没有打开的项目</source>
        <translation>No project is open</translation>
    </message>
    <message>
        <location filename="../../ui/review_panel.py" line="83"/>
        <source>审核等级：%1（%2 分）</source>
        <translation>Review grade: %1 (%2 points)</translation>
    </message>
    <message>
        <location filename="../../ui/review_panel.py" line="91"/>
        <source>改正后可加 %1 分</source>
        <translation>Fixing this adds %1 points</translation>
    </message>
</context>
<context>
    <name>ReviewSummaryDialog</name>
    <message>
        <location filename="../../ui/review_summary.py" line="47"/>
        <location filename="../../ui/review_summary.py" line="136"/>
        <source>年度审核汇总</source>
        <translation>Yearly Review Summary</translation>
    </message>
    <message>
        <location filename="../../ui/review_summary.py" line="55"/>
        <source>%1年度</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../ui/review_summary.py" line="67"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/review_summary.py" line="68"/>
        <source>项目名称</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../ui/review_summary.py" line="69"/>
        <source>实施单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/review_summary.py" line="70"/>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../ui/review_summary.py" line="71"/>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../ui/review_summary.py" line="72"/>
        <source>主要问题</source>
        <translation>Main problems</translation>
    </message>
    <message>
        <location filename="../../ui/review_summary.py" line="86"/>
        <source>双击一行打开该项目</source>
        <translation>Double-click a row to open the project</translation>
    </message>
    <message>
        <location filename="../../ui/review_summary.py" line="89"/>
        <source>导出Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/review_summary.py" line="91"/>
        <source>打印审核表（PDF）…</source>
        <translation>Print Review Sheet (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/review_summary.py" line="93"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/review_summary.py" line="99"/>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../ui/review_summary.py" line="126"/>
        <source>正在审核…</source>
        <translation>Reviewing…</translation>
    </message>
    <message>
        <location filename="../../ui/review_summary.py" line="151"/>
        <source>（未命名项目）</source>
        <translation>(untitled project)</translation>
    </message>
    <message>
        <location filename="../../ui/review_summary.py" line="155"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/review_summary.py" line="167"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/review_summary.py" line="168"/>
        <source>%1 %2 个</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/review_summary.py" line="172"/>
        <source>共 %1 个项目：%2</source>
        <translation>%1 projects: %2</translation>
    </message>
    <message>
        <location filename="../../ui/review_summary.py" line="188"/>
        <source>单位内部审核表（%1）</source>
        <translation>Internal review sheet (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/review_summary.py" line="192"/>
        <source>导出审核汇总</source>
        <translation>Export Review Summary</translation>
    </message>
    <message>
        <location filename="../../ui/review_summary.py" line="193"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/review_summary.py" line="207"/>
        <source>打印审核表</source>
        <translation>Print Review Sheet</translation>
    </message>
    <message>
        <location filename="../../ui/review_summary.py" line="208"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/review_summary.py" line="232"/>
        <source>已写出审核汇总：%1</source>
        <translation>Review summary written: %1</translation>
    </message>
</context>
<context>
    <name>SectionTabs</name>
    <message>
        <location filename="../../ui/editor.py" line="584"/>
        <source>在此填写“%1”</source>
        <translation>Write “%1” here</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="620"/>
        <source>修改%1</source>
        <translation>Edit %1</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="631"/>
        <source>（空）</source>
        <translation> (empty)</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="632"/>
        <source>此栏目尚未填写</source>
        <translation>This section is still empty</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="635"/>
        <source>从旧表样转来、新表样没有对应栏目的内容：不打印，请移到合适的位置后删去</source>
        <translation>Text from the old form layout with no matching section here: not printed; move it where it belongs, then delete it</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="651"/>
        <source>%1 字</source>
        <translation>%1 characters</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/shortcuts.py" line="37"/>
        <source>键盘快捷键</source>
        <translation>Keyboard Shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="40"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="40"/>
        <source>快捷键</source>
        <translation>Shortcut</translation>
    </message>
</context>
<context>
    <name>YearCompareDialog</name>
    <message>
        <location filename="../../ui/year_compare.py" line="158"/>
        <source>与上年比较</source>
        <translation>Compare with Last Year</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="77"/>
        <source>

详细信息已记录在：%1</source>
        <translation>

The details are recorded in: %1</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="84"/>
        <source>PerfDesk 出现了程序错误，刚才的操作可能没有完成。
已保存的数据不受影响。</source>
        <translation>PerfDesk ran into a program error; what you just did may not be complete.
The data already saved is not affected.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="107"/>
        <source>数据库 %1 已在另一个 PerfDesk 窗口中打开。

请切换到那个窗口继续工作。</source>
        <translation>The database %1 is open in another PerfDesk window.

Please switch to that window to go on working.</translation>
    </message>
</context>
<context>
    <name>backup_actions</name>
    <message>
        <location filename="../../ui/backup_actions.py" line="231"/>
        <source>数据库文件 %1</source>
        <translation>Database file %1</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="236"/>
        <source>%1
备份于 %2，共 %3 个项目</source>
        <translation>%1
backed up on %2; projects: %3</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="328"/>
        <source>

备份文件夹 %1 中没有可用的备份。请保留这个文件，不要删除或覆盖它，并请技术人员协助修复。</source>
        <translation>

There is no usable backup in the backup folder %1. Keep this file (do not delete or overwrite it) and ask technical support to help repair it.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="337"/>
        <source>最新的完好备份：
%1
备份于 %2，共 %3 个项目。

现在用它恢复吗？损坏的文件会原样保存在备份文件夹中。</source>
        <translation>Newest intact backup:
%1
backed up on %2; projects: %3.

Restore from it now? The damaged file is kept as it is in the backup folder.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="346"/>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="358"/>
        <source>已从备份恢复 %1 个项目。损坏的文件保存为：
%2</source>
        <translation>Projects restored from the backup: %1. The damaged file is saved as:
%2</translation>
    </message>
</context>
<context>
    <name>check_panel</name>
    <message>
        <location filename="../../ui/check_panel.py" line="183"/>
        <source>（未命名）</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="187"/>
        <source>……另有 %1 个</source>
        <translation>…and %1 more</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="192"/>
        <source>表格有错误</source>
        <translation>The Form Has Errors</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="193"/>
        <source>以下项目的表格检查出错误，打印出来可能被退回：
%1

仍要打印吗？</source>
        <translation>The check found errors in the forms of these projects; printed as they are, they may be sent back:
%1

Print anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="196"/>
        <source>仍然打印</source>
        <translation>Print Anyway</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="205"/>
        <source>检查</source>
        <translation>Checks</translation>
    </message>
    <message>
        <location filename="../../ui/check_panel.py" line="254"/>
        <source>检查表格</source>
        <translation>Check Form</translation>
    </message>
</context>
<context>
    <name>convert_action</name>
    <message>
        <location filename="../../ui/convert_action.py" line="24"/>
        <location filename="../../ui/convert_action.py" line="40"/>
        <source>复制为新版表样</source>
        <translation>Copy to the Current Form Layout</translation>
    </message>
    <message>
        <location filename="../../ui/convert_action.py" line="29"/>
        <source>已复制为%1；没有对应栏目的内容在“%2”中，请移到合适的位置</source>
        <translation>Copied as %1; text without a matching section is in “%2”, please move it where it belongs</translation>
    </message>
    <message>
        <location filename="../../ui/convert_action.py" line="44"/>
        <source>把本项目复制到%1，原项目不变</source>
        <translation>Copy this project to %1; the original stays as it is</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <location filename="../../ui/dialogs.py" line="57"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="223"/>
        <source>

详细信息已记录在：%1</source>
        <translation>

The details are recorded in: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="236"/>
        <source>无法读写文件</source>
        <translation>The file could not be read or written</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="240"/>
        <source>数据库操作没有完成，数据未作改动。</source>
        <translation>The database operation did not complete; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="241"/>
        <source>PerfDesk 出现了程序错误，操作没有完成。</source>
        <translation>PerfDesk ran into a program error; the operation did not complete.</translation>
    </message>
</context>
<context>
    <name>font_choice</name>
    <message>
        <location filename="../../ui/font_choice.py" line="122"/>
        <source>打印字体已改回系统字体</source>
        <translation>The print font is the system&apos;s again</translation>
    </message>
    <message>
        <location filename="../../ui/font_choice.py" line="128"/>
        <source>打印字体</source>
        <translation>Print Font</translation>
    </message>
    <message>
        <location filename="../../ui/font_choice.py" line="132"/>
        <source>打印字体已设为 %1</source>
        <translation>Print font set to %1</translation>
    </message>
</context>
<context>
    <name>import_export</name>
    <message>
        <location filename="../../ui/import_export.py" line="44"/>
        <location filename="../../ui/import_export.py" line="59"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="66"/>
        <source>没有识别出任何项目。</source>
        <translation>No project was recognised.</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="82"/>
        <source>导入 %1 个项目</source>
        <translation>Import Projects (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="100"/>
        <source>导入绩效目标表</source>
        <translation>Import Performance-Target Forms</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="89"/>
        <source>已导入 %1 个项目，替换 %2 个，跳过 %3 个</source>
        <translation>Imported %1 projects, replaced %2, skipped %3</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="101"/>
        <source>绩效目标表 (*.pdf *.txt *.docx *.xlsx *.json);;PDF (*.pdf);;文本 (*.txt);;Word 文档 (*.docx);;Excel 工作簿 (*.xlsx);;PerfDesk 交换文件 (*.json)</source>
        <translation>Performance target forms (*.pdf *.txt *.docx *.xlsx *.json);;PDF (*.pdf);;Text (*.txt);;Word documents (*.docx);;Excel workbooks (*.xlsx);;PerfDesk exchange files (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="199"/>
        <source>没有项目可以导出。</source>
        <translation>There are no projects to export.</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="211"/>
        <source>绩效目标表（%1个项目）</source>
        <translation>Performance-target forms (%1 projects)</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="239"/>
        <source>已导出 %1 个项目到 %2</source>
        <translation>Exported to %2 (projects: %1)</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="251"/>
        <source>导出Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="253"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="260"/>
        <source>导出Word</source>
        <translation>Export to Word</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="262"/>
        <source>Word 文档 (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="268"/>
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="272"/>
        <source>从 PDF、文本、Excel 或交换文件导入绩效目标表</source>
        <translation>Import forms from PDF, text, Excel or exchange files</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="277"/>
        <source>导出Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="280"/>
        <source>把当前、选中或列表中的项目导出为 Excel 工作簿，每个项目一张工作表</source>
        <translation>Export the open, selected or listed projects to an Excel workbook, one sheet per project</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="290"/>
        <source>把当前、选中或列表中的项目导出为 Word 文档</source>
        <translation>Export the open, selected or listed projects to a Word document</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="287"/>
        <source>导出Word…</source>
        <translation>Export to Word…</translation>
    </message>
</context>
<context>
    <name>library_panel</name>
    <message>
        <location filename="../../ui/library_panel.py" line="197"/>
        <source>插入指标</source>
        <translation>Insert Indicators</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="220"/>
        <source>指标库…</source>
        <translation>Indicator Library…</translation>
    </message>
</context>
<context>
    <name>print_actions</name>
    <message>
        <location filename="../../ui/print_actions.py" line="116"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="125"/>
        <source>仍要打印吗？</source>
        <translation>Print anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="281"/>
        <source>打印预览…</source>
        <translation>Print Preview…</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="287"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="300"/>
        <source>导出PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="177"/>
        <location filename="../../ui/print_actions.py" line="293"/>
        <source>打开PDF</source>
        <translation>Open PDF</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="89"/>
        <source>已导出PDF：%1</source>
        <translation>PDF exported: %1</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="106"/>
        <source>排版</source>
        <translation>Layout</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="144"/>
        <source>导出PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="151"/>
        <source>绩效目标表（%1个项目）.pdf</source>
        <translation>Performance-target forms (%1 projects).pdf</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="156"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="246"/>
        <source>批量排版</source>
        <translation>Batch layout</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="306"/>
        <source>批量打印…</source>
        <translation>Batch Print…</translation>
    </message>
    <message>
        <location filename="../../ui/print_actions.py" line="311"/>
        <source>打印字体…</source>
        <translation>Print Font…</translation>
    </message>
</context>
<context>
    <name>print_preview</name>
    <message>
        <location filename="../../ui/print_preview.py" line="67"/>
        <source>未命名项目</source>
        <translation>Untitled project</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="68"/>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="74"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="76"/>
        <source>…等 {0} 处</source>
        <translation> … ({0} in all)</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="81"/>
        <source>以下字符无法用打印字体显示，打印时将缺失：</source>
        <translation>These characters cannot be drawn with the print font and will be missing from the printout: </translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="93"/>
        <source>绩效目标表</source>
        <translation>Performance targets</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="96"/>
        <source>绩效目标表（{0}个项目）</source>
        <translation>Performance targets ({0} projects)</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="119"/>
        <source>无法开始打印：打印机不可用</source>
        <translation>Cannot start printing: the printer is not available</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="282"/>
        <location filename="../../ui/print_preview.py" line="293"/>
        <source>导出PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="283"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="307"/>
        <source>打开PDF</source>
        <translation>Open PDF</translation>
    </message>
</context>
<context>
    <name>review_panel</name>
    <message>
        <location filename="../../ui/review_panel.py" line="206"/>
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../ui/review_panel.py" line="237"/>
        <source>年度审核汇总…</source>
        <translation>Yearly Review Summary…</translation>
    </message>
    <message>
        <location filename="../../ui/review_panel.py" line="240"/>
        <source>一年度全部项目的审核等级和主要问题，可导出Excel、打印单位内部审核表</source>
        <translation>The grade and main problems of every project of a year; export to Excel or print the unit&apos;s internal review sheet</translation>
    </message>
    <message>
        <location filename="../../ui/review_panel.py" line="247"/>
        <source>与上年比较…</source>
        <translation>Compare with Last Year…</translation>
    </message>
    <message>
        <location filename="../../ui/review_panel.py" line="250"/>
        <source>与上一年度同一项目的表比较：表头、资金、文字和指标的变化</source>
        <translation>Compare with last year&apos;s form of the same project: changes in header, funds, texts and indicators</translation>
    </message>
</context>
<context>
    <name>review_summary</name>
    <message>
        <location filename="../../ui/review_summary.py" line="241"/>
        <source>年度审核汇总</source>
        <translation>Yearly Review Summary</translation>
    </message>
    <message>
        <location filename="../../ui/review_summary.py" line="242"/>
        <source>还没有项目。</source>
        <translation>There are no projects yet.</translation>
    </message>
</context>
<context>
    <name>year_compare</name>
    <message>
        <location filename="../../ui/year_compare.py" line="43"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../ui/year_compare.py" line="56"/>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../ui/year_compare.py" line="57"/>
        <source>删除</source>
        <translation>Removed</translation>
    </message>
    <message>
        <location filename="../../ui/year_compare.py" line="58"/>
        <source>调高</source>
        <translation>Raised</translation>
    </message>
    <message>
        <location filename="../../ui/year_compare.py" line="59"/>
        <source>调低</source>
        <translation>Lowered</translation>
    </message>
    <message>
        <location filename="../../ui/year_compare.py" line="60"/>
        <source>改动</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../ui/year_compare.py" line="81"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/year_compare.py" line="82"/>
        <location filename="../../ui/year_compare.py" line="83"/>
        <source>%1年</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../ui/year_compare.py" line="95"/>
        <source>图例：</source>
        <translation>Key: </translation>
    </message>
    <message>
        <location filename="../../ui/year_compare.py" line="96"/>
        <source>删去的文字</source>
        <translation>removed text</translation>
    </message>
    <message>
        <location filename="../../ui/year_compare.py" line="98"/>
        <source>新增的文字</source>
        <translation>added text</translation>
    </message>
    <message>
        <location filename="../../ui/year_compare.py" line="104"/>
        <source>与上年的表完全相同。</source>
        <translation>Identical to last year&apos;s form.</translation>
    </message>
    <message>
        <location filename="../../ui/year_compare.py" line="109"/>
        <source>表头</source>
        <translation>Header</translation>
    </message>
    <message>
        <location filename="../../ui/year_compare.py" line="114"/>
        <source>项目资金</source>
        <translation>Project funds</translation>
    </message>
    <message>
        <location filename="../../ui/year_compare.py" line="136"/>
        <source>绩效指标</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../../ui/year_compare.py" line="139"/>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../ui/year_compare.py" line="140"/>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../ui/year_compare.py" line="141"/>
        <location filename="../../ui/year_compare.py" line="144"/>
        <source>%1年指标值</source>
        <translation>Target %1</translation>
    </message>
    <message>
        <location filename="../../ui/year_compare.py" line="175"/>
        <source>与上年比较</source>
        <translation>Compare with Last Year</translation>
    </message>
    <message>
        <location filename="../../ui/year_compare.py" line="182"/>
        <source>没有找到这个项目上一年度（%1年）的表：同一实施单位、同一项目名称的表才能比较。</source>
        <translation>No form of this project for last year (%1) was found: only forms of the same unit and project name can be compared.</translation>
    </message>
</context>
</TS>
