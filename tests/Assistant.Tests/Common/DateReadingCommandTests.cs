using Assistant.Core.Findings;
using Assistant.Core.Jobs;
using Assistant.Core.Notes;
using Assistant.Core.Schedule;
using Assistant.Core.Teams;
using Assistant.Tests.Findings;
using Assistant.Tests.Support;

namespace Assistant.Tests.Common;

/// <summary>
/// Every command and flow reads a date typed without a year by the one rule (<see cref="Core.Common.YearlessDay"/>)
/// and says the year when it is not this one; no brief is written for a day with no records. The team's visit is
/// 1–10 November 2023; "today" is 4 December 2026 unless a test says otherwise.
/// </summary>
public sealed class DateReadingCommandTests
{
    private const long Leader = 801;
    private const long Member = 803;
    private static readonly DateTimeOffset FieldNow = new(2026, 12, 4, 13, 38, 0, TimeSpan.Zero);

    private static CoreHarness Team(out Team team, DateTimeOffset? start = null)
    {
        var h = CoreHarness.Create(start: start ?? FieldNow);
        team = h.CreateTeam();
        h.AddMember(team, Leader, Role.Leader, "刘组长");
        h.AddMember(team, Member, Role.Member, "李明");
        return h;
    }

    private static void Note(CoreHarness h, Team team, DateOnly day) =>
        h.Get<NoteStore>().Insert(new Note { TeamId = team.Id, AuthorId = Member, AuthorName = "李明", Kind = NoteKind.Meeting, Text = "听取汇报", Day = day });

    [Fact]
    public void Findings_ADayOfTheVisit_IsTheVisitsAndAnotherDayTheLatestUpToToday()
    {
        using var h = Team(out _);

        h.Send(Member, "/findings 11-02");
        Assert.Contains("2023年11月2日的问题", h.LastText(Member), StringComparison.Ordinal);
        h.Send(Member, "/findings 12-03");
        Assert.Contains("2026年12月3日的问题", h.LastText(Member), StringComparison.Ordinal);
    }

    [Fact]
    public void Tally_ReadsItsDayLikeTheBrief()
    {
        using var h = Team(out _);

        h.Send(Leader, "/tally 12-04");
        Assert.Contains("2026年12月4日 工作量", h.LastText(Leader), StringComparison.Ordinal);
        h.Send(Leader, "/tally 11-02 谈话 3");
        Assert.Contains("2023年11月2日 工作量", h.LastText(Leader), StringComparison.Ordinal);
        Assert.Contains("谈话：3（已设定）", h.LastText(Leader), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_DayWithoutRecords_NoDocument_ButTheNearestDayWithRecordsOnAButton()
    {
        using var h = Team(out var team);
        Note(h, team, new DateOnly(2023, 11, 2));

        h.Send(Leader, "/summary 12-05");

        Assert.Contains("2025年12月5日没有任何记录", h.LastText(Leader), StringComparison.Ordinal); // looking back: last year's 5 December
        Assert.Contains("最近有记录的一天是2023年11月2日", h.LastText(Leader), StringComparison.Ordinal);
        Assert.Equal(0, h.Get<JobStore>().Count());
        h.Press(Leader, "生成2023年11月2日的日报");
        Assert.Contains("正在撰写2023年11月2日的工作日报", h.LastText(Leader), StringComparison.Ordinal);
        await h.Get<JobRunner>().RunDueAsync(CancellationToken.None);
        Assert.Contains(h.Messages(Leader), m => m.FileName == "G7-brief-2023-11-02-zh-CN-v1.docx");
    }

    [Fact]
    public void Summary_ButtonPressedByAMember_IsRefused()
    {
        using var h = Team(out var team);
        Note(h, team, new DateOnly(2023, 11, 2));

        h.PressData(Member, "sm:d:20231102");

        Assert.Contains("您的角色不能进行此操作", h.LastText(Member), StringComparison.Ordinal);
        Assert.Equal(0, h.Get<JobStore>().Count());
    }

    [Fact]
    public void SummaryAndReport_TeamWithNoRecordsAtAll_SayWhatToDoInsteadOfWritingAnEmptyDocument()
    {
        using var h = Team(out _);

        h.Send(Leader, "/summary");
        Assert.Contains("本组还没有任何记录。记录问题或笔记、导入日程后即可生成日报", h.LastText(Leader), StringComparison.Ordinal);
        h.Send(Leader, "/report");
        Assert.Contains("未生成反馈意见", h.LastText(Leader), StringComparison.Ordinal);
        Assert.Equal(0, h.Get<JobStore>().Count());
    }

    [Fact]
    public void Summary_DayWithOnlyItsItinerary_IsWritten()
    {
        using var h = Team(out var team, CoreHarness.DefaultStart);
        h.Get<ScheduleStore>().Insert(new ScheduleItem
        {
            TeamId = team.Id, Kind = EventKind.Briefing, Title = "听取汇报", WholeTeam = true,
            StartUtc = new DateTime(2023, 11, 2, 0, 30, 0, DateTimeKind.Utc), EndUtc = new DateTime(2023, 11, 2, 2, 0, 0, DateTimeKind.Utc),
        });

        h.Send(Leader, "/summary");

        Assert.Contains("正在撰写2023年11月2日的工作日报", h.LastText(Leader), StringComparison.Ordinal);
        Assert.Equal(1, h.Get<JobStore>().Count());
    }

    [Fact]
    public void FindingDeadline_InNextYear_IsSaidWithItsYear()
    {
        using var h = Team(out var team, new DateTimeOffset(2023, 12, 20, 2, 0, 0, TimeSpan.Zero));
        FindingFlowTests.WalkToReview(h, Member);
        h.Press(Member, "整改信息");
        h.Press(Member, "整改期限");

        h.Send(Member, "1月15日");

        Assert.Contains("日期按2024年1月15日理解。", h.AllText(Member), StringComparison.Ordinal);
        h.Press(Member, "下一步：核对");
        h.Press(Member, "保存");
        Assert.Equal(new DateOnly(2024, 1, 15), h.Get<FindingStore>().OfTeam(team.Id)[0].Deadline);
    }

    [Fact]
    public void FindingDeadline_FarAhead_ChangedInsteadOfConfirmed_KeepsEverythingElse()
    {
        using var h = Team(out var team);
        FindingFlowTests.WalkToReview(h, Member);
        h.Press(Member, "整改信息");
        h.Press(Member, "责任单位");
        h.Send(Member, "长沙市应急管理局");
        h.Press(Member, "整改期限");

        h.Send(Member, "11月30日");
        Assert.Contains("整改期限2027年11月30日距今361天", h.LastText(Member), StringComparison.Ordinal);
        h.Press(Member, "修改期限");
        h.Send(Member, "12月31日");
        h.Press(Member, "下一步：核对");
        h.Press(Member, "保存");

        var saved = h.Get<FindingStore>().OfTeam(team.Id)[0];
        Assert.Equal(new DateOnly(2026, 12, 31), saved.Deadline);
        Assert.Equal("长沙市应急管理局", saved.ResponsibleUnit);
        Assert.Equal("长沙某化工有限公司", saved.Unit);
    }

    [Fact]
    public void FindingDeadline_TypedWithATimeOfDay_IsThatDay()
    {
        using var h = Team(out var team);
        FindingFlowTests.WalkToReview(h, Member);
        h.Press(Member, "整改信息");
        h.Press(Member, "整改期限");

        h.Send(Member, "明天下午3点");
        Assert.DoesNotContain("没看懂", h.LastText(Member), StringComparison.Ordinal);
        h.Press(Member, "下一步：核对");
        h.Press(Member, "保存");

        Assert.Equal(new DateOnly(2026, 12, 5), h.Get<FindingStore>().OfTeam(team.Id)[0].Deadline);
    }

    [Fact]
    public void ScheduleItem_OnADayOfAPastVisit_IsThatDay_AndTheAnswerSaysTheYear()
    {
        using var h = Team(out var team);

        h.Send(Leader, "/schedule add");
        h.Press(Leader, "汇报会");
        h.Send(Leader, "补记：听取长沙市汇报");
        h.Send(Leader, "11-05 09:00");

        Assert.Contains("日期按2023年11月5日理解。", h.AllText(Leader), StringComparison.Ordinal);
        h.Press(Leader, "1小时");
        h.Press(Leader, "跳过");
        h.Press(Leader, "下一步");
        Assert.Contains("2023年11月5日 星期日", h.LastText(Leader), StringComparison.Ordinal);
        h.Press(Leader, "保存");
        Assert.Equal(new DateTime(2023, 11, 5, 1, 0, 0), h.Get<ScheduleStore>().OfTeam(team.Id).Single().StartUtc);
    }
}
