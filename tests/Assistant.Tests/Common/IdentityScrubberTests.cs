using Assistant.Core.Common;

namespace Assistant.Tests.Common;

/// <summary>
/// What <see cref="IdentityScrubber"/> takes for a tipster's identity, and what it leaves alone. The innocent sentences are
/// ordinary inspection text: "群众" and "举报" without a name, a public hotline (five digits, shorter than any phone number a
/// person has), a date in Chinese numerals, and a unit whose name starts like a person's ("李四加油站": without a cue before it,
/// a name in a unit's name is the unit's, and is kept).
/// </summary>
public sealed class IdentityScrubberTests
{
    /// <summary>What is typed, and the part of it that must not come out.</summary>
    public static TheoryData<string, string> Identifying => new()
    {
        // The forms the QA trial found passing.
        { "举报群众李四反映加油站违规", "李四" },
        { "群众李四举报加油站违规", "李四" },
        { "据举报群众李四介绍，站内有黑气瓶", "李四" },
        { "村民王建国反映液化气站夜间充装", "王建国" },
        { "举报人手机号：一三八一二三四五六七八", "一三八一二三四五六七八" },
        { "来电号码幺三八一二三四五六七八，反映违规充装", "幺三八一二三四五六七八" },
        { "回电一三八 一二三四 五六七八", "一三八 一二三四 五六七八" },
        { "电话零七三一八八八八六六六六", "零七三一八八八八六六六六" },
        { "座机〇七三一－八八八八六六六六", "八八八八六六六六" },
        { "回电１３８１２３４５６７８", "１３８１２３４５６７８" },
        { "回电1 3 8 1 2 3 4 5 6 7 8", "1 3 8 1 2 3 4 5 6 7 8" },
        // The forms already handled.
        { "举报人张三，电话13812345678反映", "张三" },
        { "举报人张三，电话13812345678反映", "13812345678" },
        { "张三（举报人）称", "张三" },
        { "举报者王五反映", "王五" },
        { "来电人赵六手机 138 1234 5678", "138 1234 5678" },
        { "电话0731-88886666", "88886666" },
        { "微信 zhangsan_88", "zhangsan_88" },
        { "身份证号430102198001011234", "430102198001011234" },
        { "举报人是钱七。", "钱七" },
        { "举报人:孙八", "孙八" },
        { "举报人李四反映", "李四" },
        { "来电人王五反映", "王五" },
        { "Tipster Zhang San reports a gas leak", "Zhang San" },
    };

    /// <summary>Ordinary inspection text that names no one.</summary>
    public static TheoryData<string> Innocent => new()
    {
        "群众反映楼道堆物",
        "接群众举报后核查",
        "举报电话12350已公示",
        "李四加油站卸油区未设置静电接地装置",
        "群众于昨日反映楼道堆物",
        "群众曾多次举报该站违规充装",
        "群众高度关注燃气安全",
        "居民方面反映噪声扰民",
        "举报人反映某站违规充装，已转交长沙市核查",
        "二〇二三年十一月二日检查",
        "检查13家企业，整改率96%，08:30出发，依据GB 50016-2014第3.5.1条",
        "库存液化气钢瓶15 30 45 60 75 90只",
    };

    [Theory]
    [MemberData(nameof(Identifying))]
    public void Identifying_IsFoundAndRemoved(string typed, string secret)
    {
        Assert.True(IdentityScrubber.Identifies(typed), typed);
        var scrubbed = IdentityScrubber.Scrub(typed);
        Assert.DoesNotContain(secret, scrubbed, StringComparison.Ordinal);
        Assert.Contains(IdentityScrubber.Removed, scrubbed, StringComparison.Ordinal);
        Assert.Equal(scrubbed, IdentityScrubber.Scrub(scrubbed)); // scrubbing again changes nothing (a finding is scrubbed at each save)
    }

    [Theory]
    [MemberData(nameof(Innocent))]
    public void Innocent_IsLeftAlone(string text)
    {
        Assert.False(IdentityScrubber.Identifies(text), text);
        Assert.Equal(text, IdentityScrubber.Scrub(text));
    }
}
