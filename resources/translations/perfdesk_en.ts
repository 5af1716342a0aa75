<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>BudgetForm</name>
    <message>
        <location filename="../../ui/editor.py" line="351"/>
        <source>修改%1</source>
        <translation>Edit %1</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../ui/editor.py" line="116"/>
        <source>选择日期</source>
        <translation>Pick a Date</translation>
    </message>
</context>
<context>
    <name>HeaderForm</name>
    <message>
        <location filename="../../ui/editor.py" line="199"/>
        <source>选择或输入</source>
        <translation>choose or type</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="253"/>
        <source>修改%1</source>
        <translation>Edit %1</translation>
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
        <location filename="../../ui/indicator_view.py" line="109"/>
        <source>添加一级目标</source>
        <translation>Add Level 1 Goal</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="112"/>
        <source>添加二级目标</source>
        <translation>Add Level 2 Goal</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="115"/>
        <source>添加三级指标</source>
        <translation>Add Level 3 Indicator</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="118"/>
        <source>删除所选</source>
        <translation>Delete Selected</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="125"/>
        <source>上移</source>
        <translation>Move Up</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="127"/>
        <source>下移</source>
        <translation>Move Down</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="131"/>
        <source>插入标准“投入与管理”指标</source>
        <translation>Insert Standard “Input and Management” Indicators</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="134"/>
        <source>一级</source>
        <translation>Level 1</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="135"/>
        <source>二级</source>
        <translation>Level 2</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="136"/>
        <source>三级</source>
        <translation>Level 3</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="137"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="138"/>
        <source>标准指标</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../ui/indicator_view.py" line="162"/>
        <source>添加：</source>
        <translation>Add:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="156"/>
        <source> 年度</source>
        <translation> (year)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167"/>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="170"/>
        <source>基本信息</source>
        <translation>Basic Information</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="182"/>
        <source>项目说明</source>
        <translation>Project Description</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="212"/>
        <source>还没有打开的项目。
新建一个项目，或导入参考表样中的示例数据。</source>
        <translation>No project is open.
Create a project, or import the sample data of the reference form.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218"/>
        <location filename="../../ui/main_window.py" line="261"/>
        <location filename="../../ui/main_window.py" line="531"/>
        <source>新建项目</source>
        <translation>New Project</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="219"/>
        <location filename="../../ui/main_window.py" line="273"/>
        <source>导入示例数据</source>
        <translation>Import Sample Data</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="264"/>
        <location filename="../../ui/main_window.py" line="541"/>
        <source>复制项目</source>
        <translation>Duplicate Project</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="267"/>
        <location filename="../../ui/main_window.py" line="548"/>
        <source>复制到下一年度</source>
        <translation>Copy to Next Year</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270"/>
        <source>删除项目…</source>
        <translation>Delete Project…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="276"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="279"/>
        <location filename="../../ui/main_window.py" line="708"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="281"/>
        <location filename="../../ui/main_window.py" line="714"/>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="284"/>
        <source>查找项目</source>
        <translation>Find Project</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="287"/>
        <source>上一个项目</source>
        <translation>Previous Project</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="293"/>
        <source>下一个项目</source>
        <translation>Next Project</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="296"/>
        <source>恢复默认窗口布局</source>
        <translation>Reset Window Layout</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="298"/>
        <location filename="../../ui/main_window.py" line="796"/>
        <source>关于 PerfDesk</source>
        <translation>About PerfDesk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="300"/>
        <location filename="../../ui/main_window.py" line="810"/>
        <source>键盘快捷键</source>
        <translation>Keyboard Shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="310"/>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="311"/>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="312"/>
        <source>下一年度</source>
        <translation>Next Year</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="313"/>
        <location filename="../../ui/main_window.py" line="559"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="330"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="331"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="332"/>
        <source>项目(&amp;P)</source>
        <translation>&amp;Project</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="333"/>
        <source>指标(&amp;I)</source>
        <translation>&amp;Indicators</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="334"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="335"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="381"/>
        <source>语言 / Language</source>
        <translation>Language / 语言</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="505"/>
        <source>目标（一级 / 二级 / 三级）</source>
        <translation>Goal (level 1 / 2 / 3)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="555"/>
        <location filename="../../ui/main_window.py" line="739"/>
        <source>（未命名项目）</source>
        <translation>(untitled project)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="556"/>
        <source>删除项目“%1”？

删除后可以用“撤销”（Ctrl+Z）恢复。</source>
        <translation>Delete the project “%1”?

You can bring it back with Undo (Ctrl+Z).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="559"/>
        <source>删除项目</source>
        <translation>Delete Project</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="562"/>
        <source>删除项目“%1”</source>
        <translation>Delete Project “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="576"/>
        <source>已导入 %1 个示例项目</source>
        <translation>Imported %1 sample projects</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="600"/>
        <source>保存失败</source>
        <translation>Not Saved</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="601"/>
        <source>这次修改没有保存：%1

数据库中仍是修改前的内容。</source>
        <translation>This change was not saved: %1

The database still holds the content from before the change.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="629"/>
        <source>修改年度</source>
        <translation>Change Year</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="637"/>
        <source>插入标准指标</source>
        <translation>Insert Standard Indicators</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="670"/>
        <source>已撤销：%1</source>
        <translation>Undone: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="678"/>
        <source>已重做：%1</source>
        <translation>Redone: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="705"/>
        <source>撤销“%1”</source>
        <translation>Undo “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="711"/>
        <source>重做“%1”</source>
        <translation>Redo “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="740"/>
        <source>正在保存…</source>
        <translation>saving…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="740"/>
        <source>已自动保存</source>
        <translation>saved automatically</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="778"/>
        <source>已恢复默认窗口布局</source>
        <translation>Window layout reset</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="787"/>
        <source>界面语言将在下次启动 PerfDesk 时更改。
The language changes the next time PerfDesk starts.</source>
        <translation>The language changes the next time PerfDesk starts.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="797"/>
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
        <location filename="../../ui/editor.py" line="144"/>
        <source>空白（不填）</source>
        <translation>blank</translation>
    </message>
</context>
<context>
    <name>ProjectList</name>
    <message>
        <location filename="../../ui/project_list.py" line="139"/>
        <source>搜索项目名称、单位、内容、指标…（Ctrl+F）</source>
        <translation>Search names, units, text, indicators… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="144"/>
        <source>按年度筛选</source>
        <translation>Filter by year</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="147"/>
        <source>按申报单位筛选</source>
        <translation>Filter by unit</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="226"/>
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="228"/>
        <source>%1年</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="230"/>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="272"/>
        <source>找到 %1 个，共 %2 个项目</source>
        <translation>%1 found of %2 projects</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="275"/>
        <source>共 %1 个项目</source>
        <translation>%1 projects</translation>
    </message>
</context>
<context>
    <name>ProjectListModel</name>
    <message>
        <location filename="../../ui/project_list.py" line="44"/>
        <source>项目名称</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="44"/>
        <source>申报单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="44"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/project_list.py" line="81"/>
        <source>（未命名项目）</source>
        <translation>(untitled project)</translation>
    </message>
</context>
<context>
    <name>SectionTabs</name>
    <message>
        <location filename="../../ui/editor.py" line="414"/>
        <source>在此填写“%1”</source>
        <translation>Write “%1” here</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="444"/>
        <source>修改%1</source>
        <translation>Edit %1</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="455"/>
        <source>（空）</source>
        <translation> (empty)</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="456"/>
        <source>此栏目尚未填写</source>
        <translation>This section is still empty</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="467"/>
        <source>%1 字</source>
        <translation>%1 characters</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="91"/>
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
</TS>
