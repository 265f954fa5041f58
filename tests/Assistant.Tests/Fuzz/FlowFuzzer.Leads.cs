using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Core.Audit;
using Assistant.Core.Conversations;
using Assistant.Core.Findings;
using Assistant.Core.Leads;
using Assistant.Core.Messaging;
using Assistant.Core.Notes;
using Assistant.Core.Storage;
using Assistant.Core.Teams;
using Assistant.Tests.Ledger;
using Assistant.Tests.Support;

namespace Assistant.Tests.Fuzz;

/// <summary>
/// Leads in the fuzz run: tips recorded through the tip questions (some typed with a tipster's phone number, a
/// planted identity 139nnnnnnnn), leads listed, opened and stepped (answer, result, date, link, close, reopen) by
/// random people of either team with good and bad answers, forged steps. Invariants after every step: every saved
/// tip and every finding handed over has exactly one lead, and no lead is lost or renumbered; no lead holds a
/// planted identity, and a message holds one only where a note it was typed into may be read; a lead's number
/// reaches only those who may see the lead (never a group); a closed lead has a final result and who closed it;
/// a lead changes only through a step its actor may take, each with its audit line (or a merge's relink); no lead
/// links a finding that was merged.
/// </summary>
internal sealed partial class FlowFuzzer
{
    private static readonly string[] LeadActions = ["Answer", "Due", "Link", "Close", "Reopen", "Reopen", "Close", "Bogus", "9"];

    private static readonly string[] LeadFilters = ["", "", "逾期", "已办结", "全部", "closed", "overdue", "液化气"];

    private static readonly string[] DueAnswers = ["11-20", "11月30日", "明天", "2023-10-01", "13月40日", "+7", "下周五", ""];

    private readonly HashSet<string> _identities = [];
    private readonly Dictionary<int, (int TeamId, int Number, long TakenBy, LeadChannel Channel)> _leads = [];
    private Dictionary<int, (Lead Lead, string Json)> _leadsBefore = [];
    private long _lastAuditId;

    /// <summary>One lead-related action: record a tip, list leads, or open a lead and step it.</summary>
    private void LeadStep(long user)
    {
        switch (_random.Next(6))
        {
            case 0:
                RecordTip(Pick(Recorders));
                break;
            case 5:
                HandOver(Pick(Recorders));
                break;
            case 1:
                Send(LeadActor(user, null), "/leads " + Pick(LeadFilters), "lists leads");
                break;
            default:
                StepLead(user);
                break;
        }
    }

    /// <summary>A note, tagged as a tip, then the tip's questions: some answers identify the tipster (refused), the handling names a date or not.</summary>
    private void RecordTip(long user)
    {
        if (_h.Get<DraftStore>().Get(user) is not null)
        {
            Send(user, "/cancel", "cancels");
        }

        Send(user, "/note " + Identity("举报人电话{0}来电，") + Marker(user, "反映液化气站违规充装"), "notes a call");
        var tag = _keyboards.TryGetValue(user, out var shown) ? shown.FirstOrDefault(b => b.Data.EndsWith(":k:Tip", StringComparison.Ordinal)) : null;
        if (tag is null)
        {
            return;
        }

        Dispatch(Callback(user, tag.Data, user, ChatKind.Private), $"{user} tags the note as a tip [{tag.Data}]");
        if (Own(user, "tip", "Channel") is { } draft && _random.Next(8) > 0)
        {
            var channel = Pick(draft.Buttons);
            Dispatch(Callback(user, $"f:{draft.Nonce}.{draft.Step}:{channel.Value}", user, ChatKind.Private), $"{user} answers '{channel.Label}'");
        }

        if (Own(user, "tip", "Subject") is not null)
        {
            if (_random.Next(3) == 0)
            {
                Send(user, Identity("举报人王某某（手机{0}）反映") + "液化气站违规充装", "types a subject naming the tipster");
            }

            Send(user, _random.Next(6) == 0 ? Pick(Texts) : Marker(user, "液化气站违规充装"), "types the subject");
        }

        if (Own(user, "tip", "Handling") is { } handling)
        {
            switch (_random.Next(5))
            {
                case 0:
                    Send(user, Identity("转交长沙市核查，举报人联系电话{0}"), "types a handling naming the tipster");
                    break;
                case 1 when handling.Buttons.Count > 0:
                    var preset = Pick(handling.Buttons);
                    Dispatch(Callback(user, $"f:{handling.Nonce}.{handling.Step}:{preset.Value}", user, ChatKind.Private), $"{user} answers '{preset.Label}'");
                    return;
                default:
                    break;
            }

            var day = _random.Next(1, 31).ToString(CultureInfo.InvariantCulture);
            Send(user, _random.Next(4) == 0 ? "reply by " + day + " Nov" : $"转交长沙市核查，11月{day}日前反馈", "types the handling");
        }
    }

    /// <summary>
    /// A finding walked to its card and handed over (移交属地, the authority and a date, sometimes with a phone number to
    /// be scrubbed), then saved, or added to a finding it repeats when the card offers it.
    /// </summary>
    private void HandOver(long user)
    {
        if (_h.Get<DraftStore>().Get(user) is { } open && open.Flow != FindingFlow.FlowName)
        {
            Send(user, "/cancel", "cancels");
        }

        if (_h.Get<DraftStore>().Get(user) is null)
        {
            Send(user, "/finding", "starts a finding to hand over");
        }

        var handed = false;
        for (var i = 0; i < 24 && Own(user, FindingFlow.FlowName, null) is { } d; i++)
        {
            var handing = d.Data.TryGetValue(nameof(FindingDraft.HandedOverTo), out var to) && to.IsString;
            string[] want = d.State switch
            {
                "Aspect" => ["安全生产责任落实"],
                "Sector" => ["危险化学品"],
                "Method" => ["实地检查"],
                "Openness" => [_random.Next(4) == 0 ? "暗访" : "明查"],
                "Description" when d.Data.TryGetValue(nameof(FindingDraft.Description), out var text) && text.IsString => ["描述完成"],
                "Severity" => ["一般隐患"],
                "Review" when !handing => ["整改信息"],
                "Review" => ["保存", "并入", "G7-", "G8-"],
                _ when d.Buttons.Any(b => b.Label.StartsWith("移交属地", StringComparison.Ordinal)) => [handing ? "下一步" : "移交属地"],
                _ => [],
            };
            var button = d.Buttons.Where(b => want.Any(w => b.Label.Contains(w, StringComparison.Ordinal))).ToList();
            if (button.Count > 0)
            {
                var pick = Pick(button);
                Dispatch(Callback(user, $"f:{d.Nonce}.{d.Step}:{pick.Value}", user, ChatKind.Private), $"{user} answers '{pick.Label}'");
                handed |= d.State == "Review" && handing;
                continue;
            }

            if (handed)
            {
                break;
            }

            Send(user, d.State switch
            {
                "City" => "长沙市望城区",
                "Unit" => Marker(user, "某化工有限公司"),
                "Description" => Marker(user, "甲类仓库与办公楼防火间距不足"),
                "Basis" => "《判定标准》第一条",
                "HandOver" => _random.Next(4) == 0 ? Identity("转交长沙市应急管理局，举报人电话{0}") : $"转交长沙市应急管理局核查，11月{_random.Next(1, 31)}日前反馈",
                _ => Pick(Texts),
            }, "answers the finding to hand over");
        }
    }

    /// <summary>Someone opens a lead (its card, a step from it, or a forged step) and answers the step's questions, well or badly.</summary>
    private void StepLead(long user)
    {
        var all = AllLeads();
        if (all.Count == 0)
        {
            RecordTip(Pick(Recorders));
            return;
        }

        var closed = all.Where(l => !l.IsOpen).ToList();
        var lead = closed.Count > 0 && _random.Next(3) == 0 ? Pick(closed) : Pick(all);
        var actor = LeadActor(user, lead);
        var id = lead.Id.ToString(CultureInfo.InvariantCulture);
        if (_random.Next(3) == 0)
        {
            var action = Pick(LeadActions);
            Dispatch(Callback(actor, $"ld:a:{id}:{action}", actor, ChatKind.Private), $"{actor} presses lead step [ld:a:{id}:{action}] of {lead.Code} (team {lead.TeamId})");
        }
        else
        {
            Dispatch(Callback(actor, "ld:v:" + id, actor, ChatKind.Private), $"{actor} opens {lead.Code} (team {lead.TeamId})");
            var steps = _keyboards.TryGetValue(actor, out var shown) ? shown.Where(b => b.Data.StartsWith("ld:a:", StringComparison.Ordinal)).ToList() : [];
            if (steps.Count == 0)
            {
                return;
            }

            var step = Pick(steps);
            Dispatch(Callback(actor, step.Data, actor, ChatKind.Private), $"{actor} presses '{step.Label}' [{step.Data}]");
        }

        for (var answers = _random.Next(2, 8); answers > 0 && _h.Get<DraftStore>().Get(actor) is { Flow: LeadFlow.FlowName } draft; answers--)
        {
            AnswerLead(actor, draft);
        }
    }

    private void AnswerLead(long actor, Draft draft)
    {
        if (_random.Next(12) == 0)
        {
            Send(actor, "/cancel", "cancels the lead step");
            return;
        }

        var buttons = draft.Buttons.Where(b => !Backward.Any(w => b.Label.Contains(w, StringComparison.OrdinalIgnoreCase))).ToList();
        if (buttons.Count > 0 && (draft.State == "Result" || _random.Next(3) == 0))
        {
            var button = Pick(buttons);
            Dispatch(Callback(actor, $"f:{draft.Nonce}.{draft.Step}:{button.Value}", actor, ChatKind.Private), $"{actor} answers '{button.Label}'");
            return;
        }

        switch (draft.State)
        {
            case "Answer" when _random.Next(3) == 0:
                var name = _random.Next(2) == 0 ? Identity("举报人{0}.pdf") : $"反馈-{++_files}.pdf";
                Dispatch(CoreHarness.Text(actor, "") with { Text = null, Files = [new IncomingFile(FileKind.Document, $"file-{++_files}", name, null, 1000)] }, $"{actor} sends the answer's document {name}");
                return;
            case "Answer" or "Reason":
                Send(actor, _random.Next(10) switch
                {
                    < 3 => Identity("经核查，举报人{0}反映属实"),
                    3 => Pick(Texts),
                    4 => new string('长', 2_100),
                    _ => Marker(actor, "经核查情况属实"),
                }, "answers the lead step");
                return;
            case "Date":
                Send(actor, Pick(DueAnswers), "types a feedback date");
                return;
            case "Finding":
                Send(actor, _random.Next(5) == 0 ? Pick(Texts) : ExistingCode(), "types a finding to link");
                return;
            default:
                Send(actor, Pick(Texts), "types");
                return;
        }
    }

    /// <summary>Mostly someone who may act on the lead (its team's leader or liaison, who took it); sometimes another member, a contact, the other team.</summary>
    private long LeadActor(long user, Lead? lead)
    {
        var teamA = lead is null ? _homeTeam[user] != _teamB : lead.TeamId == _teamA;
        long[] coordinators = teamA ? [LedgerTests.Leader, LedgerTests.Liaison] : [BLeader, BLiaison];
        return _random.Next(10) switch
        {
            < 4 => Pick(coordinators),
            < 6 when lead is not null => lead.TakenBy,
            6 => teamA ? LedgerTests.Colleague : BMember,
            7 => teamA ? LedgerTests.Contact : BContact,
            8 => teamA ? BLeader : LedgerTests.Leader,
            _ => user,
        };
    }

    /// <summary>The user's draft if it is of that flow and at that question.</summary>
    private Draft? Own(long user, string flow, string? state) =>
        _h.Get<DraftStore>().Get(user) is { } d && d.Flow == flow && (state is null || d.State == state) ? d : null;

    /// <summary>A text holding a fresh phone number (a tipster's identity the fuzzer planted) at {0}.</summary>
    private string Identity(string around)
    {
        var phone = string.Create(CultureInfo.InvariantCulture, $"139{_identities.Count + 1:00000000}");
        _identities.Add(phone);
        return string.Format(CultureInfo.InvariantCulture, around, phone);
    }

    private List<Lead> AllLeads() => [.. _h.Get<LeadStore>().OfTeam(_teamA), .. _h.Get<LeadStore>().OfTeam(_teamB)];

    // ---- Invariants ----

    /// <summary>
    /// A planted identity reaches only a reader of a record other than a lead that holds it (the note it was typed into), or
    /// the typist while their own draft holds it; a lead's number only those who may see the lead.
    /// </summary>
    private void CheckLeadMessage(OutboxItem item, Member? recipient, string content)
    {
        foreach (var phone in PlantedPhone().Matches(content).Select(m => m.Value).Distinct().Where(_identities.Contains))
        {
            var holders = Records().Where(r => !r.Name.StartsWith("lead ", StringComparison.Ordinal) && r.Text.Contains(phone, StringComparison.Ordinal)).ToList();
            Stats.IdentityChecks++;
            var ownDraft = recipient is not null && _h.Get<DraftStore>().Get(recipient.Id) is { } draft
                && LiteDB.JsonSerializer.Serialize(draft.Data).Contains(phone, StringComparison.Ordinal);
            Check(
                item.ChatId > 0 && recipient is not null && (ownDraft || holders.Any(r => r.MemberMay(recipient))),
                $"a planted tipster identity {phone} reached chat {item.ChatId} ({item.Purpose}), held by [{string.Join(", ", holders.Select(r => r.Name))}]: {Shorten(Html.ToPlainText(content), 300)}");
        }

        foreach (var code in LeadCode().Matches(content).Select(m => m.Value).Distinct())
        {
            var lead = recipient is null ? null : AllLeads().FirstOrDefault(l => l.TeamId == recipient.TeamId && l.Code == code);

            // A lead's number typed into a record of its own (a plain note reading "XS001") is that record's text, read as it allows.
            var typed = recipient is not null && Records().Any(r => !r.Name.StartsWith("lead ", StringComparison.Ordinal)
                && r.Text.Contains(code, StringComparison.Ordinal) && r.MemberMay(recipient));
            Check(
                item.ChatId > 0 && ((lead is not null && LeadAccess.CanSee(recipient!, lead)) || typed),
                $"lead {code} reached chat {item.ChatId} ({item.Purpose}), who may not see it: {Shorten(Html.ToPlainText(content), 300)}");
        }
    }

    private void CheckLeads(IncomingUpdate? update)
    {
        var db = _h.Get<AssistantDatabase>();
        var mapper = db.Database.Mapper;
        var all = AllLeads();
        var byId = all.ToDictionary(l => l.Id);
        var audit = db.Collection<AuditEntry>(AuditLog.CollectionName).Find(Where.Between("_id", _lastAuditId + 1, long.MaxValue)).ToList();
        if (audit.Count > 0)
        {
            _lastAuditId = audit.Max(a => a.Id);
        }

        // Nothing lost: every lead stays with its team, number and taker; numbers run 1..n; every tip and handover has one.
        foreach (var (id, was) in _leads)
        {
            Check(byId.TryGetValue(id, out var now) && (now.TeamId, now.Number, now.TakenBy, now.Channel) == was, $"lead {id} was lost or changed its identity");
        }

        foreach (var lead in all)
        {
            _leads.TryAdd(lead.Id, (lead.TeamId, lead.Number, lead.TakenBy, lead.Channel));
        }

        foreach (var team in new[] { _teamA, _teamB })
        {
            var numbers = all.Where(l => l.TeamId == team).Select(l => l.Number).Order().ToList();
            Check(numbers.SequenceEqual(Enumerable.Range(1, numbers.Count)), $"the leads of team {team} are not numbered 1..n: {string.Join(",", numbers)}");
        }

        foreach (var note in db.Collection<Note>(NoteStore.CollectionName).FindAll().Where(n => !string.IsNullOrWhiteSpace(n.TipSubject)))
        {
            Check(all.Count(l => l.SourceNoteId == note.Id && l.TeamId == note.TeamId) == 1, $"the tip of note {note.Id} has {all.Count(l => l.SourceNoteId == note.Id)} leads");
        }

        foreach (var finding in _findings.Values.Where(f => !string.IsNullOrWhiteSpace(f.HandedOverTo)))
        {
            Check(all.Count(l => l.SourceFindingId == finding.Id) == 1, $"{finding.Code}, handed over, has {all.Count(l => l.SourceFindingId == finding.Id)} leads");
        }

        var findings = AllFindings().ToDictionary(f => f.Code);
        var json = new Dictionary<int, (Lead Lead, string Json)>();
        foreach (var lead in all)
        {
            var stored = Json(mapper, lead);
            json[lead.Id] = (lead, Comparable(mapper, lead));
            Check(!_identities.Any(p => stored.Contains(p, StringComparison.Ordinal)), $"lead {lead.Code} of team {lead.TeamId} holds a planted tipster identity: {stored}");
            Check(
                lead.IsOpen ? lead.ClosedByName is null && lead.ClosedUtc is null
                : lead.Result != LeadResult.UnderInvestigation && lead.ClosedByName is { Length: > 0 } && lead.ClosedUtc is not null,
                $"lead {lead.Code} is {(lead.IsOpen ? "open with a closer" : "closed without a final result or a closer")}: {stored}");
            foreach (var code in lead.FindingCodes)
            {
                Check(findings.TryGetValue(code, out var f) && f.TeamId == lead.TeamId && !f.IsMerged, $"lead {lead.Code} links {code}, not a live finding of its team");
            }

            if (_leadsBefore.TryGetValue(lead.Id, out var before) && before.Json != json[lead.Id].Json)
            {
                CheckLeadChange(update, before.Lead, lead, audit);
                Stats.LeadChanges++;
            }
        }

        // Every step written to the audit was one its actor may take on the lead as it was.
        foreach (var entry in audit.Where(a => a.Action == "lead"))
        {
            var parts = entry.Detail!.Split(' ');
            var lead = _leadsBefore.TryGetValue(int.Parse(parts[1], CultureInfo.InvariantCulture), out var b) ? b.Lead : null;
            var member = _h.Get<TeamStore>().GetMember(entry.ActorUserId);
            Check(
                lead is not null && Enum.TryParse<LeadAction>(parts[0], out var action) && Permitted(member, lead, action),
                $"audit says {entry.ActorUserId} took '{entry.Detail}', which they may not");
        }

        Stats.Leads = all.Count;
        Stats.ClosedLeads = all.Count(l => !l.IsOpen);
        Stats.Reopened = all.Sum(l => l.History.Count(e => e.Action == LeadAction.Reopen));
        _leadsBefore = json;
    }

    /// <summary>
    /// The fuzzer's own statement of who may take which step (not the core's, so that a fault there shows): the leader
    /// and the liaison of the lead's team any step, the member who took it all but closing and reopening; answer, date
    /// and close only while open, reopen only when closed, link always.
    /// </summary>
    private static bool Permitted(Member? member, Lead lead, LeadAction action) =>
        member is not null && member.TeamId == lead.TeamId
        && (member.Role is Role.Leader or Role.Liaison || (member.Id == lead.TakenBy && action is not (LeadAction.Close or LeadAction.Reopen)))
        && action switch
        {
            LeadAction.Link => true,
            LeadAction.Reopen => lead.ClosedBy is not null,
            _ => lead.ClosedBy is null,
        };

    /// <summary>A lead changed: a step by the acting person with its audit line, a merge's relink, or its tip saved again by its author.</summary>
    private void CheckLeadChange(IncomingUpdate? update, Lead before, Lead after, List<AuditEntry> audit)
    {
        var id = after.Id.ToString(CultureInfo.InvariantCulture);
        var actor = update?.UserId;
        var step = audit.FirstOrDefault(a => a.Action == "lead" && a.ActorUserId == actor && a.Detail!.EndsWith(" " + id, StringComparison.Ordinal));
        var relink = audit.Any(a => a.Action == "lead_relink" && a.ActorUserId == actor && a.Detail!.StartsWith(id + " ", StringComparison.Ordinal))
            && audit.Any(a => a.Action == "merge" && a.ActorUserId == actor);
        var tipAgain = actor == before.TakenBy && before.SourceNoteId is not null
            && (before.ClosedBy, before.Result, before.Answer, before.History.Count) == (after.ClosedBy, after.Result, after.Answer, after.History.Count);
        Check(step is not null || relink || tipAgain, $"lead {after.Code} of team {after.TeamId} changed when {actor?.ToString(CultureInfo.InvariantCulture) ?? "nobody"} acted, with no step of theirs in the audit");
        if (!before.IsOpen && after.IsOpen)
        {
            var e = after.History[^1];
            Check(e.Action == LeadAction.Reopen && e.ById == actor && !string.IsNullOrWhiteSpace(e.Detail), $"lead {after.Code} was reopened without its reason and reopener in its history");
        }
    }

    /// <summary>The lead as stored, less what the reminder scan writes (when it planned the lead's reminders).</summary>
    private static string Comparable(LiteDB.BsonMapper mapper, Lead lead)
    {
        var doc = mapper.ToDocument(lead);
        doc.Remove(nameof(Lead.RemindersSent));
        doc.Remove(nameof(Lead.OpenDueKey));
        return LiteDB.JsonSerializer.Serialize(doc);
    }

    /// <summary>Each lead as a record that may hold typed text: read by those <see cref="LeadAccess"/> allows, never in a group.</summary>
    private void AddLeadRecords(List<Record> records)
    {
        var mapper = _h.Get<AssistantDatabase>().Database.Mapper;
        foreach (var lead in AllLeads())
        {
            records.Add(new($"lead {lead.Code} of team {lead.TeamId}", Json(mapper, lead), false, m => LeadAccess.CanSee(m, lead)));
        }
    }

    [GeneratedRegex(@"139\d{8}")]
    private static partial Regex PlantedPhone();

    [GeneratedRegex(@"XS\d{3}")]
    private static partial Regex LeadCode();
}
