using System.Globalization;
using Assistant.Core.Common;

namespace Assistant.Tests.Common;

/// <summary>The one reading of a date typed without a year (<see cref="YearlessDay"/>), with the field test's inputs.</summary>
public sealed class YearlessDayTests
{
    // The field test: today 2026-12-04, the demo team's visit 1–10 November 2023.
    private const string FieldToday = "2026-12-04";
    private static readonly DateOnly VisitFrom = new(2023, 11, 1);
    private static readonly DateOnly VisitTo = new(2023, 11, 10);

    [Theory]
    [InlineData("12-04", DateQuestion.LookBack, "2026-12-04")] // /summary 12-04: today, not 2023-12-04
    [InlineData("12-05", DateQuestion.LookUp, "2026-12-05")] // /schedule 12-05: tomorrow, as /tomorrow shows
    [InlineData("11月30日", DateQuestion.Deadline, "2027-11-30")] // a deadline: the next 30 November
    [InlineData("12-05", DateQuestion.Plan, "2026-12-05")] // a new itinerary item
    [InlineData("11-02", DateQuestion.LookBack, "2023-11-02")] // a day of the visit: the visit's
    [InlineData("11-03", DateQuestion.LookUp, "2023-11-03")]
    [InlineData("11-05", DateQuestion.Plan, "2023-11-05")] // correcting the visit's itinerary afterwards
    [InlineData("11-05", DateQuestion.Deadline, "2027-11-05")] // a deadline is never a past day of the visit
    [InlineData("12-05", DateQuestion.LookBack, "2025-12-05")] // looking back: the latest such day
    [InlineData("6-01", DateQuestion.LookUp, "2027-06-01")] // 179 days ahead is nearer than 186 back
    [InlineData("6-10", DateQuestion.LookUp, "2026-06-10")] // 177 days back is nearer than 188 ahead
    public void Resolve_FieldTestInputs_TakeTheRightYear(string typed, DateQuestion question, string expected)
    {
        var result = DateInput.Parse(typed, Day(FieldToday), new DateInputOptions(question, VisitFrom, VisitTo));

        Assert.Equal(new DateInputResult(Day(expected), DateInputError.None), result);
    }

    [Theory]
    [InlineData("11-05", DateQuestion.LookBack)]
    [InlineData("11-05", DateQuestion.LookUp)]
    [InlineData("11-05", DateQuestion.Plan)]
    [InlineData("11-05", DateQuestion.Deadline)]
    public void Resolve_DuringTheVisit_ADayOfTheVisitIsThatDay(string typed, DateQuestion question) =>
        Assert.Equal(new DateOnly(2023, 11, 5), DateInput.Parse(typed, new DateOnly(2023, 11, 2), new DateInputOptions(question, VisitFrom, VisitTo)).Date);

    [Theory]
    [InlineData("12-30", "2023-12-30")]
    [InlineData("1-05", "2024-01-05")]
    public void Resolve_VisitAcrossNewYear_EachDayGetsItsOwnYear(string typed, string expected) =>
        Assert.Equal(Day(expected), DateInput.Parse(typed, Day("2024-03-01"), new DateInputOptions(DateQuestion.LookBack, Day("2023-12-28"), Day("2024-01-06"))).Date);

    [Fact]
    public void FarDeadline_MoreThan180Days_NeedsConfirmation()
    {
        var today = Day(FieldToday);

        Assert.True(YearlessDay.IsFarDeadline(Day("2027-11-30"), today));
        Assert.True(YearlessDay.IsFarDeadline(today.AddDays(181), today));
        Assert.False(YearlessDay.IsFarDeadline(today.AddDays(180), today));
    }

    [Fact]
    public void NeedsYear_OnlyOutsideTheCurrentYear()
    {
        Assert.True(YearlessDay.NeedsYear(Day("2027-01-15"), Day(FieldToday)));
        Assert.True(YearlessDay.NeedsYear(Day("2023-11-02"), Day(FieldToday)));
        Assert.False(YearlessDay.NeedsYear(Day("2026-01-15"), Day(FieldToday)));
    }

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
