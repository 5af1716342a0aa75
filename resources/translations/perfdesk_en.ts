<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>BudgetForm</name>
    <message>
        <location filename="../../ui/editor.py" line="335"/>
        <source>其中：</source>
        <translation>of which: </translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="364"/>
        <source>修改%1</source>
        <translation>Edit %1</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../ui/editor.py" line="115"/>
        <source>选择日期</source>
        <translation>Pick a Date</translation>
    </message>
</context>
<context>
    <name>HeaderForm</name>
    <message>
        <location filename="../../ui/editor.py" line="196"/>
        <source>选择或输入</source>
        <translation>choose or type</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="251"/>
        <source>修改%1</source>
        <translation>Edit %1</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../../ui/import_dialog.py" line="50"/>
        <source>导入预览</source>
        <translation>Import Preview</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="56"/>
        <source>识别出 %1 个项目。勾选要导入的项目；导入后可一步撤销。</source>
        <translation>%1 projects recognised. Tick the ones to import; one Undo takes the import back.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="84"/>
        <source>提示 %1 条：这些内容没有导入或需要核对</source>
        <translation>%1 notes: these were not imported or need checking</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="86"/>
        <source>没有提示：全部内容都已识别。</source>
        <translation>No notes: everything was recognised.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="125"/>
        <source>导入 %1 个项目</source>
        <translation>Import %1 Projects</translation>
    </message>
</context>
<context>
    <name>IndicatorModel</name>
    <message>
        <location filename="../../ui/indicator_model.py" line="83"/>
        <source>一级目标</source>
        <translation>Level 1 goal</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_model.py" line="83"/>
        <source>二级目标</source>
        <translation>Level 2 goal</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_model.py" line="83"/>
        <source>三级目标</source>
        <translation>Level 3 indicator</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_model.py" line="84"/>
        <source>目标（一级 / 二级 / 三级）</source>
        <translation>Goal (level 1 / 2 / 3)</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_model.py" line="84"/>
        <source>指标目标值</source>
        <translation>Target value</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_model.py" line="173"/>
        <source>（未填写%1）</source>
        <translation>(%1 not filled in)</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_model.py" line="211"/>
        <source>修改%1名称</source>
        <translation>Rename %1</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_model.py" line="216"/>
        <source>修改指标值</source>
        <translation>Edit Target Value</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_model.py" line="236"/>
        <source>添加%1</source>
        <translation>Add %1</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_model.py" line="250"/>
        <source>删除“%1”</source>
        <translation>Delete “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_model.py" line="263"/>
        <source>上移</source>
        <translation>Move Up</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_model.py" line="263"/>
        <source>下移</source>
        <translation>Move Down</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_model.py" line="352"/>
        <source>移动“%1”</source>
        <translation>Move “%1”</translation>
    </message>
</context>
<context>
    <name>IndicatorPanel</name>
    <message>
        <location filename="../../ui/indicator_view.py" line="139"/>
        <source>添加一级目标</source>
        <translation>Add Level 1 Goal</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="142"/>
        <source>添加二级目标</source>
        <translation>Add Level 2 Goal</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="145"/>
        <source>添加三级指标</source>
        <translation>Add Level 3 Indicator</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="148"/>
        <source>删除所选</source>
        <translation>Delete Selected</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="155"/>
        <source>上移</source>
        <translation>Move Up</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="157"/>
        <source>下移</source>
        <translation>Move Down</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="161"/>
        <source>插入标准“投入与管理”指标</source>
        <translation>Insert Standard “Input and Management” Indicators</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="164"/>
        <source>一级</source>
        <translation>Level 1</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="165"/>
        <source>二级</source>
        <translation>Level 2</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="166"/>
        <source>三级</source>
        <translation>Level 3</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="167"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="168"/>
        <source>标准指标</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="192"/>
        <source>添加：</source>
        <translation>Add:</translation>
    </message>
</context>
<context>
    <name>LibraryDialog</name>
    <message>
        <location filename="../../ui/library_panel.py" line="62"/>
        <source>指标库</source>
        <translation>Indicator Library</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="69"/>
        <source>搜索指标名称、一级/二级或指标值</source>
        <translation>Search indicator names, levels 1/2 or values</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="74"/>
        <location filename="../../ui/library_panel.py" line="88"/>
        <source>三级指标</source>
        <translation>Level 3 indicator</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="74"/>
        <location filename="../../ui/library_panel.py" line="88"/>
        <source>一级 / 二级</source>
        <translation>Level 1 / 2</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="74"/>
        <source>次数</source>
        <translation>Uses</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="74"/>
        <source>最近指标值</source>
        <translation>Latest value</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="88"/>
        <source>指标值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="94"/>
        <source>项目类型：</source>
        <translation>Project type:</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="102"/>
        <source>已用过的指标</source>
        <translation>Used Indicators</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="103"/>
        <source>模板</source>
        <translation>Templates</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="107"/>
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
        <translation>Inserted %1 indicators</translation>
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
        <location filename="../../ui/main_window.py" line="167"/>
        <source> 年度</source>
        <translation> (year)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="178"/>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181"/>
        <source>基本信息</source>
        <translation>Basic Information</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="193"/>
        <source>项目说明</source>
        <translation>Project Description</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="225"/>
        <source>还没有打开的项目。
新建一个项目，或导入参考表样中的示例数据。</source>
        <translation>No project is open.
Create a project, or import the sample data of the reference form.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="231"/>
        <location filename="../../ui/main_window.py" line="280"/>
        <location filename="../../ui/main_window.py" line="569"/>
        <source>新建项目</source>
        <translation>New Project</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="232"/>
        <location filename="../../ui/main_window.py" line="296"/>
        <source>导入示例数据</source>
        <translation>Import Sample Data</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="255"/>
        <source>数据库：%1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="283"/>
        <location filename="../../ui/main_window.py" line="579"/>
        <source>复制项目</source>
        <translation>Duplicate Project</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="286"/>
        <location filename="../../ui/main_window.py" line="586"/>
        <source>复制到下一年度</source>
        <translation>Copy to Next Year</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="289"/>
        <source>删除项目…</source>
        <translation>Delete Project…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="293"/>
        <source>保存（自动）</source>
        <translation>Save (automatic)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="299"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="302"/>
        <location filename="../../ui/main_window.py" line="758"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="304"/>
        <location filename="../../ui/main_window.py" line="764"/>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="307"/>
        <source>查找项目</source>
        <translation>Find Project</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="310"/>
        <source>上一个项目</source>
        <translation>Previous Project</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="316"/>
        <source>下一个项目</source>
        <translation>Next Project</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="319"/>
        <source>恢复默认窗口布局</source>
        <translation>Reset Window Layout</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="321"/>
        <location filename="../../ui/main_window.py" line="846"/>
        <source>关于 PerfDesk</source>
        <translation>About PerfDesk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="323"/>
        <location filename="../../ui/main_window.py" line="860"/>
        <source>键盘快捷键</source>
        <translation>Keyboard Shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="339"/>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="340"/>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="341"/>
        <source>下一年度</source>
        <translation>Next Year</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="342"/>
        <location filename="../../ui/main_window.py" line="597"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="359"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="360"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="361"/>
        <source>项目(&amp;P)</source>
        <translation>&amp;Project</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="362"/>
        <source>指标(&amp;I)</source>
        <translation>&amp;Indicators</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="363"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="364"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="411"/>
        <source>语言 / Language</source>
        <translation>Language / 语言</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="536"/>
        <source>目标（一级 / 二级 / 三级）</source>
        <translation>Goal (level 1 / 2 / 3)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="593"/>
        <location filename="../../ui/main_window.py" line="789"/>
        <source>（未命名项目）</source>
        <translation>(untitled project)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="594"/>
        <source>删除项目“%1”？

删除后可以用“撤销”（Ctrl+Z）恢复。</source>
        <translation>Delete the project “%1”?

You can bring it back with Undo (Ctrl+Z).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="597"/>
        <source>删除项目</source>
        <translation>Delete Project</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="600"/>
        <source>删除项目“%1”</source>
        <translation>Delete Project “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="615"/>
        <source>已导入 %1 个示例项目</source>
        <translation>Imported %1 sample projects</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="620"/>
        <source>所有修改都已保存（PerfDesk 随时自动保存）</source>
        <translation>All changes are saved (PerfDesk saves as you go)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="644"/>
        <source>保存失败</source>
        <translation>Not Saved</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="645"/>
        <source>这次修改没有保存：%1

数据库中仍是修改前的内容。</source>
        <translation>This change was not saved: %1

The database still holds the content from before the change.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="674"/>
        <source>修改年度</source>
        <translation>Change Year</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="682"/>
        <source>插入标准指标</source>
        <translation>Insert Standard Indicators</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="715"/>
        <source>已撤销：%1</source>
        <translation>Undone: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="723"/>
        <source>已重做：%1</source>
        <translation>Redone: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="755"/>
        <source>撤销“%1”</source>
        <translation>Undo “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="761"/>
        <source>重做“%1”</source>
        <translation>Redo “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="790"/>
        <source>正在保存…</source>
        <translation>saving…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="790"/>
        <source>已自动保存</source>
        <translation>saved automatically</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="828"/>
        <source>已恢复默认窗口布局</source>
        <translation>Window layout reset</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="837"/>
        <source>界面语言将在下次启动 PerfDesk 时更改。
The language changes the next time PerfDesk starts.</source>
        <translation>The language changes the next time PerfDesk starts.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="847"/>
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
        <location filename="../../ui/editor.py" line="142"/>
        <source>空白（不填）</source>
        <translation>blank</translation>
    </message>
</context>
<context>
    <name>ProjectList</name>
    <message>
        <location filename="../../ui/project_list.py" line="152"/>
        <source>搜索项目名称、单位、内容、指标…（Ctrl+F）</source>
        <translation>Search names, units, text, indicators… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="157"/>
        <source>按年度筛选</source>
        <translation>Filter by year</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="160"/>
        <source>按申报单位筛选</source>
        <translation>Filter by unit</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="239"/>
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="241"/>
        <source>%1年</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="243"/>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="285"/>
        <source>找到 %1 个，共 %2 个项目</source>
        <translation>%1 found of %2 projects</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="288"/>
        <source>共 %1 个项目</source>
        <translation>%1 projects</translation>
    </message>
</context>
<context>
    <name>ProjectListModel</name>
    <message>
        <location filename="../../ui/project_list.py" line="46"/>
        <source>项目名称</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="46"/>
        <source>申报单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="46"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="83"/>
        <source>（未命名项目）</source>
        <translation>(untitled project)</translation>
    </message>
</context>
<context>
    <name>SectionTabs</name>
    <message>
        <location filename="../../ui/editor.py" line="430"/>
        <source>在此填写“%1”</source>
        <translation>Write “%1” here</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="460"/>
        <source>修改%1</source>
        <translation>Edit %1</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="471"/>
        <source>（空）</source>
        <translation> (empty)</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="475"/>
        <source>此栏目尚未填写</source>
        <translation>This section is still empty</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="486"/>
        <source>%1 字</source>
        <translation>%1 characters</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="94"/>
        <source>数据库 %1 已在另一个 PerfDesk 窗口中打开%2。

请切换到那个窗口继续工作。</source>
        <translation>The database %1 is already open in another PerfDesk window%2.

Please switch to that window to go on working.</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <location filename="../../ui/dialogs.py" line="31"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../ui/convert_action.py" line="22"/>
        <location filename="../../ui/convert_action.py" line="34"/>
        <source>复制为新版表样</source>
        <translation>Copy to the Current Form Layout</translation>
    </message>
    <message>
        <location filename="../../ui/convert_action.py" line="26"/>
        <source>已复制为%1；没有对应栏目的内容在“%2”中，请移到合适的位置</source>
        <translation>Copied as %1; text without a matching section is in “%2”, please move it where it belongs</translation>
    </message>
    <message>
        <location filename="../../ui/convert_action.py" line="37"/>
        <source>把本项目复制到%1，原项目不变</source>
        <translation>Copy this project to %1; the original stays as it is</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="196"/>
        <source>插入指标</source>
        <translation>Insert Indicators</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="219"/>
        <source>指标库…</source>
        <translation>Indicator Library…</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="35"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="43"/>
        <source>没有识别出任何项目。</source>
        <translation>No project was recognised.</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="49"/>
        <source>导入 %1 个项目</source>
        <translation>Import %1 Projects</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="52"/>
        <source>已导入 %1 个项目</source>
        <translation>Imported %1 projects</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="57"/>
        <source>导入绩效目标表</source>
        <translation>Import Performance-Target Forms</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="73"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="75"/>
        <source>列表中没有项目可以导出。</source>
        <translation>There are no projects in the list to export.</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="88"/>
        <source>已导出 %1 个项目到 %2</source>
        <translation>Exported %1 projects to %2</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="98"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="104"/>
        <source>Word 文档 (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="108"/>
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="111"/>
        <source>从 PDF、文本、Excel 或交换文件导入绩效目标表</source>
        <translation>Import forms from PDF, text, Excel or exchange files</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="115"/>
        <source>导出Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="117"/>
        <source>把列表中的项目导出为 Excel 工作簿，每个项目一张工作表</source>
        <translation>Export the listed projects to an Excel workbook, one sheet per project</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="121"/>
        <source>导出Word…</source>
        <translation>Export to Word…</translation>
    </message>
    <message>
        <location filename="../../ui/import_export.py" line="123"/>
        <source>把列表中的项目导出为 Word 文档</source>
        <translation>Export the listed projects to a Word document</translation>
    </message>
</context>
</TS>
