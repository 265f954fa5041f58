using Assistant.Core.Teams;

namespace Assistant.Core.Schedule;

/// <summary>What an itinerary item is (see shared/domain.md).</summary>
public enum EventKind
{
    /// <summary>见面会: the governor presides, the team leader speaks, the province reports.</summary>
    KickOffMeeting,

    /// <summary>汇报会.</summary>
    Briefing,

    /// <summary>实地检查.</summary>
    SiteInspection,

    /// <summary>暗访: secret until done; only its participants and the leader see it.</summary>
    CovertVisit,

    /// <summary>个别谈话.</summary>
    Interview,

    /// <summary>调阅材料.</summary>
    DocumentReview,

    /// <summary>培训 run by the team's experts.</summary>
    Training,

    /// <summary>反馈会 at the end of the visit.</summary>
    FeedbackMeeting,

    /// <summary>路途.</summary>
    Travel,

    Other,
}

/// <summary>One item of a team's itinerary. Times are stored in UTC and shown in the team's time zone.</summary>
public sealed class ScheduleItem
{
    public int Id { get; set; }

    public int TeamId { get; set; }

    public EventKind Kind { get; set; }

    public string Title { get; set; } = "";

    public string? Place { get; set; }

    public DateTime StartUtc { get; set; }

    public DateTime EndUtc { get; set; }

    /// <summary>The whole team takes part (全体).</summary>
    public bool WholeTeam { get; set; }

    /// <summary>Members taking part (their user ids).</summary>
    public List<long> Participants { get; set; } = [];

    /// <summary>People named on the itinerary who are not members (e.g. 省应急厅陪同人员).</summary>
    public List<string> OtherParticipants { get; set; } = [];

    public string? Notes { get; set; }

    public bool Cancelled { get; set; }

    /// <summary>Increases with every change; buttons on an older card are stale.</summary>
    public int Revision { get; set; } = 1;

    public long CreatedBy { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public bool IsCovert => Kind == EventKind.CovertVisit;

    public bool Involves(long memberId) => WholeTeam || Participants.Contains(memberId);
}

/// <summary>
/// Who may see a schedule item in full. A covert visit only its participants (every member when it is for the whole team, 全体), the leader and the
/// person who entered it; everyone else sees a busy slot with no target, place or people, and never
/// in a group chat or in an export made for them.
/// </summary>
public static class ScheduleVisibility
{
    public static bool SeesDetails(Member? viewer, ScheduleItem item, bool inGroup)
    {
        if (viewer is null || viewer.TeamId != item.TeamId || viewer.Role == Role.Contact)
        {
            return false;
        }

        if (!item.IsCovert)
        {
            return true;
        }

        return !inGroup && (item.Involves(viewer.Id) || viewer.Role == Role.Leader || item.CreatedBy == viewer.Id);
    }
}
