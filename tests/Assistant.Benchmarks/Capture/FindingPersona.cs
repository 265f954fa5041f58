using Assistant.Tests.Fakes;

namespace Assistant.Benchmarks.Capture;

/// <summary>What a member does next: press a button of a message, type a text, or nothing more (the finding is saved).</summary>
public sealed record Reaction(string Step, InlineButton? Button = null, string? Text = null, bool Done = false)
{
    public static readonly Reaction Saved = new("saved", Done: true);

    public static Reaction Press(string step, InlineButton button) => new(step, Button: button);

    public static Reaction Type(string step, string text) => new(step, Text: text);
}

/// <summary>
/// One finding a member wants to record, and how a person reacts to what the assistant shows: the preference
/// table. It looks at the question and its buttons, never at how many steps came before, so it keeps working
/// when the flow asks in another order, skips questions, or offers "same as last time":
/// <list type="number">
/// <item>"same as last time" when the question names all of this finding's context (aspect, sector, method, open/covert,
///   city, unit), and never otherwise;</item>
/// <item>else a button labelled with a value this person wants (the aspect, sector, method, open/covert, severity, or a city
///   or unit the team used before) is pressed;</item>
/// <item>else a button that moves on, in a fixed order (save, to the review, description done,
///   no evidence, next, skip, add the basis later), labelled so or containing it;</item>
/// <item>else a button containing a wanted value (not a ✎ button, which changes an answer already given);</item>
/// <item>else, when the question (the message's last line) asks for something to type (city, unit, what was found,
///   the sector's name), that is typed;</item>
/// <item>else the first button is pressed (counted: the table did not know the question).</item>
/// </list>
/// A message that only lost its keyboard is not a question; a message without buttons whose last line asks
/// for nothing this person knows is only read.
/// </summary>
public sealed record FindingPersona(string Aspect, string Sector, string Method, string Openness, string City, string Unit, string Description, string Severity)
{
    /// <summary>The step name of the pressing of a button the table did not know.</summary>
    public const string UnknownStep = "first button (unknown question)";

    /// <summary>The mark of a button that changes an answer already given (the review card's ✎ buttons): never what a value fits.</summary>
    private const string EditMark = "✎";

    /// <summary>
    /// Five findings of a field day, from the seeds' kinds of problems; members go through them in turn. As on a real day,
    /// some follow one another at the same unit (the second and the fifth repeat the context of the one before).
    /// </summary>
    public static readonly FindingPersona[] Day =
    [
        new("安全生产责任落实", "危险化学品", "实地检查", "明查", "长沙市望城区", "长沙某化工有限公司", "甲类仓库与办公楼防火间距不足，约8米，规范要求不少于30米", "一般隐患"),
        new("安全生产责任落实", "危险化学品", "实地检查", "明查", "长沙市望城区", "长沙某化工有限公司", "储罐区可燃气体检测报警仪超期未检定，两处探头被遮挡", "一般隐患"),
        new("基层末梢抓工作落实", "城镇燃气", "实地检查", "暗访", "株洲市荷塘区", "荷塘区某餐饮店", "后厨液化石油气钢瓶与灶具未保持安全距离，未安装可燃气体泄漏报警装置", "重大事故隐患"),
        new("重大专项行动组织实施", "消防", "走访问询", "明查", "湘潭市岳塘区", "岳塘区某购物中心", "三楼疏散通道堆放杂物，两处常闭式防火门处于常开状态", "一般隐患"),
        new("重大专项行动组织实施", "消防", "走访问询", "明查", "湘潭市岳塘区", "岳塘区某购物中心", "消防控制室值班人员未持证上岗，自动喷水灭火系统末端试水装置压力不足", "一般隐患"),
    ];

    private static readonly (string Step, string Label)[] MoveOn =
    [
        ("save", "保存"),
        ("to the review", "核对"),
        ("description done", "描述完成"),
        ("no evidence", "无证据"),
        ("next", "下一步"),
        ("skip", "跳过"),
        ("basis later", "稍后补充"),
        ("done", "完成"),
    ];

    private (string Step, string Value)[] Wanted =>
    [
        ("aspect", Aspect),
        ("sector", Sector),
        ("method", Method),
        ("open or covert", Openness),
        ("severity", Severity),
        ("city (offered)", City),
        ("unit (offered)", Unit),
    ];

    private (string Step, string[] Keywords, string Answer)[] Typed =>
    [
        ("sector name (typed)", ["领域名称"], Sector),
        ("city (typed)", ["市、县", "哪个市", "哪个县"], City),
        ("unit (typed)", ["被检查单位", "哪个单位", "单位是"], Unit),
        ("description (typed)", ["发现了什么问题", "问题描述", "什么问题"], Description),
        ("place (typed)", ["具体地点", "在什么地方"], "厂区东门"),
    ];

    /// <summary>The reaction to a message the bot sent or edited, or null when it asks nothing of this person.</summary>
    public Reaction? Decide(SentMessage message)
    {
        var text = message.PlainText ?? "";
        if (text.Contains("已保存为", StringComparison.Ordinal))
        {
            return Reaction.Saved;
        }

        if (message.Method == "editMessageReplyMarkup" && message.InlineKeyboard is null)
        {
            return null;
        }

        var buttons = message.Buttons.Where(b => b.CallbackData is not null).ToList();
        if (buttons.FirstOrDefault(b => b.Text.Contains("同上次", StringComparison.Ordinal)) is { } same && SameAsLast(text))
        {
            return Reaction.Press("same as last time", same);
        }

        buttons.RemoveAll(b => b.Text.Contains("同上次", StringComparison.Ordinal));
        var fitting = Fitting(buttons, Wanted, exact: true)
            ?? Fitting(buttons, MoveOn, exact: true)
            ?? Fitting(buttons, MoveOn, exact: false)
            ?? Fitting([.. buttons.Where(b => !b.Text.StartsWith(EditMark, StringComparison.Ordinal))], Wanted, exact: false);
        if (fitting is not null)
        {
            return fitting;
        }

        var question = LastLine(text);
        foreach (var (step, keywords, answer) in Typed)
        {
            if (keywords.Any(k => question.Contains(k, StringComparison.Ordinal)))
            {
                return Reaction.Type(step, answer);
            }
        }

        return buttons.Count > 0 ? Reaction.Press(UnknownStep, buttons[0]) : null;
    }

    /// <summary>"Same as last time" is what this person wants when the question names all of their context.</summary>
    private bool SameAsLast(string question) =>
        new[] { Aspect, Sector, Method, Openness, City, Unit }.All(v => question.Contains(v, StringComparison.Ordinal));

    /// <summary>The first entry of the table with a button labelled so (or, not <paramref name="exact"/>, containing it).</summary>
    private static Reaction? Fitting(List<InlineButton> buttons, (string Step, string Label)[] table, bool exact)
    {
        foreach (var (step, label) in table)
        {
            var button = buttons.FirstOrDefault(b => exact ? b.Text.Trim() == label : b.Text.Contains(label, StringComparison.Ordinal));
            if (button is not null)
            {
                return Reaction.Press(step, button);
            }
        }

        return null;
    }

    private static string LastLine(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "" : lines[^1];
    }
}
