using Assistant.Core.Dispatching;
using Assistant.Core.Findings;
using Assistant.Core.Jobs;
using Assistant.Core.Notes;
using Assistant.Core.Schedule.Files;
using Assistant.Core.Teams;
using LiteDB;

namespace Assistant.Core.Schedule;

/// <summary>
/// A CSV or .ics itinerary sent to the bot by the liaison or the leader. The handler only queues a
/// job (downloading is slow work); the job reads the file and saves every item in one transaction,
/// or, if any row is wrong, saves nothing and lists each bad row with its line number.
/// </summary>
public sealed class ItineraryImport(JobStore jobs, IFileSource files, ScheduleService service, TeamStore teams, Outbox outbox, AssistantDatabase db, TextCatalog catalog, TimeProvider time) : IDocumentHandler, IJobHandler
{
    public const string JobKind = "itinerary-import";
    public const int MaxBytes = 1024 * 1024;
    private const int MaxErrorsShown = 20;

    public string Kind => JobKind;

    public bool Accepts(IncomingFile file)
    {
        var name = file.FileName?.ToLowerInvariant() ?? "";
        return name.EndsWith(".csv", StringComparison.Ordinal) || name.EndsWith(".ics", StringComparison.Ordinal) || name.EndsWith(".ical", StringComparison.Ordinal)
            || file.MimeType is "text/csv" or "text/calendar";
    }

    public void Handle(UpdateContext context, IncomingFile file)
    {
        var t = context.T;
        if (!context.Can(Permission.EditSchedule))
        {
            context.Reply(t["schedule.not_allowed"]);
            return;
        }

        if (file.Size is > MaxBytes)
        {
            context.Reply(t["schedule.import_too_big"]);
            return;
        }

        jobs.Enqueue(JobKind, new BsonDocument
        {
            ["file"] = file.FileId,
            ["name"] = file.FileName ?? "",
            ["user"] = context.UserId,
            ["chat"] = context.Update.ChatId,
        }, context.UtcNow);
        context.Reply(t["schedule.import_started"]);
    }

    public async Task<JobResult> RunAsync(Job job, CancellationToken cancellationToken)
    {
        var user = job.Payload["user"].AsInt64;
        var chat = job.Payload["chat"].AsInt64;
        var member = teams.GetMember(user);
        var team = member is null ? null : teams.GetTeam(member.TeamId);
        if (member is null || team is null || !AccessPolicy.Allows(member.Role, Permission.EditSchedule))
        {
            return JobResult.Done;
        }

        var t = catalog.For(member.Language);
        using var buffer = new MemoryStream();
        var fetched = await files.DownloadAsync(job.Payload["file"].AsString, buffer, cancellationToken);
        if (fetched == FileFetch.TryLater)
        {
            return new JobResult.Retry(TimeSpan.FromSeconds(30), "the file could not be downloaded now");
        }

        if (fetched == FileFetch.Unavailable || buffer.Length == 0)
        {
            Reply(chat, t["schedule.import_unreadable"]);
            return JobResult.Done;
        }

        if (buffer.Length > MaxBytes)
        {
            Reply(chat, t["schedule.import_too_big"]);
            return JobResult.Done;
        }

        var name = job.Payload["name"].AsString.ToLowerInvariant();
        var content = buffer.ToArray();
        var result = name.EndsWith(".ics", StringComparison.Ordinal) || name.EndsWith(".ical", StringComparison.Ordinal)
            ? ItineraryIcs.Parse(content, team.Zone)
            : ItineraryCsv.Parse(content, team.Zone);
        if (!result.Ok)
        {
            Reply(chat, Errors(t, result));
            return JobResult.Done;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var items = ToItems(team, result.Items);
        var queued = db.InTransaction(() =>
        {
            var counts = service.Import(team.Id, member.Id, items, now);
            var first = DateOnly.FromDateTime(Common.TimeZones.ToLocal(items.Min(i => i.StartUtc), team.Zone));
            var last = DateOnly.FromDateTime(Common.TimeZones.ToLocal(items.Max(i => i.StartUtc), team.Zone));
            var done = t.Format("schedule.import_done", items.Count, FindingCard.Date(t, first), FindingCard.Date(t, last), new SafeHtml(Counts(t, counts)));
            return outbox.Enqueue([Message(chat, done + ClashNote(t, team, member, items))], now);
        });
        outbox.NotifyAfterCommit(queued);
        return JobResult.Done;
    }

    /// <summary>
    /// The people the imported days now have in two places at once, a line a pair (at most <see cref="MaxClashesShown"/>),
    /// so that a slip in the file is seen; a pair with a covert visit the importer may not see in full is left out.
    /// </summary>
    private string ClashNote(Texts t, Team team, Member member, IReadOnlyList<ScheduleItem> items)
    {
        var clashes = service.ClashesBetween(team.Id, items.Min(i => i.StartUtc), items.Max(i => i.EndUtc))
            .Where(c => ScheduleVisibility.SeesDetails(member, c.First, inGroup: false) && ScheduleVisibility.SeesDetails(member, c.Clash.Other, inGroup: false))
            .ToList();
        if (clashes.Count == 0)
        {
            return "";
        }

        var lines = clashes.Take(MaxClashesShown).Select(c => t.Format("schedule.import_clash",
            c.Clash.Who(t),
            FindingCard.Date(t, DateOnly.FromDateTime(Common.TimeZones.ToLocal(c.First.StartUtc, team.Zone))),
            ScheduleView.Span(c.First, team.Zone), c.First.Title, ScheduleView.Span(c.Clash.Other, team.Zone), c.Clash.Other.Title));
        var more = clashes.Count > MaxClashesShown ? "\n" + t.Format("schedule.import_more_clashes", clashes.Count - MaxClashesShown) : "";
        return "\n\n" + t.Format("schedule.import_clash_title", clashes.Count) + "\n" + string.Join("\n", lines) + more;
    }

    private const int MaxClashesShown = 10;

    /// <summary>Turns parsed rows into items, matching participant names to the team's members.</summary>
    public List<ScheduleItem> ToItems(Team team, IReadOnlyList<ImportedItem> rows)
    {
        var members = teams.MembersOf(team.Id);
        return rows.Select(row =>
        {
            var matched = row.ParticipantNames.Select(n => members.FirstOrDefault(m => string.Equals(m.DisplayName, n, StringComparison.OrdinalIgnoreCase))).ToList();
            return new ScheduleItem
            {
                Kind = row.Kind,
                Title = row.Title,
                Place = row.Place,
                StartUtc = row.StartUtc,
                EndUtc = row.EndUtc,
                WholeTeam = row.WholeTeam,
                Participants = [.. matched.OfType<Member>().Select(m => m.Id).Distinct()],
                OtherParticipants = [.. row.ParticipantNames.Where((n, i) => matched[i] is null)],
                Notes = row.Notes,
            };
        }).ToList();
    }

    /// <summary>"2 new, 1 replacing an item with the same title and start": only the counts that are not zero.</summary>
    public static string Counts(Texts t, ImportCounts counts)
    {
        var parts = new List<string>();
        if (counts.Added > 0)
        {
            parts.Add(t.Format("schedule.import_added", counts.Added));
        }

        if (counts.Replaced > 0)
        {
            parts.Add(t.Format("schedule.import_replaced", counts.Replaced));
        }

        if (counts.Unchanged > 0)
        {
            parts.Add(t.Format("schedule.import_unchanged", counts.Unchanged));
        }

        return string.Join(t["list.separator"], parts);
    }

    public static string Errors(Texts t, ImportResult result)
    {
        var sb = new StringBuilder(t.Format("schedule.import_failed", Math.Max(1, result.Errors.Count)));
        var errors = result.Errors.Count > 0 ? result.Errors : [new ImportError(0, ImportProblem.NoEvents, null)];
        // The kinds the file may use, as the file writes its header: a Chinese CSV gets 见面会、汇报会… in any language.
        var kinds = string.Join(result.ChineseHeader ? "、" : t["list.separator"],
            Enum.GetValues<EventKind>().Select(k => result.ChineseHeader ? Files.ItineraryText.ChineseName(k) : t[k.Key()]));
        foreach (var error in errors.Take(MaxErrorsShown))
        {
            var problem = t.Format("import.problem." + error.Problem.ToString().ToLowerInvariant(), error.Detail ?? "", kinds);
            sb.Append('\n').Append(error.Line > 0 ? t.Format("import.line", error.Line, new SafeHtml(problem)) : problem);
        }

        if (errors.Count > MaxErrorsShown)
        {
            sb.Append('\n').Append(t.Format("schedule.import_more_errors", errors.Count - MaxErrorsShown));
        }

        return sb.ToString();
    }

    private void Reply(long chat, string html)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var queued = db.InTransaction(() => outbox.Enqueue([Message(chat, html)], now));
        outbox.NotifyAfterCommit(queued);
    }

    private static OutgoingMessage Message(long chat, string html) => new() { ChatId = chat, Html = html, Purpose = "import" };
}
