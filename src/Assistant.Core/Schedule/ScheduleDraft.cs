using Assistant.Core.Conversations;

namespace Assistant.Core.Schedule;

/// <summary>What has been entered in the schedule flow so far.</summary>
public sealed class ScheduleDraft : IReviewedDraft
{
    public int? EditingItemId { get; set; }

    public int EditingRevision { get; set; }

    /// <summary>The current question was reached from the card: answering returns there.</summary>
    public bool ReturnToReview { get; set; }

    public EventKind? Kind { get; set; }

    public string? Title { get; set; }

    /// <summary>Start in team time.</summary>
    public DateTime? Start { get; set; }

    /// <summary>End in team time.</summary>
    public DateTime? End { get; set; }

    public string? Place { get; set; }

    public bool WholeTeam { get; set; }

    public List<long> Participants { get; set; } = [];

    /// <summary>People from outside the team, marked so by the liaison: shown as external, never notified.</summary>
    public List<string> OtherParticipants { get; set; } = [];

    /// <summary>Names typed that match no member, waiting for the liaison to say who they are.</summary>
    public List<string> UnknownNames { get; set; } = [];

    public string? Notes { get; set; }

    /// <summary>Member ids offered as participant buttons (a button carries only its index).</summary>
    public List<long> Offered { get; set; } = [];

    public static ScheduleDraft From(ScheduleItem item, TimeZoneInfo zone) => new()
    {
        EditingItemId = item.Id,
        EditingRevision = item.Revision,
        ReturnToReview = true,
        Kind = item.Kind,
        Title = item.Title,
        Start = TimeZones.ToLocal(item.StartUtc, zone),
        End = TimeZones.ToLocal(item.EndUtc, zone),
        Place = item.Place,
        WholeTeam = item.WholeTeam,
        Participants = [.. item.Participants],
        OtherParticipants = [.. item.OtherParticipants],
        Notes = item.Notes,
    };

    public void ApplyTo(ScheduleItem item, TimeZoneInfo zone)
    {
        item.Kind = Kind ?? EventKind.Other;
        item.Title = Title ?? "";
        item.StartUtc = TimeZones.ToUtc(DateOnly.FromDateTime(Start!.Value), TimeOnly.FromDateTime(Start.Value), zone);
        var end = End ?? Start.Value.AddHours(1);
        item.EndUtc = TimeZones.ToUtc(DateOnly.FromDateTime(end), TimeOnly.FromDateTime(end), zone);
        item.Place = Place;
        item.WholeTeam = WholeTeam;
        item.Participants = WholeTeam ? [] : [.. Participants];
        item.OtherParticipants = WholeTeam ? [] : [.. OtherParticipants];
        item.Notes = Notes;
    }
}
